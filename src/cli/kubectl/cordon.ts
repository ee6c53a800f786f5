/**
 * `kubectl cordon NODE...` and `kubectl uncordon NODE...`: a PATCH of the node's
 * spec.unschedulable, only when it changes (`node/worker-1 cordoned`, or `already cordoned`).
 * `cordonNode` is shared with drain, which cordons first.
 */
import { commandFlags } from './commandFlags';
import { notFoundText, serverErrorText, unreachable, usageError } from './errors';
import { GLOBAL_FLAGS, type FlagDef } from './flags';
import { own } from './resources';
import type { KubeCommandContext } from './types';

export const NODE_FLAGS: readonly FlagDef[] = [
  ...GLOBAL_FLAGS,
  { long: 'dry-run', kind: 'string', unsupported: true },
  { long: 'selector', short: 'l', kind: 'string', unsupported: true },
];

/**
 * Cordons or uncordons one node that exists, printing what kubectl prints; false when the
 * API server refused.
 */
export function cordonNode(ctx: KubeCommandContext, node: string, cordon: boolean): boolean {
  const verb = cordon ? 'cordon' : 'uncordon';
  if (own(ctx.port.world.nodes, node)?.unschedulable === cordon) {
    ctx.out(`node/${node} already ${verb}ed\n`);
    return true;
  }
  const result = ctx.port.apply({ kind: 'api', request: { verb, node } });
  if (!result.ok) {
    ctx.err(`error: unable to ${verb} node "${node}": ${serverErrorText(result)}\n`);
    return false;
  }
  ctx.out(`node/${node} ${verb}ed\n`);
  return true;
}

export function cordonCommand(cordon: boolean) {
  const verb = cordon ? 'cordon' : 'uncordon';
  return (ctx: KubeCommandContext, args: readonly string[]): number => {
    const path = `kubectl ${verb}`;
    const flags = commandFlags(ctx, path, verb, args, NODE_FLAGS);
    if (typeof flags === 'number') return flags;
    if (flags.positional.length === 0) return usageError(ctx, path, `USAGE: ${verb} NODE [flags]`);
    if (!ctx.port.apiReachable()) return unreachable(ctx);
    let status = 0;
    for (const node of flags.positional) {
      if (!own(ctx.port.world.nodes, node)) {
        ctx.err(`${notFoundText('nodes', node)}\n`);
        status = 1;
      } else if (!cordonNode(ctx, node, cordon)) status = 1;
    }
    return status;
  };
}
