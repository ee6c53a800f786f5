/**
 * `kubectl create deployment NAME --image=IMAGE [--replicas=N]` (alias `create deploy`): one
 * POST, answered by the API server's validation (name, replicas, already exists), printed as
 * kubectl prints it (`deployment.apps/web created`, `error: failed to create deployment: ...`).
 * Other `create` subcommands exist in kubectl but not here, and say so.
 */
import { NAMESPACE } from '../../sim/kube/defaults';
import { commandFlags } from './commandFlags';
import { plainError, serverError, unreachable, usageError } from './errors';
import { GLOBAL_FLAGS, findCommand, flagInt, flagString, type FlagDef } from './flags';
import { namespaceExists } from './resources';
import type { KubeCommandContext } from './types';

/**
 * The most replicas this simulation runs for one deployment. A real cluster takes up to 2^31-1
 * and leaves the excess Pending; here every pod is simulated, so a typo must not stall the tab.
 */
export const MAX_REPLICAS = 200;

const FLAGS: readonly FlagDef[] = [
  ...GLOBAL_FLAGS,
  { long: 'image', kind: 'string' },
  { long: 'replicas', short: 'r', kind: 'int32' },
  // The containerPort only documents the port; nothing in this simulation listens on it.
  { long: 'port', kind: 'int32' },
  { long: 'dry-run', kind: 'string', unsupported: true },
  { long: 'output', short: 'o', kind: 'string', unsupported: true },
  { long: 'save-config', kind: 'bool', unsupported: true },
  { long: 'filename', short: 'f', kind: 'string', unsupported: true },
];

/** kubectl create's other generators: real, not simulated. */
const OTHER_GENERATORS = new Set([
  'clusterrole',
  'clusterrolebinding',
  'configmap',
  'cm',
  'cronjob',
  'cj',
  'ingress',
  'ing',
  'job',
  'namespace',
  'ns',
  'poddisruptionbudget',
  'pdb',
  'priorityclass',
  'pc',
  'quota',
  'resourcequota',
  'role',
  'rolebinding',
  'secret',
  'service',
  'svc',
  'serviceaccount',
  'sa',
  'token',
]);

export function replicasTooMany(ctx: KubeCommandContext, replicas: number): number | null {
  if (replicas <= MAX_REPLICAS) return null;
  return plainError(
    ctx,
    `--replicas=${replicas}: this simulation runs at most ${MAX_REPLICAS} replicas of a deployment (a real cluster would accept it and leave what does not fit Pending)`,
  );
}

export function kubectlCreate(ctx: KubeCommandContext, args: readonly string[]): number {
  const at = findCommand(args);
  const sub = at < 0 ? undefined : args[at];
  if (sub === undefined) {
    const flags = commandFlags(ctx, 'kubectl create', 'create', args, FLAGS);
    if (typeof flags === 'number') return flags;
    return plainError(ctx, 'must specify one of -f and -k');
  }
  if (sub !== 'deployment' && sub !== 'deploy') {
    if (OTHER_GENERATORS.has(sub))
      return plainError(
        ctx,
        `"kubectl create ${sub}" is real, but this simulation only has "kubectl create deployment"`,
      );
    return plainError(ctx, 'must specify one of -f and -k');
  }
  const path = 'kubectl create deployment';
  const rest = [...args.slice(0, at), ...args.slice(at + 1)];
  const flags = commandFlags(ctx, path, 'create', rest, FLAGS);
  if (typeof flags === 'number') return flags;
  const image = flagString(flags, 'image');
  if (image === undefined) return plainError(ctx, 'required flag(s) "image" not set');
  if (flags.positional.length !== 1)
    return usageError(ctx, path, `exactly one NAME is required, got ${flags.positional.length}`);
  const name = flags.positional[0] ?? '';
  const replicas = flagInt(flags, 'replicas') ?? 1;
  const tooMany = replicasTooMany(ctx, replicas);
  if (tooMany !== null) return tooMany;
  if (!ctx.port.apiReachable()) return unreachable(ctx);
  const namespace = flagString(flags, 'namespace') ?? NAMESPACE;
  if (!namespaceExists(namespace))
    return plainError(ctx, `failed to create deployment: namespaces "${namespace}" not found`);
  if (image === '')
    return plainError(
      ctx,
      `failed to create deployment: Deployment.apps "${name}" is invalid: spec.template.spec.containers[0].image: Required value`,
    );
  const result = ctx.port.apply({
    kind: 'api',
    request: { verb: 'createDeployment', namespace, name, image, replicas },
  });
  if (!result.ok) {
    if (result.code === 0) return serverError(ctx, result);
    return plainError(ctx, `failed to create deployment: ${result.message}`);
  }
  ctx.out(`deployment.apps/${name} created\n`);
  return 0;
}
