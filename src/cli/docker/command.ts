/**
 * One docker subcommand: its place in the real CLI's reference (usage and flags), how many
 * positional arguments it takes, and what it does with them. The dispatcher (./index.ts)
 * parses flags, checks arguments and prints usage errors exactly as cobra does, then calls
 * `run` with a `DockerCall` that carries the Engine API client and the output streams.
 */
import type { ApiResponse } from '../../sim/api/types';
import type { CommandContext, CommandOutcome } from '../shell/types';
import { errorText, isError, type EngineClient } from './client';
import type { FlagValues } from './flags';

export type ArgRule =
  | { readonly kind: 'none' }
  | { readonly kind: 'exact'; readonly n: number }
  | { readonly kind: 'min'; readonly n: number }
  | { readonly kind: 'max'; readonly n: number }
  | { readonly kind: 'range'; readonly min: number; readonly max: number }
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
  /**
   * A command's own argument check, which cobra runs with the count check, before anything is
   * sent (`service scale web`): the whole error text, or null when the arguments are fine.
   */
  readonly checkArgs?: (args: readonly string[], name: string) => string | null;
  readonly run: (call: DockerCall) => CommandOutcome;
}

/**
 * One request per name, as `docker stop a b`, `docker rm`, `docker network rm` do: each name is
 * printed back as given on success, each error as it comes; exit 1 if any failed.
 */
export function forEachName(call: DockerCall, request: (name: string) => ApiResponse): number {
  let status = 0;
  for (const name of call.args) {
    const response = request(name);
    if (isError(response)) {
      call.ctx.err(`${errorText(response)}\n`);
      status = 1;
    } else call.ctx.out(`${name}\n`);
  }
  return status;
}
