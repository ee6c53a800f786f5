/**
 * Test helpers for kubectl and the laptop shell: a fake KubePort over a hand-built world
 * (./fixtures.ts) that answers writes the way the API server does at the moment of the
 * request (what happens afterwards is up to the test), and a harness that runs lines on any
 * port and reads back what was printed, the exit status and the API requests sent.
 */
import type { KubeInput, KubeRequest, KubeResult } from '../../sim/kube/inputs';
import type { KubePort } from '../../sim/kube/port';
import type { KubeTraceEntry } from '../../sim/kube/trace';
import { objectKey, type KubeWorld } from '../../sim/kube/types';
import type { OutputChunk } from '../shell/types';
import { addDeployment, fixtureWorld } from './fixtures';
import { KubeShell } from './kubeShell';
import { routeWrites } from './routeWrites';

export { EPOCH, addDeployment, addPod, fixtureWorld } from './fixtures';

export const REFUSED =
  'The connection to the server 10.0.0.10:6443 was refused - did you specify the right host or port?';

/** A KubePort on a hand-built world: writes change only what the API server itself stores. */
export class FakeKubePort implements KubePort {
  readonly trace: readonly KubeTraceEntry[] = [];
  readonly inputs: KubeInput[] = [];
  reachable = true;
  /** When set, the next write is answered with this (then it is cleared). */
  failNext: KubeResult | null = null;

  constructor(readonly world: KubeWorld = fixtureWorld()) {}

  get now(): number {
    return this.world.now;
  }

  apiReachable(): boolean {
    return this.reachable;
  }

  connectionRefused(): string {
    return REFUSED;
  }

  advance(ms: number): void {
    this.world.now += ms;
  }

  /** The kubelet confirms a deleted pod is gone: it leaves the API. */
  finish(namespace: string, name: string): void {
    delete this.world.pods[objectKey(namespace, name)];
  }

  apply(input: KubeInput): KubeResult {
    this.inputs.push(input);
    if (input.kind === 'advance') this.advance(input.ms);
    if (input.kind !== 'api') return { ok: true };
    if (!this.reachable) return { ok: false, code: 0, reason: '', message: REFUSED };
    if (this.failNext) {
      const result = this.failNext;
      this.failNext = null;
      return result;
    }
    return this.answer(input.request);
  }

  private answer(r: KubeRequest): KubeResult {
    const w = this.world;
    const notFound = (what: string, name: string): KubeResult => ({
      ok: false,
      code: 404,
      reason: 'NotFound',
      message: `${what} "${name}" not found`,
    });
    switch (r.verb) {
      case 'createDeployment':
        if (w.deployments[objectKey(r.namespace, r.name)])
          return {
            ok: false,
            code: 409,
            reason: 'AlreadyExists',
            message: `deployments.apps "${r.name}" already exists`,
          };
        addDeployment(w, {
          name: r.name,
          image: r.image,
          namespace: r.namespace,
          created: w.now,
          replicas: r.replicas,
          pods: Array.from({ length: r.replicas }, () => 'pending' as const),
        });
        return { ok: true };
      case 'scaleDeployment': {
        const d = w.deployments[objectKey(r.namespace, r.name)];
        if (!d) return notFound('deployments.apps', r.name);
        d.replicas = r.replicas;
        return { ok: true };
      }
      case 'deleteDeployment':
        if (!w.deployments[objectKey(r.namespace, r.name)])
          return notFound('deployments.apps', r.name);
        delete w.deployments[objectKey(r.namespace, r.name)];
        return { ok: true };
      case 'deletePod':
      case 'evictPod': {
        const pod = w.pods[objectKey(r.namespace, r.name)];
        if (!pod) return notFound('pods', r.name);
        pod.deletionTimestamp ??= w.now;
        pod.status = 'terminating';
        pod.ready = false;
        return { ok: true };
      }
      case 'cordon':
      case 'uncordon': {
        const node = w.nodes[r.node];
        if (!node) return notFound('nodes', r.node);
        node.unschedulable = r.verb === 'cordon';
        return { ok: true };
      }
    }
  }
}

export interface KubeRan {
  readonly stdout: string;
  readonly stderr: string;
  readonly status: number;
  readonly busy: boolean;
  /** `verb target` of every API write the shell sent while the line ran. */
  readonly requests: readonly string[];
}

/** A KubeShell on `port`, with time passed by `advanceBy` (the cluster's clock). */
export class KubeHarness {
  readonly shell: KubeShell;
  readonly ready: { count: number } = { count: 0 };
  private chunks: OutputChunk[] = [];
  private sent: string[] = [];

  constructor(
    readonly port: KubePort,
    private readonly advanceBy: (ms: number) => void,
  ) {
    const recording = routeWrites(port, (input) => {
      if (input.kind === 'api') {
        const r = input.request;
        this.sent.push('node' in r ? `${r.verb} ${r.node}` : `${r.verb} ${r.namespace}/${r.name}`);
      }
      return port.apply(input);
    });
    this.shell = new KubeShell(recording);
    this.shell.subscribe((e) => {
      if (e.type === 'output') this.chunks.push(e.chunk);
      if (e.type === 'ready') this.ready.count++;
    });
  }

  /** Runs a line; while it leaves a job running, lets time pass (up to `waitMs`) for it. */
  run(line: string, waitMs = 0): KubeRan {
    this.reset();
    this.shell.execute(line);
    for (let waited = 0; this.shell.busy && waited < waitMs; waited += 100) {
      this.advanceBy(100);
      this.shell.poll();
    }
    return this.result();
  }

  /** Lets time pass with the shell polled every 100 ms, as the live view's clock does. */
  advance(ms: number): KubeRan {
    this.reset();
    for (let waited = 0; waited < ms; waited += 100) {
      this.advanceBy(100);
      this.shell.poll();
    }
    return this.result();
  }

  interrupt(): KubeRan {
    this.reset();
    this.shell.interrupt();
    return this.result();
  }

  private reset(): void {
    this.chunks = [];
    this.sent = [];
  }

  private result(): KubeRan {
    const text = (stream: OutputChunk['stream']) =>
      this.chunks
        .filter((c) => c.stream === stream)
        .map((c) => c.text)
        .join('');
    return {
      stdout: text('stdout'),
      stderr: text('stderr'),
      status: this.shell.lastStatus,
      busy: this.shell.busy,
      requests: [...this.sent],
    };
  }
}

/** A harness on a fake port over a fixture world. */
export function fakeHarness(world: KubeWorld = fixtureWorld()) {
  const port = new FakeKubePort(world);
  return { port, h: new KubeHarness(port, (ms) => port.advance(ms)) };
}
