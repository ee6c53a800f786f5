/**
 * A KubePort that reads from one port and sends its writes through another function, as
 * `routeRequests` (src/cli/cluster/hostPort.ts) does for a Docker host: the replay's port
 * (writes at the replayed entry's time) and the test harness's (writes recorded first).
 *
 * Contract: reads (`world`, `trace`, `now`, `apiReachable`, `connectionRefused`) are `base`'s
 * own, read when asked; only `apply` changes.
 */
import type { KubePort } from '../../sim/kube/port';

/** `base`, with its writes sent through `apply`. */
export function routeWrites(base: KubePort, apply: KubePort['apply']): KubePort {
  return {
    get world() {
      return base.world;
    },
    get trace() {
      return base.trace;
    },
    get now() {
      return base.now;
    },
    apiReachable: () => base.apiReachable(),
    connectionRefused: () => base.connectionRefused(),
    apply,
  };
}
