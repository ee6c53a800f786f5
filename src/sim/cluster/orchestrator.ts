/**
 * The leader's orchestrators (SwarmKit manager/orchestrator), which turn services into tasks:
 * - replicated: one slot per replica. A missing slot gets a new task; extra slots are removed
 *   from the nodes that hold the most copies, non-running ones first (desired state `remove`).
 * - global: one task per node that is not down; none on drained nodes; a paused node keeps
 *   what it has but gets nothing new.
 * - the restart supervisor: a task that ended, or whose node is down or drained, is shut down
 *   and replaced by a new task in the same slot (never moved, never restarted in place). The
 *   replacement waits `ready` for the restart delay (none when draining) and for the old task
 *   to stop, unless that one is already over or its node is down.
 * - the task reaper: tasks scaled away are deleted once shut down; each slot keeps its last 5.
 * They run on the leader only, and only while it can commit.
 */
import { OLD_TASK_TIMEOUT_MS, SCHEDULER_DEBOUNCE_MS, TASK_HISTORY_LIMIT } from './defaults';
import { canCommit } from './net';
import type { ClusterRuntime } from './runtime';
import { patchTask, putTask, removeTask } from './store';
import {
  isActive,
  isFinal,
  isReplicated,
  isWanted,
  newTask,
  slotKey,
  stateRank,
  swarmNodes,
  taskName,
} from './tasks';
import { ensureUpdater } from './update';
import type { NodeId, SwarmService, SwarmTask } from './types';

const AT = 'orchestrator';

/** The node cannot keep tasks: gone from the store, down, or drained. */
function nodeUnfit(rt: ClusterRuntime, id: NodeId): boolean {
  const n = rt.world.nodes[id];
  return (
    !n || n.swarmId === null || n.role === null || n.state === 'down' || n.availability === 'drain'
  );
}

/** Queues a new task for the allocator, which hands it to the scheduler. */
export function created(rt: ClusterRuntime, t: SwarmTask): void {
  rt.schedule(rt.jitter(2, 8), { kind: 'allocate', task: t.id });
}

function shouldRestart(rt: ClusterRuntime, t: SwarmTask): boolean {
  const { condition, maxAttempts } = t.template.restart;
  if (condition === 'none') return false;
  if (condition === 'on-failure' && t.state === 'complete') return false;
  if (maxAttempts === 0) return true;
  const attempts = rt
    .tasksOf(t.serviceId)
    .filter((o) => slotKey(o) === slotKey(t) && o.specVersion === t.specVersion).length;
  return attempts <= maxAttempts;
}

/** Shuts a task down and, if its restart policy says so, makes its replacement. */
export function restartTask(rt: ClusterRuntime, s: SwarmService, t: SwarmTask, why: string): void {
  if (!isWanted(t)) return;
  const name = taskName(rt.world, t);
  patchTask(rt, t.id, { desiredState: 'shutdown' }, AT, `${name}: shut down ${t.id} (${why})`);
  if (!shouldRestart(rt, t)) return;
  const node = t.nodeId ? rt.world.nodes[t.nodeId] : undefined;
  const delay = node?.availability === 'drain' ? 0 : t.template.restart.delay;
  const waitStop = !(node?.state === 'down' || isFinal(t.state));
  const fresh = newTask(rt, s, t.slot, isReplicated(s) ? null : t.nodeId, 'ready');
  const next = putTask(
    rt,
    { ...fresh, startAfter: rt.now + delay, waitFor: waitStop ? t.id : null },
    AT,
    `${name}: new task ${fresh.id} replaces ${t.id}`,
  );
  created(rt, next);
  rt.schedule(delay, { kind: 'delayedStart', task: next.id });
}

/** The restart supervisor lets a waiting task run once its delay and predecessor allow. */
export function delayedStart(rt: ClusterRuntime, id: string): void {
  const t = rt.world.tasks[id];
  if (!t || t.desiredState !== 'ready' || t.startAfter === null || !canCommit(rt)) return;
  if (rt.now < t.startAfter) {
    rt.scheduleOnce(t.startAfter - rt.now, { kind: 'delayedStart', task: id });
    return;
  }
  const old = t.waitFor ? rt.world.tasks[t.waitFor] : undefined;
  if (old && !isFinal(old.state) && rt.now < t.startAfter + OLD_TASK_TIMEOUT_MS) {
    rt.scheduleOnce(1000, { kind: 'delayedStart', task: id });
    return;
  }
  patchTask(
    rt,
    id,
    { desiredState: 'running', startAfter: null, waitFor: null },
    AT,
    `${taskName(rt.world, t)}: ${id} may start`,
  );
}

/** A task just ended: whoever waited for it to stop may go on. */
export function predecessorStopped(rt: ClusterRuntime, id: string): void {
  for (const t of Object.values(rt.world.tasks))
    if (t.waitFor === id && t.desiredState === 'ready')
      rt.scheduleOnce(0, { kind: 'delayedStart', task: t.id });
}

function removeExtraSlots(rt: ClusterRuntime, slots: Map<number, SwarmTask[]>, keep: number): void {
  const list = [...slots.entries()].sort((a, b) => a[0] - b[0]);
  const running = (ts: SwarmTask[]): boolean => ts.some((t) => t.state === 'running');
  list.sort((a, b) => Number(running(b[1])) - Number(running(a[1])));
  const perNode = new Map<NodeId, number>();
  const ranked = list.map(([slot, ts]) => {
    const only = ts.length === 1 ? ts[0] : undefined;
    if (!only?.nodeId) return { slot, ts, index: -1 };
    const index = (perNode.get(only.nodeId) ?? 0) + 1;
    perNode.set(only.nodeId, index);
    return { slot, ts, index };
  });
  ranked.sort((a, b) => (a.index < 0 ? 1 : 0) - (b.index < 0 ? 1 : 0) || a.index - b.index);
  for (const { ts } of ranked.slice(keep))
    for (const t of ts)
      patchTask(rt, t.id, { desiredState: 'remove' }, AT, `${taskName(rt.world, t)}: scaled away`);
}

