/**
 * The shapes shared by the programs `docker exec` can run: what a program knows of the
 * container and the process (ExecContext), what it sees once it runs (RunningNow), and what it
 * is (ExecProgram). Plus the small builders the programs are written with.
 */
import type { StdioFrame } from '../api/types';
import type { ContainerView, FsState } from '../containerFs';
import type { NsProcess } from '../containerPs';
import type { Program } from '../programs';

/** Who the process runs as (`docker exec -u`), as the image's /etc/passwd names it. */
export interface ExecUser {
  readonly name: string | null;
  readonly uid: number;
  readonly gid: number;
  readonly group: string | null;
  readonly home: string;
}

export interface ExecContext {
  readonly view: ContainerView;
  /** The process environment, HOME included. */
  readonly env: readonly string[];
  readonly cwd: string;
  readonly user: ExecUser;
  readonly tty: boolean;
  readonly openStdin: boolean;
  /** Terminal width for `ls` columns under `-t`. */
  readonly columns: number;
}

/** The container as it is once the process runs, so that `ps` lists itself. */
export interface RunningNow {
  readonly procs: readonly NsProcess[];
  readonly self: number;
  /** Unix ms (for `date`). */
  readonly nowMs: number;
}

export interface ExecProgram {
  readonly comm: string;
  readonly args: readonly string[];
  /** Virtual ms until it exits by itself; null while it waits for input or a signal. */
  readonly runsForMs: number | null;
  readonly exitCode: number;
  readonly handles: Program['handles'];
  /** What it writes when it starts, with its own line ends. */
  output(now: RunningNow): StdioFrame[];
  /**
   * The container's files once it has run (its writable layer, volumes, bind-mounted host
   * files), for a program that writes any; dockerd records them when it starts.
   */
  readonly files?: (now: RunningNow) => FsState;
}

export type ResolvedExec = { ok: true; program: ExecProgram } | { ok: false; error: string };

export const out = (text: string): StdioFrame => ({ stream: 'stdout', data: `${text}\n` });
export const err = (text: string): StdioFrame => ({ stream: 'stderr', data: `${text}\n` });

export function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

export function simple(
  comm: string,
  args: readonly string[],
  frames: StdioFrame[] | ((now: RunningNow) => StdioFrame[]),
  exitCode = 0,
  runsForMs: number | null = 2,
): ExecProgram {
  const output = typeof frames === 'function' ? frames : (): StdioFrame[] => frames;
  return { comm, args: [comm, ...args], runsForMs, exitCode, handles: {}, output };
}

export const isGnu = (ctx: ExecContext): boolean => ctx.view.userland === 'debian';

/** What a process sees before it is placed in the namespace (dry runs, a container's init). */
export const NOBODY_RUNNING: RunningNow = { procs: [], self: 1, nowMs: 0 };
