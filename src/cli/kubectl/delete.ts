/**
 * `kubectl delete pod NAME...`, `pod/NAME`, `pods --all`, `deployment NAME`: one DELETE per
 * object, `pod "NAME" deleted` as each is accepted, then (the default --wait=true) a job that
 * holds the prompt until every deleted object is really gone from the API, as kubectl waits:
 * a pod stays Terminating until its kubelet has stopped its containers. Ctrl-C ends the wait
 * (130) but not the deletion. Names that are not there are reported after the others, and
 * then kubectl does not wait.
 */
import { NAMESPACE } from '../../sim/kube/defaults';
import type { KubeRequest } from '../../sim/kube/inputs';
import { objectKey, type KubeWorld } from '../../sim/kube/types';
import type { CommandOutcome, Job } from '../shell/types';
import { commandFlags } from './commandFlags';
import { notFoundText, serverErrorText, unreachable } from './errors';
import { GLOBAL_FLAGS, flagBool, flagString, type FlagDef } from './flags';
import { listNames } from './printers';
import { MODELLED_LIST, own, type ResourceInfo } from './resources';
import { namedTargets, type Target } from './targets';
import type { KubeCommandContext } from './types';

const FLAGS: readonly FlagDef[] = [
  ...GLOBAL_FLAGS,
  { long: 'all', kind: 'bool' },
  { long: 'wait', kind: 'bool' },
  { long: 'ignore-not-found', kind: 'bool' },
  { long: 'force', kind: 'bool', unsupported: true },
  { long: 'grace-period', kind: 'int', unsupported: true },
  { long: 'now', kind: 'bool', unsupported: true },
  { long: 'cascade', kind: 'string', unsupported: true },
  { long: 'selector', short: 'l', kind: 'string', unsupported: true },
  { long: 'field-selector', kind: 'string', unsupported: true },
  { long: 'filename', short: 'f', kind: 'string', unsupported: true },
  { long: 'timeout', kind: 'string', unsupported: true },
  { long: 'dry-run', kind: 'string', unsupported: true },
  { long: 'output', short: 'o', kind: 'string', unsupported: true },
  { long: 'interactive', short: 'i', kind: 'bool', unsupported: true },
];

/** An object kubectl deleted and now waits for: gone, or replaced by one of another UID. */
interface Deleted {
  readonly kind: 'pods' | 'deployments';
  readonly key: string;
  readonly uid: string;
}

function lookup(world: KubeWorld, kind: 'pods' | 'deployments', key: string) {
  if (kind === 'deployments') return own(world.deployments, key);
  const pod = own(world.pods, key);
  return pod && pod.status !== 'gone' ? pod : undefined;
}

function stillThere(world: KubeWorld, d: Deleted): boolean {
  return lookup(world, d.kind, d.key)?.uid === d.uid;
}

function request(kind: 'pods' | 'deployments', namespace: string, name: string): KubeRequest {
  return kind === 'pods'
    ? { verb: 'deletePod', namespace, name }
    : { verb: 'deleteDeployment', namespace, name };
}

export function kubectlDelete(ctx: KubeCommandContext, args: readonly string[]): CommandOutcome {
  const flags = commandFlags(ctx, 'kubectl delete', 'delete', args, FLAGS);
  if (typeof flags === 'number') return flags;
  const all = flagBool(flags, 'all');
  const named = namedTargets(ctx, flags.positional, all);
  if (typeof named === 'number') return named;
  if (!ctx.port.apiReachable()) return unreachable(ctx);
  const namespace = flagString(flags, 'namespace') ?? NAMESPACE;
  const world = ctx.port.world;

  const wanted: Target[] = [...named.targets];
  if (all)
    for (const info of named.types)
      if (info.kind === 'pods' || info.kind === 'deployments')
        for (const name of listNames(world, info.kind, namespace)) wanted.push({ info, name });

  const errors: string[] = [];
  const deleted: Deleted[] = [];
  const refuse = (info: ResourceInfo) =>
    `this simulation deletes pods and deployments only, not ${info.kind} (it has ${MODELLED_LIST})`;
  for (const info of all ? named.types : [])
    if (info.kind !== 'pods' && info.kind !== 'deployments') errors.push(`error: ${refuse(info)}`);
  for (const { info, name } of wanted) {
    if (info.kind !== 'pods' && info.kind !== 'deployments') {
      errors.push(`error: ${refuse(info)}`);
      continue;
    }
    const key = objectKey(namespace, name);
    const object = lookup(world, info.kind, key);
    if (!object) {
      if (!flagBool(flags, 'ignore-not-found')) errors.push(notFoundText(info.qualified, name));
      continue;
    }
    const result = ctx.port.apply({ kind: 'api', request: request(info.kind, namespace, name) });
    if (!result.ok) {
      errors.push(serverErrorText(result));
      continue;
    }
    ctx.out(`${info.kind === 'pods' ? 'pod' : 'deployment.apps'} "${name}" deleted\n`);
    deleted.push({ kind: info.kind, key, uid: object.uid });
  }
  if (errors.length > 0) {
    ctx.err(errors.map((e) => `${e}\n`).join(''));
    return 1;
  }
  if (deleted.length === 0) {
    ctx.out('No resources found\n');
    return 0;
  }
  if (!flagBool(flags, 'wait', true)) return 0;
  return waitForDeletion(ctx, deleted);
}

/** kubectl wait --for=delete, as delete runs it: silent, done when all are gone. */
function waitForDeletion(ctx: KubeCommandContext, deleted: readonly Deleted[]): CommandOutcome {
  const job: Job = {
    poll: () => (deleted.some((d) => stillThere(ctx.port.world, d)) ? null : 0),
    interrupt: () => 130,
  };
  return job.poll() ?? job;
}
