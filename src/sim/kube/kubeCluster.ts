/**
 * A Kubernetes cluster on containerd: the control plane (API server, etcd, scheduler,
 * controller manager) on one node, workers running the kubelet and containerd, and no
 * dockerd anywhere. kubelet -> CRI -> containerd (namespace k8s.io) -> one shim per pod ->
 * runc, each pod with its pause container.
 *
 * API (the kubectl shell and the cluster view code against it; see port.ts)
 *
 *   const c = new KubeCluster({ seed: 'lesson', workers: 3, epochMs? })
 *     Nodes `control-plane`, `worker-1`..`worker-N`, set up as kubeadm leaves them ten
 *     virtual minutes before time 0: system pods running, images of the system pulled.
 *   c.world: KubeWorld        (./types.ts) the API objects and what each machine really runs
 *   c.trace                   (./trace.ts) what happened since time 0, message by message:
 *                             the latest entries only (CLUSTER_TRACE_KEEP), read by seq
 *   c.log                     every input with its virtual time
 *   c.now                     virtual time in ms
 *   c.apply(input, at?)       one input (./inputs.ts); time passes first to `at`
 *   c.advance(ms)             time passes (logged as an input)
 *   c.idle(ms)                time passes while nobody acts (quiet spells merge in the log)
 *   c.apiReachable(), c.connectionRefused()
 *   KubeCluster.replay(options, log)   the same trace and world, exactly
 *
 * Faults: power off a machine (its processes and sandboxes are gone; the API server notices
 * only when its lease runs out: NotReady after 50 s, pods evicted 300 s later and made again
 * elsewhere), cut a worker off the network (its pods run on, unseen), restore either. Power
 * off the control plane and nothing can be created or changed, while the pods already on the
 * workers keep running.
 */
import { seedRandom, type RandomState } from '../random';
import { handleRequest } from './apiserver';
import { CONTROL_PLANE, initialWorld } from './boot';
import type { KubeAction, KubeCtx } from './context';
import { machineUp } from './context';
import { evictFromNode, monitorNodes, runControllers } from './controllers';
import { API_PORT, BOOT_MS, CONTROL_PLANE_ADDRESS, NODE_MONITOR_PERIOD_MS } from './defaults';
import { describeKubeInput, type KubeInput, type KubeResult, type LoggedKubeInput } from './inputs';
import { finishStep, kubeletSync, podsByNode, renewLease } from './kubelet';
import type { KubePort } from './port';
import { powerOffMachine, powerOnMachine } from './runtime';
import type { KubeTraceEntry, KubeTraceKind } from './trace';
import { CLUSTER_TRACE_KEEP, TraceWindow } from '../traceWindow';
import { own, type KubeWorld } from './types';
import { MAX_ADVANCE_MS } from '../inputs';

export interface KubeClusterOptions {
  readonly seed: string;
  /** Worker nodes besides the control plane (1 to 50; 3 by default). */
  readonly workers?: number;
  readonly epochMs?: number;
}

/** 2026-11-29T09:00:00Z: a lesson morning, so ages and dates read naturally. */
const DEFAULT_EPOCH_MS = Date.UTC(2026, 10, 29, 9, 0, 0);
/** The cluster was set up this long before time 0 (the system pods' AGE reads 10m). */
const SET_UP_BEFORE_MS = 600_000;
const MAX_WORKERS = 50;

interface Timer {
  readonly at: number;
  readonly seq: number;
  readonly action: KubeAction;
}

function fail(message: string): KubeResult {
  return { ok: false, code: 0, reason: '', message };
}

export class KubeCluster implements KubePort {
  readonly world: KubeWorld;
  private readonly rand: RandomState;
  private entries = new TraceWindow<KubeTraceEntry>(CLUSTER_TRACE_KEEP);
  private readonly inputs: LoggedKubeInput[] = [];
  private timers: Timer[] = [];
  private timerSeq = 0;
  private controllerStarted = -SET_UP_BEFORE_MS;
  /** The trace's length when the last idle spell ended (idle merges after a quiet one). */
  private quietSince = -1;
  private readonly ctx: KubeCtx;

