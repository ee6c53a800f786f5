/**
 * The kubelet of each node: it watches the pods bound to its node and makes containerd match
 * them, one CRI call at a time (RunPodSandbox, PullImage, CreateContainer, StartContainer;
 * StopContainer, StopPodSandbox and RemovePodSandbox for deleted pods), reports pod status to
 * the API server, and renews its node's Lease every 10 s.
 *
 * Contract: level-triggered. `kubeletSync` looks at what the API server says and what runs,
 * and starts the next step for each pod that differs; a step ends with a `kubelet` action.
 * Cut off from the API server, a kubelet keeps running what it has (static pods included) but
 * learns of no new pods or deletions and reports nothing.
 */
import { podMachine } from '../../machines';
import { nextState } from '../lifecycle';
import { kubeletConnected, machineUp, type KubeCtx } from './context';
import { LEASE_RENEW_MS, STEP_MS } from './defaults';
import * as cri from './runtime';
import { kubeEndpoint } from './trace';
import { objectKey, type KubeletStep, type Machine, type Pod, type PodStatus } from './types';

const CRI_CALL: Readonly<Record<KubeletStep, string>> = {
  runSandbox: 'RunPodSandbox',
  pullImage: 'PullImage',
  createContainer: 'CreateContainer',
  startContainer: 'StartContainer',
  stopContainer: 'StopContainer',
  removeSandbox: 'StopPodSandbox, RemovePodSandbox',
};

/** Moves a pod along its lifecycle (src/machines/pod.ts); false when the event does not apply. */
export function podEvent(pod: Pod, event: Parameters<typeof nextState<typeof podMachine>>[2]) {
  const next = nextState(podMachine, pod.status, event) as PodStatus | null;
  if (next === null) return false;
  pod.status = next;
  return true;
}

/** The API server forgets the pod (the kubelet confirmed it, or it never ran anywhere). */
export function forgetPod(ctx: KubeCtx, pod: Pod): void {
  podEvent(pod, pod.status === 'pending' ? { type: 'DELETE' } : { type: 'CONFIRMED_GONE' });
  delete ctx.world.pods[objectKey(pod.namespace, pod.name)];
  ctx.emit('etcd', 'apiserver', 'etcd', `delete /registry/pods/${pod.namespace}/${pod.name}`);
}

function begin(ctx: KubeCtx, m: Machine, key: string, podName: string, step: KubeletStep): void {
  m.work[key] = step;
  const kubelet = kubeEndpoint.kubelet(m.name);
  ctx.emit('cri', kubelet, kubeEndpoint.containerd(m.name), CRI_CALL[step], { pod: podName });
  ctx.schedule(STEP_MS[step] ?? 100, { kind: 'kubelet', node: m.name, pod: key, boot: m.bootedAt });
}

/** The pods this kubelet acts on: bound to its node, as far as it can know. */
function knownPods(ctx: KubeCtx, node: string, connected: boolean, bound: readonly Pod[]): Pod[] {
  return bound.filter(
    (p) =>
      connected ||
      p.mirror ||
      !!ctx.world.machines[node]?.sandboxes[objectKey(p.namespace, p.name)],
  );
}

function report(ctx: KubeCtx, m: Machine, pod: Pod): void {
  const key = objectKey(pod.namespace, pod.name);
  const running = m.sandboxes[key]?.containers.find((c) => c.state === 'CONTAINER_RUNNING');
  if (!running) return;
  const fresh = pod.status !== 'running' || !pod.ready;
  if (!fresh) return;
  if (running.attempt > pod.restarts) {
    pod.restarts = running.attempt;
    pod.lastRestartAt = ctx.world.now;
  }
  podEvent(pod, { type: 'CONTAINERS_STARTED' });
  pod.startedAt ??= ctx.world.now;
  pod.ready = true;
  pod.ip = m.sandboxes[key]?.ip ?? pod.ip;
  ctx.emit('api', kubeEndpoint.kubelet(m.name), 'apiserver', `PATCH pods/${pod.name}/status`, {
    phase: 'Running',
    ready: true,
  });
}

function pulling(ctx: KubeCtx, m: Machine, image: string): boolean {
  return Object.entries(m.work).some(
    ([key, step]) => step === 'pullImage' && ctx.world.pods[key]?.template.image === image,
  );
}

/** Starts the next step for every pod of this node whose containers differ from the API's. */
/** The pods bound to each node, gathered once for every kubelet's sync. */
export function podsByNode(ctx: KubeCtx): Map<string, Pod[]> {
  const byNode = new Map<string, Pod[]>();
  for (const pod of Object.values(ctx.world.pods)) {
    if (pod.nodeName === null) continue;
    const list = byNode.get(pod.nodeName);
    if (list) list.push(pod);
    else byNode.set(pod.nodeName, [pod]);
  }
  return byNode;
}

