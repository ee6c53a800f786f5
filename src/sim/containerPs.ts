/**
 * `ps` inside a container: the view from the container's PID namespace. PIDs are namespace
 * PIDs (the container's main program is PID 1, `docker exec`'d processes get the next ones),
 * and a process whose parent lives outside the namespace (the shim) shows PPID 0.
 *
 * Two implementations, as images ship them: BusyBox's applet (Alpine, BusyBox), which prints
 * one table whatever the options, and procps-ng's (Debian images that install procps), with
 * `ps`, `ps -ef` and `ps aux` in their usual columns. Pure formatting of data it is given.
 */

/** One process as seen from inside the namespace. */
export interface NsProcess {
  readonly nsPid: number;
  /** Parent's PID in the namespace, 0 when the parent is outside it. */
  readonly nsPpid: number;
  readonly user: string;
  readonly comm: string;
  readonly args: readonly string[];
  /** Unix ms when it started. */
  readonly startedAtMs: number;
  /** Its controlling terminal (a `docker exec -t` process), e.g. `pts/0`; null for none. */
  readonly tty: string | null;
}

export interface PsRequest {
  readonly procs: readonly NsProcess[];
  /** The namespace PID of the `ps` process itself (it is running: state R). */
  readonly self: number;
  readonly args: readonly string[];
}

const hhmm = (ms: number): string => new Date(ms).toISOString().slice(11, 16);

function busybox(req: PsRequest): string[] {
  const rows = req.procs.map(
    (p) =>
      `${String(p.nsPid).padStart(5)} ${p.user.padEnd(8).slice(0, 8)} ${'0:00'.padStart(5)} ${p.args.join(' ')}`,
  );
  return ['PID   USER     TIME  COMMAND', ...rows];
}

/** Plausible sizes (KiB) for the columns of `ps aux`; nothing in the sim measures memory. */
function sizes(comm: string): { vsz: number; rss: number } {
  switch (comm) {
    case 'node':
      return { vsz: 1_010_652, rss: 47_968 };
    case 'python':
    case 'python3':
      return { vsz: 18_172, rss: 9_728 };
    case 'bash':
      return { vsz: 4_188, rss: 3_456 };
    case 'ps':
      return { vsz: 8_088, rss: 4_096 };
    default:
      return { vsz: 2_484, rss: 1_280 };
  }
}

function stat(p: NsProcess, self: number): string {
  const state = p.nsPid === self ? 'R' : 'S';
  // PID 1 and each exec'd process lead their own session (their parent is outside).
  const leader = p.nsPpid === 0 ? 's' : '';
  return `${state}${leader}${p.tty !== null && p.nsPid === self ? '+' : ''}`;
}

/** procps-ng's formats: `-f` (full, with `-e`/`-A` for all), BSD `u` (user-oriented), default. */
function format(args: readonly string[]): 'full' | 'user' | 'default' {
  const dashed = args.filter((a) => a.startsWith('-')).join('');
  const bsd = args.filter((a) => !a.startsWith('-')).join('');
  if (dashed.includes('f')) return 'full';
  if (bsd.includes('u')) return 'user';
  return 'default';
}

function procps(req: PsRequest): string[] {
  const tty = (p: NsProcess): string => p.tty ?? '?';
  const shown = format(req.args);
  if (shown === 'full') {
    return [
      'UID          PID    PPID  C STIME TTY          TIME CMD',
      ...req.procs.map(
        (p) =>
          `${p.user.padEnd(8)} ${String(p.nsPid).padStart(7)} ${String(p.nsPpid).padStart(7)}  0 ${hhmm(p.startedAtMs)} ${tty(p).padEnd(8)} 00:00:00 ${p.args.join(' ')}`,
      ),
    ];
  }
  if (shown === 'user') {
    return [
      'USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND',
      ...req.procs.map((p) => {
        const { vsz, rss } = sizes(p.comm);
        return `${p.user.padEnd(8)} ${String(p.nsPid).padStart(7)}  0.0  0.0 ${String(vsz).padStart(6)} ${String(rss).padStart(5)} ${tty(p).padEnd(8)} ${stat(p, req.self).padEnd(4)} ${hhmm(p.startedAtMs)}   0:00 ${p.args.join(' ')}`;
      }),
    ];
  }
  // Plain `ps`: the processes on the caller's terminal (none: those without one).
  const me = req.procs.find((p) => p.nsPid === req.self);
  const mine = req.procs.filter((p) => p.tty === (me?.tty ?? null));
  return [
    '    PID TTY          TIME CMD',
    ...mine.map((p) => `${String(p.nsPid).padStart(7)} ${tty(p).padEnd(8)} 00:00:00 ${p.comm}`),
  ];
}

/** The lines `ps` prints, for the userland the image has. */
export function psOutput(kind: 'busybox' | 'procps', req: PsRequest): string[] {
  const procs = [...req.procs].sort((a, b) => a.nsPid - b.nsPid);
  return kind === 'busybox' ? busybox({ ...req, procs }) : procps({ ...req, procs });
}
