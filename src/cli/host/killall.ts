/**
 * `killall` (psmisc 23): signal processes by exact name. A name longer than the 15 characters
 * of comm is matched against the program in the command line, as psmisc does, so
 * `killall containerd-shim-runc-v2` finds the shims. `-SIGNAL` or `-s SIGNAL`, `-v`, `-q`,
 * `-e`, `-I`, `-r`, `-w` (a job that waits for the processes to die), `-l`.
 * Not found: `NAME: no process found`, exit 1.
 */
import type { CommandContext, CommandSpec, Job } from '../shell/types';
import { deliver, refusal } from './deliver';
import { getopt, has, lastValue, type LongOption } from './getopt';
import { COMM_LEN, tableFor, type HostProcess } from './proctable';
import { psmiscSignal, psmiscSignalTable, PSMISC_NAMES } from './signals';

const USAGE = `Usage: killall [OPTION]... [--] NAME...
       killall -l, --list
       killall -V, --version

  -e,--exact          require exact match for very long names
  -I,--ignore-case    case insensitive process name match
  -g,--process-group  kill process group instead of process
  -y,--younger-than   kill processes younger than TIME
  -o,--older-than     kill processes older than TIME
  -i,--interactive    ask for confirmation before killing
  -l,--list           list all known signal names
  -q,--quiet          don't print complaints
  -r,--regexp         interpret NAME as an extended regular expression
  -s,--signal SIGNAL  send this signal instead of SIGTERM
  -u,--user USER      kill only process(es) running as USER
  -v,--verbose        report if the signal was successfully sent
  -V,--version        display version information
  -w,--wait           wait for processes to die
  -n,--ns PID         match processes that belong to the same namespaces
                      as PID
  -Z,--context REGEXP kill only process(es) having context
                      (must precede other arguments)

`;

const LONGS: LongOption[] = [
  { name: 'exact', arg: 'none', key: 'e' },
  { name: 'ignore-case', arg: 'none', key: 'I' },
  { name: 'process-group', arg: 'none', key: 'g' },
  { name: 'younger-than', arg: 'required', key: 'y' },
  { name: 'older-than', arg: 'required', key: 'o' },
  { name: 'interactive', arg: 'none', key: 'i' },
  { name: 'list', arg: 'none', key: 'l' },
  { name: 'quiet', arg: 'none', key: 'q' },
  { name: 'regexp', arg: 'none', key: 'r' },
  { name: 'signal', arg: 'required', key: 's' },
  { name: 'user', arg: 'required', key: 'u' },
  { name: 'verbose', arg: 'none', key: 'v' },
  { name: 'version', arg: 'none', key: 'V' },
  { name: 'wait', arg: 'none', key: 'w' },
  { name: 'ns', arg: 'required', key: 'n' },
  { name: 'context', arg: 'required', key: 'Z' },
];

const basename = (path: string): string => path.slice(path.lastIndexOf('/') + 1);

function nameMatches(p: HostProcess, name: string, ignoreCase: boolean, exact: boolean): boolean {
  const eq = (a: string, b: string) => (ignoreCase ? a.toLowerCase() === b.toLowerCase() : a === b);
  const program = basename(p.args[0] ?? '');
  if (name.length > COMM_LEN) return eq(program, name) && eq(p.comm, name.slice(0, COMM_LEN));
  if (exact && p.comm.length === COMM_LEN) return eq(program, name);
  return eq(p.comm, name);
}

