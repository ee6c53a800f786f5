/**
 * The host's shell: a `LineShell` (lineShell.ts: chains, pipes, `$(...)`, jobs and Ctrl-C) with
 * the builtins, the host commands, `docker` and a `sudo` that runs them all; `> file` and
 * `>> file` write the host's files.
 *
 * Contract: every line and every Ctrl-C is recorded in the simulation's log first (`typed`,
 * `interrupt` inputs), then turned into the inputs and requests it makes. The shell owns no
 * world state; given the same host and the same calls (execute, poll, interrupt) it prints the
 * same output, which is what lets `replayTerminal` rebuild a session's terminal from its log.
 */
import { HOSTNAME } from '../../sim/api/system';
import { dockerCommand } from '../docker';
import { hostCommands, makeSudo } from '../host';
import { builtins } from './builtins';
import { completeLine } from './complete';
import { LineShell, type LineShellOptions, type Redirect, type RedirectSink } from './lineShell';
import type { CommandContext, CommandSpec, Completion, HostPort, StreamContext } from './types';

export const PROMPT = `root@${HOSTNAME}:~# `;

export const DEFAULT_ENV: Readonly<Record<string, string>> = {
  HOME: '/root',
  HOSTNAME,
  LANG: 'C.UTF-8',
  LOGNAME: 'root',
  PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
  PWD: '/root',
  SHELL: '/bin/bash',
  TERM: 'xterm-256color',
  USER: 'root',
};

export type ShellOptions = LineShellOptions;

const HELP_INTRO = [
  'This terminal is the simulated host: docker talks to its daemon over the Engine API, and',
  'the other commands look underneath. Tab completes; the arrows recall earlier lines.',
];
const HELP_EXAMPLES = [
  'Try: docker run -d --name web -p 8080:80 nginx, then ps -ef, then pkill -9 dockerd.',
];

export class Shell extends LineShell<CommandContext> {
  protected readonly commands: Readonly<Record<string, CommandSpec>>;
  protected readonly substitutionPipes = false;

  constructor(
    readonly host: HostPort,
    options: ShellOptions = {},
  ) {
    super(DEFAULT_ENV, options);
    const commands: Record<string, CommandSpec> = {
      ...hostCommands,
      ...builtins(this.services(HELP_INTRO, HELP_EXAMPLES)),
      docker: dockerCommand,
    };
    // `sudo` runs anything this shell knows, docker and itself included (you are root already).
    commands['sudo'] = makeSudo(
      (name) => (Object.hasOwn(commands, name) ? commands[name] : undefined),
      () => Object.keys(commands),
    );
    this.commands = commands;
  }

  complete(line: string, cursor: number): Completion {
    return completeLine(line, cursor, {
      commands: Object.keys(this.commands),
      specs: this.commands,
      world: this.host.world,
    });
  }

  protected record(line: string): void {
    this.host.apply({ kind: 'typed', line });
  }

  /** Every Ctrl-C is logged, a job running or not. */
  protected recordInterrupt(): void {
    this.host.apply({ kind: 'interrupt' });
  }

  protected context(streams: StreamContext): CommandContext {
    return { host: this.host, ...streams };
  }

  /** `> file` and `>> file`: the host's file is written once the command has run. */
  protected redirect(target: Redirect): RedirectSink {
    return (text) => this.writeFile(target, text);
  }

  private writeFile(target: Redirect, text: string): number {
    const home = this.env['HOME'] ?? '/root';
    const [path = target.path] = this.expand(target.path);
    // Relative paths are relative to the working directory, which is always the home here.
    const absolute = path.startsWith('/') ? path : `${home}/${path.replace(/^\.\//, '')}`;
    const before = !target.append
      ? ''
      : absolute === '/etc/docker/daemon.json'
        ? this.host.world.settings.daemonJson
        : (this.host.world.files[absolute] ?? '');
    const result = this.host.apply({ kind: 'writeFile', path: absolute, content: before + text });
    if (!result.ok) {
      this.write('stderr', `bash: ${result.message ?? `${path}: Permission denied`}\n`);
      return 1;
    }
    return 0;
  }
}
