/**
 * `kubectl drain NODE [--ignore-daemonsets] [--force] [--delete-emptydir-data]`: cordon the
 * node, then evict its pods through the Eviction API and wait until each is gone, as
 * k8s.io/kubectl/pkg/drain does. Mirror (static) pods are skipped silently; DaemonSet pods
 * stop the drain unless --ignore-daemonsets (their controller would only put them back), and
 * are then listed in a warning. Without it the node stays cordoned and kubectl exits 1.
 */
import { objectKey } from '../../sim/kube/types';
import type { CommandOutcome, Job } from '../shell/types';
import { commandFlags } from './commandFlags';
import { cordonNode, NODE_FLAGS } from './cordon';
import { notFoundText, plainError, serverErrorText, unreachable, usageError } from './errors';
import { flagBool, type FlagDef } from './flags';
import { listPods } from './printers';
import { own } from './resources';
import type { KubeCommandContext } from './types';

const FLAGS: readonly FlagDef[] = [
  ...NODE_FLAGS,
  { long: 'ignore-daemonsets', kind: 'bool' },
  // No pod here is without a controller or has an emptyDir: these change nothing, as on a
  // real node where no pod needs them.
  { long: 'force', kind: 'bool' },
  { long: 'delete-emptydir-data', kind: 'bool' },
  { long: 'delete-local-data', kind: 'bool' },
  { long: 'grace-period', kind: 'int', unsupported: true },
  { long: 'timeout', kind: 'string', unsupported: true },
  { long: 'disable-eviction', kind: 'bool', unsupported: true },
  { long: 'pod-selector', kind: 'string', unsupported: true },
  { long: 'skip-wait-for-delete-timeout', kind: 'int', unsupported: true },
  { long: 'chunk-size', kind: 'int', unsupported: true },
];

const DAEMONSET_ERROR = 'cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore)';

function failed(ctx: KubeCommandContext, node: string, error: string): number {
  ctx.err(
    `error: unable to drain node "${node}" due to error: ${error}, continuing command...\n` +
      `There are pending nodes to be drained:\n ${node}\n${error}\n`,
  );
  return 1;
}

export function kubectlDrain(ctx: KubeCommandContext, args: readonly string[]): CommandOutcome {
  const path = 'kubectl drain';
  const flags = commandFlags(ctx, path, 'drain', args, FLAGS);
  if (typeof flags === 'number') return flags;
  if (flags.values.has('delete-local-data'))
    ctx.err(
      'Flag --delete-local-data has been deprecated, This option is deprecated and will be deleted. Use --delete-emptydir-data.\n',
    );
  const [node, ...more] = flags.positional;
  if (node === undefined) return usageError(ctx, path, 'USAGE: drain NODE [flags]');
  if (more.length > 0) return plainError(ctx, 'this simulation drains one node at a time');
  if (!ctx.port.apiReachable()) return unreachable(ctx);
  if (!own(ctx.port.world.nodes, node)) {
    ctx.err(`${notFoundText('nodes', node)}\n`);
    return 1;
  }
  cordonNode(ctx, node, true);

  const onNode = listPods(ctx.port.world, null).filter((p) => p.nodeName === node);
  const daemons = onNode.filter((p) => !p.mirror && p.owner.kind === 'DaemonSet');
  const evict = onNode.filter((p) => !p.mirror && p.owner.kind !== 'DaemonSet');
  const names = daemons.map((p) => `${p.namespace}/${p.name}`).join(', ');
  if (daemons.length > 0 && !flagBool(flags, 'ignore-daemonsets'))
    return failed(ctx, node, `${DAEMONSET_ERROR}: ${names}`);
  if (daemons.length > 0) ctx.err(`Warning: ignoring DaemonSet-managed Pods: ${names}\n`);

  const waiting: { namespace: string; name: string; uid: string }[] = [];
  for (const pod of evict) {
    ctx.out(`evicting pod ${pod.namespace}/${pod.name}\n`);
    const result = ctx.port.apply({
      kind: 'api',
      request: { verb: 'evictPod', namespace: pod.namespace, name: pod.name },
    });
    // Gone already between the list and the eviction: nothing to wait for.
    if (!result.ok && result.reason === 'NotFound') continue;
    if (!result.ok) {
      if (result.code === 0) {
        ctx.err(`${result.message}\n`);
        return 1;
      }
      return failed(
        ctx,
        node,
        `error when evicting pods/"${pod.name}" -n "${pod.namespace}": ${serverErrorText(result)}`,
      );
    }
    waiting.push({ namespace: pod.namespace, name: pod.name, uid: pod.uid });
  }

  const job: Job = {
    poll: () => {
      const world = ctx.port.world;
      for (const w of [...waiting]) {
        const pod = own(world.pods, objectKey(w.namespace, w.name));
        if (pod && pod.status !== 'gone' && pod.uid === w.uid) continue;
        ctx.out(`pod/${w.name} evicted\n`);
        waiting.splice(waiting.indexOf(w), 1);
      }
      if (waiting.length > 0) return null;
      ctx.out(`node/${node} drained\n`);
      return 0;
    },
    interrupt: () => 130,
  };
  return job.poll() ?? job;
}
