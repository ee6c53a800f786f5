/**
 * The host kernel, as far as Docker needs it: processes are spawned, exec a new program,
 * receive signals and exit. When a process exits, its children are re-parented to the
 * nearest subreaper above them (the shim) or to PID 1; children marked `diesWithParent`
 * are killed instead. When a PID namespace's init exits, the kernel kills the rest of the
 * namespace. Who reacts to an exit (the shim, containerd, dockerd) is up to the hooks.
 */
import type { DockerHost } from './host';
import { signalOutcome } from './programs';
import { killedStatus, SIGNALS, type SignalName } from './signals';
import { endpoint, type EndpointId } from './trace';
import type { Pid, Process } from './types';

/** The diagram endpoint a process is drawn as. */
export function endpointOf(p: Process): EndpointId {
  switch (p.role) {
    case 'dockerd':
      return 'dockerd';
    case 'containerd':
      return 'containerd';
    case 'init':
      return 'systemd';
    case 'shim':
      return endpoint.shim(p.containerId ?? '');
    case 'runc':
      return endpoint.runc(p.containerId ?? '');
    case 'runc-init':
    case 'container':
    case 'docker-init':
      return endpoint.container(p.containerId ?? '');
  }
}

export function spawn(
  h: DockerHost,
  fields: Omit<Process, 'pid' | 'startedAt'>,
  label = `fork ${fields.name}`,
): Process {
  const process: Process = { ...fields, pid: h.allocatePid(), startedAt: h.now };
  const parent = h.world.processes[fields.ppid];
  h.change({ op: 'process.spawn', process }, parent ? endpointOf(parent) : 'kernel', label);
  return process;
}

/** execve(): the same PID runs a new program. */
export function exec(
  h: DockerHost,
  pid: Pid,
  name: string,
  args: string[],
  extra: Pick<Process, 'role' | 'handles'>,
): void {
  const p = h.world.processes[pid];
  if (!p) return;
  const change = {
    op: 'process.exec' as const,
    pid,
    name,
    args,
    role: extra.role,
    ...(extra.handles ? { handles: extra.handles } : {}),
  };
  h.change(change, endpointOf(p), `execve ${name}`);
}

export function childrenOf(h: DockerHost, pid: Pid): Process[] {
  return Object.values(h.world.processes).filter((p) => p.ppid === pid);
}

function newParentFor(h: DockerHost, dead: Process): Process | undefined {
  let ancestor = h.world.processes[dead.ppid];
  while (ancestor && ancestor.pid !== 1) {
    if (ancestor.subreaper) return ancestor;
    ancestor = h.world.processes[ancestor.ppid];
  }
  return h.world.processes[1];
}

/** A process exits with `status` (128+N when killed by signal N). */
export function exitProcess(h: DockerHost, pid: Pid, status: number): void {
  const p = h.world.processes[pid];
  if (!p) return;
  // PID 1 of a container's namespace gone: the kernel SIGKILLs everything else in it.
  if (p.nsPid === 1 && p.containerId) {
    for (const other of Object.values(h.world.processes)) {
      if (
        other.containerId === p.containerId &&
        other.pid !== pid &&
        other.nsPid !== undefined &&
        other.nsPid !== 1
      ) {
        h.emit('signal', 'kernel', endpointOf(other), 'SIGKILL', {
          pid: other.pid,
          reason: 'namespace init exited',
        });
        exitProcess(h, other.pid, 137);
      }
    }
  }
  h.emit('exit', endpointOf(p), parentEndpoint(h, p), `exit ${status}`, {
    pid,
    name: p.name,
    status,
  });
  h.change(
    { op: 'process.exit', pid, status },
    endpointOf(p),
    `${p.name} (${pid}) exited ${status}`,
  );
  for (const child of childrenOf(h, pid)) {
    if (child.diesWithParent) {
      h.emit('signal', 'kernel', endpointOf(child), 'SIGKILL', {
        pid: child.pid,
        reason: 'parent died',
      });
      exitProcess(h, child.pid, 137);
      continue;
    }
    const parent = newParentFor(h, p);
    if (!parent) continue;
    h.change(
      { op: 'process.reparent', pid: child.pid, ppid: parent.pid },
      endpointOf(child),
      `${child.name} (${child.pid}) re-parented to ${parent.name} (${parent.pid})`,
    );
  }
  h.hooks.onExit(h, p, status);
  // tini (docker-init) reaps its child and exits with the child's status.
  const parent = h.world.processes[p.ppid];
  if (parent?.role === 'docker-init' && childrenOf(h, parent.pid).length === 0)
    exitProcess(h, parent.pid, status);
}

