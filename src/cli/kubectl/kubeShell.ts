/**
 * The shell of a terminal on the student's laptop, with kubectl configured for the simulated
 * cluster (https://10.0.0.10:6443). It has the observable contract of the host's `Shell`
 * (src/cli/shell/shell.ts): `execute`, `submit`, `interrupt`, `poll`, `busy`, `history`,
 * `complete`, `subscribe`, `columns`; lines with `;`, `&&`, `||`, pipes and `$(...)`.
 *
 * Contract: every line is recorded in the cluster's log first (a `typed` input), then turned
 * into the API requests it makes. The shell owns no cluster state; given the same port and the
 * same calls it prints the same output, which is what lets `replayKubeTerminal` rebuild a
 * session's terminal from the log. No command can throw out of it (`guard`).
 */
import { API_PORT, CONTROL_PLANE_ADDRESS } from '../../sim/kube/defaults';
import type { KubePort } from '../../sim/kube/port';
import {
  parseLine,
  type ChainLink,
  type Line,
  type SimpleCommand,
  type Word,
} from '../shell/parse';
import type { CommandOutcome, Completion, Job, OutputChunk, TerminalEvent } from '../shell/types';
import { isJob } from '../shell/types';
import { kubeBuiltins } from './kubeBuiltins';
import { completeLine } from './kubectlComplete';
import { kubectlSpec } from './kubectl';
import type { KubeCommandContext, KubeCommandSpec } from './types';

export const KUBE_PROMPT = 'student@laptop:~$ ';

export const KUBE_ENV: Readonly<Record<string, string>> = {
  HOME: '/home/student',
  HOSTNAME: 'laptop',
  LANG: 'C.UTF-8',
  LOGNAME: 'student',
  PATH: '/usr/local/bin:/usr/bin:/bin',
  PWD: '/home/student',
  SHELL: '/bin/bash',
  TERM: 'xterm-256color',
  USER: 'student',
};

/** How a Ctrl-C is logged: as a typed line, which it cannot be while a job holds the prompt. */
export const INTERRUPT_LINE = '^C';

/** Said after `docker: command not found`: where the Docker habit meets the cluster. */
export const DOCKER_HINT =
  '(the nodes run containerd through CRI; there is no Docker Engine in this cluster)';

export interface KubeShellOptions {
  readonly columns?: number;
  readonly history?: readonly string[];
}

export class KubeShell {
  private readonly listeners = new Set<(event: TerminalEvent) => void>();
  private readonly env: Record<string, string> = { ...KUBE_ENV };
  private readonly lines: string[];
  private readonly commands: Readonly<Record<string, KubeCommandSpec>>;
  private queue: ChainLink[] = [];
  private status = 0;
  private job: Job | null = null;
  columns: number;

  constructor(
    readonly port: KubePort,
    options: KubeShellOptions = {},
  ) {
    this.columns = options.columns ?? 80;
    this.lines = [...(options.history ?? [])];
    this.commands = {
      ...kubeBuiltins({
        history: () => this.lines,
        clear: () => this.emit({ type: 'clear' }),
        help: () => this.helpText(),
        setEnv: (name, value) => {
          this.env[name] = value;
        },
      }),
      kubectl: kubectlSpec,
    };
  }

  prompt(): string {
    return KUBE_PROMPT;
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
    this.port.apply({ kind: 'typed', line });
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

  /**
   * Ctrl-C: interrupts the foreground job, and with it the rest of the line. It is logged as
   * the typed line `^C` (only while a job runs, when no line can be typed), so that a replay
   * stops the job where the session stopped it.
   */
  interrupt(): void {
    if (!this.job) return;
    this.port.apply({ kind: 'typed', line: INTERRUPT_LINE });
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
    return completeLine(line, cursor, this.commands, this.port);
  }

  private helpText(): string {
    const names = Object.keys(this.commands).sort();
    const width = Math.max(...names.map((n) => n.length)) + 2;
    return [
      'This terminal is your laptop, not a node of the cluster. kubectl talks to the API',
      `server at https://${CONTROL_PLANE_ADDRESS}:${API_PORT}. The nodes run containerd through CRI and`,
      'there is no dockerd, so `docker` is not here. Tab completes; the arrows recall lines.',
      '',
      ...names.map((n) => `  ${n.padEnd(width)}${this.commands[n]?.summary ?? ''}`),
      '',
      'Try: kubectl get nodes, then kubectl create deployment web --image=nginx --replicas=3,',
      'then kubectl get pods -o wide.',
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
      if (command.redirect) {
        // The laptop's files are not simulated: say so rather than pretend to have written.
        this.write(
          'stderr',
          `bash: ${command.redirect.path}: this simulated laptop has no files\n`,
        );
        return 1;
      }
      if (last) return this.runCommand(command, stdin, null);
      const captured: string[] = [];
      const outcome = this.runCommand(command, stdin, captured);
      // A job in the middle of a pipe would need real concurrency: stop it where it is.
      if (isJob(outcome)) this.guard(() => outcome.interrupt());
      stdin = captured.join('');
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
      ctx.err(`bash: ${name}: command not found\n${name === 'docker' ? `${DOCKER_HINT}\n` : ''}`);
      return 127;
    }
    return this.guard(() => spec.run(ctx, args), ctx) ?? 1;
  }

  private expand(word: Word): string[] {
    if (typeof word === 'string') return [word.replace(/^~(?=\/|$)/, this.env['HOME'] ?? '~')];
    const captured: string[] = [];
    this.runSubstitution(word.substitute, captured);
    return captured.join('').split(/\s+/).filter(Boolean);
  }

  private runSubstitution(line: Line, captured: string[]): void {
    let status = 0;
    for (const link of line) {
      if (link.op === '&&' && status !== 0) continue;
      if (link.op === '||' && status === 0) continue;
      let stdin: string | undefined;
      for (const command of link.pipeline) {
        const out: string[] = [];
        const outcome = this.runCommand(command, stdin, out);
        if (isJob(outcome)) {
          this.guard(() => outcome.interrupt());
          status = 130;
        } else status = outcome;
        stdin = out.join('');
      }
      captured.push(stdin ?? '');
    }
  }

  private context(stdin: string | undefined, capture: string[] | null): KubeCommandContext {
    return {
      port: this.port,
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
  private guard<T>(run: () => T, ctx?: KubeCommandContext): T | null {
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
