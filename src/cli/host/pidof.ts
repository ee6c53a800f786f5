/**
 * `pidof` (Debian's, from sysvinit-utils): the PIDs of the processes running a program,
 * newest (highest PID) first, separated by spaces. A program matches by the name in its
 * command line (`containerd-shim-runc-v2` although comm is cut to 15 characters) or by comm
 * (`nginx`, whose master rewrote its command line). Nothing found: no output, exit 1.
 */
import type { CommandContext, CommandSpec } from '../shell/types';
import { getopt, has, lastValue } from './getopt';
import { tableFor, type HostProcess } from './proctable';
import { SHELL_PID } from './session';

const basename = (path: string): string => path.slice(path.lastIndexOf('/') + 1);

function matches(p: HostProcess, program: string): boolean {
  const argv0 = p.args[0] ?? '';
  if (program.includes('/')) return argv0 === program;
  return basename(argv0) === program || p.comm === program || p.comm === program.slice(0, 15);
}

function run(ctx: CommandContext, args: readonly string[]): number {
  const parsed = getopt(args, 'scnxzqd:o:');
  if (!parsed.ok) {
    ctx.err('pidof: invalid options on command line!\n');
    return 1;
  }
  const opts = parsed.options;
  const omit = new Set<number>();
  for (const o of opts.filter((x) => x.key === 'o')) {
    for (const item of (o.value ?? '').split(',')) {
      if (item === '%PPID') omit.add(SHELL_PID);
      else if (/^\d+$/.test(item)) omit.add(Number(item));
      else {
        ctx.err(`pidof: illegal omit pid value (${item})!\n`);
        return 1;
      }
    }
  }
  const table = tableFor(ctx, ['pidof', ...args]);
  const self = table.find((p) => p.session && p.args[0] === 'pidof' && p.stat.startsWith('R'));
  const found: number[] = [];
  for (const program of parsed.operands) {
    const pids = table
      .filter((p) => p.pid !== self?.pid && !omit.has(p.pid) && matches(p, program))
      .map((p) => p.pid)
      .sort((a, b) => b - a);
    found.push(...(has(opts, 's') ? pids.slice(0, 1) : pids));
  }
  if (found.length === 0) return 1;
  if (!has(opts, 'q')) ctx.out(`${found.join(lastValue(opts, 'd') ?? ' ')}\n`);
  return 0;
}

export const pidof: CommandSpec = {
  summary: 'print the PIDs of a running program (pidof dockerd, pidof nginx)',
  run,
  complete: (_before, world) => [
    ...new Set(Object.values(world.processes).map((p) => p.args[0]?.split('/').at(-1) ?? p.name)),
  ],
};