function reconcileReplicated(rt: ClusterRuntime, s: SwarmService, replicas: number): void {
  for (const t of rt.tasksOf(s.id)) {
    if (!isWanted(t)) continue;
    if (isFinal(t.state)) restartTask(rt, s, t, `task ${t.state}`);
    else if (t.nodeId && nodeUnfit(rt, t.nodeId))
      restartTask(rt, s, t, `node ${t.nodeId} unavailable`);
  }
  const slots = new Map<number, SwarmTask[]>();
  for (const t of rt.tasksOf(s.id).filter(isWanted))
    slots.set(t.slot, [...(slots.get(t.slot) ?? []), t]);
  if (slots.size > replicas) removeExtraSlots(rt, slots, replicas);
  let slot = 1;
  for (let missing = replicas - slots.size; missing > 0; missing--) {
    while (slots.has(slot)) slot++;
    const t = putTask(
      rt,
      newTask(rt, s, slot, null, 'running'),
      AT,
      `${s.spec.name}.${slot}: new task`,
    );
    slots.set(slot, [t]);
    created(rt, t);
  }
}

function reconcileGlobal(rt: ClusterRuntime, s: SwarmService): void {
  const wanted = rt.tasksOf(s.id).filter(isWanted);
  const inSwarm = new Set(swarmNodes(rt.world));
  for (const t of wanted) {
    if (t.nodeId && inSwarm.has(t.nodeId) && !nodeUnfit(rt, t.nodeId)) continue;
    patchTask(
      rt,
      t.id,
      { desiredState: 'shutdown' },
      AT,
      `${taskName(rt.world, t)}: node unavailable`,
    );
  }
  for (const id of inSwarm) {
    const node = rt.world.nodes[id]!;
    if (nodeUnfit(rt, id)) continue;
    const mine = wanted.filter((t) => t.nodeId === id);
    for (const t of mine) if (isFinal(t.state)) restartTask(rt, s, t, `task ${t.state}`);
    if (mine.length > 0 || node.availability !== 'active') continue;
    const t = putTask(
      rt,
      newTask(rt, s, 0, id, 'running'),
      AT,
      `${s.spec.name}: new task for ${id}`,
    );
    created(rt, t);
  }
}

/** Deletes what is no longer wanted once it has stopped, and old history beyond the limit. */
function reap(rt: ClusterRuntime, serviceId: string): void {
  // A task no longer wanted before any node took it has no agent to stop it: it just ends.
  for (const t of rt.tasksOf(serviceId))
    if (!isWanted(t) && stateRank(t.state) < stateRank('assigned')) {
      patchTask(
        rt,
        t.id,
        { state: 'shutdown', message: 'shutdown' },
        AT,
        `${taskName(rt.world, t)}: ${t.id} never ran`,
      );
      predecessorStopped(rt, t.id);
    }
  const all = rt.tasksOf(serviceId);
  const gone = (t: SwarmTask): boolean => !t.nodeId || nodeUnfit(rt, t.nodeId);
  for (const t of all) {
    if (!rt.world.services[serviceId] && t.desiredState !== 'remove' && !isFinal(t.state))
      patchTask(rt, t.id, { desiredState: 'remove' }, AT, `${t.id}: service removed`);
    else if (t.desiredState === 'remove' && (isFinal(t.state) || gone(t)))
      removeTask(rt, t.id, 'orchestrator', `task ${t.id} deleted`);
  }
  const bySlot = new Map<string, SwarmTask[]>();
  for (const t of rt.tasksOf(serviceId))
    bySlot.set(slotKey(t), [...(bySlot.get(slotKey(t)) ?? []), t]);
  for (const ts of bySlot.values())
    for (const t of ts.slice(0, Math.max(0, ts.length - TASK_HISTORY_LIMIT)))
      if (!isWanted(t) && isFinal(t.state))
        removeTask(rt, t.id, 'orchestrator', `task ${t.id} deleted (history limit)`);
}

/** Runs the orchestrators for what changed since the last run. */
export function orchestrate(rt: ClusterRuntime): void {
  if ((rt.dirty.size === 0 && !rt.nodesChanged) || !canCommit(rt)) return;
  const ids = new Set(rt.dirty);
  const nodesChanged = rt.nodesChanged;
  if (nodesChanged) for (const id of Object.keys(rt.world.services)) ids.add(id);
  rt.dirty.clear();
  rt.nodesChanged = false;
  for (const id of [...ids].sort()) {
    const s = rt.world.services[id];
    if (s) {
      if ('replicated' in s.spec.mode) reconcileReplicated(rt, s, s.spec.mode.replicated.replicas);
      else reconcileGlobal(rt, s);
      ensureUpdater(rt, id);
      if (rt.world.updates[id]) rt.scheduleOnce(0, { kind: 'update', service: id });
    }
    reap(rt, id);
  }
  // A node changed: pending tasks may fit now.
  if (
    nodesChanged &&
    Object.values(rt.world.tasks).some((t) => t.state === 'pending' && isActive(t))
  )
    rt.scheduleOnce(SCHEDULER_DEBOUNCE_MS, { kind: 'schedule' });
}
