/**
 * `kubectl version` (client, kustomize and server versions; the server's needs the API server)
 * and `kubectl cluster-info` (where the control plane and CoreDNS are served).
 */
import { API_PORT, CONTROL_PLANE_ADDRESS, KUBE_VERSION } from '../../sim/kube/defaults';
import { commandFlags } from './commandFlags';
import { plainError, unreachable } from './errors';
import { GLOBAL_FLAGS, flagBool, type FlagDef } from './flags';
import type { KubeCommandContext } from './types';

/** The kustomize built into kubectl 1.33. */
export const KUSTOMIZE_VERSION = 'v5.6.0';

const VERSION_FLAGS: readonly FlagDef[] = [
  ...GLOBAL_FLAGS,
  { long: 'client', kind: 'bool' },
  { long: 'output', short: 'o', kind: 'string', unsupported: true },
];

export function kubectlVersion(ctx: KubeCommandContext, args: readonly string[]): number {
  const flags = commandFlags(ctx, 'kubectl version', 'version', args, VERSION_FLAGS);
  if (typeof flags === 'number') return flags;
  if (flags.positional.length > 0)
    return plainError(
      ctx,
      `unknown command ${JSON.stringify(flags.positional[0])} for "kubectl version"`,
    );
  ctx.out(`Client Version: ${KUBE_VERSION}\nKustomize Version: ${KUSTOMIZE_VERSION}\n`);
  if (flagBool(flags, 'client')) return 0;
  if (!ctx.port.apiReachable()) return unreachable(ctx);
  ctx.out(`Server Version: ${KUBE_VERSION}\n`);
  return 0;
}

export function kubectlClusterInfo(ctx: KubeCommandContext, args: readonly string[]): number {
  const flags = commandFlags(ctx, 'kubectl cluster-info', 'cluster-info', args, GLOBAL_FLAGS);
  if (typeof flags === 'number') return flags;
  const [sub] = flags.positional;
  if (sub === 'dump')
    return plainError(ctx, '"kubectl cluster-info dump" is real, but not part of this simulation');
  if (sub !== undefined)
    return plainError(ctx, `unknown command ${JSON.stringify(sub)} for "kubectl cluster-info"`);
  const server = `https://${CONTROL_PLANE_ADDRESS}:${API_PORT}`;
  const debug =
    "\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n";
  if (!ctx.port.apiReachable()) {
    ctx.out(debug.slice(1));
    return unreachable(ctx);
  }
  ctx.out(
    `Kubernetes control plane is running at ${server}\n` +
      `CoreDNS is running at ${server}/api/v1/namespaces/kube-system/services/kube-dns:dns/proxy\n` +
      debug,
  );
  return 0;
}
