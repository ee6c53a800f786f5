/**
 * `pgrep` and `pkill` (procps-ng 4): select processes by a regular expression on the command
 * name (comm, 15 characters at most) or, with `-f`, on the whole command line. pkill takes its
 * signal as `-9`, `-KILL`, `-SIGKILL` anywhere in its arguments, or `--signal`. Like procps,
 * a long pattern that can never match a comm gets the 15-character hint. Exit: 0 when
 * something matched (pkill: was signalled), 1 when nothing did, 2 on a usage error.
 */
import type { CommandContext, CommandSpec } from '../shell/types';
import { deliver, refusal } from './deliver';
import { lookup, rootDir } from './fs';
import { getopt, has, lastValue, type LongOption, type ParsedOption } from './getopt';
import { cmdline, tableFor, type HostProcess } from './proctable';
import { SHELL_PID, LOGIN_PID } from './session';
import { procpsSignal, bashName } from './signals';

type Mode = 'pgrep' | 'pkill';

const LONGS: LongOption[] = [
  { name: 'signal', arg: 'required', key: 'S' },
  { name: 'ignore-ancestors', arg: 'none', key: 'A' },
  { name: 'count', arg: 'none', key: 'c' },
  { name: 'delimiter', arg: 'required', key: 'd' },
  { name: 'list-name', arg: 'none', key: 'l' },
  { name: 'list-full', arg: 'none', key: 'a' },
  { name: 'full', arg: 'none', key: 'f' },
  { name: 'pgroup', arg: 'required', key: 'g' },
  { name: 'group', arg: 'required', key: 'G' },
  { name: 'ignore-case', arg: 'none', key: 'i' },
  { name: 'newest', arg: 'none', key: 'n' },
  { name: 'oldest', arg: 'none', key: 'o' },
  { name: 'older', arg: 'required', key: 'O' },
  { name: 'pid', arg: 'required', key: 'p' },
  { name: 'parent', arg: 'required', key: 'P' },
  { name: 'session', arg: 'required', key: 's' },
  { name: 'terminal', arg: 'required', key: 't' },
  { name: 'euid', arg: 'required', key: 'u' },
  { name: 'uid', arg: 'required', key: 'U' },
  { name: 'inverse', arg: 'none', key: 'v' },
  { name: 'lightweight', arg: 'none', key: 'w' },
  { name: 'exact', arg: 'none', key: 'x' },
  { name: 'echo', arg: 'none', key: 'e' },
  { name: 'help', arg: 'none', key: 'h' },
  { name: 'version', arg: 'none', key: 'V' },
];

function usage(mode: Mode): string {
  const specific =
    mode === 'pkill'
      ? ` -<sig>                    signal to send (either number or name)
 -q, --queue <value>       integer value to be sent with the signal
 -e, --echo                display what is killed
`
      : ` -d, --delimiter <string>  specify output delimiter
 -l, --list-name           list PID and process name
 -a, --list-full           list PID and full command line
 -v, --inverse             negates the matching
 -w, --lightweight         list all TID
`;
  return `
Usage:
 ${mode} [options] <pattern>

Options:
${specific} -c, --count               count of matching processes
 -f, --full                use full process name to match
 -g, --pgroup <PGID,...>   match listed process group IDs
 -G, --group <GID,...>     match real group IDs
 -i, --ignore-case         match case insensitively
 -n, --newest              select most recently started
 -o, --oldest              select least recently started
 -O, --older <seconds>     select where older than seconds
 -P, --parent <PPID,...>   match only child processes of the given parent
 -s, --session <SID,...>   match session IDs
     --signal <sig>        signal to send (either number or name)
 -t, --terminal <tty,...>  match by controlling terminal
 -u, --euid <ID,...>       match by effective IDs
 -U, --uid <ID,...>        match by real IDs
 -x, --exact               match exactly with the command name
 -F, --pidfile <file>      read PIDs from file
 -L, --logpidfile          fail if PID file is not locked
 -r, --runstates <state>   match runstates [D,S,Z,...]
 -A, --ignore-ancestors    exclude our ancestors from results
 --cgroup <grp,...>        match by cgroup v2 names
 --ns <PID>                match the processes that belong to the same
                           namespace as <pid>
 --nslist <ns,...>         list which namespaces will be considered for
                           the --ns option.
                           Available namespaces: ipc, mnt, net, pid, user, uts

 -h, --help     display this help and exit
 -V, --version  output version information and exit

For more details see pgrep(1).
`;
}

/** procps' signal_option: the first `-X` anywhere that names a signal is taken out. */
function takeSignal(args: readonly string[]): { signal: number | null; rest: string[] } {
  const rest = [...args];
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i] ?? '';
    if (a === '--') break;
    if (a.startsWith('-') && !a.startsWith('--')) {
      const n = procpsSignal(a.slice(1));
      if (n !== null) {
        rest.splice(i, 1);
        return { signal: n, rest };
      }
    }
  }
  return { signal: null, rest };
}

