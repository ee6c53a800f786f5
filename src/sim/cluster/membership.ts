/**
 * Joining and leaving: `docker swarm init|join|leave`, `docker node update|rm`, with
 * dockerd's and SwarmKit's checks and their words (moby daemon/cluster/errors.go, swarm.go;
 * swarmkit manager/controlapi/node.go). Each function returns an error message and HTTP
 * status, or null when it went through.
 */
import { removeAllTaskContainers } from './agent';
import { register } from './dispatcher';
import { caDigestPart, joinToken, JOIN_TOKEN_PATTERN } from './ids';
import { afterRaft } from './leadership';
import { canCommit, connected, swarmRunning } from './net';
import { addMember, bootstrap, forceNewCluster, removeMember } from './raft';
import type { ClusterRuntime } from './runtime';
import { patchNode } from './store';
import { clusterEndpoint as ep } from './trace';
import type { NodeAvailability, NodeId, NodeRole, SwarmNode } from './types';

export interface Refusal {
  readonly status: number;
  readonly message: string;
}

export const ERR = {
  notInSwarm: 'This node is not part of a swarm',
  exists:
    'This node is already part of a swarm. Use "docker swarm leave" to leave this swarm and join another one.',
  joinTimeout:
    'Timeout was reached before node joined. The attempt to join the swarm will continue in the background. Use the "docker info" command to see the current swarm status of your node.',
  notManager:
    "This node is not a swarm manager. Worker nodes can't be used to view or modify cluster state. Please run this command on a manager node or promote the current node to a manager.",
  noManagerYet:
    'This node is not a swarm manager. Manager is being prepared or has trouble connecting to the cluster.',
  badToken:
    'rpc error: code = InvalidArgument desc = A valid join token is necessary to join this cluster',
  lostQuorum:
    "rpc error: code = Unknown desc = The swarm does not have a leader. It's possible that too few managers are online. Make sure more than half of the managers are online.",
  lostLeadership:
    'rpc error: code = Unknown desc = raft: failed to process the request: node lost leader status',
  outOfSequence: 'rpc error: code = Unknown desc = update out of sequence',
} as const;

function joined(
  rt: ClusterRuntime,
  id: NodeId,
  role: NodeRole,
  availability: NodeAvailability,
): SwarmNode {
  const node = rt.world.nodes[id]!;
  return patchNode(
    rt,
    id,
    {
      swarmId: rt.newId(),
      role,
      localState: 'active',
      availability,
      state: 'unknown',
      statusMessage: '',
      labels: {},
      createdAt: rt.now,
      managerStatus: null,
      heartbeatDeadline: null,
      lastHeartbeat: node.lastHeartbeat,
    },
    ep.manager(id),
    `${id} joins as ${role}`,
  )!;
}

/** `docker swarm init [--force-new-cluster]`. */
export function swarmInit(
  rt: ClusterRuntime,
  id: NodeId,
  force: boolean,
  availability: NodeAvailability,
): Refusal | string {
  const node = rt.world.nodes[id]!;
  if (node.localState === 'active') {
    if (!force) return { status: 503, message: ERR.exists };
    if (node.role !== 'manager') return { status: 503, message: ERR.notManager };
    forceNewCluster(rt, id);
    afterRaft(rt, { elected: id, lost: true });
    register(rt, id);
    return node.swarmId ?? '';
  }
  const others = Object.values(rt.world.nodes).some(
    (n) => n.id !== id && n.localState === 'active',
  );
  if (rt.world.swarmId !== null && others)
    return {
      status: 501,
      message:
        'This simulation runs one swarm per cluster: join the existing swarm with "docker swarm join".',
    };
  const ca = caDigestPart(rt.random());
  const index = rt.nextIndex();
  rt.change(
    {
      op: 'swarm',
      patch: {
        swarmId: rt.newId(),
        swarmCreatedAt: rt.now,
        swarmVersion: index,
        joinTokens: { worker: joinToken(ca, rt.random()), manager: joinToken(ca, rt.random()) },
      },
      index,
    },
    ep.manager(id),
    'swarm initialised',
  );
  const me = joined(rt, id, 'manager', availability);
  bootstrap(rt, id);
  afterRaft(rt, { elected: id, lost: false });
  register(rt, id);
  return me.swarmId ?? '';
}

