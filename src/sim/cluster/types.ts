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
  /** The machine: `node-1`..`node-N`. */
  readonly id: NodeId;
  /** The SwarmKit node ID (25 lowercase base-36 characters) once the machine has joined. */
  readonly swarmId: string | null;
  readonly hostname: string;
  /** The machine's address on the cluster network (10.0.0.11 for node-1). */
  readonly addr: string;
  /**
   * The node object's role in the store; null while the store has no object for this machine
   * (never joined, or removed with `docker node rm`). A machine that left keeps its object
   * (shown Down) until it is removed.
   */
  readonly role: NodeRole | null;
  /**
   * The machine's own view (`docker info` Swarm.LocalNodeState): `active` once it has
   * initialised or joined a swarm, `inactive` before and after it leaves.
   */
  readonly localState: 'inactive' | 'active';
  readonly availability: NodeAvailability;
  readonly state: NodeState;
  readonly managerStatus: ManagerStatus | null;
  readonly machine: MachineHealth;
  /** Virtual time of the last heartbeat a manager received from it. */
  readonly lastHeartbeat: number;
  /**
   * When the leader's dispatcher marks it down if no heartbeat comes first (the heartbeat
   * period times the grace multiplier after the last one); null when no deadline runs (no
   * leader, or not in the swarm, or already down).
   */
  readonly heartbeatDeadline: number | null;
  /** `Status.Message`, e.g. `heartbeat failure` (SwarmKit dispatcher's own words). */
  readonly statusMessage: string;
  /** `Spec.Labels` (`docker node update --label-add`). */
  readonly labels: Readonly<Record<string, string>>;
  /** Raft index of the node object's last change: `POST /nodes/{id}/update?version=`. */
  readonly version: number;
  /** Virtual ms when it joined the swarm, and when its object last changed. */
  readonly createdAt: number;
  readonly updatedAt: number;
}

/**
 * One manager's Raft standing, as etcd/raft (inside SwarmKit) keeps it. Time is counted in
 * ticks of 1 s. Recorded only when it changes: contact with a leader lost or regained, a
 * vote, a new term, a new role.
 */
export interface RaftPeer {
  readonly role: 'follower' | 'candidate' | 'leader';
  /** The highest term this member has seen. */
  readonly term: number;
  /** Who it voted for in `term` (at most one vote per term). */
  readonly votedFor: NodeId | null;
  /** Ticks without a leader before it campaigns: ElectionTick + random 0..ElectionTick-1. */
  readonly electionTimeout: number;
  /** Follower or candidate: since when it has heard no leader (null: a leader is in contact). */
  readonly silentSince: number | null;
  /** Leader: since when it has lacked a quorum of members in contact (CheckQuorum). */
  readonly quorumLostSince: number | null;
  /**
   * Index of the last log entry it holds, as of when it lost contact with the leader (while in
   * contact it has everything committed). A voter refuses a candidate whose log is behind.
   */
  readonly logIndex: number;
}

/** The Raft group of the managers. */
export interface RaftState {
  /** The highest term any member has reached. */
  readonly term: number;
  /** The leader's node, or null during an election or without quorum. */
  readonly leader: NodeId | null;
  /** Managers that are members of the Raft group (reachable or not), in join order. */
  readonly members: readonly NodeId[];
  /** Each member's own Raft state. */
  readonly peers: Readonly<Record<NodeId, RaftPeer>>;
}

/** `--update-*` (and `--rollback-*`) flags: how a spec change rolls over the tasks. */
export interface UpdateConfig {
  /** Tasks updated at the same time (0: all at once). Default 1. */
  readonly parallelism: number;
  /** ms between batches. Default 0. */
  readonly delay: number;
  readonly failureAction: 'pause' | 'continue' | 'rollback';
  /** ms after a task starts during which its failure counts against the update. Default 5 s. */
  readonly monitor: number;
  /** Fraction of failed tasks tolerated before the failure action. Default 0. */
  readonly maxFailureRatio: number;
  readonly order: 'stop-first' | 'start-first';
}

/** `-p 8080:80`: one published port of a service. */
export interface PortConfig {
  readonly protocol: 'tcp' | 'udp';
  readonly targetPort: number;
  readonly publishedPort: number;
  /** `ingress`: the routing mesh, every node answers on the published port. */
  readonly publishMode: 'ingress' | 'host';
}

/** `--restart-*`: what the orchestrator does when a task's container stops. */
export interface RestartPolicy {
  /** Default `any` (SwarmKit api/defaults). */
  readonly condition: 'none' | 'on-failure' | 'any';
  /** ms before the replacement starts. Default 5 s. */
  readonly delay: number;
  /** 0: unlimited (the default). */
  readonly maxAttempts: number;
}

/**
 * What one task runs: the service's `TaskTemplate` and published ports as they were when the
 * task was made. A task whose template differs from its service's is out of date: a rolling
 * update replaces it. Replicas and update settings are not part of it (scaling restarts nothing).
 */
export interface TaskTemplate {
  readonly image: string;
  readonly command: readonly string[] | null;
  readonly env: readonly string[];
  readonly restart: RestartPolicy;
  /** ms between SIGTERM and SIGKILL when the task is shut down (default 10 s). */
  readonly stopGracePeriod: number;
  /** `ForceUpdate` counter: `docker service update --force` bumps it. */
  readonly forceUpdate: number;
  readonly ports: readonly PortConfig[];
}

