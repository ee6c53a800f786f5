/**
 * Small identity commands: `hostname`, `uname`, `whoami`, `id`, and `sudo`. Only root is
 * simulated, so `sudo` just runs the rest of the line (through a lookup it is given, so the
 * shell can hand it every command it knows); the process table shows it above the command.
 */
import type { CommandContext, CommandSpec } from '../shell/types';
import { getopt, has, type LongOption } from './getopt';
import { HOSTNAME, KERNEL_RELEASE, KERNEL_VERSION } from './hostinfo';
import { throughSudo } from './session';

const tryHelp = (prog: string) => `Try '${prog} --help' for more information.\n`;

function hostnameRun(ctx: CommandContext, args: readonly string[]): number {
  const parsed = getopt(args, 'afsdiIV', [
    { name: 'fqdn', arg: 'none', key: 'f' },
    { name: 'short', arg: 'none', key: 's' },
    { name: 'version', arg: 'none', key: 'V' },
  ]);
  if (!parsed.ok) {
    ctx.err(
      `hostname: ${parsed.error}\nUsage: hostname [-b] {hostname|-F file}         set host name (from file)\n`,
    );
    return 1;
  }
  if (parsed.operands.length > 0) {
    ctx.err('hostname: changing the host name is not simulated here\n');
    return 1;
  }
  const opts = parsed.options;
  if (has(opts, 'i') || has(opts, 'I')) {
    ctx.err('hostname: the host network addresses are not simulated here\n');
    return 1;
  }
  if (has(opts, 'd')) {
    ctx.out('\n');
    return 0;
  }
  ctx.out(`${HOSTNAME}\n`);
  return 0;
}

const UNAME_LONGS: LongOption[] = [
  { name: 'all', arg: 'none', key: 'a' },
  { name: 'kernel-name', arg: 'none', key: 's' },
  { name: 'nodename', arg: 'none', key: 'n' },
  { name: 'kernel-release', arg: 'none', key: 'r' },
  { name: 'kernel-version', arg: 'none', key: 'v' },
  { name: 'machine', arg: 'none', key: 'm' },
  { name: 'processor', arg: 'none', key: 'p' },
  { name: 'hardware-platform', arg: 'none', key: 'i' },
  { name: 'operating-system', arg: 'none', key: 'o' },
  { name: 'help', arg: 'none', key: 'h' },
  { name: 'version', arg: 'none', key: 'V' },
];

function unameRun(ctx: CommandContext, args: readonly string[]): number {
  const parsed = getopt(args, 'asnrvmpio', UNAME_LONGS);
  if (!parsed.ok) {
    ctx.err(`uname: ${parsed.error}\n${tryHelp('uname')}`);
    return 1;
  }
  if (parsed.operands.length > 0) {
    ctx.err(`uname: extra operand ‘${parsed.operands[0] ?? ''}’\n${tryHelp('uname')}`);
    return 1;
  }
  const o = parsed.options;
  if (has(o, 'V')) {
    ctx.out('uname (GNU coreutils) 9.1\n');
    return 0;
  }
  if (has(o, 'h')) {
    ctx.out(
      'Usage: uname [OPTION]...\nPrint certain system information.  With no OPTION, same as -s.\n',
    );
    return 0;
  }
  const all = has(o, 'a');
  const fields: string[] = [];
  const want = (k: string) => all || has(o, k);
  const none = o.length === 0;
  if (none || want('s')) fields.push('Linux');
  if (want('n')) fields.push(HOSTNAME);
  if (want('r')) fields.push(KERNEL_RELEASE);
  if (want('v')) fields.push(KERNEL_VERSION);
  if (want('m')) fields.push('x86_64');
  // -a leaves out the processor and platform when they are unknown.
  if (!all && has(o, 'p')) fields.push('unknown');
  if (!all && has(o, 'i')) fields.push('unknown');
  if (want('o')) fields.push('GNU/Linux');
  ctx.out(`${fields.join(' ')}\n`);
  return 0;
}

function whoamiRun(ctx: CommandContext, args: readonly string[]): number {
  if (args.length > 0) {
    const a = args[0] ?? '';
    ctx.err(
      a.startsWith('-') && a !== '-'
        ? `whoami: ${a.startsWith('--') ? `unrecognized option '${a}'` : `invalid option -- '${a[1] ?? ''}'`}\n${tryHelp('whoami')}`
        : `whoami: extra operand ‘${a}’\n${tryHelp('whoami')}`,
    );
    return 1;
  }
  ctx.out('root\n');
  return 0;
}