  constructor(readonly options: KubeClusterOptions) {
    const workers = Math.max(1, Math.min(MAX_WORKERS, Math.floor(options.workers ?? 3)));
    this.rand = seedRandom(`${options.seed}/kube`);
    this.world = initialWorld(
      this.rand,
      workers,
      -SET_UP_BEFORE_MS,
      options.epochMs ?? DEFAULT_EPOCH_MS,
    );
    this.ctx = {
      world: this.world,
      rand: this.rand,
      emit: (kind, from, to, label, detail) => this.emit(kind, from, to, label, detail),
      schedule: (delayMs, action) => this.schedule(delayMs, action),
      apiUp: () => this.apiReachable(),
    };
    for (const node of Object.keys(this.world.nodes))
      this.schedule(0, { kind: 'lease', node, boot: -SET_UP_BEFORE_MS });
    this.schedule(NODE_MONITOR_PERIOD_MS, { kind: 'monitor' });
    this.reconcile();
    this.runUntil(0);
    // The set-up is history: the trace starts at time 0 with a running cluster.
    this.entries = new TraceWindow(CLUSTER_TRACE_KEEP);
  }

  /** The latest entries (CLUSTER_TRACE_KEEP at least), by absolute seq. */
  get trace(): TraceWindow<KubeTraceEntry> {
    return this.entries;
  }

  get log(): readonly LoggedKubeInput[] {
    return this.inputs;
  }

  get now(): number {
    return this.world.now;
  }

  apiReachable(): boolean {
    return machineUp(this.ctx, CONTROL_PLANE);
  }

  connectionRefused(): string {
    return `The connection to the server ${CONTROL_PLANE_ADDRESS}:${API_PORT} was refused - did you specify the right host or port?`;
  }

  advance(ms: number): void {
    this.apply({ kind: 'advance', ms });
  }

  /**
   * Lets time pass while nobody acts (the view's clock, ten times a second). Idle spells with
   * nothing in between (no input, nothing traced since the last one ended) are merged into the
   * logged `advance`, so an hour on a projector keeps a one-line log. The merged input replays
   * to the same trace: timers fall due at the same virtual times and the cluster reconciles
   * after each, so the reconciles it skips (at the ends of the spells) find nothing to do.
   * Never merged past the longest single advance.
   */
  idle(ms: number): void {
    const last = this.inputs.at(-1);
    const merged = last?.input.kind === 'advance' ? last.input.ms + ms : Infinity;
    const quiet = this.quietSince === this.entries.length;
    if (last && quiet && Number.isFinite(ms) && ms >= 0 && merged <= MAX_ADVANCE_MS) {
      this.inputs[this.inputs.length - 1] = { at: last.at, input: { kind: 'advance', ms: merged } };
      this.runUntil(last.at + merged);
      this.reconcile();
    } else this.advance(ms);
    this.quietSince = this.entries.length;
  }

  apply(input: KubeInput, at?: number): KubeResult {
    if (at !== undefined && at > this.now) this.runUntil(at);
    this.inputs.push({ at: this.now, input });
    if (input.kind !== 'advance')
      this.emit('input', 'user', target(input), describeKubeInput(input));
    const result = this.applyNow(input);
    this.reconcile();
    return result;
  }

  static replay(options: KubeClusterOptions, log: readonly LoggedKubeInput[]): KubeCluster {
    const cluster = new KubeCluster(options);
    for (const entry of log) cluster.apply(entry.input, entry.at);
    return cluster;
  }

