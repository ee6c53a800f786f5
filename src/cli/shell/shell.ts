/**
 * The host's shell: runs typed lines (chains, pipes, redirects, substitution) with the
 * builtins, the host commands and `docker`, and holds the prompt while a foreground job runs.
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
import { parseLine, type ChainLink, type Line, type SimpleCommand, type Word } from './parse';
import type {
  CommandContext,
  CommandOutcome,
  CommandSpec,
  Completion,
  HostPort,
  Job,
  OutputChunk,
  TerminalEvent,
} from './types';
import { isJob } from './types';

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

export interface ShellOptions {
  readonly columns?: number;
  readonly history?: readonly string[];
}

export class Shell {
  private readonly listeners = new Set<(event: TerminalEvent) => void>();
  private readonly env: Record<string, string> = { ...DEFAULT_ENV };
  private readonly lines: string[];
  private commands: Readonly<Record<string, CommandSpec>>;
  private queue: ChainLink[] = [];
  private status = 0;
  private job: Job | null = null;
  columns: number;

  constructor(
    readonly host: HostPort,
    options: ShellOptions = {},
  ) {
    this.columns = options.columns ?? 80;
    this.lines = [...(options.history ?? [])];
    this.commands = {
      ...hostCommands,
      ...builtins({
        history: () => this.lines,
        clear: () => this.emit({ type: 'clear' }),
        help: () => this.helpText(),
        setEnv: (name, value) => {
          this.env[name] = value;
        },
      }),
      docker: dockerCommand,
    };
    // `sudo` runs anything this shell knows, docker included (you are root already).
    this.commands = {
      ...this.commands,
      sudo: makeSudo(
        (name) => (Object.hasOwn(this.commands, name) ? this.commands[name] : undefined),
        () => Object.keys(this.commands),
      ),
    };
  }

  subscribe(listener: (event: TerminalEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get busy(): boolean {
    return this.job !== null;
  }

  /** The exit status of the last command (`$?`). */
  get lastStatus(): number {
    return this.status;
  }

  history(): readonly string[] {
    return this.lines;
  }

  /** Runs a line given from outside the terminal: the screen shows it at the prompt first. */
  submit(line: string): void {
    if (this.job) return;
    this.emit({ type: 'submitted', line });
    this.execute(line);
  }

  /** Runs a typed line. */
  execute(line: string): void {
    if (this.job) return;
    this.host.apply({ kind: 'typed', line });
    if (line.trim() !== '') this.lines.push(line);
    const parsed = parseLine(line, { ...this.env, '?': String(this.status) });
    if (!parsed.ok) {
      this.write('stderr', `bash: ${parsed.error}\n`);
      this.status = 2;
      this.emit({ type: 'ready' });
      return;
    }
    this.queue = [...parsed.line];
    this.continueChain();
  }

  /** Lets a foreground job print what is new and end; call after time passes or the world changes. */
  poll(): void {
    if (!this.job) return;
    const job = this.job;
    const done = this.guard(() => job.poll());
    if (done === null && this.job) return;
    this.job = null;
    this.status = done ?? 1;
    this.continueChain();
  }

  /** Ctrl-C: interrupts the foreground job, and with it the rest of the line. */
  interrupt(): void {
    this.host.apply({ kind: 'interrupt' });
    if (!this.job) return;
    // The terminal echoes the ^C itself, as a tty's line discipline does.
    const job = this.job;
    const done = this.guard(() => job.interrupt());
    if (done === null && this.job) return;
    this.job = null;
    this.status = done ?? 1;
    this.queue = [];
    this.emit({ type: 'ready' });
  }

  complete(line: string, cursor: number): Completion {
    return completeLine(line, cursor, {
      commands: Object.keys(this.commands),
      specs: this.commands,
      world: this.host.world,
    });
  }

  private helpText(): string {
    const names = Object.keys(this.commands).sort();
    const width = Math.max(...names.map((n) => n.length)) + 2;
    return [
      'This terminal is the simulated host: docker talks to its daemon over the Engine API, and',
      'the other commands look underneath. Tab completes; the arrows recall earlier lines.',
      '',
      ...names.map((n) => `  ${n.padEnd(width)}${this.commands[n]?.summary ?? ''}`),
      '',
      'Try: docker run -d --name web -p 8080:80 nginx, then ps -ef, then pkill -9 dockerd.',
      '',
    ].join('\n');
  }

  private continueChain(): void {
    while (this.queue.length > 0) {
      const link = this.queue.shift();
      if (!link) break;
      if (link.op === '&&' && this.status !== 0) continue;
      if (link.op === '||' && this.status === 0) continue;
      const outcome = this.runPipeline(link.pipeline);
      if (isJob(outcome)) {
        this.job = outcome;
        return;
      }
      this.status = outcome;
    }
    this.emit({ type: 'ready' });
  }

  private runPipeline(pipeline: readonly SimpleCommand[]): CommandOutcome {
    let stdin: string | undefined;
    for (let i = 0; i < pipeline.length; i++) {
      const command = pipeline[i];
      if (!command) continue;
      const last = i === pipeline.length - 1;
      if (last && !command.redirect) return this.runCommand(command, stdin, null);
      const captured: string[] = [];
      const outcome = this.runCommand(command, stdin, captured);
      if (isJob(outcome)) {
        // A job in the middle of a pipe would need real concurrency: stop it where it is.
        outcome.interrupt();
      }
      stdin = captured.join('');
      if (command.redirect) {
        const status = this.redirect(command.redirect, stdin);
        if (last) return status;
        stdin = '';
      }
    }
    return 0;
  }

  private redirect(target: NonNullable<SimpleCommand['redirect']>, text: string): number {
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

  /** Expands `$(...)` words (their output, split on blanks) and runs the command. */
  private runCommand(
    command: SimpleCommand,
    stdin: string | undefined,
    capture: string[] | null,
  ): CommandOutcome {
    const words: string[] = [];
    for (const word of command.words) words.push(...this.expand(word));
    const [name, ...args] = words;
    if (name === undefined) return 0;
    // Own properties only: `constructor` or `__proto__` typed as a command is just unknown.
    const spec = Object.hasOwn(this.commands, name) ? this.commands[name] : undefined;
    const ctx = this.context(stdin, capture);
    if (!spec) {
      ctx.err(`bash: ${name}: command not found\n`);
      return 127;
    }
    const outcome = this.guard(() => spec.run(ctx, args), ctx);
    return outcome ?? 1;
  }

  private expand(word: Word): string[] {
    // Tilde expansion: `~` and `~/path` are the home directory.
    if (typeof word === 'string') return [word.replace(/^~(?=\/|$)/, this.env['HOME'] ?? '/root')];
    const captured: string[] = [];
    this.runSubstitution(word.substitute, captured);
    return captured.join('').split(/\s+/).filter(Boolean);
  }

  private runSubstitution(line: Line, captured: string[]): void {
    let status = 0;
    for (const link of line) {
      if (link.op === '&&' && status !== 0) continue;
      if (link.op === '||' && status === 0) continue;
      for (const command of link.pipeline) {
        const outcome = this.runCommand(command, undefined, captured);
        if (isJob(outcome)) {
          outcome.interrupt();
          status = 130;
        } else status = outcome;
      }
    }
  }

  private context(stdin: string | undefined, capture: string[] | null): CommandContext {
    return {
      host: this.host,
      env: this.env,
      columns: this.columns,
      ...(stdin !== undefined ? { stdin } : {}),
      piped: capture !== null,
      out: (text) => (capture ? capture.push(text) : this.write('stdout', text)),
      err: (text) => this.write('stderr', text),
    };
  }

  /**
   * Runs a command's code so that a bug in it cannot take the terminal down: the error is
   * printed as one and the prompt comes back. The fuzz tests check this never happens.
   */
  private guard<T>(run: () => T, ctx?: CommandContext): T | null {
    try {
      return run();
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      (ctx?.err ?? ((t: string) => this.write('stderr', t)))(
        `docker-anatomy: internal error: ${message}. Please report it with the session's command log.\n`,
      );
      this.job = null;
      return null;
    }
  }

  private write(stream: OutputChunk['stream'], text: string): void {
    if (text) this.emit({ type: 'output', chunk: { stream, text } });
  }

  private emit(event: TerminalEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}
