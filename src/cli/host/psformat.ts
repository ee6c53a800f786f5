/**
 * procps' output columns: header, width, justification and how each value is printed, for
 * the formats `ps` offers (-f, -F, -l, u, the BSD default) and for `-o` lists. Widths follow
 * procps-ng 4 on a host whose pid_max is 4194304 (PID columns 7 wide). Pure.
 */
import type { World } from '../../sim/types';
import { psCpuTime, psCpuTimeBsd, psStartTime, wallDate } from './clock';
import { cmdline, MEM_TOTAL_KB, type HostProcess } from './proctable';

export interface Column {
  readonly header: string;
  readonly width: number;
  readonly right: boolean;
  /** The last column may run to the end of the line. */
  readonly unlimited?: boolean;
  readonly value: (p: HostProcess, view: View) => string;
}

export interface View {
  readonly world: World;
  /** BSD `c`: show the command name instead of the full command line. */
  readonly commOnly: boolean;
  /** Forest art (`--forest`, BSD `f`) or indentation (`-H`) before the command. */
  readonly prefix: (p: HostProcess) => string;
}

const elapsedSec = (p: HostProcess, world: World): number =>
  Math.max(0, Math.floor((world.now - p.startedAt) / 1000));

function pcpu(p: HostProcess, world: World): number {
  const life = Math.max(1, world.now - p.startedAt);
  return Math.min(999, (p.cpuMs / life) * 100);
}

