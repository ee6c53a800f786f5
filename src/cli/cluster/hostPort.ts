/**
 * HostPorts for the shell that answer the Engine API from somewhere else than the host's own
 * Simulation:
 *   `routeRequests`    a host's world, clock and inputs, with its requests sent through another
 *                      function (a recorder in tests, a scripted swarm manager)
 *   `clusterHostPort`  the terminal of one machine of a Cluster: its requests go to the
 *                      cluster (which answers the swarm routes through that machine's dockerd
 *                      and the rest from its Simulation), its typed lines and other inputs are
 *                      cluster inputs too, so the cluster's log replays the whole session; the
 *                      clock is the cluster's
 */
import type { ApiRequest, ApiResponse } from '../../sim/api/types';
import type { Cluster } from '../../sim/cluster/cluster';
import type { NodeId } from '../../sim/cluster/types';
import type { HostPort } from '../shell/types';

/** `base`, with its Engine API requests answered by `request`. */
export function routeRequests(
  base: HostPort,
  request: (request: ApiRequest) => ApiResponse,
): HostPort {
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
    apply: (input) => base.apply(input),
    request,
    waitResult: (wait) => base.waitResult(wait),
    outputSince: (id, seq) => base.outputSince(id, seq),
  };
}

/** The host port of machine `node` (`node-1`..) of `cluster`. */
export function clusterHostPort(cluster: Cluster, node: NodeId): HostPort {
  const sim = () => cluster.node(node).sim;
  return {
    get world() {
      return sim().world;
    },
    get trace() {
      return sim().trace;
    },
    get now() {
      return cluster.now;
    },
    apply: (input) =>
      input.kind === 'typed'
        ? cluster.apply({ kind: 'typed', node, line: input.line })
        : cluster.apply({ kind: 'host', node, input }),
    request: (request) => cluster.request(node, request),
    waitResult: (wait) => sim().waitResult(wait),
    outputSince: (id, seq) => sim().outputSince(id, seq),
  };
}
