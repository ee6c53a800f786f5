/**
 * The machines keep their own clocks (a host's work, such as a pull, lets its time run on).
 * Before the cluster touches a machine, the machine's clock is brought up to the cluster's;
 * it never goes back.
 */
import type { DockerHost } from '../host';
import type { ClusterRuntime } from './runtime';
import type { NodeId } from './types';

export function hostSync(rt: ClusterRuntime, node: NodeId): DockerHost {
  const h = rt.machine(node).sim.host;
  if (h.now < rt.now) h.elapse(rt.now - h.now);
  return h;
}
