/**
 * `pstree` (psmisc 23): the host's processes as a tree. A port of psmisc's dump_tree: children
 * sorted by name (`-n`: by PID), identical sibling subtrees compacted as `2*[nginx]` (not with
 * `-p`, `-a`, `-c`, `-g`), lines cut at the terminal width with a `+` (not with `-l`), and
 * `-S` marking the namespaces a process does not share with its parent: a container's init.
 * Names are comm, cut to 15 characters, so the shim shows as `containerd-shim`.
 */
import type { CommandContext, CommandSpec } from '../shell/types';
import { getopt, has, lastValue, type LongOption } from './getopt';
import { tableFor } from './proctable';
import { ASCII, buildTree, dump, NS_NAMES, Out, UTF, VT100, type Options } from './pstreeLayout';

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
