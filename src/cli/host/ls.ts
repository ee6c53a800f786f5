/**
 * `ls` (GNU coreutils 9.1) over the modelled host filesystem: columns across the terminal as
 * on a tty, `-l` with `total`, `-a`, `-d`, `-h`, `-F`, `-R`, `-t`, `-S`, `-r`, `-1`. A
 * command-line symlink to a directory is followed unless `-l`/`-d`/`-F`. Exit 2 when a
 * command-line path cannot be reached, as coreutils does.
 */
import type { CommandContext, CommandSpec } from '../shell/types';
import { wallDate } from './clock';
import { cwdOf, pathCandidates, rootFor } from './filetools';
import { lookup, type DirNode, type FsNode } from './fs';
import { getopt, has, type LongOption } from './getopt';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const LS_LONGS: LongOption[] = [
  { name: 'all', arg: 'none', key: 'a' },
  { name: 'almost-all', arg: 'none', key: 'A' },
  { name: 'directory', arg: 'none', key: 'd' },
  { name: 'classify', arg: 'optional', key: 'F' },
  { name: 'human-readable', arg: 'none', key: 'h' },
  { name: 'dereference', arg: 'none', key: 'L' },
  { name: 'numeric-uid-gid', arg: 'none', key: 'n' },
  { name: 'reverse', arg: 'none', key: 'r' },
  { name: 'recursive', arg: 'none', key: 'R' },
  { name: 'color', arg: 'optional', key: 'C' },
  { name: 'help', arg: 'none', key: 'H' },
  { name: 'version', arg: 'none', key: 'V' },
];

interface LsOptions {
  long: boolean;
  all: boolean;
  almostAll: boolean;
  directory: boolean;
  classify: boolean;
  human: boolean;
  numeric: boolean;
  reverse: boolean;
  recursive: boolean;
  byTime: boolean;
  bySize: boolean;
  onePerLine: boolean;
  dereference: boolean;
  noOwner: boolean;
  noGroup: boolean;
}

const TYPE_CHAR: Record<FsNode['kind'], string> = {
  dir: 'd',
  file: '-',
  socket: 's',
  fifo: 'p',
  link: 'l',
};

function pseudoSize(name: string): number {
  let h = 7;
  for (const c of name) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return 1200 + (h % 4800);
}

function sizeOf(node: FsNode, name: string): number {
  switch (node.kind) {
    case 'dir': {
      if (node.fs === 'ext4') return 4096;
      if (node.fs !== 'tmpfs') return 0;
      return 40 + 20 * Object.keys(node.entries() ?? {}).length;
    }
    case 'file': {
      if (node.fs === 'proc' || node.fs === 'sysfs' || node.fs === 'cgroup') return 0;
      const content = node.content();
      return content === null ? pseudoSize(name) : new TextEncoder().encode(content).length;
    }
    case 'link':
      // /proc's magic links report no size.
      return node.fs === 'proc' ? 0 : node.target.length;
    default:
      return 0;
  }
}

function blocksOf(node: FsNode, name: string): number {
  if (node.fs !== 'ext4' && node.fs !== 'tmpfs') return 0;
  if (node.kind === 'dir') return node.fs === 'ext4' ? 4 : 0;
  if (node.kind !== 'file') return 0;
  return Math.ceil(sizeOf(node, name) / 4096) * 4;
}

function nlinkOf(node: FsNode): number {
  if (node.kind !== 'dir') return 1;
  const entries = node.entries();
  return 2 + Object.values(entries ?? {}).filter((e) => e.kind === 'dir').length;
}

function human(n: number): string {
  if (n < 1024) return String(n);
  const units = ['K', 'M', 'G', 'T'];
  let v = n;
  let u = -1;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return v < 10
    ? `${(Math.ceil(v * 10) / 10).toFixed(1)}${units[u]}`
    : `${Math.ceil(v)}${units[u]}`;
}

