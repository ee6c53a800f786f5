/**
 * The contracts of the in-app shell: what a command sees (the host it runs on, its output
 * streams, the environment), what it gives back (an exit status, or a foreground job that
 * keeps the prompt busy until it ends), and what the terminal view drives.
 *
 * Contract: commands are deterministic. They read the world and act only through `host`
 * (inputs and Engine API requests that the simulation logs), so replaying a session's log
 * reproduces both the world and everything the terminal printed.
 */
import type { ApiRequest, ApiResponse, PendingWait, StdioFrame } from '../../sim/api/types';
import type { Input, InputResult } from '../../sim/inputs';
import type { TraceEntry } from '../../sim/trace';
import type { World } from '../../sim/types';

/** The simulated host as the shell sees it: a `Simulation` in tests, the session in the app. */
export interface HostPort {
  /** The live world (the newest state, not the playback cursor's). */
  readonly world: World;
  readonly trace: readonly TraceEntry[];
  /** Virtual time in ms. */
  readonly now: number;
  apply(input: Input): InputResult;
  request(request: ApiRequest): ApiResponse;
  waitResult(wait: PendingWait): { StatusCode: number } | null;
  outputSince(containerId: string, afterSeq: number): StdioFrame[];
}

export type Stream = 'stdout' | 'stderr';

export interface OutputChunk {
  readonly stream: Stream;
  /** Text with `\n` line ends; the terminal view turns them into `\r\n`. */
  readonly text: string;
}

/**
 * What a command sees of any shell that runs it, whatever machine it is on: the environment,
 * the screen's width, its input from a pipe and its two output streams. The host's commands
 * get a `CommandContext`, kubectl's a `KubeCommandContext`; the shell's builtins need no more.
 */
export interface StreamContext {
  readonly env: Readonly<Record<string, string>>;
  /** Terminal width in columns, for output that wraps or truncates as the real tool does. */
  readonly columns: number;
  /** What the command before it in a pipe printed (`docker ps | grep web`). */
  readonly stdin?: string;
  /**
   * True when stdout goes into a pipe, a file or `$(...)` rather than the terminal: tools then
   * print as they do for a pipe (`ps` stops cutting lines at the screen's width, `ls` lists one
   * name per line).
   */
  readonly piped?: boolean;
  out(text: string): void;
  err(text: string): void;
}

export interface CommandContext extends StreamContext {
  readonly host: HostPort;
}

/**
 * A command still running in the foreground (`docker logs -f`, `docker events`, `docker wait`,
 * an attached `docker run`). The shell polls it whenever virtual time passes or the world
 * changes; it prints through the context it was created with.
 */
export interface Job {
  /** Prints what is new; returns the exit status once the job has ended, else null. */
  poll(): number | null;
  /** Ctrl-C. Returns the exit status if that ended the job (130 for most), else null. */
  interrupt(): number | null;
}

/** An exit status (0 success), or a job that holds the prompt. */
export type CommandOutcome = number | Job;

export type Command = (ctx: CommandContext, args: readonly string[]) => CommandOutcome;

/** A command in a shell's table, as the shell runs it and lists it in `help`. */
export interface CommandEntry<Ctx> {
  readonly run: (ctx: Ctx, args: readonly string[]) => CommandOutcome;
  /** One line for `help`. */
  readonly summary: string;
}

export interface CommandSpec extends CommandEntry<CommandContext> {
  /**
   * Candidates for Tab completion of the word being typed, given the words before it (the
   * command name excluded) and the live world. Optional: files and names only where useful.
   */
  readonly complete?: (before: readonly string[], world: World) => readonly string[];
}

export function isJob(outcome: CommandOutcome): outcome is Job {
  return typeof outcome === 'object';
}

/** Tab completion: the word that starts at `from` (up to the cursor) can become any candidate. */
export interface Completion {
  readonly from: number;
  readonly candidates: readonly string[];
}

export type TerminalEvent =
  | { readonly type: 'output'; readonly chunk: OutputChunk }
  /** `clear` or Ctrl-L: wipe the screen. */
  | { readonly type: 'clear' }
  /** The line (and any job it started) has ended: show the prompt again. */
  | { readonly type: 'ready' }
  /** A line run from outside the terminal (a Build button): shown after the prompt as if typed. */
  | { readonly type: 'submitted'; readonly line: string };

/** What the terminal view drives. The app's implementation sits on the session store. */
export interface TerminalController {
  /** The prompt printed before each line, e.g. `root@docker-host:~# `. */
  prompt(): string;
  /** Runs a line. Output, and then `ready`, arrive through `subscribe` (at once, or later when a job ends). */
  execute(line: string): void;
  /** Runs a line that was not typed into the terminal, showing it at the prompt first. */
  submit(line: string): void;
  /** Ctrl-C: interrupts the foreground job, if any. */
  interrupt(): void;
  /** True while a line or its foreground job holds the prompt. */
  busy(): boolean;
  /** Lines run so far, oldest first (kept across reloads), for arrow keys and `history`. */
  history(): readonly string[];
  complete(line: string, cursor: number): Completion;
  /** The screen's width in columns, for output that fits or truncates to it (`ps -ef`). */
  resize?(columns: number): void;
  subscribe(listener: (event: TerminalEvent) => void): () => void;
  /** A terminal view shows it now (a lesson waits for one before typing its demo). */
  watched?(): boolean;
}
