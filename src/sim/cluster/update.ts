/**
 * Rolling updates (SwarmKit orchestrator/update): when a service's task template changes, the
 * leader's updater replaces the out-of-date tasks slot by slot with `parallelism` workers.
 * Each worker takes a slot, starts its new task (stop-first: the old one is shut down first;
 * start-first: the old one is shut down once the new one runs), waits until the new task has
 * reached running (or ended), rests `delay`, and takes the next slot. A new task that ends
 * before it ran or within `monitor` of running counts as a failure; past `maxFailureRatio`
 * the failure action applies: `pause` (UpdateStatus paused, "update paused due to failure or
 * early termination of task <id>"), `rollback` (the previous spec comes back and is rolled
 * out with the rollback settings), or `continue`. After the last slot it keeps watching for
 * `monitor`, then marks the update completed. Scaling alone changes no template: nothing
 * restarts. The updater lives in the leader's memory (world.updates).
 */
import { canCommit } from './net';
import { created } from './orchestrator';
import type { ClusterRuntime } from './runtime';
import { patchTask, putService, putTask } from './store';
import {
  compareNodeIds,
  isDirty,
  isFinal,
  isReplicated,
  isWanted,
  newTask,
  slotKey,
  stateRank,
} from './tasks';
import type { SwarmService, SwarmTask, UpdateConfig, UpdaterState, UpdateStatus } from './types';

const AT = 'orchestrator';

function wantedBySlot(rt: ClusterRuntime, s: SwarmService): Map<string, SwarmTask[]> {
  const slots = new Map<string, SwarmTask[]>();
  for (const t of rt.tasksOf(s.id).filter(isWanted))
    slots.set(slotKey(t), [...(slots.get(slotKey(t)) ?? []), t]);
  return slots;
}

function dirtySlots(rt: ClusterRuntime, s: SwarmService): string[] {
  const keys = [...wantedBySlot(rt, s).entries()]
    .filter(([, ts]) => ts.length > 1 || ts.some((t) => isDirty(s, t)))
    .map(([key]) => key);
  return isReplicated(s) ? keys.sort((a, b) => Number(a) - Number(b)) : keys.sort(compareNodeIds);
}

function setStatus(rt: ClusterRuntime, s: SwarmService, status: UpdateStatus, label: string): void {
  putService(rt, { ...s, updateStatus: status }, AT, label);
}

function stop(rt: ClusterRuntime, id: string, label: string): void {
  rt.change({ op: 'updater.remove', id }, AT, label);
}

/** Starts (or keeps) the updater of a service whose tasks are out of date. */
export function ensureUpdater(rt: ClusterRuntime, id: string): void {
  const s = rt.world.services[id];
  if (!s) return;
  const state = s.updateStatus?.state;
  if (state === 'paused' || state === 'rollback_paused') return;
  const existing = rt.world.updates[id];
  if (existing && existing.specVersion === s.specVersion) return;
  const queue = dirtySlots(rt, s);
  if (queue.length === 0) {
    if (existing) stop(rt, id, `${s.spec.name}: nothing to update`);
    if (state === 'updating' || state === 'rollback_started') complete(rt, s);
    return;
  }
  const rollback = state === 'rollback_started';
  const current = rt.world.services[id]!;
  if (!current.updateStatus)
    setStatus(
      rt,
      current,
      { state: 'updating', startedAt: rt.now, completedAt: null, message: 'update in progress' },
      `${s.spec.name}: update in progress`,
    );
  const updater: UpdaterState = {
    serviceId: id,
    specVersion: s.specVersion,
    queue,
    started: {},
    inFlight: {},
    resting: [],
    failed: [],
    total: queue.length,
    monitorUntil: null,
    rollback,
  };
  rt.change(
    { op: 'updater', updater },
    AT,
    `${s.spec.name}: ${rollback ? 'rollback' : 'update'} of ${queue.length} tasks`,
  );
  rt.scheduleOnce(0, { kind: 'update', service: id });
}

function complete(rt: ClusterRuntime, s: SwarmService): void {
  const rollback = s.updateStatus?.state === 'rollback_started';
  setStatus(
    rt,
    s,
    {
      state: rollback ? 'rollback_completed' : 'completed',
      startedAt: s.updateStatus?.startedAt ?? rt.now,
      completedAt: rt.now,
      message: rollback ? 'rollback completed' : 'update completed',
    },
    `${s.spec.name}: ${rollback ? 'rollback' : 'update'} completed`,
  );
  if (rt.world.updates[s.id]) stop(rt, s.id, `${s.spec.name}: updater done`);
}

function pause(rt: ClusterRuntime, s: SwarmService, u: UpdaterState, taskId: string): void {
  const what = u.rollback ? 'rollback' : 'update';
  const message = `${what} paused due to failure or early termination of task ${taskId}`;
  rt.emit('note', AT, AT, `${s.spec.name}: ${message}`);
  setStatus(
    rt,
    s,
    {
      state: u.rollback ? 'rollback_paused' : 'paused',
      startedAt: s.updateStatus?.startedAt ?? rt.now,
      completedAt: null,
      message,
    },
    `${s.spec.name}: ${what} paused`,
  );
  stop(rt, s.id, `${s.spec.name}: updater stopped`);
}

function rollBack(rt: ClusterRuntime, s: SwarmService, taskId: string): void {
  const message = `update rolled back due to failure or early termination of task ${taskId}`;
  rt.emit('note', AT, AT, `${s.spec.name}: ${message}`);
  stop(rt, s.id, `${s.spec.name}: updater stopped`);
  if (!s.previousSpec) return;
  putService(
    rt,
    {
      ...s,
      spec: s.previousSpec,
      previousSpec: null,
      specVersion: s.specVersion + 1,
      updateStatus: {
        state: 'rollback_started',
        startedAt: s.updateStatus?.startedAt ?? rt.now,
        completedAt: null,
        message,
      },
    },
    AT,
    `${s.spec.name}: rollback started`,
  );
}