export function kubeletSync(ctx: KubeCtx, node: string, bound: readonly Pod[]): void {
  const m = ctx.world.machines[node];
  if (!m || !machineUp(ctx, node)) return;
  const connected = kubeletConnected(ctx, node);
  const seen = new Set<string>();
  for (const pod of knownPods(ctx, node, connected, bound)) {
    const key = objectKey(pod.namespace, pod.name);
    seen.add(key);
    if (m.work[key]) continue;
    const sandbox = m.sandboxes[key];
    const deleted = pod.deletionTimestamp !== null && connected;
    if (deleted) {
      if (!sandbox) forgetPod(ctx, pod);
      else if (sandbox.containers.some((c) => c.state === 'CONTAINER_RUNNING'))
        begin(ctx, m, key, pod.name, 'stopContainer');
      else begin(ctx, m, key, pod.name, 'removeSandbox');
      continue;
    }
    if (pod.deletionTimestamp !== null) continue;
    const running = sandbox?.containers.some((c) => c.state === 'CONTAINER_RUNNING');
    if (running) {
      if (connected) report(ctx, m, pod);
      continue;
    }
    if (connected && pod.status === 'running') {
      // Its containers are gone (the machine lost power): back to ContainerCreating.
      podEvent(pod, { type: 'CONTAINERS_LOST' });
      pod.ready = false;
    }
    if (!sandbox) begin(ctx, m, key, pod.name, 'runSandbox');
    else if (sandbox.containers.some((c) => c.state === 'CONTAINER_CREATED'))
      begin(ctx, m, key, pod.name, 'startContainer');
    else if (!m.images.includes(pod.template.image)) {
      // One pull per image at a time (the kubelet pulls serially by default): the others wait.
      if (!pulling(ctx, m, pod.template.image)) begin(ctx, m, key, pod.name, 'pullImage');
    } else begin(ctx, m, key, pod.name, 'createContainer');
  }
  // Sandboxes of pods the API server no longer has (deleted while this node was away).
  if (!connected) return;
  for (const [key, sandbox] of Object.entries(m.sandboxes)) {
    if (seen.has(key) || m.work[key]) continue;
    const name = key.slice(key.indexOf('/') + 1);
    const running = sandbox.containers.some((c) => c.state === 'CONTAINER_RUNNING');
    begin(ctx, m, key, name, running ? 'stopContainer' : 'removeSandbox');
  }
}

/** The step the kubelet had in flight for `key` has finished: do what the CRI call does. */
export function finishStep(ctx: KubeCtx, node: string, key: string, boot: number): void {
  const m = ctx.world.machines[node];
  const step = m?.work[key];
  if (!m || !step || m.power !== 'on' || m.bootedAt !== boot) return;
  delete m.work[key];
  const pod = ctx.world.pods[key];
  const sandbox = m.sandboxes[key];
  const podName = key.slice(key.indexOf('/') + 1);
  const podCidr = ctx.world.nodes[node]?.podCidr ?? '10.244.0.0/24';
  switch (step) {
    case 'runSandbox':
      if (pod) cri.runSandbox(ctx, m, pod, podCidr);
      if (pod && m.images.includes(pod.template.image))
        ctx.emit(
          'note',
          kubeEndpoint.kubelet(node),
          kubeEndpoint.containerd(node),
          `Container image "${pod.template.image}" already present on machine`,
        );
      break;
    case 'pullImage':
      if (pod) {
        ctx.emit(
          'registry',
          'registry',
          kubeEndpoint.containerd(node),
          `pull ${pod.template.image}`,
        );
        if (!m.images.includes(pod.template.image)) m.images = [...m.images, pod.template.image];
      }
      break;
    case 'createContainer':
      if (pod && sandbox) cri.createContainer(ctx, m, pod, sandbox);
      break;
    case 'startContainer':
      if (pod && sandbox) cri.startContainer(ctx, m, pod, sandbox);
      break;
    case 'stopContainer':
      if (sandbox) cri.stopContainers(ctx, m, podName, sandbox);
      break;
    case 'removeSandbox':
      if (sandbox) cri.removeSandbox(ctx, m, podName, sandbox);
      break;
  }
}

/** The kubelet renews its Lease (its heartbeat), then again in 10 s while the machine runs. */
export function renewLease(ctx: KubeCtx, node: string, boot: number): void {
  const m = ctx.world.machines[node];
  if (!m || m.power !== 'on' || m.bootedAt !== boot) return;
  const n = ctx.world.nodes[node];
  if (n && kubeletConnected(ctx, node)) {
    n.leaseRenewed = ctx.world.now;
    ctx.emit('heartbeat', kubeEndpoint.kubelet(node), 'apiserver', `PUT leases/${node}`);
  }
  ctx.schedule(LEASE_RENEW_MS, { kind: 'lease', node, boot });
}
