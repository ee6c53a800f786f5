/**
 * dockerd's store of exec instances (moby daemon/exec.go, daemon/monitor.go, daemon/start.go):
 * - An exec belongs to its container's list (`ExecIDs`) until its exit is known.
 * - When the exit is heard, it leaves that list but can still be inspected, until the exec GC
 *   (a 5-minute ticker: the first tick marks it CanRemove, the next deletes it) or until its
 *   container is gone (`No such exec instance`).
 * - When the container exits, dockerd's Cleanup unregisters the execs still in its list.
 * - The store lives in dockerd's memory: when dockerd exits, every exec is forgotten.
 */
import { containerEvent } from './events';
import type { DockerHost } from '../host';
import type { Exec } from '../types';

/** moby execCommandGC: `time.Tick(5 * time.Minute)` from the daemon's start. */
export const EXEC_GC_INTERVAL_MS = 5 * 60_000;

/** The execs in a container's own list: created or running, exit not yet known. */
export function liveExecIds(h: DockerHost, containerId: string): string[] {
  return Object.values(h.world.execs)
    .filter((e) => e.containerId === containerId && e.exitCode === null)
    .sort((a, b) => a.created - b.created || (a.id < b.id ? -1 : 1))
    .map((e) => e.id);
}

/** Where an exited exec stands with the GC: still kept, marked CanRemove, or deleted. */
export function gcStage(h: DockerHost, e: Exec): 'kept' | 'removable' | 'collected' {
  if (e.exitCode === null) return 'kept';
  const daemon = h.world.services.dockerd.pid;
  const since = (daemon !== null ? h.world.processes[daemon]?.startedAt : undefined) ?? 0;
  const exited = e.exitedAt ?? e.created;
  const firstTick =
    since + (Math.floor((exited - since) / EXEC_GC_INTERVAL_MS) + 1) * EXEC_GC_INTERVAL_MS;
  if (h.now >= firstTick + EXEC_GC_INTERVAL_MS) return 'collected';
  return h.now >= firstTick ? 'removable' : 'kept';
}

/** The exec as the API may still see it: gone once collected or once its container is gone. */
export function visibleExec(h: DockerHost, id: string): Exec | undefined {
  const e = h.world.execs[id];
  if (!e || !h.world.containers[e.containerId] || gcStage(h, e) === 'collected') return undefined;
  return e;
}

/** Drops the records the GC has deleted by now (done when the next exec is created). */
export function collectExecs(h: DockerHost): void {
  for (const e of Object.values(h.world.execs)) {
    if (gcStage(h, e) === 'collected' || !h.world.containers[e.containerId])
      h.change({ op: 'exec.remove', id: e.id }, 'dockerd', `exec ${e.id.slice(0, 12)} collected`);
  }
}

/** moby Daemon.Cleanup after a container exit: the execs still in its list are unregistered. */
export function unregisterContainerExecs(h: DockerHost, containerId: string): void {
  for (const id of liveExecIds(h, containerId))
    h.change({ op: 'exec.remove', id }, 'dockerd', `exec ${id.slice(0, 12)} unregistered`);
}

/** dockerd is gone: its in-memory exec store goes with it. */
export function forgetExecs(h: DockerHost): void {
  for (const id of Object.keys(h.world.execs))
    h.change({ op: 'exec.remove', id }, 'dockerd', `exec ${id.slice(0, 12)} forgotten`);
}

/** An exec's container event (exec_create, exec_start, exec_die). */
export const execEvent = containerEvent;
