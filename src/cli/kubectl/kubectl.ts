/**
 * The `kubectl` command: finds the subcommand (after any global flags, as cobra does) and runs
 * it. `kubectl` alone or `kubectl help` prints the usage; an unknown command gets cobra's
 * "Did you mean this?"; a real kubectl command that this simulation leaves out says so.
 */
import type { CommandOutcome } from '../shell/types';
import { cordonCommand } from './cordon';
import { kubectlCreate } from './create';
import { kubectlDelete } from './delete';
import { kubectlDrain } from './drain';
import { flagError, plainError } from './errors';
import { GLOBAL_FLAGS, findCommand, parseFlags } from './flags';
import { kubectlGet } from './get';
import {
  commandHelp,
  hasHelp,
  REAL_COMMANDS,
  ROOT_HELP,
  SUPPORTED_COMMANDS,
  suggestionsFor,
} from './help';
import { kubectlClusterInfo, kubectlVersion } from './info';
import { completeKubectl } from './kubectlComplete';
import { kubectlScale } from './scale';
import type { KubeCommandContext, KubeCommandSpec } from './types';

type Sub = (ctx: KubeCommandContext, args: readonly string[]) => CommandOutcome;

const SUBCOMMANDS: Readonly<Record<string, Sub>> = {
  get: kubectlGet,
  create: kubectlCreate,
  scale: kubectlScale,
  delete: kubectlDelete,
  cordon: cordonCommand(true),
  uncordon: cordonCommand(false),
  drain: kubectlDrain,
  version: kubectlVersion,
  'cluster-info': kubectlClusterInfo,
};

function help(ctx: KubeCommandContext, args: readonly string[]): number {
  const [topic] = args.filter((a) => !a.startsWith('-'));
  if (topic === undefined || topic === 'help') {
    ctx.out(ROOT_HELP);
    return 0;
  }
  if (hasHelp(topic)) return commandHelp(ctx, topic);
  if (REAL_COMMANDS.includes(topic)) return notModelled(ctx, topic);
  ctx.err(`Unknown help topic [\`${topic}\`]\n`);
  ctx.out(ROOT_HELP);
  return 0;
}

function notModelled(ctx: KubeCommandContext, command: string): number {
  return plainError(
    ctx,
    `"kubectl ${command}" is real, but this simulation does not model it; it has ${SUPPORTED_COMMANDS.filter((c) => c !== 'help').join(', ')}`,
  );
}

function unknownCommand(ctx: KubeCommandContext, command: string): number {
  const suggestions = command === '' ? [] : suggestionsFor(command);
  const hint =
    suggestions.length > 0
      ? `\n\nDid you mean this?\n${suggestions.map((s) => `\t${s}\n`).join('')}`
      : '\n';
  ctx.err(`error: unknown command ${JSON.stringify(command)} for "kubectl"${hint}`);
  return 1;
}

export function kubectl(ctx: KubeCommandContext, args: readonly string[]): CommandOutcome {
  const at = findCommand(args);
  if (at < 0) {
    const parsed = parseFlags(args, GLOBAL_FLAGS);
    if (!parsed.ok) return flagError(ctx, 'kubectl', parsed.error);
    ctx.out(ROOT_HELP);
    return 0;
  }
  const name = args[at] ?? '';
  const rest = [...args.slice(0, at), ...args.slice(at + 1)];
  if (name === 'help') return help(ctx, rest);
  const sub = Object.hasOwn(SUBCOMMANDS, name) ? SUBCOMMANDS[name] : undefined;
  if (sub) return sub(ctx, rest);
  if (REAL_COMMANDS.includes(name)) return notModelled(ctx, name);
  return unknownCommand(ctx, name);
}

export const kubectlSpec: KubeCommandSpec = {
  summary: "the Kubernetes CLI, talking to the cluster's API server (kubectl help)",
  run: kubectl,
  complete: completeKubectl,
};