  private applyNow(input: KubeInput): KubeResult {
    switch (input.kind) {
      case 'api':
        if (!this.apiReachable()) return fail(this.connectionRefused());
        return handleRequest(this.ctx, input.request);
      case 'typed':
        return { ok: true };
      case 'advance':
        if (!Number.isFinite(input.ms) || input.ms < 0) return fail('time only moves forward');
        this.runUntil(this.now + Math.min(input.ms, MAX_ADVANCE_MS));
        return { ok: true };
      case 'powerOff': {
        const m = own(this.world.machines, input.node);
        if (!m) return fail(`no machine called ${input.node}`);
        if (m.power === 'off') return fail(`${input.node} is already off`);
        powerOffMachine(m);
        return { ok: true };
      }
      case 'partition': {
        const m = own(this.world.machines, input.node);
        if (!m) return fail(`no machine called ${input.node}`);
        if (input.node === CONTROL_PLANE)
          return fail('the control plane stays on the network here; power it off instead');
        if (m.power === 'off') return fail(`${input.node} is off`);
        m.partitioned = true;
        return { ok: true };
      }
      case 'restore': {
        const m = own(this.world.machines, input.node);
        if (!m) return fail(`no machine called ${input.node}`);
        if (m.power === 'on') {
          m.partitioned = false;
          return { ok: true };
        }
        powerOnMachine(m, this.now + BOOT_MS);
        this.schedule(BOOT_MS, { kind: 'boot', node: input.node });
        return { ok: true };
      }
    }
  }

  private run(action: KubeAction): void {
    switch (action.kind) {
      case 'kubelet':
        return finishStep(this.ctx, action.node, action.pod, action.boot);
      case 'lease':
        return renewLease(this.ctx, action.node, action.boot);
      case 'monitor':
        return monitorNodes(this.ctx, this.controllerStarted);
      case 'evict':
        return evictFromNode(this.ctx, action.node);
      case 'boot': {
        const m = this.world.machines[action.node];
        if (!m || m.power !== 'on' || m.bootedAt !== this.now) return;
        this.emit('note', action.node, `${action.node}:kubelet`, 'containerd and kubelet started');
        // A restarted control plane gives every node a fresh grace period before judging it.
        if (action.node === CONTROL_PLANE) this.controllerStarted = this.now;
        return renewLease(this.ctx, action.node, m.bootedAt);
      }
    }
  }

  /**
   * Lets virtual time pass to `t`, running every timer due on the way, in order. The loops are
   * level-triggered, so they reconcile once after all the timers of one instant.
   */
  private runUntil(t: number): void {
    for (;;) {
      const next = this.timers[0];
      if (!next || next.at > t) break;
      this.world.now = Math.max(this.world.now, next.at);
      while (this.timers[0] && this.timers[0].at === next.at) {
        const timer = this.timers.shift();
        if (timer) this.run(timer.action);
      }
      this.reconcile();
    }
    this.world.now = Math.max(this.world.now, t);
  }

  private reconcile(): void {
    runControllers(this.ctx);
    const bound = podsByNode(this.ctx);
    for (const node of Object.keys(this.world.nodes))
      kubeletSync(this.ctx, node, bound.get(node) ?? []);
  }

  private schedule(delayMs: number, action: KubeAction): void {
    const timer: Timer = { at: this.now + Math.max(0, delayMs), seq: this.timerSeq++, action };
    // Timers stay sorted by time, then by when they were set: equal times run in order.
    let i = this.timers.length;
    while (i > 0 && (this.timers[i - 1]?.at ?? 0) > timer.at) i--;
    this.timers.splice(i, 0, timer);
  }

  private emit(
    kind: KubeTraceKind,
    from: string,
    to: string,
    label: string,
    detail?: Readonly<Record<string, unknown>>,
  ): void {
    this.entries.push({
      seq: this.entries.length,
      t: this.now,
      kind,
      from,
      to,
      label,
      ...(detail ? { detail } : {}),
    });
  }
}

function target(input: KubeInput): string {
  switch (input.kind) {
    case 'api':
    case 'typed':
      return 'kubectl';
    case 'advance':
      return 'cluster';
    default:
      return input.node;
  }
}