function etime(p: HostProcess, world: World): string {
  let t = elapsedSec(p, world);
  const ss = t % 60;
  t = Math.floor(t / 60);
  const mm = t % 60;
  t = Math.floor(t / 60);
  const hh = t % 24;
  const dd = Math.floor(t / 24);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${dd ? `${dd}-` : ''}${dd || hh ? `${two(hh)}:` : ''}${two(mm)}:${two(ss)}`;
}

/** Where a sleeping process waits (WCHAN), by the kind of program it is. */
function wchan(p: HostProcess): string {
  if (p.stat.startsWith('R')) return '-';
  if (p.frozen) return 'do_fre';
  if (p.name === 'bash' || p.name === 'login' || p.name === 'sudo') return 'do_wai';
  if (p.name === 'sleep') return 'hrtime';
  if (p.name === 'systemd' || p.name.startsWith('nginx')) return 'do_epo';
  if (p.name === 'runc:[2:INIT]') return 'fifo_o';
  if (p.threads > 1) return 'futex_';
  return 'do_sel';
}

const cmdColumn = (header: string): Column => ({
  header,
  width: 27,
  right: false,
  unlimited: true,
  value: (p, v) => v.prefix(p) + (v.commOnly ? p.comm : cmdline(p)),
});

const commColumn = (header: string): Column => ({
  header,
  width: 15,
  right: false,
  unlimited: true,
  value: (p, v) => v.prefix(p) + p.comm,
});

const user = (header: string): Column => ({
  header,
  width: 8,
  right: false,
  value: () => 'root',
});

const num =
  (header: string, width: number, pick: (p: HostProcess, w: World) => string | number) =>
  (): Column => ({ header, width, right: true, value: (p, v) => String(pick(p, v.world)) });

/** `-o` keys (and the aliases procps accepts) to their column. */
export const COLUMNS: Record<string, () => Column> = {
  pid: num('PID', 7, (p) => p.pid),
  tgid: num('TGID', 7, (p) => p.pid),
  ppid: num('PPID', 7, (p) => p.ppid),
  uid: num('UID', 5, () => 0),
  euid: num('EUID', 5, () => 0),
  ruid: num('RUID', 5, () => 0),
  gid: num('GID', 5, () => 0),
  user: () => user('USER'),
  euser: () => user('EUSER'),
  ruser: () => user('RUSER'),
  uname: () => user('USER'),
  group: () => user('GROUP'),
  c: num('C', 2, (p, w) => Math.floor(pcpu(p, w))),
  pcpu: num('%CPU', 4, (p, w) => pcpu(p, w).toFixed(1)),
  '%cpu': num('%CPU', 4, (p, w) => pcpu(p, w).toFixed(1)),
  pmem: num('%MEM', 4, (p) => ((p.rssKb / MEM_TOTAL_KB) * 100).toFixed(1)),
  '%mem': num('%MEM', 4, (p) => ((p.rssKb / MEM_TOTAL_KB) * 100).toFixed(1)),
  vsz: num('VSZ', 6, (p) => p.vszKb),
  vsize: num('VSZ', 6, (p) => p.vszKb),
  rss: num('RSS', 5, (p) => p.rssKb),
  rssize: num('RSS', 5, (p) => p.rssKb),
  sz: num('SZ', 5, (p) => Math.ceil(p.vszKb / 4)),
  psr: num('PSR', 3, (p) => p.pid % 4),
  nlwp: num('NLWP', 4, (p) => p.threads),
  thcount: num('THCNT', 5, (p) => p.threads),
  ni: num('NI', 3, () => 0),
  nice: num('NI', 3, () => 0),
  pri: num('PRI', 3, () => 80),
  f: num('F', 1, (p) => (p.name === 'nginx' && p.nsPid !== 1 ? 1 : 4)),
  etime: () => ({ header: 'ELAPSED', width: 11, right: true, value: (p, v) => etime(p, v.world) }),
  etimes: num('ELAPSED', 7, (p, w) => elapsedSec(p, w)),
  stime: () => ({
    header: 'STIME',
    width: 5,
    right: true,
    value: (p, v) => psStartTime(v.world, p.startedAt),
  }),
  start_time: () => ({
    header: 'START',
    width: 5,
    right: true,
    value: (p, v) => psStartTime(v.world, p.startedAt),
  }),
  start: () => ({
    header: 'STARTED',
    width: 8,
    right: true,
    value: (p, v) =>
      v.world.now - p.startedAt < 24 * 3600 * 1000
        ? wallDate(v.world, p.startedAt).toISOString().slice(11, 19)
        : psStartTime(v.world, p.startedAt),
  }),
  bsdstart: () => ({
    header: 'START',
    width: 6,
    right: true,
    value: (p, v) => psStartTime(v.world, p.startedAt),
  }),
  time: () => ({ header: 'TIME', width: 8, right: true, value: (p) => psCpuTime(p.cpuMs) }),
  cputime: () => ({ header: 'TIME', width: 8, right: true, value: (p) => psCpuTime(p.cpuMs) }),
  bsdtime: () => ({ header: 'TIME', width: 6, right: true, value: (p) => psCpuTimeBsd(p.cpuMs) }),
  tty: () => ({ header: 'TT', width: 8, right: false, value: (p) => p.tty }),
  tt: () => ({ header: 'TT', width: 8, right: false, value: (p) => p.tty }),
  tname: () => ({ header: 'TTY', width: 8, right: false, value: (p) => p.tty }),
  stat: () => ({ header: 'STAT', width: 4, right: false, value: (p) => p.stat }),
  s: () => ({ header: 'S', width: 1, right: false, value: (p) => p.stat[0] ?? 'S' }),
  state: () => ({ header: 'S', width: 1, right: false, value: (p) => p.stat[0] ?? 'S' }),
  wchan: () => ({ header: 'WCHAN', width: 6, right: false, value: (p) => wchan(p) }),
  addr: () => ({ header: 'ADDR', width: 1, right: false, value: () => '-' }),
  cgroup: () => ({
    header: 'CGROUP',
    width: 27,
    right: false,
    unlimited: true,
    value: (p) => `0::${p.cgroup}`,
  }),
  args: () => cmdColumn('COMMAND'),
  command: () => cmdColumn('COMMAND'),
  cmd: () => cmdColumn('CMD'),
  comm: () => commColumn('COMMAND'),
  ucmd: () => commColumn('CMD'),
  ucomm: () => commColumn('COMMAND'),
  fname: () => ({
    header: 'COMMAND',
    width: 8,
    right: false,
    value: (p) => p.comm.slice(0, 8),
  }),
};

/** One column by `-o` key, with an optional `=Header`; null when procps does not know it. */
export function columnFor(spec: string): Column | null {
  const eq = spec.indexOf('=');
  const key = (eq < 0 ? spec : spec.slice(0, eq)).toLowerCase();
  const make = Object.hasOwn(COLUMNS, key) ? COLUMNS[key] : undefined;
  if (!make) return null;
  const col = make();
  return eq < 0 ? col : { ...col, header: spec.slice(eq + 1) };
}

/** The standard formats, as lists of -o keys with the headers procps gives them there. */
export const FORMATS = {
  default: ['pid', 'tname', 'time', 'ucmd'],
  full: ['user=UID', 'pid', 'ppid', 'c', 'stime', 'tname', 'time', 'cmd'],
  extraFull: ['user=UID', 'pid', 'ppid', 'c', 'sz', 'rss', 'psr', 'stime', 'tname', 'time', 'cmd'],
  long: [
    'f',
    's',
    'uid',
    'pid',
    'ppid',
    'c',
    'pri',
    'ni',
    'addr',
    'sz',
    'wchan',
    'tname',
    'time',
    'ucmd',
  ],
  longFull: [
    'f',
    's',
    'user=UID',
    'pid',
    'ppid',
    'c',
    'pri',
    'ni',
    'addr',
    'sz',
    'wchan',
    'stime',
    'tname',
    'time',
    'cmd',
  ],
  bsd: ['pid', 'tname=TTY', 'stat', 'bsdtime', 'args'],
  bsdUser: [
    'user',
    'pid',
    '%cpu',
    '%mem',
    'vsz',
    'rss',
    'tname=TTY',
    'stat',
    'start_time',
    'bsdtime',
    'args',
  ],
} as const;

/**
 * Lays one row out as procps does: each column has an ideal start (the sum of the widths
 * before it, one space apart); a value wider than its column pushes the next one right only
 * as far as it must, and the columns after it move back into place as soon as they can.
 */
function layout(columns: readonly Column[], values: readonly string[]): string {
  let line = '';
  let start = 0;
  columns.forEach((col, i) => {
    const text = values[i] ?? '';
    const gap = i === 0 ? 0 : 1;
    if (col.right) {
      const end = start + col.width;
      const pad = Math.max(gap, end - text.length - line.length);
      line += ' '.repeat(pad) + text;
    } else {
      line += ' '.repeat(Math.max(gap, start - line.length)) + text;
    }
    start += col.width + 1;
  });
  return line;
}

/** Renders the table: a header (unless every header is empty or `noHeader`), then one row each. */
export function renderTable(
  columns: readonly Column[],
  rows: readonly HostProcess[],
  view: View,
  options: { noHeader: boolean; maxWidth: number | null },
): string {
  const lines: string[] = [];
  const showHeader = !options.noHeader && columns.some((c) => c.header !== '');
  const fit = (line: string): string => {
    const trimmed = line.replace(/\s+$/, '');
    return options.maxWidth !== null && trimmed.length > options.maxWidth
      ? trimmed.slice(0, options.maxWidth)
      : trimmed;
  };
  if (showHeader)
    lines.push(
      fit(
        layout(
          columns,
          columns.map((c) => c.header),
        ),
      ),
    );
  for (const p of rows)
    lines.push(
      fit(
        layout(
          columns,
          columns.map((c) => c.value(p, view)),
        ),
      ),
    );
  return lines.map((l) => `${l}\n`).join('');
}
