/**
 * What every terminal shell of the app does with a line, whatever machine it runs on: `;`,
 * `&&` and `||` chains, `|` pipes, `$(...)` substitution and `~`, a foreground job that holds
 * the prompt until it ends or Ctrl-C stops it, and the events the terminal view shows (output,
 * clear, ready, submitted). The host's `Shell` (shell.ts) and the laptop's `KubeShell`
 * (src/cli/kubectl/kubeShell.ts) extend it with what differs between them: the command table,
 * the context a command gets, how a line and a Ctrl-C are logged, what `> file` does, what is
 * said for an unknown command, and the words of `help`.
 *
 * Contract: a line is logged (`record`) before anything it runs, and a Ctrl-C
 * (`recordInterrupt`) before the job hears it. The shell owns no world state: the same calls
 * on the same world print the same output, which is what lets a replay rebuild a terminal from
 * its log. No command's code can throw out of it (`guard`): the error is printed as one and the
 * prompt comes back.
 */
import type { ShellServices } from './builtins';
import { parseLine, type ChainLink, type Line, type SimpleCommand, type Word } from './parse';
import type {
  CommandEntry,
  CommandOutcome,
  Job,
  OutputChunk,
  StreamContext,
  TerminalEvent,
} from './types';
import { isJob } from './types';

export interface LineShellOptions {
  readonly columns?: number;
  /** Lines run in earlier sessions, oldest first (for the arrow keys and `history`). */
  readonly history?: readonly string[];
}

/** A command's `> path` or `>> path`. */
export type Redirect = NonNullable<SimpleCommand['redirect']>;

/**
 * What a redirect opens: a writer that takes the command's whole output and gives the exit
 * status, or the status of a redirect refused before the command runs (the error printed).
 */
export type RedirectSink = ((text: string) => number) | number;

/** `&&` runs after a success, `||` after a failure, `;` always. */
function skipped(op: ChainLink['op'], status: number): boolean {
  return (op === '&&' && status !== 0) || (op === '||' && status === 0);
}

export abstract class LineShell<Ctx extends StreamContext> {
  private readonly listeners = new Set<(event: TerminalEvent) => void>();
  protected readonly env: Record<string, string>;
  private readonly lines: string[];
  private queue: ChainLink[] = [];
  private status = 0;
  private job: Job | null = null;
  columns: number;

  /** The commands by name (own properties only: `constructor` typed is just unknown). */
  protected abstract readonly commands: Readonly<Record<string, CommandEntry<Ctx>>>;
  /**
   * True: `$(a | b)` pipes a into b and gives b's output, as bash does. False: each command of
   * the pipe runs without input and all their output is kept, as the host's shell always has.
   */
  protected abstract readonly substitutionPipes: boolean;

  protected constructor(env: Readonly<Record<string, string>>, options: LineShellOptions) {
    this.env = { ...env };
    this.columns = options.columns ?? 80;
    this.lines = [...(options.history ?? [])];
  }

  /** Logs a line about to run. */
  protected abstract record(line: string): void;
  /** Logs a Ctrl-C; `running` says whether a foreground job holds the prompt. */
  protected abstract recordInterrupt(running: boolean): void;
  /** A command's context: its streams, and the machine it acts on. */
  protected abstract context(streams: StreamContext): Ctx;
  /** Opens a command's redirect, before the command runs. */
  protected abstract redirect(target: Redirect): RedirectSink;

  /** What is printed for a name that is no command here. */
  protected notFound(name: string): string {
    return `bash: ${name}: command not found\n`;
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
    this.record(line);
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
    if (this.endsJob((job) => job.poll())) this.continueChain();
  }

  /** Ctrl-C: interrupts the foreground job, and with it the rest of the line. */
  interrupt(): void {
    this.recordInterrupt(this.job !== null);
    // The terminal echoes the ^C itself, as a tty's line discipline does.
    if (!this.endsJob((job) => job.interrupt())) return;
    this.queue = [];
    this.emit({ type: 'ready' });
  }