function lsDate(ctx: CommandContext, t: number): string {
  const d = wallDate(ctx.host.world, t);
  const hm = `${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
  return `${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2)} ${hm}`;
}

function classifySuffix(node: FsNode): string {
  return node.kind === 'dir'
    ? '/'
    : node.kind === 'socket'
      ? '='
      : node.kind === 'fifo'
        ? '|'
        : node.kind === 'link'
          ? '@'
          : '';
}

interface Item {
  readonly name: string;
  readonly node: FsNode;
}

function sortItems(items: Item[], o: LsOptions): Item[] {
  const sorted = [...items].sort((a, b) => {
    if (o.byTime && a.node.mtime !== b.node.mtime) return b.node.mtime - a.node.mtime;
    if (o.bySize) {
      const d = sizeOf(b.node, b.name) - sizeOf(a.node, a.name);
      if (d !== 0) return d;
    }
    return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
  });
  return o.reverse ? sorted.reverse() : sorted;
}

/** GNU ls' columns for a terminal: as many columns as fit, filled top to bottom. */
function columns(names: readonly string[], width: number): string {
  if (names.length === 0) return '';
  let best = 1;
  for (let cols = names.length; cols >= 1; cols--) {
    const rows = Math.ceil(names.length / cols);
    let total = 0;
    for (let c = 0; c < cols; c++) {
      const col = names.slice(c * rows, (c + 1) * rows);
      if (col.length === 0) continue;
      total += Math.max(...col.map((n) => n.length)) + (c < cols - 1 ? 2 : 0);
    }
    if (total <= width) {
      best = cols;
      break;
    }
  }
  const rows = Math.ceil(names.length / best);
  const widths = Array.from({ length: best }, (_, c) =>
    Math.max(0, ...names.slice(c * rows, (c + 1) * rows).map((n) => n.length)),
  );
  let out = '';
  for (let r = 0; r < rows; r++) {
    const cells: string[] = [];
    for (let c = 0; c < best; c++) {
      const name = names[c * rows + r];
      if (name === undefined) continue;
      const isLast = c === best - 1 || names[(c + 1) * rows + r] === undefined;
      cells.push(isLast ? name : name.padEnd((widths[c] ?? 0) + 2));
    }
    out += `${cells.join('')}\n`;
  }
  return out;
}

function longLines(ctx: CommandContext, items: readonly Item[], o: LsOptions): string[] {
  const rows = items.map(({ name, node }) => {
    const size = sizeOf(node, name);
    return {
      mode: `${TYPE_CHAR[node.kind]}${node.perms}`,
      nlink: String(nlinkOf(node)),
      owner: o.numeric ? '0' : 'root',
      group: o.numeric ? (node.group === 'docker' ? '999' : '0') : (node.group ?? 'root'),
      size: o.human ? human(size) : String(size),
      date: lsDate(ctx, node.mtime),
      name:
        (node.kind === 'link' ? `${name} -> ${node.target}` : name) +
        (o.classify && node.kind !== 'link' ? classifySuffix(node) : ''),
    };
  });
  const w = (key: 'nlink' | 'owner' | 'group' | 'size') =>
    Math.max(0, ...rows.map((r) => r[key].length));
  return rows.map((r) =>
    [
      r.mode,
      r.nlink.padStart(w('nlink')),
      ...(o.noOwner ? [] : [r.owner.padEnd(w('owner'))]),
      ...(o.noGroup ? [] : [r.group.padEnd(w('group'))]),
      r.size.padStart(w('size')),
      r.date,
      r.name,
    ].join(' '),
  );
}

function listing(
  ctx: CommandContext,
  items: readonly Item[],
  o: LsOptions,
  withTotal: boolean,
): string {
  if (o.long) {
    const total = items.reduce((sum, i) => sum + blocksOf(i.node, i.name), 0);
    const lines = longLines(ctx, items, o);
    return `${withTotal ? `total ${o.human ? human(total * 1024) : total}\n` : ''}${lines.map((l) => `${l}\n`).join('')}`;
  }
  const names = items.map((i) => i.name + (o.classify ? classifySuffix(i.node) : ''));
  return o.onePerLine || ctx.piped
    ? names.map((n) => `${n}\n`).join('')
    : columns(names, ctx.columns);
}

function dirItems(node: DirNode, o: LsOptions, parent: DirNode | null): Item[] | null {
  const entries = node.entries();
  if (entries === null) return null;
  const items: Item[] = Object.entries(entries)
    .filter(([name]) => o.all || o.almostAll || !name.startsWith('.'))
    .map(([name, child]) => ({ name, node: child }));
  const sorted = sortItems(items, o);
  if (o.all) return [{ name: '.', node }, { name: '..', node: parent ?? node }, ...sorted];
  return sorted;
}

function lsRun(ctx: CommandContext, args: readonly string[]): number {
  const parsed = getopt(args, 'aAdFhlLnrRtS1goC', LS_LONGS);
  if (!parsed.ok) {
    ctx.err(`ls: ${parsed.error}\nTry 'ls --help' for more information.\n`);
    return 2;
  }
  const p = parsed.options;
  if (has(p, 'V')) {
    ctx.out('ls (GNU coreutils) 9.1\n');
    return 0;
  }
  if (has(p, 'H')) {
    ctx.out(
      'Usage: ls [OPTION]... [FILE]...\nList information about the FILEs (the current directory by default).\n',
    );
    return 0;
  }
  const o: LsOptions = {
    long: has(p, 'l') || has(p, 'g') || has(p, 'o') || has(p, 'n'),
    all: has(p, 'a'),
    almostAll: has(p, 'A'),
    directory: has(p, 'd'),
    classify: has(p, 'F'),
    human: has(p, 'h'),
    numeric: has(p, 'n'),
    reverse: has(p, 'r'),
    recursive: has(p, 'R'),
    byTime: has(p, 't'),
    bySize: has(p, 'S'),
    onePerLine: has(p, '1'),
    dereference: has(p, 'L'),
    noOwner: has(p, 'g'),
    noGroup: has(p, 'o'),
  };
  const root = rootFor(ctx, ['ls', ...args]);
  const cwd = cwdOf(ctx);
  const paths = parsed.operands.length > 0 ? parsed.operands : ['.'];
  let status = 0;
  const fileItems: Item[] = [];
  const dirs: { label: string; node: DirNode; path: string }[] = [];
  for (const path of paths) {
    // Without -l, -d or -F a command-line symlink to a directory is followed.
    const followLast = o.dereference || (!o.long && !o.directory && !o.classify);
    let found = lookup(root, path, cwd, followLast);
    if (found.ok && found.node.kind === 'link' && !o.directory) {
      const target = lookup(root, path, cwd, true);
      if (target.ok && target.node.kind === 'dir' && !o.long) found = target;
    }
    if (!found.ok) {
      const why =
        found.error === 'ENOTDIR'
          ? 'Not a directory'
          : found.error === 'ELOOP'
            ? 'Too many levels of symbolic links'
            : 'No such file or directory';
      ctx.err(`ls: cannot access '${path}': ${why}\n`);
      status = 2;
      continue;
    }
    if (found.node.kind === 'dir' && !o.directory)
      dirs.push({ label: path, node: found.node, path: found.path });
    else fileItems.push({ name: path, node: found.node });
  }
  const sections: string[] = [];
  if (fileItems.length > 0) sections.push(listing(ctx, sortItems(fileItems, o), o, false));
  const many = dirs.length + fileItems.length > 1 || o.recursive;
  const queue = sortItems(
    dirs.map((d) => ({ name: d.label, node: d.node })),
    o,
  ).map((i) => ({ label: i.name, node: i.node as DirNode }));
  while (queue.length > 0) {
    const d = queue.shift() as { label: string; node: DirNode };
    const items = dirItems(d.node, o, null);
    if (items === null) {
      ctx.err(`ls: cannot open directory '${d.label}': contents not simulated here\n`);
      status = Math.max(status, dirs.some((x) => x.label === d.label) ? 2 : 1);
      continue;
    }
    sections.push(`${many ? `${d.label}:\n` : ''}${listing(ctx, items, o, true)}`);
    if (o.recursive) {
      const subdirs = items
        .filter((i) => i.node.kind === 'dir' && i.name !== '.' && i.name !== '..')
        .map((i) => ({
          label: `${d.label.replace(/\/$/, '')}/${i.name}`,
          node: i.node as DirNode,
        }));
      queue.unshift(...subdirs);
    }
  }
  ctx.out(sections.join('\n'));
  return status;
}

/** Every modelled path (directories with a trailing slash), for Tab completion. */
export const ls: CommandSpec = {
  summary: 'list host directories (/run/containerd, /run/docker, /var/lib/docker, /proc)',
  run: lsRun,
  complete: (_before, world) => pathCandidates(world),
};