function parentEndpoint(h: DockerHost, p: Process): EndpointId {
  const parent = h.world.processes[p.ppid];
  return parent ? endpointOf(parent) : 'kernel';
}

/** Delivers a signal to a process, with the kernel's rules for PID 1 of a namespace. */
export function signalProcess(h: DockerHost, pid: Pid, signal: SignalName, from: EndpointId): void {
  const p = h.world.processes[pid];
  if (!p) return;
  h.emit('signal', from, endpointOf(p), signal, { pid, name: p.name });
  switch (p.role) {
    case 'init':
      return; // PID 1 of the host ignores what it does not handle, SIGKILL included.
    case 'dockerd':
    case 'containerd':
      if (signal === 'SIGKILL') exitProcess(h, pid, 137);
      else h.hooks.onDaemonSignal(h, p, signal);
      return;
    case 'shim':
    case 'runc':
      if (signal === 'SIGKILL' || signal === 'SIGTERM' || signal === 'SIGINT')
        exitProcess(h, pid, killedStatus(signal));
      return;
    case 'runc-init':
      if (signal === 'SIGKILL') exitProcess(h, pid, 137);
      return;
    case 'docker-init': {
      // tini forwards the signal to its child and exits with the child's status.
      if (signal === 'SIGKILL') {
        exitProcess(h, pid, 137);
        return;
      }
      for (const child of childrenOf(h, pid)) signalProcess(h, child.pid, signal, endpointOf(p));
      return;
    }
    case 'container': {
      if (p.frozen && signal !== 'SIGKILL') {
        // A frozen task cannot run its handler: the signal stays pending until the thaw.
        h.change(
          { op: 'process.pending', pid, pendingSignals: [...(p.pendingSignals ?? []), signal] },
          endpointOf(p),
          `${signal} pending (frozen)`,
        );
        return;
      }
      const outcome = signalOutcome(p.handles ?? {}, signal, p.nsPid === 1);
      if (outcome.kind !== 'exit') return;
      if (signal === 'SIGKILL' || !(signal in (p.handles ?? {}))) {
        exitProcess(h, pid, outcome.status);
      } else {
        // A handler runs first: a graceful shutdown takes a little while.
        h.cancelTimers((a) => a.kind === 'programExit' && a.pid === pid);
        h.schedule(h.jitter(30, 90), {
          kind: 'programExit',
          pid,
          status: outcome.status,
          graceful: true,
        });
      }
      return;
    }
  }
}

/**
 * The cgroup is thawed: what fell due while the processes were frozen happens now, exits
 * first (a program that had finished), then the signals that were sent to them.
 */
export function thaw(h: DockerHost, pids: readonly Pid[]): void {
  for (const pid of pids) {
    const p = h.world.processes[pid];
    if (!p || (p.pendingExit === undefined && !p.pendingSignals)) continue;
    const exit = p.pendingExit;
    const signals = (p.pendingSignals ?? []).filter((s): s is SignalName => s in SIGNALS);
    h.change(
      { op: 'process.pending', pid, pendingExit: null, pendingSignals: [] },
      endpointOf(p),
      'thawed',
    );
    if (exit !== undefined) {
      exitProcess(h, pid, exit);
      continue;
    }
    for (const signal of signals) signalProcess(h, pid, signal, 'kernel');
  }
}

/** The cgroup freezer (`docker pause`): every process of the container stops being scheduled. */
export function freezeCgroup(h: DockerHost, containerId: string, frozen: boolean): void {
  const pids = Object.values(h.world.processes)
    .filter((p) => p.containerId === containerId && p.nsPid !== undefined)
    .map((p) => p.pid);
  h.change(
    { op: 'process.freeze', pids, frozen },
    endpoint.container(containerId),
    frozen ? 'cgroup frozen' : 'cgroup thawed',
  );
  if (!frozen) thaw(h, pids);
}