  /** What the builtins may ask of this shell; `help` lists the commands between its two texts. */
  protected services(intro: readonly string[], examples: readonly string[]): ShellServices {
    return {
      history: () => this.lines,
      clear: () => this.emit({ type: 'clear' }),
      help: () => this.helpText(intro, examples),
      setEnv: (name, value) => {
        this.env[name] = value;
      },
    };
  }

  /** A word as the command sees it: `~` made the home directory, `$(...)` its output's words. */
  protected expand(word: Word): string[] {
    if (typeof word === 'string') return [word.replace(/^~(?=\/|$)/, this.env['HOME'] ?? '~')];
    return this.runSubstitution(word.substitute).split(/\s+/).filter(Boolean);
  }

  protected write(stream: OutputChunk['stream'], text: string): void {
    if (text) this.emit({ type: 'output', chunk: { stream, text } });
  }

  /**
   * Puts the foreground job through `step` (a poll or a Ctrl-C); true when that ended it, its
   * status now `$?` and the prompt free. False with no job, or one still running.
   */
  private endsJob(step: (job: Job) => number | null): boolean {
    const job = this.job;
    if (!job) return false;
    const done = this.guard(() => step(job));
    if (done === null && this.job) return false;
    this.job = null;
    this.status = done ?? 1;
    return true;
  }

  private emit(event: TerminalEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  private helpText(intro: readonly string[], examples: readonly string[]): string {
    const names = Object.keys(this.commands).sort();
    const width = Math.max(...names.map((n) => n.length)) + 2;
    return [
      ...intro,
      '',
      ...names.map((n) => `  ${n.padEnd(width)}${this.commands[n]?.summary ?? ''}`),
      '',
      ...examples,
      '',
    ].join('\n');
  }

  private continueChain(): void {
    while (this.queue.length > 0) {
      const link = this.queue.shift();
      if (!link) break;
      if (skipped(link.op, this.status)) continue;
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
      const sink = command.redirect ? this.redirect(command.redirect) : null;
      if (typeof sink === 'number') return sink;
      if (last && !sink) return this.runCommand(command, stdin, null);
      const captured: string[] = [];
      const outcome = this.runCommand(command, stdin, captured);
      // A job in the middle of a pipe would need real concurrency: stop it where it is.
      if (isJob(outcome)) this.guard(() => outcome.interrupt());
      stdin = captured.join('');
      if (sink) {
        const status = sink(stdin);
        if (last) return status;
        stdin = '';
      }
    }
    return 0;
  }

  /** Expands the words (running any `$(...)`) and runs the command. */
  private runCommand(
    command: SimpleCommand,
    stdin: string | undefined,
    capture: string[] | null,
  ): CommandOutcome {
    const words: string[] = [];
    for (const word of command.words) words.push(...this.expand(word));
    const [name, ...args] = words;
    if (name === undefined) return 0;
    const spec = Object.hasOwn(this.commands, name) ? this.commands[name] : undefined;
    const ctx = this.context(this.streams(stdin, capture));
    if (!spec) {
      ctx.err(this.notFound(name));
      return 127;
    }
    return this.guard(() => spec.run(ctx, args), ctx) ?? 1;
  }

  /** The output of `$(line)`; a job it starts is stopped at once (status 130). */
  private runSubstitution(line: Line): string {
    const captured: string[] = [];
    let status = 0;
    for (const link of line) {
      if (skipped(link.op, status)) continue;
      let stdin: string | undefined;
      for (const command of link.pipeline) {
        const out: string[] = [];
        const outcome = this.runCommand(command, stdin, out);
        if (isJob(outcome)) {
          this.guard(() => outcome.interrupt());
          status = 130;
        } else status = outcome;
        if (this.substitutionPipes) stdin = out.join('');
        else captured.push(...out);
      }
      if (this.substitutionPipes) captured.push(stdin ?? '');
    }
    return captured.join('');
  }

  private streams(stdin: string | undefined, capture: string[] | null): StreamContext {
    return {
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
   * printed as one and the prompt comes back. The property tests check this never happens.
   */
  private guard<T>(run: () => T, ctx?: StreamContext): T | null {
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
}
