/**
 * The kube-controller-manager's loops and the kube-scheduler, each level-triggered: it
 * compares what is stored with what is wanted and writes the difference through the API
 * server. Deployment -> its ReplicaSet (by pod-template-hash) -> that many pods; a DaemonSet
 * -> one pod per node; the scheduler binds each pending pod to a node it fits on; the node
 * lifecycle controller marks silent nodes NotReady and taints them, and the taint eviction
 * controller deletes their pods once the pods' toleration (300 s) runs out.
 *
 * Contract: they act only while the API server is up, and only through changes the API
 * server would store (each traced as the request that makes it).
 */
import type { KubeCtx } from './context';
import {
  NODE_MONITOR_GRACE_MS,
  NODE_MONITOR_PERIOD_MS,
  TAINT,
  UNREACHABLE_TOLERATION_MS,
} from './defaults';
import { forgetPod, podEvent } from './kubelet';
import { generatedName, newUid } from './names';
import {
  newPodObject,
  objectKey,
  type KubeNode,
  type Pod,
  type PodOwner,
  type PodTemplate,
} from './types';

const CM = 'controller-manager';

function store(ctx: KubeCtx, from: string, method: string, path: string, key: string): void {
  ctx.emit('api', from, 'apiserver', `${method} ${path}`);
  ctx.emit(
    'etcd',
    'apiserver',
    'etcd',
    `${method === 'DELETE' ? 'delete' : 'put'} /registry/${key}`,
  );
}

/** A pod is active (counted by its owner) until it is deleted. */
function active(pod: Pod): boolean {
  return pod.deletionTimestamp === null && pod.status !== 'gone';
}

function ownedBy(ctx: KubeCtx, owner: PodOwner, namespace: string): Pod[] {
  return Object.values(ctx.world.pods).filter(
    (p) => p.namespace === namespace && p.owner.kind === owner.kind && p.owner.name === owner.name,
  );
}

export function createPod(
  ctx: KubeCtx,
  namespace: string,
  owner: PodOwner,
  prefix: string,
  template: PodTemplate,
  nodeName: string | null = null,
): Pod {
  let name = generatedName(ctx.rand, prefix);
  while (ctx.world.pods[objectKey(namespace, name)]) name = generatedName(ctx.rand, prefix);
  const meta = { namespace, name, uid: newUid(ctx.rand), created: ctx.world.now };
  const pod = newPodObject(meta, owner, template, false);
  ctx.world.pods[objectKey(namespace, name)] = pod;
  store(ctx, CM, 'POST', `/api/v1/namespaces/${namespace}/pods`, `pods/${namespace}/${name}`);
  if (nodeName) bind(ctx, pod, nodeName, CM);
  return pod;
}

/** DELETE on a pod: one that never ran goes at once; one bound to a node is Terminating. */
export function deletePod(ctx: KubeCtx, pod: Pod, from: string): void {
  if (pod.deletionTimestamp !== null) return;
  ctx.emit('api', from, 'apiserver', `DELETE /api/v1/namespaces/${pod.namespace}/pods/${pod.name}`);
  if (pod.mirror) return recreateMirror(ctx, pod);
  if (pod.status === 'pending') return forgetPod(ctx, pod);
  podEvent(pod, { type: 'DELETE' });
  pod.deletionTimestamp = ctx.world.now;
  pod.ready = false;
  ctx.emit('etcd', 'apiserver', 'etcd', `put /registry/pods/${pod.namespace}/${pod.name}`);
}

/**
 * A mirror pod is only the API's copy of a static pod, which the kubelet runs from a file: the
 * kubelet makes the copy again at once (a new UID and age) and the containers run on untouched.
 */
function recreateMirror(ctx: KubeCtx, pod: Pod): void {
  const key = objectKey(pod.namespace, pod.name);
  ctx.emit('etcd', 'apiserver', 'etcd', `delete /registry/pods/${key}`);
  ctx.world.pods[key] = { ...pod, uid: newUid(ctx.rand), created: ctx.world.now };
  const kubelet = `${pod.nodeName ?? ''}:kubelet`;
  store(ctx, kubelet, 'POST', `/api/v1/namespaces/${pod.namespace}/pods`, `pods/${key}`);
}

function bind(ctx: KubeCtx, pod: Pod, node: string, from: string): void {
  pod.nodeName = node;
  podEvent(pod, { type: 'BIND' });
  ctx.emit('api', from, 'apiserver', `POST pods/${pod.name}/binding`, { node });
  ctx.emit('watch', 'apiserver', `${node}:kubelet`, `ADDED pod ${pod.name}`);
}