function run(ctx: CommandContext, rawArgs: readonly string[]): number | Job {
  // psmisc reads `-KILL`, `-SIGKILL` and `-9` before its other options.
  let signal = 15;
  const args: string[] = [];
  for (const a of rawArgs) {
    if (/^-[A-Z]/.test(a) && !['-I', '-V', '-Z'].includes(a)) {
      const n = psmiscSignal(a.slice(1));
      if (n === null) {
        ctx.err(`${a.slice(1).replace(/^SIG/, '')}: unknown signal; killall -l lists signals.\n`);
        return 1;
      }
      signal = n;
    } else if (/^-\d+$/.test(a)) signal = Number(a.slice(1));
    else args.push(a);
  }
  const parsed = getopt(args, 'egy:o:ilqrs:u:vwZ:VIn:', LONGS);
  if (!parsed.ok) {
    ctx.err(USAGE);
    return 1;
  }
  const opts = parsed.options;
  if (has(opts, 'l')) {
    ctx.out(psmiscSignalTable());
    return 0;
  }
  if (has(opts, 'V')) {
    ctx.err(
      'killall (PSmisc) 23.6\nCopyright (C) 1993-2022 Werner Almesberger and Craig Small\n\nPSmisc comes with ABSOLUTELY NO WARRANTY.\nThis is free software, and you are welcome to redistribute it under\nthe terms of the GNU General Public License.\nFor more information about these matters, see the files named COPYING.\n',
    );
    return 0;
  }
  const sigText = lastValue(opts, 's');
  if (sigText !== undefined) {
    const n = psmiscSignal(sigText);
    if (n === null) {
      ctx.err(`${sigText.replace(/^SIG/, '')}: unknown signal; killall -l lists signals.\n`);
      return 1;
    }
    signal = n;
  }
  const user = lastValue(opts, 'u');
  if (user !== undefined && user !== 'root') {
    ctx.err(`Cannot find user ${user}\n`);
    return 1;
  }
  const unsupported = opts.find((o) => 'gyoinZ'.includes(o.key));
  if (unsupported) {
    ctx.err(`killall: ${unsupported.as} is not simulated here\n`);
    return 1;
  }
  if (parsed.operands.length === 0) {
    ctx.err(USAGE);
    return 1;
  }
  const quiet = has(opts, 'q');
  const table = tableFor(ctx, ['killall', ...rawArgs]);
  const self = table.find((p) => p.session && p.args[0] === 'killall' && p.stat.startsWith('R'));
  const sigName = PSMISC_NAMES[signal - 1] ?? String(signal);
  let status = 0;
  const waitFor: number[] = [];
  for (const name of parsed.operands) {
    let re: RegExp | null = null;
    if (has(opts, 'r')) {
      try {
        re = new RegExp(name, has(opts, 'I') ? 'i' : '');
      } catch {
        ctx.err(`Bad regular expression: ${name}\n`);
        return 1;
      }
    }
    const found = table.filter(
      (p) =>
        p.pid !== self?.pid &&
        p.name !== 'sudo' &&
        (re ? re.test(p.comm) : nameMatches(p, name, has(opts, 'I'), has(opts, 'e'))),
    );
    let killed = 0;
    for (const p of found) {
      const result = deliver(ctx, p.pid, signal);
      if (result.ok) {
        killed++;
        waitFor.push(p.pid);
        if (has(opts, 'v')) ctx.err(`Killed ${p.comm}(${p.pid}) with signal ${signal}\n`);
      } else if (result.reason !== 'no-such-process' && !quiet) {
        ctx.err(`${p.comm}(${p.pid}): ${refusal(result.reason, sigName)}\n`);
      }
    }
    if (killed === 0) {
      if (!quiet && found.length === 0) ctx.err(`${name}: no process found\n`);
      status = 1;
    }
  }
  if (!has(opts, 'w') || waitFor.length === 0) return status;
  // -w: killall checks once a second until every process it signalled is gone.
  return {
    poll: () => (waitFor.some((pid) => ctx.host.world.processes[pid]) ? null : status),
    interrupt: () => 130,
  };
}

export const killall: CommandSpec = {
  summary: 'signal host processes by exact name (killall -9 dockerd, killall -v nginx)',
  run,
  complete: (before, world) => {
    const names = [...new Set(Object.values(world.processes).map((p) => p.name))];
    return before.length === 0 ? ['-9', '-KILL', '-HUP', '-v', '-w', '-l', ...names] : names;
  },
};