function idRun(ctx: CommandContext, args: readonly string[]): number {
  const parsed = getopt(args, 'ugGnrza', [
    { name: 'user', arg: 'none', key: 'u' },
    { name: 'group', arg: 'none', key: 'g' },
    { name: 'groups', arg: 'none', key: 'G' },
    { name: 'name', arg: 'none', key: 'n' },
    { name: 'real', arg: 'none', key: 'r' },
  ]);
  if (!parsed.ok) {
    ctx.err(`id: ${parsed.error}\n${tryHelp('id')}`);
    return 1;
  }
  const user = parsed.operands[0];
  if (user !== undefined && user !== 'root' && user !== '0') {
    ctx.err(`id: ‘${user}’: no such user\n`);
    return 1;
  }
  const o = parsed.options;
  const name = has(o, 'n');
  if (has(o, 'u') || has(o, 'g') || has(o, 'G')) {
    ctx.out(`${name ? 'root' : '0'}\n`);
    return 0;
  }
  if (name || has(o, 'r')) {
    ctx.err('id: cannot print only names or real IDs in default format\n');
    return 1;
  }
  ctx.out('uid=0(root) gid=0(root) groups=0(root)\n');
  return 0;
}

export const hostname: CommandSpec = { summary: 'print the host name', run: hostnameRun };
export const uname: CommandSpec = {
  summary: 'print the kernel and machine (uname -a, uname -r)',
  run: unameRun,
  complete: () => ['-a', '-r', '-s', '-n', '-m'],
};
export const whoami: CommandSpec = { summary: 'print the current user (root)', run: whoamiRun };
export const id: CommandSpec = { summary: 'print user and group IDs', run: idRun };

const SUDO_USAGE = `usage: sudo -h | -K | -k | -V
usage: sudo -v [-ABkNnS] [-g group] [-h host] [-p prompt] [-u user]
usage: sudo -l [-ABkNnS] [-g group] [-h host] [-p prompt] [-U user] [-u user] [command [arg ...]]
usage: sudo [-ABbEHkNnPS] [-r role] [-t type] [-C num] [-D directory] [-g group] [-h host] [-p prompt] [-R directory] [-T timeout] [-u user] [VAR=value] [-i | -s] [command [arg ...]]
usage: sudo -e [-ABkNnS] [-r role] [-t type] [-C num] [-D directory] [-g group] [-h host] [-p prompt] [-R directory] [-T timeout] [-u user] file ...
`;

/** `sudo CMD ARGS`: you are root already, so it runs CMD as looked up by `resolve`. */
export function makeSudo(
  resolve: (name: string) => CommandSpec | undefined,
  names: () => readonly string[] = () => [],
): CommandSpec {
  return {
    summary: 'run a command as root (you are root already; it just runs it)',
    complete: (before, world) => {
      const [name, ...rest] = before;
      if (name === undefined) return names();
      return resolve(name)?.complete?.(rest, world) ?? [];
    },
    run: (ctx, args) => {
      let i = 0;
      for (; i < args.length; i++) {
        const a = args[i] ?? '';
        if (a === '--') {
          i++;
          break;
        }
        if (!a.startsWith('-')) break;
        if (a === '-u' || a === '-g') {
          const who = args[++i];
          if (who !== 'root' && who !== '#0' && who !== '0') {
            ctx.err(`sudo: running as ${who ?? ''} is not simulated here (only root is)\n`);
            return 1;
          }
          continue;
        }
        if (['-E', '-H', '-n', '-S', '-k', '-b', '-P'].includes(a)) continue;
        if (a === '-i' || a === '-s' || a === '-e' || a === '-l' || a === '-v') {
          ctx.err(`sudo: ${a} is not simulated here; you are root already in this shell\n`);
          return 1;
        }
        if (a === '-V') {
          ctx.out('Sudo version 1.9.13p3\n');
          return 0;
        }
        ctx.err(`sudo: invalid option -- '${a.slice(1, 2)}'\n${SUDO_USAGE}`);
        return 1;
      }
      const [name, ...rest] = args.slice(i);
      if (name === undefined) {
        ctx.err(SUDO_USAGE);
        return 1;
      }
      const spec = resolve(name);
      if (!spec) {
        ctx.err(`sudo: ${name}: command not found\n`);
        return 1;
      }
      return spec.run(throughSudo(ctx, ['sudo', ...args]), rest);
    },
  };
}
