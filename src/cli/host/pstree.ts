/**
 * `pstree` (psmisc 23): the host's processes as a tree. A port of psmisc's dump_tree: children
 * sorted by name (`-n`: by PID), identical sibling subtrees compacted as `2*[nginx]` (not with
 * `-p`, `-a`, `-c`, `-g`), lines cut at the terminal width with a `+` (not with `-l`), and
 * `-S` marking the namespaces a process does not share with its parent: a container's init.
 * Names are comm, cut to 15 characters, so the shim shows as `containerd-shim`.
 */
import type { World } from '../../sim/types';
import type { CommandContext, CommandSpec } from '../shell/types';
import { getopt, has, lastValue, type LongOption } from './getopt';
import { cgroupV2 } from './hostinfo';
import { tableFor, type HostProcess } from './proctable';

const USAGE = `Usage: pstree [-acglpsStTuZ] [ -h | -H PID ] [ -n | -N type ]
              [ -A | -G | -U ] [ PID | USER ]
   or: pstree -V

Display a tree of processes.

  -a, --arguments     show command line arguments
  -A, --ascii         use ASCII line drawing characters
  -c, --compact-not   don't compact identical subtrees
  -C, --color=TYPE    color process by attribute
                      (age)
  -g, --show-pgids    show process group ids; implies -c
  -G, --vt100         use VT100 line drawing characters
  -h, --highlight-all highlight current process and its ancestors
  -H PID, --highlight-pid=PID
                      highlight this process and its ancestors
  -l, --long          don't truncate long lines
  -n, --numeric-sort  sort output by PID
  -N TYPE, --ns-sort=TYPE
                      sort output by this namespace type
                              (cgroup, ipc, mnt, net, pid, time, user, uts)
  -p, --show-pids     show PIDs; implies -c
  -s, --show-parents  show parents of the selected process
  -S, --ns-changes    show namespace transitions
  -t, --thread-names  show full thread names
  -T, --hide-threads  hide threads, show only processes
  -u, --uid-changes   show uid transitions
  -U, --unicode       use UTF-8 (Unicode) line drawing characters
  -V, --version       display version information
  -Z, --security-context
                      show security attributes

  PID    start at this PID; default is 1 (init)
  USER   show only trees rooted at processes of this user

`;

const VERSION = `pstree (PSmisc) 23.6
Copyright (C) 1993-2022 Werner Almesberger and Craig Small

PSmisc comes with ABSOLUTELY NO WARRANTY.
This is free software, and you are welcome to redistribute it under
the terms of the GNU General Public License.
For more information about these matters, see the files named COPYING.
`;

const LONGS: LongOption[] = [
  { name: 'arguments', arg: 'none', key: 'a' },
  { name: 'ascii', arg: 'none', key: 'A' },
  { name: 'compact-not', arg: 'none', key: 'c' },
  { name: 'color', arg: 'required', key: 'C' },
  { name: 'vt100', arg: 'none', key: 'G' },
  { name: 'highlight-all', arg: 'none', key: 'h' },
  { name: 'highlight-pid', arg: 'required', key: 'H' },
  { name: 'long', arg: 'none', key: 'l' },
  { name: 'numeric-sort', arg: 'none', key: 'n' },
  { name: 'ns-sort', arg: 'required', key: 'N' },
  { name: 'show-pids', arg: 'none', key: 'p' },
  { name: 'show-pgids', arg: 'none', key: 'g' },
  { name: 'show-parents', arg: 'none', key: 's' },
  { name: 'ns-changes', arg: 'none', key: 'S' },
  { name: 'thread-names', arg: 'none', key: 't' },
  { name: 'hide-threads', arg: 'none', key: 'T' },
  { name: 'uid-changes', arg: 'none', key: 'u' },
  { name: 'unicode', arg: 'none', key: 'U' },
  { name: 'version', arg: 'none', key: 'V' },
  { name: 'security-context', arg: 'none', key: 'Z' },
];

interface Symbols {
  readonly empty2: string;
  readonly branch2: string;
  readonly vert2: string;
  readonly last2: string;
  readonly single3: string;
  readonly first3: string;
}

