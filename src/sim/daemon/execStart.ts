/**
 * `POST /exec/{id}/start` inside dockerd (moby ContainerExecStart): the exec is marked running,
 * runc is asked (through containerd and the shim) to run the program in the container's
 * namespaces, with the next PID of its PID namespace, and what it writes goes through the
 * shim to dockerd's FIFOs for this exec. In the 1.10 era the daemon starts it itself.
 * A failed start records an exit code at once (moby setExitCodeFromError).
 */
import { containerView, listDir, type ContainerView } from '../containerFs';
import type { NsProcess } from '../containerPs';
import { resolveExec, type ExecContext } from '../exec/programs';
import type { DockerHost } from '../host';
import { spawn } from '../kernel';
import { execInTask } from '../runtime';
import type { StdioFrame } from '../api/types';
import { endpoint } from '../trace';
import { saveFs } from '../writableLayer';
import type { Container, Exec } from '../types';
import { activeExec } from './exec';
import { resolveUser } from './execConfig';
import { execEvent } from './execStore';
import { fail, ok, type Result } from './result';

export interface ExecStartOutcome {
  /** What the process wrote as it started (the attach stream's first frames). */
  readonly frames: StdioFrame[];
  /** Virtual ms it runs for by itself; null while it waits for input or a signal. */
  readonly runsForMs: number | null;
}

function nextNsPid(h: DockerHost, c: Container): number {
  // PIDs in a namespace are not reused soon: the next one follows the highest handed out.
  const living = Object.values(h.world.processes)
    .filter((p) => p.containerId === c.id && p.nsPid !== undefined)
    .map((p) => p.nsPid ?? 0);
  const execs = Object.values(h.world.execs)
    .filter(
      (e) => e.containerId === c.id && (e.startedAt ?? e.exitedAt ?? -1) >= (c.startedAt ?? 0),
    )
    .map((e) => e.nsPid);
  return Math.max(1, ...living, ...execs) + 1;
}

/** The container's PID namespace as `ps` inside it sees it. */
function namespaceView(h: DockerHost, c: Container, view: ContainerView): NsProcess[] {
  const procs = Object.values(h.world.processes).filter(
    (p) => p.containerId === c.id && p.nsPid !== undefined && p.role !== 'runc-init',
  );
  return procs.map((p) => {
    const parent = h.world.processes[p.ppid];
    const e = p.execId ? h.world.execs[p.execId] : undefined;
    const user = e?.user ? resolveUser(view, e.user) : null;
    return {
      nsPid: p.nsPid ?? 0,
      nsPpid: parent?.containerId === c.id ? (parent.nsPid ?? 0) : 0,
      user:
        user !== null
          ? (user.name ?? String(user.uid))
          : p.args[0]?.startsWith('nginx: worker')
            ? 'nginx'
            : 'root',
      comm: p.name,
      args: p.args,
      startedAtMs: h.world.epochMs + p.startedAt,
      tty: e?.tty ? 'pts/0' : null,
    };
  });
}

function failStart(
  h: DockerHost,
  e: Exec,
  status: number,
  message: string,
  exitCode: number,
  nsPid = 0,
): Result<ExecStartOutcome> {
  h.change(
    { op: 'exec.update', id: e.id, patch: { running: false, exitCode, exitedAt: h.now, nsPid } },
    'dockerd',
    `exec ${e.id.slice(0, 12)} failed (${exitCode})`,
  );
  return fail(status, message, exitCode);
}

