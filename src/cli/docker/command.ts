/**
 * One docker subcommand: its place in the real CLI's reference (usage and flags), how many
 * positional arguments it takes, and what it does with them. The dispatcher (./index.ts)
 * parses flags, checks arguments and prints usage errors exactly as cobra does, then calls
 * `run` with a `DockerCall` that carries the Engine API client and the output streams.
 */
import type { CommandContext, CommandOutcome } from '../shell/types';
import type { EngineClient } from './client';
import type { FlagValues } from './flags';

export type ArgRule =
  | { readonly kind: 'none' }
  | { readonly kind: 'exact'; readonly n: number }
  | { readonly kind: 'min'; readonly n: number }
  | { readonly kind: 'max'; readonly n: number }
  | { readonly kind: 'any' };

export interface DockerCall {
  readonly ctx: CommandContext;
  readonly client: EngineClient;
  /** `docker run`, `docker container ls`: as the user typed the command path. */
  readonly name: string;
  readonly flags: FlagValues;
  readonly args: readonly string[];
}

export interface DockerCommand {
  /** Key of the command's help text in the reference (`run`, `network ls`). */
  readonly path: string;
  readonly args: ArgRule;
  /** false for commands whose arguments are a program and its own flags (run, create, exec). */
  readonly interspersed?: boolean;
  readonly run: (call: DockerCall) => CommandOutcome;
}