/** `docker service create|update`: the desired state of a service. */
export interface ServiceSpec {
  readonly name: string;
  /** As given, e.g. `nginx:1.27` (the CLI may have pinned a digest: `nginx:latest@sha256:...`). */
  readonly image: string;
  /** `ContainerSpec.Args` (the command after the image), or null for the image's own. */
  readonly command: readonly string[] | null;
  readonly env: readonly string[];
  readonly mode: { readonly replicated: { readonly replicas: number } } | { readonly global: true };
  /** `EndpointSpec.Ports`. */
  readonly ports: readonly PortConfig[];
  readonly updateConfig: UpdateConfig;
  readonly labels: Readonly<Record<string, string>>;
  /** `--rollback-*` (defaults as for updates). */
  readonly rollbackConfig: UpdateConfig;
  readonly restart: RestartPolicy;
  /** ms (`--stop-grace-period`, default 10 s). */
  readonly stopGracePeriod: number;
  /** `TaskTemplate.ForceUpdate`. */
  readonly forceUpdate: number;
}

/** A rolling update in progress (`docker service inspect` UpdateStatus). */
export interface UpdateStatus {
  readonly state:
    | 'updating'
    | 'paused'
    | 'completed'
    | 'rollback_started'
    | 'rollback_paused'
    | 'rollback_completed';
  readonly startedAt: number;
  readonly completedAt: number | null;
  readonly message: string;
}

export interface SwarmService {
  /** 25 lowercase base-36 characters, as SwarmKit makes them. */
  readonly id: string;
  /** Raft index of the last change: `POST /services/{id}/update?version=` must name it. */
  readonly version: number;
  /** Bumped when the spec changes (SwarmKit's SpecVersion); tasks record the one they came from. */
  readonly specVersion: number;
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly spec: ServiceSpec;
  /** The spec before the last update, for `docker service rollback` and failure-action rollback. */
  readonly previousSpec: ServiceSpec | null;
  readonly updateStatus: UpdateStatus | null;
}

/**
 * The leader's updater for one service (SwarmKit orchestrator/update.Updater): in the leader's
 * memory only, so a new leader starts the update again from what the tasks say.
 */
export interface UpdaterState {
  readonly serviceId: string;
  /** The service's spec version it rolls out (a newer spec replaces the updater). */
  readonly specVersion: number;
  /** Slots (replicated) or node ids (global) still to update, in order. */
  readonly queue: readonly string[];
  /** Tasks it started, with when they reached `running` (null: not yet). */
  readonly started: Readonly<Record<string, number | null>>;
  /** Workers busy: slot key -> the new task it waits for. */
  readonly inFlight: Readonly<Record<string, string>>;
  /** Workers waiting out `delay` after their slot, until this time. */
  readonly resting: readonly number[];
  /** Tasks already counted as failures. */
  readonly failed: readonly string[];
  /** Slots the update covers (the failure ratio's denominator). */
  readonly total: number;
  /** Every slot dispatched: it watches for failures until this time, then completes. */
  readonly monitorUntil: number | null;
  /** Rolling back (rollback config, no second rollback). */
  readonly rollback: boolean;
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
  /** What it runs (a copy of the service's template when the task was made). */
  readonly template: TaskTemplate;
  /**
   * `ready`: prepare it but do not start it yet (a replacement waiting out the restart delay,
   * or a rolling update's new task); `running`; `shutdown`; `remove` (scaled away).
   */
  readonly desiredState: 'ready' | 'running' | 'shutdown' | 'remove';
  readonly state: TaskState;
  /** When the state last changed (virtual ms). */
  readonly stateAt: number;
  /** `docker service ps` ERROR, e.g. `task: non-zero exit (137)` or `no suitable node`. */
  readonly error: string;
  /** The container on the node's host, once created. */
  readonly containerId: string | null;
  readonly exitCode: number | null;
  /** `Status.Message`, e.g. `started`, `preparing`, `assigned`. */
  readonly message: string;
  /** Virtual ms when the orchestrator made it. */
  readonly createdAt: number;
  /** Raft index of its last change (`Version.Index`). */
  readonly version: number;
  /**
   * The restart supervisor's hold on a `ready` task: it may run from this time (the restart
   * delay), once `waitFor` (the task it replaces, if still running) has stopped.
   */
  readonly startAfter: number | null;
  readonly waitFor: string | null;
}

/** The cluster as its managers know it, plus each machine's real health. */
export interface ClusterWorld {
  /** Virtual ms (the cluster's clock; every machine's host moves in lock step with it). */
  now: number;
  /** Unix ms of virtual time 0. */
  epochMs: number;
  /** Unique per swarm: `docker swarm init` makes one; `--force-new-cluster` keeps it. */
  swarmId: string | null;
  /** Virtual ms of `docker swarm init` (`GET /swarm` CreatedAt). */
  swarmCreatedAt: number;
  /** The cluster object's `Version.Index` (`POST /swarm/update?version=` must name it). */
  swarmVersion: number;
  joinTokens: { readonly worker: string; readonly manager: string } | null;
  /** Every machine, in the swarm or not (role null), keyed `node-1`..`node-N`. */
  nodes: Record<NodeId, SwarmNode>;
  raft: RaftState;
  services: Record<string, SwarmService>;
  tasks: Record<string, SwarmTask>;
  /** The leader's running updaters, by service id (lost when leadership moves). */
  updates: Record<string, UpdaterState>;
  /** Raft index: bumped on every committed change (versions of services and nodes). */
  index: number;
}
