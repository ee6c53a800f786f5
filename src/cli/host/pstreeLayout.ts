/**
 * psmisc's tree layout for `pstree`: the tree built from the process table, identical
 * siblings compacted (`2*[nginx]`), and dump_tree's drawing with ASCII, UTF-8 or VT100 lines,
 * cut at the terminal width with a `+`.
 */
import type { World } from '../../sim/types';
import { cgroupV2 } from './hostinfo';
import type { HostProcess } from './proctable';

export interface Symbols {
  readonly empty2: string;
  readonly branch2: string;
  readonly vert2: string;
  readonly last2: string;
  readonly single3: string;
  readonly first3: string;
}

export const ASCII: Symbols = {
  empty2: '  ',
  branch2: '|-',
  vert2: '| ',
  last2: '`-',
  single3: '---',
  first3: '-+-',
};
export const UTF: Symbols = {
  empty2: '  ',
  branch2: '├─',
  vert2: '│ ',
  last2: '└─',
  single3: '───',
  first3: '─┬─',
};
const VT_BEG = '\x1b(0\x0f';
const VT_END = '\x1b(B';
export const VT100: Symbols = {
  empty2: '  ',
  branch2: `${VT_BEG}tq${VT_END}`,
  vert2: `${VT_BEG}x${VT_END} `,
  last2: `${VT_BEG}mq${VT_END}`,
  single3: `${VT_BEG}qqq${VT_END}`,
  first3: `${VT_BEG}qwq${VT_END}`,
};
export const BOLD = '\x1b[1m';
export const NORMAL = '\x1b(B\x1b[m';

export const NS_NAMES = ['cgroup', 'ipc', 'mnt', 'net', 'pid', 'user', 'uts', 'time'] as const;

export interface Node {
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
export class Out {
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

export interface Options {
  args: boolean;
  compact: boolean;
  pids: boolean;
  pgids: boolean;
  nsChanges: boolean;
  sym: Symbols;
}

/** The namespaces a process entered: a container's processes live in their own. */
export function namespacesOf(world: World, p: HostProcess): readonly string[] {
  if (p.nsPid === undefined || !p.containerId) return [];
  const c = world.containers[p.containerId];
  const ns: string[] = ['ipc', 'mnt', 'pid', 'uts'];
  if (cgroupV2(world.settings.era)) ns.push('cgroup');
  if (c?.hostConfig.networkMode !== 'host') ns.push('net');
  return ns.map((n) => `${n}:${p.containerId ?? ''}`);
}

export function buildTree(
  world: World,
  table: readonly HostProcess[],
  byPid: boolean,
): Map<number, Node> {
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

export function treeEqual(a: Node, b: Node): boolean {
  if (a.comm !== b.comm || a.children.length !== b.children.length) return false;
  return a.children.every((c, i) => {
    const other = b.children[i];
    return other !== undefined && treeEqual(c, other);
  });
}

export function groups(node: Node, o: Options): { node: Node; count: number }[] {
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

export function dump(
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
