/**
 * `kill`, the bash builtin: `kill [-s SIG | -n NUM | -SIG] PID...` and `kill -l [SIG...]`.
 * Messages and statuses are bash's: `bash: kill: (4242) - No such process` (1),
 * `bash: kill: SIGFOO: invalid signal specification` (1), the usage line (2). `kill -l 137`
 * names the signal behind an exit status of 137, as bash does.
 */
import type { CommandContext, CommandSpec } from '../shell/types';
import { deliver, refusal } from './deliver';
import { sudoArgv } from './session';
import { bashName, bashSignal, bashSignalTable } from './signals';

const USAGE =
  'kill: usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]\n';

const HELP = `kill: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]
    Send a signal to a job.
    
    Send the processes identified by PID or JOBSPEC the signal named by
    SIGSPEC or SIGNUM.  If neither SIGSPEC nor SIGNUM is present, then
    SIGTERM is assumed.
    
    Options:
      -s sig\tSIG is a signal name
      -n sig\tSIG is a signal number
      -l\tlist the signal names; if arguments follow \`-l' they are
    \t\tassumed to be signal numbers for which names should be listed
      -L\tsynonym for -l
    
    Kill is a shell builtin for two reasons: it allows job IDs to be used
    instead of process IDs, and allows processes to be killed if the limit
    on processes that you can create is reached.
    
    Exit Status:
    Returns success unless an invalid option is given or an error occurs.
`;

function list(ctx: CommandContext, prefix: string, specs: readonly string[]): number {
  if (specs.length === 0) {
    ctx.out(bashSignalTable());
    return 0;
  }
  let status = 0;
  for (const spec of specs) {
    if (/^\d+$/.test(spec)) {
      // An exit status above 128 names the signal that ended the process.
      const n = Number(spec) > 128 ? Number(spec) - 128 : Number(spec);
      const name = bashName(n);
      if (name) ctx.out(`${name}\n`);
      else {
        ctx.err(`${prefix}${spec}: invalid signal specification\n`);
        status = 1;
      }
    } else {
      const n = bashSignal(spec);
      if (n !== null && n > 0) ctx.out(`${n}\n`);
      else {
        ctx.err(`${prefix}${spec}: invalid signal specification\n`);
        status = 1;
      }
    }
  }
  return status;
}

function run(ctx: CommandContext, args: readonly string[]): number {
  // Through sudo this is /bin/kill, whose messages have no `bash: ` in front.
  const prefix = sudoArgv(ctx) ? 'kill: ' : 'bash: kill: ';
  if (args.length === 0) {
    ctx.err(USAGE);
    return 2;
  }
  let signal = 15;
  let signalText = 'TERM';
  let i = 0;
  while (i < args.length) {
    const a = args[i] ?? '';
    if (a === '--') {
      i++;
      break;
    }
    if (a === '--help') {
      ctx.out(HELP);
      return 0;
    }
    if (a === '-l' || a === '-L') return list(ctx, prefix, args.slice(i + 1));
    if (a === '-s' || a === '-n') {
      const spec = args[i + 1];
      if (spec === undefined) {
        ctx.err(`${prefix}${a}: option requires an argument\n${USAGE}`);
        return 2;
      }
      const n = a === '-n' && !/^\d+$/.test(spec) ? null : bashSignal(spec);
      if (n === null) {
        ctx.err(`${prefix}${spec}: invalid signal specification\n`);
        return 1;
      }
      signal = n;
      signalText = bashName(n) ?? String(n);
      i += 2;
      continue;
    }
    if (a.startsWith('-') && a.length > 1 && i === 0) {
      const spec = a.slice(1);
      const n = bashSignal(spec);
      if (n === null) {
        ctx.err(`${prefix}${spec}: invalid signal specification\n`);
        return 1;
      }
      signal = n;
      signalText = bashName(n) ?? String(n);
      i++;
      continue;
    }
    break;
  }
  const targets = args.slice(i);
  if (targets.length === 0) {
    ctx.err(USAGE);
    return 2;
  }
  let status = 0;
  for (const target of targets) {
    if (/^%/.test(target)) {
      ctx.err(`${prefix}${target}: no such job\n`);
      status = 1;
      continue;
    }
    if (/^-\d+$/.test(target)) {
      ctx.err(`${prefix}(${target}) - signalling process groups is not simulated here\n`);
      status = 1;
      continue;
    }
    if (!/^\d+$/.test(target)) {
      ctx.err(`${prefix}${target}: arguments must be process or job IDs\n`);
      status = 1;
      continue;
    }
    const result = deliver(ctx, Number(target), signal);
    if (result.ok) continue;
    status = 1;
    if (result.reason === 'no-such-process') ctx.err(`${prefix}(${target}) - No such process\n`);
    else ctx.err(`${prefix}(${target}) - ${refusal(result.reason, signalText)}\n`);
  }
  return status;
}

export const kill: CommandSpec = {
  summary: 'send a signal to host processes by PID (kill -9 845, kill -l)',
  run,
  complete: (before, world) =>
    before.length === 0
      ? [
          '-9',
          '-15',
          '-KILL',
          '-TERM',
          '-HUP',
          '-INT',
          '-QUIT',
          '-USR1',
          '-STOP',
          '-CONT',
          '-l',
          '-s',
        ]
      : Object.keys(world.processes),
};
