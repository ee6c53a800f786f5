/**
 * The host's invariants (FACTS.md §1-2), shared by the property tests (src/sim/properties.test.ts)
 * and the fuzz tests (*.fuzz.test.ts): checks that read one world, whatever led to it, and
 * fail through vitest's `expect` with the message `say` builds (the step that led there).
 * Only for tests: it imports vitest.
 */
import { expect } from 'vitest';
import type { Container, World } from '../types';

/** Builds an assertion message: where the session is, then what is checked. */
export type Say = (what: string) => string;

/** Every host invariant of this module, on `w`. */
export function checkHost(w: World, say: Say): void {
  checkProcessTree(w, say);
  checkRecordsMatchProcesses(w, say);
}

export const isActive = (c: Container): boolean => c.state === 'running' || c.state === 'paused';

/** Container inits (PID 1 of a container's PID namespace) in a world. */
export function initsOf(w: World): { pid: number; containerId: string; ppid: number }[] {
  return Object.values(w.processes)
    .filter((p) => p.containerId !== undefined && p.nsPid === 1)
    .map((p) => ({ pid: p.pid, containerId: p.containerId!, ppid: p.ppid }));
}

/**
 * dockerd has heard about every exit: it is up and, after 1.10, so is containerd (while
 * containerd is down, a shim keeps a TaskExit to itself; while dockerd is down, containerd does).
 */
export function isInformed(w: World): boolean {
  return (
    w.services.dockerd.state === 'up' &&
    (w.settings.era === 'monolith' || w.services.containerd.state === 'up')
  );
}

/**
 * The process tree (FACTS §1-2).
 * - No process has a dead parent: the kernel re-parents orphans to the nearest subreaper (the
 *   shim) or to PID 1.
 * - runc is a short-lived CLI: between commands no runc process is left, nor a shim launcher.
 * - A daemon that is up has exactly its one process; one that is down has none. Between commands
 *   only a modern dockerd may stay `restoring` (it waits for containerd to come up).
 * - 1.10: containers are children of the daemon (in-process execdriver); nothing else exists.
 * - Since 1.11: a container's init is the child of its task's shim (the subreaper). If the shim
 *   dies, containerd runs `shim delete`, which kills the container: at once while containerd is
 *   up, else when it is back. Only in that window may an init live without its shim, under PID 1.
 * - Split era: docker-containerd is dockerd's child.
 */
export function checkProcessTree(w: World, say: Say): void {
  const era = w.settings.era;
  const procs = Object.values(w.processes);
  const { dockerd, containerd } = w.services;
  const containerdUp = containerd.state === 'up';
  for (const p of procs)
    if (p.pid !== 1)
      expect(w.processes[p.ppid], say(`parent of ${p.name} (${p.pid}) is alive`)).toBeDefined();
  expect(
    procs.filter((p) => p.role === 'runc').map((p) => p.args.join(' ')),
    say('no runc left'),
  ).toEqual([]);

  for (const [name, svc] of [
    ['dockerd', dockerd],
    ['containerd', containerd],
  ] as const) {
    const live = procs.filter((p) => p.role === name);
    expect(live.length, say(`at most one ${name}`)).toBeLessThanOrEqual(1);
    if (svc.state === 'up') expect(live[0]?.pid, say(`${name} up has its process`)).toBe(svc.pid);
    if (svc.state === 'down' || svc.state === 'restarting')
      expect(live, say(`${name} ${svc.state} has no process`)).toEqual([]);
    const stable = ['up', 'down', 'restarting'].includes(svc.state);
    const waiting =
      name === 'dockerd' && svc.state === 'restoring' && era === 'modern' && !containerdUp;
    expect(stable || waiting, say(`${name} is not stuck in ${svc.state}`)).toBe(true);
  }
  if (era === 'split' && containerdUp)
    expect(w.processes[containerd.pid!]?.ppid, say('docker-containerd is a child of dockerd')).toBe(
      dockerd.pid,
    );
  if (era === 'monolith')
    expect(
      procs.filter((p) => p.role === 'containerd' || p.role === 'shim'),
      say('1.10 has no containerd and no shim'),
    ).toEqual([]);

  for (const p of initsOf(w)) {
    expect(w.containers[p.containerId], say(`container init ${p.pid} has a record`)).toBeDefined();
    if (era === 'monolith') {
      expect(p.ppid, say(`1.10 container ${p.pid} is the daemon's child`)).toBe(dockerd.pid);
      continue;
    }
    const task = w.tasks[p.containerId];
    expect(task?.initPid, say(`task of container init ${p.pid} records it`)).toBe(p.pid);
    const shimAlive = task?.shimPid != null && w.processes[task.shimPid]?.role === 'shim';
    if (shimAlive) {
      expect(p.ppid, say(`container init ${p.pid} is its shim's child`)).toBe(task?.shimPid);
    } else {
      expect(
        containerdUp,
        say(`init ${p.pid} outlives its shim only while containerd is down`),
      ).toBe(false);
      expect(p.ppid, say(`orphaned init ${p.pid} is re-parented to PID 1`)).toBe(1);
    }
  }
  // `docker exec` processes live in their container's PID namespace: never without its init
  // (the kernel kills the rest of a namespace whose PID 1 dies), and held by the shim (1.10:
  // the daemon), or by PID 1 once the shim is gone. No exec is left half-started in runc init.
  for (const p of procs.filter((q) => q.execId !== undefined)) {
    expect(p.role, say(`exec process ${p.pid} runs its program`)).toBe('container');
    expect(
      procs.some((q) => q.containerId === p.containerId && q.nsPid === 1),
      say(`exec process ${p.pid} has its namespace's init`),
    ).toBe(true);
    const parent = w.processes[p.ppid];
    const holder = era === 'monolith' ? 'dockerd' : 'shim';
    expect(
      (parent?.role === holder && parent.containerId === p.containerId) ||
        (era === 'monolith' && parent?.role === 'dockerd') ||
        p.ppid === 1,
      say(`exec process ${p.pid} is held by its ${holder} (or PID 1)`),
    ).toBe(true);
  }
  if (era !== 'monolith')
    for (const p of procs.filter((q) => q.role === 'shim'))
      expect(
        Object.values(w.tasks).some((t) => t.shimPid === p.pid),
        say(`shim ${p.pid} serves a task`),
      ).toBe(true);
}