/** POSIX ERE in JavaScript's words; null with glibc's message when it does not compile. */
function compile(pattern: string, exact: boolean, ignoreCase: boolean): RegExp | string {
  const source = exact ? `^(${pattern})$` : pattern;
  if ((source.match(/\(/g) ?? []).length !== (source.match(/\)/g) ?? []).length)
    return /\((?![^(]*\))/.test(source) ? 'Unmatched ( or \\(' : 'Unmatched ) or \\)';
  if (/\[(?![^\]]*\])/.test(source)) return 'Unmatched [, [^, [:, [., or [=';
  try {
    return new RegExp(source, ignoreCase ? 'i' : '');
  } catch {
    return 'Invalid preceding regular expression';
  }
}

function numbers(text: string | undefined): number[] | null {
  if (text === undefined) return null;
  const items = text.split(',');
  return items.every((i) => /^[+-]?\d+$/.test(i)) ? items.map(Number) : null;
}

function makeRun(mode: Mode) {
  return (ctx: CommandContext, rawArgs: readonly string[]): number => {
    const { signal: dashSignal, rest } =
      mode === 'pkill' ? takeSignal(rawArgs) : { signal: null, rest: [...rawArgs] };
    const short = (mode === 'pkill' ? 'eq:mQ' : 'lad:vwQ') + 'LF:cfinoxp:P:O:AHg:s:u:U:G:t:r:Vh';
    const parsed = getopt(rest, short, LONGS);
    if (!parsed.ok) {
      ctx.err(`${mode}: ${parsed.error}\n${usage(mode)}`);
      return 2;
    }
    const opts = parsed.options;
    if (has(opts, 'h')) {
      ctx.out(usage(mode));
      return 0;
    }
    if (has(opts, 'V')) {
      ctx.out(`${mode} from procps-ng 4.0.2\n`);
      return 0;
    }
    let signal = dashSignal ?? 15;
    const sigText = lastValue(opts, 'S');
    if (sigText !== undefined) {
      const n =
        procpsSignal(sigText) ?? (/^\d/.test(sigText) ? Number.parseInt(sigText, 10) : null);
      if (n === null) {
        ctx.err(`Unknown signal "${sigText}".${usage(mode)}`);
        return 2;
      }
      signal = n;
    }
    const unsupported = opts.find((o) => 'LgGsOrQqmHw'.includes(o.key));
    if (unsupported) {
      ctx.err(`${mode}: ${unsupported.as} is not simulated here\n`);
      return 2;
    }
    if ((has(opts, 'n') || has(opts, 'v')) && has(opts, 'o')) {
      ctx.err(usage(mode));
      return 2;
    }
    const pidsOpt = opts.filter((o) => o.key === 'p').map((o) => numbers(o.value));
    const pidfile = lastValue(opts, 'F');
    if (pidfile !== undefined) {
      if (pidsOpt.length > 0) {
        ctx.err(
          `${mode}: Cannot use pidfile and pid option together\nTry \`${mode} --help' for more information.\n`,
        );
        return 1;
      }
      const root = rootDir(ctx.host.world, tableFor(ctx, [mode, ...rawArgs]));
      const found = lookup(root, pidfile, ctx.env['PWD'] ?? '/root', true);
      if (!found.ok || found.node.kind !== 'file') {
        ctx.err(`${mode}: Unable to open pidfile: No such file or directory\n`);
        return 1;
      }
      const m = /^\s*(\d+)(\s|$)/.exec(found.node.content() ?? '');
      if (!m) {
        ctx.err(`${mode}: pidfile not valid\nTry \`${mode} --help' for more information.\n`);
        return 1;
      }
      pidsOpt.push([Number(m[1])]);
    }
    const ppidsOpt = opts.filter((o) => o.key === 'P').map((o) => numbers(o.value));
    for (const [list, o] of [
      ...pidsOpt.map((l) => [l, 'p'] as const),
      ...ppidsOpt.map((l) => [l, 'P'] as const),
    ]) {
      if (list === null) {
        const bad = lastValue(opts, o) ?? '';
        ctx.err(
          `${mode}: not a number: ${bad.split(',').find((i) => !/^[+-]?\d+$/.test(i)) ?? bad}\n`,
        );
        return 2;
      }
    }
    const users = opts
      .filter((o) => o.key === 'u' || o.key === 'U')
      .flatMap((o) => (o.value ?? '').split(','));
    for (const u of users) {
      if (u !== 'root' && u !== '0' && !/^\d+$/.test(u)) {
        ctx.err(`${mode}: invalid user name: ${u}\n${usage(mode)}`);
        return 2;
      }
    }
    const ttys = opts.filter((o) => o.key === 't').flatMap((o) => (o.value ?? '').split(','));
    if (parsed.operands.length > 1) {
      ctx.err(
        `${mode}: only one pattern can be provided\nTry \`${mode} --help' for more information.\n`,
      );
      return 2;
    }
    const pattern = parsed.operands[0];
    const criteria =
      pidsOpt.length +
      ppidsOpt.length +
      users.length +
      ttys.length +
      (has(opts, 'n') || has(opts, 'o') ? 1 : 0);
    if (pattern === undefined && criteria === 0) {
      ctx.err(
        `${mode}: no matching criteria specified\nTry \`${mode} --help' for more information.\n`,
      );
      return 2;
    }
    const full = has(opts, 'f');
    let regex: RegExp | null = null;
    if (pattern !== undefined) {
      const compiled = compile(pattern, has(opts, 'x'), has(opts, 'i'));
      if (typeof compiled === 'string') {
        ctx.err(`${mode}: regex error: ${compiled}\n`);
        return 2;
      }
      regex = compiled;
    }
    const table = tableFor(ctx, [mode, ...rawArgs]);
    const self = table.find((p) => p.session && p.args[0] === mode && p.stat.startsWith('R'));
    const ancestors = has(opts, 'A') ? [SHELL_PID, LOGIN_PID] : [];
    const pidList = pidsOpt.flat() as number[];
    const ppidList = ppidsOpt.flat() as number[];
    let matched = table.filter((p) => {
      if (p.pid === self?.pid || ancestors.includes(p.pid) || p.name === 'sudo') return false;
      let ok = true;
      if (pidList.length > 0 && !pidList.includes(p.pid)) ok = false;
      if (ok && ppidList.length > 0 && !ppidList.includes(p.ppid)) ok = false;
      if (ok && users.length > 0 && !users.some((u) => u === 'root' || u === '0')) ok = false;
      if (ok && ttys.length > 0 && !ttys.some((t) => t === p.tty || `tty${t}` === p.tty))
        ok = false;
      if (ok && regex) ok = regex.test(full ? cmdline(p) : p.comm);
      return has(opts, 'v') ? !ok : ok;
    });
    if (has(opts, 'n') || has(opts, 'o')) {
      const sorted = [...matched].sort((a, b) => a.startedAt - b.startedAt || a.pid - b.pid);
      const pick = has(opts, 'n') ? sorted.at(-1) : sorted[0];
      matched = pick ? [pick] : [];
    }
    if (
      matched.length === 0 &&
      !full &&
      pattern !== undefined &&
      pattern.length > 15 &&
      !/[|[]/.test(pattern)
    )
      ctx.err(
        `${mode}: pattern that searches for process name longer than 15 characters will result in zero matches\nTry \`${mode} -f' option to match against the complete command line.\n`,
      );
    if (mode === 'pgrep') return printPgrep(ctx, matched, opts);
    let killed = 0;
    for (const p of matched) {
      const result = deliver(ctx, p.pid, signal);
      if (result.ok) {
        killed++;
        if (has(opts, 'e')) ctx.out(`${p.comm} killed (pid ${p.pid})\n`);
      } else if (result.reason !== 'no-such-process') {
        ctx.err(
          `pkill: killing pid ${p.pid} failed: ${refusal(result.reason, bashName(signal) ?? String(signal))}\n`,
        );
      }
    }
    if (has(opts, 'c')) ctx.out(`${matched.length}\n`);
    return killed > 0 ? 0 : 1;
  };
}

function printPgrep(
  ctx: CommandContext,
  matched: readonly HostProcess[],
  opts: readonly ParsedOption[],
): number {
  if (has(opts, 'c')) {
    ctx.out(`${matched.length}\n`);
    return matched.length > 0 ? 0 : 1;
  }
  const delim = lastValue(opts, 'd') ?? '\n';
  const items = matched.map((p) =>
    has(opts, 'a')
      ? `${p.pid} ${cmdline(p)}`
      : has(opts, 'l')
        ? `${p.pid} ${p.comm}`
        : String(p.pid),
  );
  if (items.length > 0) ctx.out(`${items.join(delim)}\n`);
  return matched.length > 0 ? 0 : 1;
}

const names = (world: { processes: Record<number, { name: string }> }): string[] => [
  ...new Set(Object.values(world.processes).map((p) => p.name.slice(0, 15))),
];

export const pgrep: CommandSpec = {
  summary: 'list host PIDs whose name matches a pattern (pgrep -a nginx, pgrep -f shim)',
  run: makeRun('pgrep'),
  complete: (_before, world) => names(world),
};

export const pkill: CommandSpec = {
  summary: 'signal host processes by name pattern (pkill -9 dockerd, pkill -f containerd-shim)',
  run: makeRun('pkill'),
  complete: (before, world) =>
    before.length === 0 ? ['-9', '-KILL', '-HUP', '-f', ...names(world)] : names(world),
};