/** Puts one slot on the new spec; returns the task the worker waits for. */
function updateSlot(
  rt: ClusterRuntime,
  s: SwarmService,
  key: string,
  order: UpdateConfig['order'],
): string | null {
  const tasks = wantedBySlot(rt, s).get(key) ?? [];
  const clean =
    tasks.find((t) => !isDirty(s, t) && t.desiredState === 'running') ??
    tasks.find((t) => !isDirty(s, t));
  const others = tasks.filter((t) => t !== clean);
  const shutDown = (): void => {
    for (const t of others)
      patchTask(rt, t.id, { desiredState: 'shutdown' }, AT, `update: shut down ${t.id}`);
  };
  if (clean) {
    shutDown();
    if (clean.desiredState === 'ready')
      patchTask(
        rt,
        clean.id,
        { startAfter: rt.now, waitFor: others[0]?.id ?? null },
        AT,
        `update: start ${clean.id}`,
      );
    rt.scheduleOnce(0, { kind: 'delayedStart', task: clean.id });
    return clean.id;
  }
  const replicated = isReplicated(s);
  const fresh = newTask(rt, s, replicated ? Number(key) : 0, replicated ? null : key, 'ready');
  if (order === 'stop-first') shutDown();
  const next = putTask(
    rt,
    {
      ...fresh,
      startAfter: rt.now,
      waitFor: order === 'stop-first' ? (others[0]?.id ?? null) : null,
    },
    AT,
    `update: new task ${fresh.id} for slot ${key}`,
  );
  created(rt, next);
  rt.schedule(0, { kind: 'delayedStart', task: next.id });
  return next.id;
}

/** The first failure that trips the failure action, if any; records the failures seen. */
function failures(
  rt: ClusterRuntime,
  u: UpdaterState,
  config: UpdateConfig,
): { failed: string[]; trip: string | null } {
  const failed = [...u.failed];
  for (const [id, ranAt] of Object.entries(u.started)) {
    const t = rt.world.tasks[id];
    if (failed.includes(id) || !t || !isFinal(t.state)) continue;
    if (ranAt !== null && rt.now - ranAt > config.monitor) continue;
    failed.push(id);
    if (failed.length / u.total > config.maxFailureRatio && config.failureAction !== 'continue')
      return { failed, trip: id };
  }
  return { failed, trip: null };
}

/** One step of a service's updater. */
export function updateStep(rt: ClusterRuntime, id: string): void {
  const u = rt.world.updates[id];
  const s = rt.world.services[id];
  if (!u || !s || u.specVersion !== s.specVersion || !canCommit(rt)) return;
  const config = u.rollback ? s.spec.rollbackConfig : s.spec.updateConfig;
  const { failed, trip } = failures(rt, u, config);
  if (trip) {
    if (config.failureAction === 'rollback' && !u.rollback) rollBack(rt, s, trip);
    else pause(rt, s, u, trip);
    return;
  }
  const started = { ...u.started };
  const inFlight = { ...u.inFlight };
  let resting = u.resting.filter((until) => until > rt.now);
  for (const [tid, ranAt] of Object.entries(started))
    if (ranAt === null && rt.world.tasks[tid]?.state === 'running') started[tid] = rt.now;
  for (const [key, tid] of Object.entries(inFlight)) {
    const t = rt.world.tasks[tid];
    if (t && stateRank(t.state) < stateRank('running')) continue;
    if (t?.state === 'running' && config.order === 'start-first')
      for (const o of wantedBySlot(rt, s).get(key) ?? [])
        if (o.id !== tid)
          patchTask(rt, o.id, { desiredState: 'shutdown' }, AT, `update: shut down ${o.id}`);
    delete inFlight[key];
    if (config.delay > 0) resting = [...resting, rt.now + config.delay];
  }
  const queue = [...u.queue];
  const parallelism = config.parallelism === 0 ? u.total : config.parallelism;
  while (queue.length > 0 && Object.keys(inFlight).length + resting.length < parallelism) {
    const key = queue.shift()!;
    const tid = updateSlot(rt, rt.world.services[id]!, key, config.order);
    if (tid) {
      inFlight[key] = tid;
      started[tid] = null;
    }
  }
  let monitorUntil = u.monitorUntil;
  if (queue.length === 0 && Object.keys(inFlight).length === 0 && resting.length === 0) {
    if (monitorUntil === null) monitorUntil = rt.now + config.monitor;
    else if (rt.now >= monitorUntil) {
      complete(rt, rt.world.services[id]!);
      return;
    }
  }
  const next: UpdaterState = { ...u, queue, started, inFlight, resting, failed, monitorUntil };
  if (JSON.stringify(next) !== JSON.stringify(u))
    rt.change({ op: 'updater', updater: next }, AT, `${s.spec.name}: update step`);
  // Task changes wake the updater (orchestrate); so do a worker's rest and the monitor's end.
  const wake = [...resting, ...(monitorUntil !== null ? [monitorUntil] : [])];
  if (wake.length > 0)
    rt.scheduleOnce(Math.max(0, Math.min(...wake) - rt.now), { kind: 'update', service: id });
}

/** Leadership moved: the updaters were in the old leader's memory. */
export function dropUpdaters(rt: ClusterRuntime): void {
  for (const id of Object.keys(rt.world.updates)) stop(rt, id, 'updater lost with the leader');
}
