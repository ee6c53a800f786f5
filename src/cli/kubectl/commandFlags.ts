/**
 * The opening every kubectl command shares, as cobra runs one: its arguments parsed as pflag
 * parses them (an error ends with `See 'kubectl get --help' for usage.`), `--help` or `-h`
 * answered with the command's help, and any flag this simulation does not model refused by
 * name. What is left is the command's own.
 *
 * Contract: either the parsed flags, or the exit status of what was printed instead (1 for an
 * error, 0 for help); nothing is printed when the flags are returned.
 */
import { flagError, unsupportedFlags } from './errors';
import { flagBool, parseFlags, type FlagDef, type ParsedFlags } from './flags';
import { commandHelp } from './help';
import type { KubeCommandContext } from './types';

/**
 * `path` is how errors name the command (`kubectl create deployment`), `help` the command
 * whose help `--help` prints (`create`).
 */
export function commandFlags(
  ctx: KubeCommandContext,
  path: string,
  help: string,
  args: readonly string[],
  defs: readonly FlagDef[],
): ParsedFlags | number {
  const parsed = parseFlags(args, defs);
  if (!parsed.ok) return flagError(ctx, path, parsed.error);
  const { flags } = parsed;
  if (flagBool(flags, 'help')) return commandHelp(ctx, help);
  if (flags.unsupported.length > 0) return unsupportedFlags(ctx, path, flags.unsupported);
  return flags;
}