/** `docker swarm join --token T ADDR`. */
export function swarmJoin(
  rt: ClusterRuntime,
  id: NodeId,
  token: string,
  remotes: readonly string[],
  availability: NodeAvailability,
): Refusal | null {
  const node = rt.world.nodes[id]!;
  if (node.localState === 'active') return { status: 503, message: ERR.exists };
  if (remotes.length === 0)
    return { status: 400, message: 'at least 1 RemoteAddr is required to join' };
  if (!JOIN_TOKEN_PATTERN.test(token)) return { status: 500, message: 'invalid join token' };
  const host = (remotes[0] ?? '').replace(/:\d+$/, '');
  const remote = Object.values(rt.world.nodes).find((n) => n.addr === host || n.hostname === host);
  const reachable =
    remote !== undefined &&
    rt.world.raft.members.includes(remote.id) &&
    swarmRunning(rt, id) &&
    connected(rt, id, remote.id) &&
    rt.world.raft.leader !== null &&
    connected(rt, remote.id, rt.world.raft.leader) &&
    canCommit(rt);
  if (!reachable) return { status: 503, message: ERR.joinTimeout };
  const tokens = rt.world.joinTokens;
  const role: NodeRole | null =
    token === tokens?.manager ? 'manager' : token === tokens?.worker ? 'worker' : null;
  if (!role) return { status: 400, message: ERR.badToken };
  rt.emit('control', ep.dockerd(id), ep.manager(remote.id), `join as ${role}`);
  joined(rt, id, role, availability);
  if (role === 'manager') {
    addMember(rt, id);
    afterRaft(rt, { elected: null, lost: false });
  }
  register(rt, id);
  return null;
}

/** moby's managerStats: this manager's view of reachable and unreachable managers. */
function managerCounts(rt: ClusterRuntime): { reachable: number; unreachable: number } {
  let reachable = 0;
  for (const n of Object.values(rt.world.nodes))
    if (n.managerStatus?.reachability === 'reachable') reachable++;
  return { reachable, unreachable: rt.world.raft.members.length - reachable };
}

/** `docker swarm leave [--force]`. */
export function swarmLeave(rt: ClusterRuntime, id: NodeId, force: boolean): Refusal | null {
  const node = rt.world.nodes[id]!;
  if (node.localState !== 'active') return { status: 503, message: ERR.notInSwarm };
  if (node.role === 'manager' && !force) {
    let msg =
      'You are attempting to leave the swarm on a node that is participating as a manager. ';
    const { reachable, unreachable } = managerCounts(rt);
    if (rt.world.raft.members.includes(id) && reachable - 2 <= unreachable) {
      if (reachable === 1 && unreachable === 0)
        return {
          status: 503,
          message: `${msg}Removing the last manager erases all current state of the swarm. Use \`--force\` to ignore this message. `,
        };
      msg += `Removing this node leaves ${reachable - 1} managers out of ${reachable + unreachable}. Without a Raft quorum your swarm will be inaccessible. `;
    }
    msg +=
      'The only way to restore a swarm that has lost consensus is to reinitialize it with `--force-new-cluster`. Use `--force` to suppress this message.';
    return { status: 503, message: msg };
  }
  leave(rt, id);
  return null;
}

/** The machine drops its swarm state; its task containers are removed. */
export function leave(rt: ClusterRuntime, id: NodeId): void {
  if (rt.world.raft.members.includes(id)) afterRaft(rt, removeMember(rt, id));
  patchNode(
    rt,
    id,
    { localState: 'inactive', heartbeatDeadline: null },
    ep.dockerd(id),
    `${id} left the swarm`,
    false,
  );
  rt.cancel((a) => (a.kind === 'heartbeat' || a.kind === 'register') && a.node === id);
  removeAllTaskContainers(rt, id);
  if (rt.world.raft.members.length === 0) eraseSwarm(rt);
}

