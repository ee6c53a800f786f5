/**
 * The state of a Swarm cluster, as its managers keep it in the Raft store, plus what the
 * simulation knows of each machine's health. Plain, JSON-serialisable data, named in Docker's
 * and SwarmKit's own words (Node, Service, Task, Slot, DesiredState, ManagerStatus), so that
 * the Engine API shapes (`GET /nodes`, `/services`, `/tasks`) are a projection of it.
 *
 * Each node is also a whole Docker host (a src/sim Simulation with its own dockerd, containerd,
 * shims and runc): a running task is a container on its node's host. This file holds only the
 * cluster-level records; the hosts hold their containers.
 */

/** A machine in the cluster: `node-1`..`node-N`, each its own simulated Docker host. */
export type NodeId = string;

/** `docker node ls` AVAILABILITY. */
export type NodeAvailability = 'active' | 'pause' | 'drain';

/** `docker node ls` STATUS, as the managers see it (a partitioned node is `down` to them). */
export type NodeState = 'unknown' | 'down' | 'ready' | 'disconnected';

/** What happened to the machine itself, whatever the managers believe. */
export type MachineHealth = 'up' | 'powered-off' | 'partitioned';

export type NodeRole = 'manager' | 'worker';

/** A manager's Raft standing (`docker node ls` MANAGER STATUS: Leader, Reachable, Unreachable). */
export interface ManagerStatus {
  readonly leader: boolean;
  readonly reachability: 'reachable' | 'unreachable';
  /** `10.0.0.11:2377`. */
  readonly addr: string;
}

export interface SwarmNode {
  readonly id: NodeId;
  /** The SwarmKit node ID (25 lowercase base-36 characters) once the machine has joined. */
  readonly swarmId: string | null;
  readonly hostname: string;
  /** The machine's address on the cluster network (10.0.0.11 for node-1). */
  readonly addr: string;
  /** null: not part of the swarm (not initialised or joined, or left). */
  readonly role: NodeRole | null;
  readonly availability: NodeAvailability;
  readonly state: NodeState;
  readonly managerStatus: ManagerStatus | null;
  readonly machine: MachineHealth;
  /** Virtual time of the last heartbeat a manager received from it. */
  readonly lastHeartbeat: number;
}

/** The Raft group of the managers. */
export interface RaftState {
  readonly term: number;
  /** The leader's node, or null during an election or without quorum. */
  readonly leader: NodeId | null;
  /** Managers that are members of the Raft group (reachable or not). */
  readonly members: readonly NodeId[];
}

export interface UpdateConfig {
  readonly parallelism: number;
  /** ms between batches. */
  readonly delay: number;
  readonly failureAction: 'pause' | 'continue' | 'rollback';
  readonly order: 'stop-first' | 'start-first';
}

export interface PortConfig {
  readonly protocol: 'tcp' | 'udp';
  readonly targetPort: number;
  readonly publishedPort: number;
  /** `ingress`: the routing mesh, every node answers on the published port. */
  readonly publishMode: 'ingress' | 'host';
}

export interface ServiceSpec {
  readonly name: string;
  readonly image: string;
  readonly command: readonly string[] | null;
  readonly env: readonly string[];
  readonly mode: { readonly replicated: { readonly replicas: number } } | { readonly global: true };
  readonly ports: readonly PortConfig[];
  readonly updateConfig: UpdateConfig;
  readonly labels: Readonly<Record<string, string>>;
}

/** A rolling update in progress (`docker service inspect` UpdateStatus). */
export interface UpdateStatus {
  readonly state: 'updating' | 'paused' | 'completed' | 'rollback_started' | 'rollback_completed';
  readonly startedAt: number;
  readonly completedAt: number | null;
  readonly message: string;
}

export interface SwarmService {
  /** 25 lowercase base-36 characters, as SwarmKit makes them. */
  readonly id: string;
  /** Raft index of the last change: `POST /services/{id}/update?version=` must name it. */
  readonly version: number;
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly spec: ServiceSpec;
  /** The spec before the last update, for `docker service rollback` and failure-action rollback. */
  readonly previousSpec: ServiceSpec | null;
  readonly updateStatus: UpdateStatus | null;
}

/** SwarmKit's task states, in the order a task moves through them. */
export type TaskState =
  | 'new'
  | 'pending'
  | 'assigned'
  | 'accepted'
  | 'preparing'
  | 'ready'
  | 'starting'
  | 'running'
  | 'complete'
  | 'shutdown'
  | 'failed'
  | 'rejected'
  | 'remove'
  | 'orphaned';

/**
 * One unit of scheduling: a slot of a replicated service (or a node of a global one), bound to
 * one node and, once started, one container. A failed task is never restarted or moved: the
 * orchestrator makes a new task for the same slot, and the old one stays in the history that
 * `docker service ps` shows under `\_`.
 */
export interface SwarmTask {
  readonly id: string;
  readonly serviceId: string;
  /** 1-based slot of a replicated service; 0 for a global service's task. */
  readonly slot: number;
  /** null until the scheduler assigns it. */
  readonly nodeId: NodeId | null;
  /** The spec version the task was made from (a rolling update replaces older ones). */
  readonly specVersion: number;
  readonly desiredState: 'running' | 'shutdown' | 'remove';
  readonly state: TaskState;
  /** When the state last changed (virtual ms). */
  readonly stateAt: number;
  /** `docker service ps` ERROR, e.g. `task: non-zero exit (137)` or `no suitable node`. */
  readonly error: string;
  /** The container on the node's host, once created. */
  readonly containerId: string | null;
  readonly exitCode: number | null;
}

/** The cluster as its managers know it, plus each machine's real health. */
export interface ClusterWorld {
  now: number;
  /** Unique per swarm: `docker swarm init` makes one; `--force-new-cluster` keeps it. */
  swarmId: string | null;
  joinTokens: { readonly worker: string; readonly manager: string } | null;
  nodes: Record<NodeId, SwarmNode>;
  raft: RaftState;
  services: Record<string, SwarmService>;
  tasks: Record<string, SwarmTask>;
  /** Raft index: bumped on every committed change (versions of services and nodes). */
  index: number;
}