function deploymentController(ctx: KubeCtx): void {
  for (const d of Object.values(ctx.world.deployments)) {
    const rsName = `${d.name}-${d.templateHash}`;
    const key = objectKey(d.namespace, rsName);
    const rs = ctx.world.replicaSets[key];
    if (!rs) {
      ctx.world.replicaSets[key] = {
        namespace: d.namespace,
        name: rsName,
        uid: newUid(ctx.rand),
        created: ctx.world.now,
        owner: d.name,
        replicas: d.replicas,
        template: d.template,
      };
      store(
        ctx,
        CM,
        'POST',
        `/apis/apps/v1/namespaces/${d.namespace}/replicasets`,
        `replicasets/${key}`,
      );
    } else if (rs.replicas !== d.replicas) {
      rs.replicas = d.replicas;
      store(
        ctx,
        CM,
        'PUT',
        `/apis/apps/v1/namespaces/${d.namespace}/replicasets/${rsName}/scale`,
        `replicasets/${key}`,
      );
    }
  }
  // The garbage collector: a ReplicaSet whose Deployment is gone goes, and its pods with it.
  for (const [key, rs] of Object.entries(ctx.world.replicaSets)) {
    if (ctx.world.deployments[objectKey(rs.namespace, rs.owner)]) continue;
    delete ctx.world.replicaSets[key];
    store(
      ctx,
      CM,
      'DELETE',
      `/apis/apps/v1/namespaces/${rs.namespace}/replicasets/${rs.name}`,
      `replicasets/${key}`,
    );
    for (const pod of ownedBy(ctx, { kind: 'ReplicaSet', name: rs.name }, rs.namespace))
      deletePod(ctx, pod, CM);
  }
}

/** Which pods a ReplicaSet scales down first: not yet scheduled, not yet running, newest. */
function deletionRank(pod: Pod): number {
  return pod.status === 'pending' ? 0 : pod.status === 'creating' ? 1 : pod.ready ? 3 : 2;
}

function replicaSetController(ctx: KubeCtx): void {
  for (const rs of Object.values(ctx.world.replicaSets)) {
    const pods = ownedBy(ctx, { kind: 'ReplicaSet', name: rs.name }, rs.namespace).filter(active);
    for (let n = pods.length; n < rs.replicas; n++)
      createPod(ctx, rs.namespace, { kind: 'ReplicaSet', name: rs.name }, rs.name, rs.template);
    if (pods.length <= rs.replicas) continue;
    const surplus = [...pods]
      .sort(
        (a, b) =>
          deletionRank(a) - deletionRank(b) || b.created - a.created || (a.name < b.name ? -1 : 1),
      )
      .slice(0, pods.length - rs.replicas);
    for (const pod of surplus) deletePod(ctx, pod, CM);
  }
}

function daemonSetController(ctx: KubeCtx): void {
  for (const ds of Object.values(ctx.world.daemonSets)) {
    const owner: PodOwner = { kind: 'DaemonSet', name: ds.name };
    const pods = ownedBy(ctx, owner, ds.namespace).filter(active);
    for (const node of Object.keys(ctx.world.nodes)) {
      // DaemonSet pods tolerate every taint and are placed on their node directly.
      if (!pods.some((p) => p.nodeName === node))
        createPod(ctx, ds.namespace, owner, ds.name, ds.template, node);
    }
  }
}

function fits(node: KubeNode, pod: Pod): boolean {
  if (node.ready !== 'True' || node.unschedulable) return false;
  return node.taints.every(
    (t) => t.key === TAINT.controlPlane && pod.template.tolerateControlPlane,
  );
}

/** Why no node fits, in the scheduler's words (FailedScheduling). */
function noNodeMessage(nodes: readonly KubeNode[], pod: Pod): string {
  const reasons = new Map<string, number>();
  for (const n of nodes) {
    const reason =
      n.ready !== 'True' || n.taints.some((t) => t.key === TAINT.unreachable)
        ? `had untolerated taint {${TAINT.unreachable}: }`
        : n.unschedulable
          ? 'were unschedulable'
          : `had untolerated taint {${TAINT.controlPlane}: }`;
    if (!fits(n, pod)) reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
  }
  const parts = [...reasons].map(([reason, count]) => `${count} node(s) ${reason}`).sort();
  return `0/${nodes.length} nodes are available: ${parts.join(', ')}.`;
}

