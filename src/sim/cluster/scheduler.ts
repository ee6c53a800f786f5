/**
 * The leader's scheduler (SwarmKit manager/scheduler): gives each pending task a node.
 * A node is fit when it is `ready` and `active` (ReadyFilter) and, for host-mode ports, has
 * the port free. Among fit nodes it picks, task by task: a node with fewer recent failures of
 * this service once either has 5 in 5 minutes, then fewer tasks of this service, then fewer
 * tasks in all; ties go to the first machine. With no fit node the task stays `pending` with
 * `no suitable node (N nodes not available for new tasks)` in SwarmKit's words, and is tried
 * again whenever a node changes.
 */
import { MAX_FAILURES, MONITOR_FAILURES_MS } from './defaults';
import { canCommit } from './net';
import type { ClusterRuntime } from './runtime';
import { patchTask } from './store';
import { compareNodeIds, isActive, swarmNodes, taskName } from './tasks';
import type { NodeId, SwarmTask } from './types';

interface NodeLoad {
  id: NodeId;
  total: number;
  byService: Map<string, number>;
  failures: Map<string, number>;
  hostPorts: Set<number>;
}

function loads(rt: ClusterRuntime): NodeLoad[] {
  const byId = new Map<NodeId, NodeLoad>();
  for (const id of swarmNodes(rt.world))
    byId.set(id, { id, total: 0, byService: new Map(), failures: new Map(), hostPorts: new Set() });
  for (const t of Object.values(rt.world.tasks)) {
    const load = t.nodeId ? byId.get(t.nodeId) : undefined;
    if (!load) continue;
    if (isActive(t) && t.state !== 'pending') {
      load.total++;
      load.byService.set(t.serviceId, (load.byService.get(t.serviceId) ?? 0) + 1);
      for (const p of t.template.ports)
        if (p.publishMode === 'host') load.hostPorts.add(p.publishedPort);
    }
    if (
      (t.state === 'failed' || t.state === 'rejected') &&
      rt.now - t.stateAt <= MONITOR_FAILURES_MS
    )
      load.failures.set(t.serviceId, (load.failures.get(t.serviceId) ?? 0) + 1);
  }
  return [...byId.values()];
}

/** SwarmKit's nodeLess for one service. */
function less(a: NodeLoad, b: NodeLoad, service: string): number {
  const fa = a.failures.get(service) ?? 0;
  const fb = b.failures.get(service) ?? 0;
  if ((fa >= MAX_FAILURES || fb >= MAX_FAILURES) && fa !== fb) return fa - fb;
  const sa = a.byService.get(service) ?? 0;
  const sb = b.byService.get(service) ?? 0;
  return sa - sb || a.total - b.total || compareNodeIds(a.id, b.id);
}

function plural(n: number, what: string): string {
  return `${n} ${n === 1 ? 'node' : 'nodes'} ${what}`;
}

/** Why no node fits, as the filter pipeline explains it. */
function explain(notReady: number, portsTaken: number): string {
  const reasons: string[] = [];
  if (notReady > 0) reasons.push(plural(notReady, 'not available for new tasks'));
  if (portsTaken > 0)
    reasons.push(`host-mode port already in use on ${plural(portsTaken, '').replace(/ $/, '')}`);
  return reasons.length > 0 ? `no suitable node (${reasons.join('; ')})` : 'no suitable node';
}

/** One scheduler pass over every pending task. */
export function schedulePass(rt: ClusterRuntime): void {
  if (!canCommit(rt)) return;
  const pending = Object.values(rt.world.tasks)
    .filter((t) => t.state === 'pending' && isActive(t))
    .sort(
      (a, b) =>
        a.serviceId.localeCompare(b.serviceId) || a.slot - b.slot || a.id.localeCompare(b.id),
    );
  if (pending.length === 0) return;
  const nodes = loads(rt);
  for (const t of pending) assign(rt, t, nodes);
}

function assign(rt: ClusterRuntime, t: SwarmTask, nodes: NodeLoad[]): void {
  const ports = t.template.ports
    .filter((p) => p.publishMode === 'host')
    .map((p) => p.publishedPort);
  let notReady = 0;
  let portsTaken = 0;
  const fit = nodes.filter((n) => {
    const node = rt.world.nodes[n.id]!;
    if (t.nodeId && t.nodeId !== n.id) return false;
    if (node.state !== 'ready' || node.availability !== 'active') {
      notReady++;
      return false;
    }
    if (ports.some((p) => n.hostPorts.has(p))) {
      portsTaken++;
      return false;
    }
    return true;
  });
  const name = taskName(rt.world, t);
  if (fit.length === 0) {
    const error = explain(notReady, portsTaken);
    if (t.error !== error) {
      patchTask(
        rt,
        t.id,
        { error, message: 'pending task scheduling' },
        'scheduler',
        `${name}: ${error}`,
      );
      rt.emit('note', 'scheduler', 'scheduler', `${name}: ${error}`);
    }
    return;
  }
  const best = fit.sort((a, b) => less(a, b, t.serviceId))[0]!;
  best.total++;
  best.byService.set(t.serviceId, (best.byService.get(t.serviceId) ?? 0) + 1);
  for (const p of ports) best.hostPorts.add(p);
  patchTask(
    rt,
    t.id,
    { state: 'assigned', nodeId: best.id, error: '', message: 'scheduler assigned task to node' },
    'scheduler',
    `${name}: assigned to ${best.id}`,
  );
}