/** `POST /exec/{id}/start`: runs the process in the container's namespaces. */
export function startExec(
  h: DockerHost,
  id: string,
  consoleSize: [number, number] | null = null,
): Result<ExecStartOutcome> {
  const active = activeExec(h, id);
  if (!active.ok) return active;
  const { exec: e, container: c } = active.value;
  const era = h.world.settings.era;
  const conflict = era === 'modern' ? 'exec command' : 'Error: Exec command';
  if (e.exitCode !== null) return fail(409, `${conflict} ${e.id} has already run`);
  if (e.running) return fail(409, `${conflict} ${e.id} is already running`);
  // A console size given at start wins over the one given at create (moby ContainerExecStart).
  const size = e.tty ? (consoleSize ?? e.consoleSize) : e.consoleSize;
  h.change(
    { op: 'exec.update', id, patch: { running: true, consoleSize: size } },
    'dockerd',
    `exec ${id.slice(0, 12)} starting`,
  );
  execEvent(h, c, `exec_start: ${e.entrypoint} ${e.args.join(' ')}`, { execID: id });

  const view = containerView(h, c);
  const user = resolveUser(view, e.user) ?? {
    name: 'root',
    uid: 0,
    gid: 0,
    group: 'root',
    home: '/root',
  };
  const env = e.env.some((v) => v.startsWith('HOME=')) ? e.env : [...e.env, `HOME=${user.home}`];
  const cwd = e.workingDir || '/';
  const ctx: ExecContext = {
    view,
    env,
    cwd,
    user,
    tty: e.tty,
    openStdin: e.openStdin,
    columns: size?.[1] || 80,
  };
  const resolved =
    listDir(view, cwd) === null
      ? {
          ok: false as const,
          error: `chdir to cwd ("${cwd}") set in config.json failed: no such file or directory`,
        }
      : resolveExec([e.entrypoint, ...e.args], ctx);
  const nsPid = nextNsPid(h, c);
  const program = resolved.ok
    ? {
        ok: true as const,
        comm: resolved.program.comm,
        args: resolved.program.args,
        handles: { ...resolved.program.handles } as Record<string, number | null>,
      }
    : resolved;

  let pid: number;
  if (era === 'monolith') {
    if (!program.ok)
      return failStart(
        h,
        e,
        500,
        `Cannot run exec command ${id} in container ${c.id}: [8] System error: ${program.error}`,
        128,
        nsPid,
      );
    // The 1.10 daemon joins the namespaces itself (libcontainer setns) and keeps the process
    // as its own child, like the container's.
    h.emit('exec', 'dockerd', endpoint.container(c.id), 'execdriver native: exec', { execId: id });
    pid = spawn(h, {
      ppid: h.world.services.dockerd.pid ?? 1,
      name: program.comm,
      args: [...program.args],
      role: 'container',
      containerId: c.id,
      nsPid,
      handles: program.handles,
      diesWithParent: true,
      execId: id,
    }).pid;
  } else {
    const started = execInTask(h, c, { execId: id, tty: e.tty, nsPid, program });
    if (!started.ok) {
      // moby setExitCodeFromError: a missing program or directory is 127, anything else 128,
      // a failure before containerd ran anything 126; older Engines (23.0 still) always set 126.
      if (started.kind === 'unavailable') return failStart(h, e, 503, started.error, 126);
      const notFound = started.kind === 'not-found';
      const code = era !== 'modern' ? 126 : notFound ? 127 : 128;
      return failStart(h, e, notFound ? 400 : 500, started.error, code, nsPid);
    }
    pid = started.pid;
  }
  h.change(
    { op: 'exec.update', id, patch: { pid, nsPid, startedAt: h.now } },
    'dockerd',
    `exec ${id.slice(0, 12)} running (pid ${pid})`,
  );
  const p = resolved.ok ? resolved.program : null;
  const now = { procs: namespaceView(h, c, view), self: nsPid, nowMs: h.world.epochMs + h.now };
  const frames = p ? p.output(now) : [];
  // What it wrote to files lands in the container's layer or its volumes as it starts.
  if (p?.files) saveFs(h, c, view.fs, p.files(now));
  writeExecOutput(h, c, e, frames);
  if (p && p.runsForMs !== null)
    h.schedule(Math.max(1, p.runsForMs), { kind: 'programExit', pid, status: p.exitCode });
  return ok({ frames, runsForMs: p?.runsForMs ?? null });
}

/** The process writes to its pipes (or terminal); the shim copies them to dockerd's FIFOs. */
function writeExecOutput(
  h: DockerHost,
  c: Container,
  e: Exec,
  frames: readonly StdioFrame[],
): void {
  const viaShim = h.world.settings.era !== 'monolith';
  for (const frame of frames) {
    const text = frame.data.replace(/\n$/, '');
    const [first = ''] = text.split('\n');
    const shown = first.length > 48 || first !== text ? `${first.slice(0, 47)}…` : first;
    const label = `${frame.stream}: ${shown}`;
    const detail = { stream: frame.stream, text, execId: e.id };
    if (viaShim) {
      h.emit('stdio', endpoint.container(c.id), endpoint.shim(c.id), label, detail);
      h.emit(
        'stdio',
        endpoint.shim(c.id),
        'dockerd',
        `${e.id.slice(0, 12)}-${frame.stream} FIFO`,
        detail,
      );
    } else {
      h.emit('stdio', endpoint.container(c.id), 'dockerd', label, detail);
    }
  }
}