/**
 * dockerd's records against the process table, once it has been told everything:
 * - a running or paused container has its live init as `pid`; a live init belongs to a running
 *   or paused container, with that pid;
 * - `docker pause` is the cgroup freezer: all of a paused container's processes are frozen, and
 *   none of a running one's;
 * - after 1.11, one task (served by one shim) per running or paused container, none for others.
 */
export function checkRecordsMatchProcesses(w: World, say: Say): void {
  if (!isInformed(w)) return;
  const procs = Object.values(w.processes);
  for (const c of Object.values(w.containers)) {
    if (!isActive(c)) continue;
    const p = w.processes[c.pid];
    expect(p?.containerId, say(`${c.name} is ${c.state}: init ${c.pid} is alive`)).toBe(c.id);
    expect(p?.nsPid, say(`${c.name}'s pid is its namespace init`)).toBe(1);
    for (const q of procs.filter((x) => x.containerId === c.id && x.nsPid !== undefined))
      expect(Boolean(q.frozen), say(`${c.name} is ${c.state}: ${q.name} (${q.pid}) frozen?`)).toBe(
        c.state === 'paused',
      );
  }
  for (const p of initsOf(w)) {
    const c = w.containers[p.containerId];
    expect(
      c !== undefined && isActive(c) && c.pid === p.pid,
      say(`init ${p.pid} of ${c?.name ?? p.containerId}: dockerd says ${c?.state}`),
    ).toBe(true);
  }
  // dockerd's exec store: a living exec process is recorded as running with its PID; an exec
  // still in its container's list (exit unknown) belongs to a running or paused container.
  for (const p of procs.filter((q) => q.execId !== undefined)) {
    const e = w.execs[p.execId ?? ''];
    if (e)
      expect([e.running, e.pid], say(`exec of process ${p.pid} is running`)).toEqual([true, p.pid]);
  }
  for (const e of Object.values(w.execs)) {
    if (e.exitCode !== null) expect(e.running, say(`exited exec ${e.id.slice(0, 12)}`)).toBe(false);
    else {
      const c = w.containers[e.containerId];
      expect(
        c !== undefined && isActive(c),
        say(`live exec ${e.id.slice(0, 12)} belongs to a running container (${c?.state})`),
      ).toBe(true);
    }
  }
  if (w.settings.era !== 'monolith') {
    const active = Object.values(w.containers)
      .filter(isActive)
      .map((c) => c.id)
      .sort();
    expect(Object.keys(w.tasks).sort(), say('tasks are exactly the running containers')).toEqual(
      active,
    );
  }
}