const ASCII: Symbols = {
  empty2: '  ',
  branch2: '|-',
  vert2: '| ',
  last2: '`-',
  single3: '---',
  first3: '-+-',
};
const UTF: Symbols = {
  empty2: '  ',
  branch2: '├─',
  vert2: '│ ',
  last2: '└─',
  single3: '───',
  first3: '─┬─',
};
const VT_BEG = '\x1b(0\x0f';
const VT_END = '\x1b(B';
const VT100: Symbols = {
  empty2: '  ',
  branch2: `${VT_BEG}tq${VT_END}`,
  vert2: `${VT_BEG}x${VT_END} `,
  last2: `${VT_BEG}mq${VT_END}`,
  single3: `${VT_BEG}qqq${VT_END}`,
  first3: `${VT_BEG}qwq${VT_END}`,
};
const BOLD = '\x1b[1m';
const NORMAL = '\x1b(B\x1b[m';

const NS_NAMES = ['cgroup', 'ipc', 'mnt', 'net', 'pid', 'user', 'uts', 'time'] as const;

interface Node {
  readonly p: HostProcess | null;
  readonly pid: number;
  readonly comm: string;
  readonly args: readonly string[];
  pgid: number;
  ns: readonly string[];
  highlight: boolean;
  parent: Node | null;
  children: Node[];
}

/** psmisc's out_char: counts columns and cuts the line at the width with a `+`. */
class Out {
  text = '';
  curX = 1;
  private lastChar: string | null = null;
  constructor(
    readonly width: number,
    readonly trunc: boolean,
  ) {}

  char(c: string): void {
    this.curX++;
    if (!this.trunc || this.curX <= this.width) this.text += c;
    if (this.curX === this.width + 1 && this.trunc) {
      if (this.lastChar !== null || c.charCodeAt(0) > 127) this.text += '+';
      else {
        this.lastChar = c;
        this.curX--;
      }
    }
  }

  /** Terminal escapes take no column. */
  raw(s: string): void {
    this.text += s;
  }

  string(s: string): void {
    // Escape sequences of the VT100 symbols take no column either.
    let rest = s;
    while (rest.length > 0) {
      const esc = [VT_BEG, VT_END].find((e) => rest.startsWith(e));
      if (esc) {
        this.raw(esc);
        rest = rest.slice(esc.length);
      } else {
        this.char(rest[0] ?? '');
        rest = rest.slice(1);
      }
    }
  }

  newline(): void {
    if (this.lastChar !== null && this.curX === this.width) this.text += this.lastChar;
    this.lastChar = null;
    this.text += '\n';
    this.curX = 1;
  }
}

interface Options {
  args: boolean;
  compact: boolean;
  pids: boolean;
  pgids: boolean;
  nsChanges: boolean;
  sym: Symbols;
}

/** The namespaces a process entered: a container's processes live in their own. */
function namespacesOf(world: World, p: HostProcess): readonly string[] {
  if (p.nsPid === undefined || !p.containerId) return [];
  const c = world.containers[p.containerId];
  const ns: string[] = ['ipc', 'mnt', 'pid', 'uts'];
  if (cgroupV2(world.settings.era)) ns.push('cgroup');
  if (c?.hostConfig.networkMode !== 'host') ns.push('net');
  return ns.map((n) => `${n}:${p.containerId ?? ''}`);
}

