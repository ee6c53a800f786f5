/**
 * `kubectl scale deployment NAME --replicas=N` (or `deployment/NAME`, several at once): a
 * PATCH of each deployment's scale subresource; `deployment.apps/NAME scaled`. Other types
 * that real kubectl scales (replicasets, statefulsets) are not scaled here, and say so.
 */
import { NAMESPACE } from '../../sim/kube/defaults';
import { objectKey } from '../../sim/kube/types';
import { commandFlags } from './commandFlags';
import { replicasTooMany } from './create';
import { notFoundText, plainError, serverErrorText, unreachable } from './errors';
import { GLOBAL_FLAGS, flagInt, flagString, type FlagDef } from './flags';
import { own } from './resources';
import { namedTargets } from './targets';
import type { KubeCommandContext } from './types';

const FLAGS: readonly FlagDef[] = [
  ...GLOBAL_FLAGS,
  { long: 'replicas', kind: 'int' },
  { long: 'current-replicas', kind: 'int', unsupported: true },
  { long: 'resource-version', kind: 'string', unsupported: true },
  { long: 'timeout', kind: 'string', unsupported: true },
  { long: 'all', kind: 'bool', unsupported: true },
  { long: 'selector', short: 'l', kind: 'string', unsupported: true },
  { long: 'filename', short: 'f', kind: 'string', unsupported: true },
  { long: 'dry-run', kind: 'string', unsupported: true },
  { long: 'output', short: 'o', kind: 'string', unsupported: true },
];

export function kubectlScale(ctx: KubeCommandContext, args: readonly string[]): number {
  const flags = commandFlags(ctx, 'kubectl scale', 'scale', args, FLAGS);
  if (typeof flags === 'number') return flags;
  const replicas = flagInt(flags, 'replicas');
  if (replicas === undefined) return plainError(ctx, 'required flag(s) "replicas" not set');
  if (replicas < 0)
    return plainError(
      ctx,
      'The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0',
    );
  const tooMany = replicasTooMany(ctx, replicas);
  if (tooMany !== null) return tooMany;
  if (!ctx.port.apiReachable()) return unreachable(ctx);
  const request = namedTargets(ctx, flags.positional);
  if (typeof request === 'number') return request;
  const namespace = flagString(flags, 'namespace') ?? NAMESPACE;
  let status = 0;
  for (const { info, name } of request.targets) {
    if (info.kind !== 'deployments') {
      status = plainError(ctx, `this simulation scales deployments only, not ${info.kind}`);
      continue;
    }
    if (!own(ctx.port.world.deployments, objectKey(namespace, name))) {
      ctx.err(`${notFoundText(info.qualified, name)}\n`);
      status = 1;
      continue;
    }
    const result = ctx.port.apply({
      kind: 'api',
      request: { verb: 'scaleDeployment', namespace, name, replicas },
    });
    if (!result.ok) {
      ctx.err(`${serverErrorText(result)}\n`);
      status = 1;
      continue;
    }
    ctx.out(`deployment.apps/${name} scaled\n`);
  }
  return status;
}