/**
 * kube-scheduler: each pending pod to the feasible node running the fewest pods (a stand-in
 * for the default scoring plugins, which spread pods out), ties broken by name.
 */
export function schedule(ctx: KubeCtx): void {
  const nodes = Object.values(ctx.world.nodes).sort((a, b) => (a.name < b.name ? -1 : 1));
  const load = new Map(nodes.map((n) => [n.name, 0]));
  for (const p of Object.values(ctx.world.pods))
    if (p.nodeName && active(p)) load.set(p.nodeName, (load.get(p.nodeName) ?? 0) + 1);
  const pending = Object.values(ctx.world.pods)
    .filter((p) => p.status === 'pending' && p.nodeName === null && active(p))
    .sort((a, b) => a.created - b.created || (a.name < b.name ? -1 : 1));
  for (const pod of pending) {
    let best: KubeNode | null = null;
    for (const n of nodes)
      if (fits(n, pod) && (!best || (load.get(n.name) ?? 0) < (load.get(best.name) ?? 0))) best = n;
    if (!best) {
      const message = noNodeMessage(nodes, pod);
      if (pod.unschedulable !== message) {
        pod.unschedulable = message;
        ctx.emit('note', 'scheduler', 'apiserver', `FailedScheduling ${pod.name}: ${message}`);
      }
      continue;
    }
    pod.unschedulable = null;
    bind(ctx, pod, best.name, 'scheduler');
    load.set(best.name, (load.get(best.name) ?? 0) + 1);
  }
}

export function runControllers(ctx: KubeCtx): void {
  if (!ctx.apiUp()) return;
  deploymentController(ctx);
  replicaSetController(ctx);
  daemonSetController(ctx);
  schedule(ctx);
}

/**
 * The node lifecycle controller, every 5 s: a node whose lease is older than the grace period
 * (counted from when this controller started, after a control-plane restart) becomes
 * NotReady with the unreachable NoExecute taint, and its pods not ready; a node heard from
 * again is Ready and untainted.
 */
export function monitorNodes(ctx: KubeCtx, controllerStarted: number): void {
  ctx.schedule(NODE_MONITOR_PERIOD_MS, { kind: 'monitor' });
  if (!ctx.apiUp()) return;
  const now = ctx.world.now;
  for (const node of Object.values(ctx.world.nodes)) {
    const heard = Math.max(node.leaseRenewed, controllerStarted);
    const silent = now - heard > NODE_MONITOR_GRACE_MS;
    if (silent && node.ready === 'True') {
      node.ready = 'Unknown';
      node.taints = [...node.taints, { key: TAINT.unreachable, effect: 'NoExecute', since: now }];
      ctx.emit(
        'note',
        CM,
        'apiserver',
        `node ${node.name} NotReady: Kubelet stopped posting node status.`,
      );
      store(ctx, CM, 'PATCH', `/api/v1/nodes/${node.name}`, `minions/${node.name}`);
      for (const p of Object.values(ctx.world.pods)) if (p.nodeName === node.name) p.ready = false;
      ctx.schedule(UNREACHABLE_TOLERATION_MS, { kind: 'evict', node: node.name });
    } else if (!silent && node.ready !== 'True') {
      node.ready = 'True';
      node.taints = node.taints.filter((t) => t.key !== TAINT.unreachable);
      ctx.emit('note', CM, 'apiserver', `node ${node.name} Ready again`);
      store(ctx, CM, 'PATCH', `/api/v1/nodes/${node.name}`, `minions/${node.name}`);
    }
  }
}

/** The taint eviction controller: the toleration of a still-unreachable node's pods ran out. */
export function evictFromNode(ctx: KubeCtx, nodeName: string): void {
  if (!ctx.apiUp()) return;
  const taint = ctx.world.nodes[nodeName]?.taints.find((t) => t.key === TAINT.unreachable);
  if (!taint || ctx.world.now - taint.since < UNREACHABLE_TOLERATION_MS) return;
  for (const pod of Object.values(ctx.world.pods)) {
    if (pod.nodeName !== nodeName || pod.mirror || pod.owner.kind === 'DaemonSet') continue;
    if (pod.deletionTimestamp !== null) continue;
    ctx.emit('note', CM, 'apiserver', `TaintManagerEviction: marking ${pod.name} for deletion`);
    deletePod(ctx, pod, CM);
  }
}