function buildTree(world: World, table: readonly HostProcess[], byPid: boolean): Map<number, Node> {
  const nodes = new Map<number, Node>();
  const make = (p: HostProcess | null, pid: number): Node => {
    const node: Node = {
      p,
      pid,
      comm: p ? p.comm : '?',
      args: p ? p.args.slice(1) : [],
      pgid: pid,
      ns: p ? namespacesOf(world, p) : [],
      highlight: false,
      parent: null,
      children: [],
    };
    nodes.set(pid, node);
    return node;
  };
  for (const p of table) make(p, p.pid);
  for (const p of table) {
    const node = nodes.get(p.pid) as Node;
    const ppid = p.ppid === p.pid ? 0 : p.ppid;
    const parent = nodes.get(ppid) ?? make(null, ppid);
    const kids = parent.children;
    let at = kids.findIndex((w) => (byPid ? w.pid > node.pid : w.comm > node.comm));
    if (at < 0) at = kids.length;
    kids.splice(at, 0, node);
    node.parent = parent;
  }
  // Process groups: a session leader or a process that made its own group leads one.
  const pgidOf = (n: Node): number => {
    const p = n.p;
    if (!p || !n.parent || p.stat.includes('s') || p.stat.includes('+') || p.threads > 1)
      return n.pid;
    return pgidOf(n.parent);
  };
  for (const n of nodes.values()) n.pgid = pgidOf(n);
  return nodes;
}

function treeEqual(a: Node, b: Node): boolean {
  if (a.comm !== b.comm || a.children.length !== b.children.length) return false;
  return a.children.every((c, i) => {
    const other = b.children[i];
    return other !== undefined && treeEqual(c, other);
  });
}

function groups(node: Node, o: Options): { node: Node; count: number }[] {
  const rest = [...node.children];
  const out: { node: Node; count: number }[] = [];
  while (rest.length > 0) {
    const walk = rest.shift() as Node;
    let count = 0;
    if (o.compact && !o.args) {
      for (let i = 0; i < rest.length;) {
        const other = rest[i] as Node;
        if (treeEqual(walk, other)) {
          rest.splice(i, 1);
          count++;
        } else i++;
      }
    }
    out.push({ node: walk, count });
  }
  return out;
}

function dump(
  out: Out,
  o: Options,
  state: { width: number[]; more: boolean[] },
  node: Node,
  level: number,
  rep: number,
  leaf: boolean,
  last: boolean,
  closing: number,
): void {
  const { sym } = o;
  if (!leaf) {
    for (let lvl = 0; lvl < level; lvl++) {
      for (let i = (state.width[lvl] ?? 0) + 1; i > 0; i--) out.char(' ');
      out.string(
        lvl === level - 1
          ? last
            ? sym.last2
            : sym.branch2
          : state.more[lvl + 1]
            ? sym.vert2
            : sym.empty2,
      );
    }
  }
  let add = 0;
  if (rep >= 2) {
    const digits = String(rep);
    out.string(digits);
    out.string('*[');
    add = digits.length + 2;
  }
  if (node.highlight) out.raw(BOLD);
  const commStart = out.curX;
  out.string(node.comm);
  const commLen = out.curX - commStart;
  const offset = out.curX;
  let info = false;
  const field = (text: string): void => {
    out.char(info ? ',' : '(');
    info = true;
    out.string(text);
  };
  if (o.pids) field(String(node.pid));
  if (o.pgids) field(String(node.pgid));
  if (o.nsChanges && node.parent) {
    const parentNs = new Set(node.parent.ns);
    for (const name of NS_NAMES) {
      const mine = node.ns.find((n) => n.startsWith(`${name}:`));
      if (mine && !parentNs.has(mine)) field(name);
    }
  }
  if (info) out.char(')');
  if (node.highlight) out.raw(NORMAL);
  if (o.args) {
    node.args.forEach((arg, i) => {
      out.char(' ');
      const limit = out.width - (i === node.args.length - 1 ? 0 : 4);
      if (!out.trunc || out.curX + arg.length <= limit) out.string(arg);
      else {
        out.string('...');
        return;
      }
    });
  }
  if (o.args || node.children.length === 0) {
    for (let i = 0; i < closing; i++) out.char(']');
    out.newline();
  }
  state.more[level] = !last;
  if (o.args) {
    state.width[level] = commLen > 1 ? 1 : 0;
    const g = groups(node, o);
    g.forEach(({ node: child, count }, k) =>
      dump(
        out,
        o,
        state,
        child,
        level + 1,
        count + 1,
        false,
        k === g.length - 1,
        count > 0 ? 1 : 0,
      ),
    );
    return;
  }
  state.width[level] = commLen + out.curX - offset + add;
  if (out.curX >= out.width && out.trunc) {
    out.string(sym.first3);
    out.string('+');
    out.newline();
    return;
  }
  const g = groups(node, o);
  g.forEach(({ node: child, count }, k) => {
    const next = k + 1 < g.length;
    if (k === 0) out.string(next ? sym.first3 : sym.single3);
    dump(out, o, state, child, level + 1, count + 1, k === 0, !next, closing + (count > 0 ? 1 : 0));
  });
}