/** A machine whose node object is gone from the store. */
const NO_NODE_OBJECT: Partial<SwarmNode> = {
  swarmId: null,
  role: null,
  state: 'unknown',
  statusMessage: '',
  managerStatus: null,
  heartbeatDeadline: null,
  availability: 'active',
  labels: {},
};

/** The last manager left: the swarm's state is gone ("erases all current state"). */
function eraseSwarm(rt: ClusterRuntime): void {
  for (const id of Object.keys(rt.world.tasks))
    rt.change({ op: 'task.remove', id, index: rt.nextIndex() }, 'raft', `task ${id} erased`);
  for (const id of Object.keys(rt.world.services))
    rt.change({ op: 'service.remove', id, index: rt.nextIndex() }, 'raft', `service ${id} erased`);
  for (const n of Object.values(rt.world.nodes))
    if (n.swarmId !== null && n.localState === 'inactive')
      patchNode(rt, n.id, NO_NODE_OBJECT, 'raft', `${n.id} erased`, false);
  rt.change({ op: 'swarm', patch: { swarmId: null, joinTokens: null } }, 'raft', 'swarm erased');
  rt.change(
    { op: 'raft', raft: { term: 0, leader: null, members: [], peers: {} } },
    'raft',
    'raft erased',
  );
}

/** `docker node update --role|--availability|--label-add` (the whole NodeSpec). */
export function nodeUpdate(
  rt: ClusterRuntime,
  target: NodeId,
  spec: { role: NodeRole; availability: NodeAvailability; labels: Record<string, string> },
): Refusal | null {
  const node = rt.world.nodes[target]!;
  if (node.role === 'manager' && spec.role === 'worker') {
    const managers = Object.values(rt.world.nodes).filter(
      (n) => n.swarmId !== null && n.role === 'manager',
    );
    if (managers.length === 1)
      return {
        status: 400,
        message:
          'rpc error: code = FailedPrecondition desc = attempting to demote the last manager of the swarm',
      };
    if (rt.world.raft.members.includes(target)) {
      const leader = rt.world.raft.leader;
      const others = rt.world.raft.members.filter((m) => m !== target);
      const reachable = others.filter(
        (m) => m === leader || (leader !== null && connected(rt, leader, m)),
      ).length;
      if (reachable < Math.floor(others.length / 2) + 1)
        return {
          status: 400,
          message:
            "rpc error: code = FailedPrecondition desc = can't remove member from the raft: this would result in a loss of quorum",
        };
    }
  }
  patchNode(
    rt,
    target,
    { role: spec.role, availability: spec.availability, labels: spec.labels },
    'raft',
    `${target}: role ${spec.role}, availability ${spec.availability}`,
  );
  if (spec.role === 'manager' && node.role !== 'manager' && node.localState === 'active') {
    addMember(rt, target);
    afterRaft(rt, { elected: null, lost: false });
  }
  if (spec.role === 'worker' && rt.world.raft.members.includes(target))
    afterRaft(rt, removeMember(rt, target));
  return null;
}

/** `docker node rm [--force]`. */
export function nodeRemove(rt: ClusterRuntime, target: NodeId, force: boolean): Refusal | null {
  const node = rt.world.nodes[target]!;
  if (node.role === 'manager' && rt.world.raft.members.includes(target))
    return {
      status: 400,
      message: `rpc error: code = FailedPrecondition desc = node ${node.swarmId} is a cluster manager and is a member of the raft cluster. It must be demoted to worker before removal`,
    };
  if (!force && node.state === 'ready')
    return {
      status: 400,
      message: `rpc error: code = FailedPrecondition desc = node ${node.swarmId} is not down and can't be removed`,
    };
  if (node.localState === 'active') leave(rt, target);
  patchNode(rt, target, NO_NODE_OBJECT, 'raft', `${target} removed from the swarm`);
  return null;
}
