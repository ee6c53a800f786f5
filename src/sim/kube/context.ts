/**
 * What the cluster's parts (API server, controllers, scheduler, kubelets) are given to work
 * with: the world, the seeded generator, the trace, and the cluster's timers. Timed work is
 * data (`KubeAction`), so the cluster can order it by time and replay it exactly.
 */
import type { RandomState } from '../random';
import type { KubeTraceKind } from './trace';
import type { KubeWorld } from './types';

/**
 * Work of a machine carries the boot it was started in (`Machine.bootedAt`): after a power
 * cycle, timers left from before the power went are stale and ignored.
 */
export type KubeAction =
  /** The kubelet's current CRI step for a pod has finished. */
  | { readonly kind: 'kubelet'; readonly node: string; readonly pod: string; readonly boot: number }
  /** The kubelet renews its node's Lease. */
  | { readonly kind: 'lease'; readonly node: string; readonly boot: number }
  /** The node lifecycle controller looks at every node's lease. */
  | { readonly kind: 'monitor' }
  /** A node's unreachable taint has lasted the pods' toleration: evict them. */
  | { readonly kind: 'evict'; readonly node: string }
  /** A powered-on machine has booted: containerd and the kubelet are up. */
  | { readonly kind: 'boot'; readonly node: string };

export interface KubeCtx {
  readonly world: KubeWorld;
  readonly rand: RandomState;
  emit(
    kind: KubeTraceKind,
    from: string,
    to: string,
    label: string,
    detail?: Readonly<Record<string, unknown>>,
  ): void;
  /** Runs `action` after `delayMs` of virtual time. */
  schedule(delayMs: number, action: KubeAction): void;
  /** The API server answers: its machine is on and booted. */
  apiUp(): boolean;
}

/** A machine's kubelet can reach the API server (and hear from it). */
export function kubeletConnected(ctx: KubeCtx, node: string): boolean {
  const m = ctx.world.machines[node];
  return !!m && m.power === 'on' && !m.partitioned && ctx.apiUp();
}

/** The machine is on and has finished booting (its kubelet and containerd run). */
export function machineUp(ctx: KubeCtx, node: string): boolean {
  const m = ctx.world.machines[node];
  return !!m && m.power === 'on' && ctx.world.now >= m.bootedAt;
}