function run(ctx: CommandContext, args: readonly string[]): number {
  const parsed = getopt(args, 'aAcC:gGhH:nN:pslStTuUVZ', LONGS);
  if (!parsed.ok) {
    ctx.err(`pstree: ${parsed.error}\n${USAGE}`);
    return 1;
  }
  const opts = parsed.options;
  if (has(opts, 'V')) {
    ctx.err(VERSION);
    return 0;
  }
  const color = lastValue(opts, 'C');
  if (color !== undefined && color !== 'age') {
    ctx.err(USAGE);
    return 1;
  }
  const nsSort = lastValue(opts, 'N');
  if (nsSort !== undefined && !(NS_NAMES as readonly string[]).includes(nsSort)) {
    ctx.err(USAGE);
    return 1;
  }
  if (has(opts, 'Z') || color !== undefined) {
    ctx.err(
      `pstree: ${has(opts, 'Z') ? '-Z (security attributes)' : '--color'} is not simulated\n`,
    );
    return 1;
  }
  const highlightPid = lastValue(opts, 'H');
  if (highlightPid !== undefined && !/^\d+$/.test(highlightPid)) {
    ctx.err(USAGE);
    return 1;
  }
  if (parsed.operands.length > 1) {
    ctx.err(USAGE);
    return 1;
  }
  let symbol = UTF;
  for (const o of opts) {
    if (o.key === 'A') symbol = ASCII;
    else if (o.key === 'G') symbol = VT100;
    else if (o.key === 'U') symbol = UTF;
  }
  const o: Options = {
    args: has(opts, 'a'),
    compact: !has(opts, 'c') && !has(opts, 'p') && !has(opts, 'g'),
    pids: has(opts, 'p'),
    pgids: has(opts, 'g'),
    nsChanges: has(opts, 'S'),
    sym: symbol,
  };
  const world = ctx.host.world;
  const table = tableFor(ctx, ['pstree', ...args]);
  const nodes = buildTree(world, table, has(opts, 'n'));

  let rootPid = 1;
  let pidSet = false;
  const operand = parsed.operands[0];
  if (operand !== undefined) {
    if (/^\d/.test(operand)) {
      if (!/^\d+$/.test(operand)) {
        ctx.err(USAGE);
        return 1;
      }
      rootPid = Number(operand);
      pidSet = true;
    } else if (operand !== 'root') {
      ctx.err(`No such user name: ${operand}\n`);
      return 1;
    }
  }
  const tool = table.find((p) => p.args[0] === 'pstree' && p.session);
  const marked = has(opts, 'h')
    ? tool?.pid
    : highlightPid !== undefined
      ? Number(highlightPid)
      : undefined;
  for (let n = marked === undefined ? undefined : nodes.get(marked); n; n = n.parent ?? undefined)
    n.highlight = true;

  if (has(opts, 's') && pidSet) {
    let cur = nodes.get(rootPid);
    if (!cur) return 1;
    while (cur.parent) {
      cur.parent.children = [cur];
      cur = cur.parent;
    }
    rootPid = 1;
  }
  const root = nodes.get(rootPid);
  if (!root || root.p === null) return 1;
  const out = new Out(ctx.columns, !has(opts, 'l'));
  dump(out, o, { width: [], more: [] }, root, 0, 1, true, true, 0);
  ctx.out(out.text);
  return 0;
}

export const pstree: CommandSpec = {
  summary: 'display the host processes as a tree (pstree, pstree -p, pstree -pS PID)',
  run,
  complete: (before, world) =>
    before.length === 0
      ? ['-p', '-a', '-pS', '-ps', '-n', ...Object.keys(world.processes)]
      : Object.keys(world.processes),
};
