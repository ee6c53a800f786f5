/**
 * The cluster view's controller: one Swarm `Cluster` (src/sim/cluster), made on first use, and
 * a clock that lets its virtual time pass while the view is open (play, pause, speed).
 * Contract: the cluster owns its world; this store owns only the cluster instance, the clock
 * and which machine is selected, and bumps `revision` whenever the cluster changed, so views
 * re-read it. Every action is an input to the cluster (a machine fault, or an Engine API
 * request the real CLI would send, see swarmRequests.ts, sent to a manager that is up), so its
 * log replays it. Actions answer the daemon's error message, or null. Every entry into the
 * cluster runs under the failure guard (simFailure.ts): a cluster that throws stops there.
 */
import { create } from 'zustand';
import { Cluster, type ClusterOptions } from '../sim/cluster/cluster';
import type { ClusterInput, LoggedClusterInput } from '../sim/cluster/inputs';
import type { NodeId } from '../sim/cluster/types';
import type { Input } from '../sim/inputs';
import { SPEEDS, type Speed } from './playback';
import { drain, scaleService, setUpSwarm, type SwarmPlan } from '../cli/cluster/swarmSetup';
import { FAILED_RESULT, useSessionStore } from './sessionStore';
import { guardSim, SIM_FAILED_MESSAGE, type SimDoor } from './simFailure';
import { useUiStore } from './uiStore';
import { TICK_MS, virtualClock } from './virtualClock';

export const CLUSTER_SEED = 'docker-anatomy/cluster';

/** The everyday cluster: 3 managers (Raft tolerates one failure), 3 workers, `web` x 6. */
export const SMALL_PLAN: SwarmPlan = {
  managers: 3,
  workers: 3,
  services: [
    { name: 'web', image: 'nginx', replicas: 6, ports: [{ published: 8080, target: 80 }] },
  ],
};

/** The frame-time benchmark: 50 machines (5 managers), 1,000 tasks in three services. */
export const BIG_PLAN: SwarmPlan = {
  managers: 5,
  workers: 45,
  services: [
    { name: 'web', image: 'nginx', replicas: 500, ports: [{ published: 8080, target: 80 }] },
    { name: 'api', image: 'nginx', replicas: 300, ports: [{ published: 8081, target: 80 }] },
    { name: 'cache', image: 'redis', replicas: 200 },
  ],
};

export type ClusterFault = 'powerOff' | 'partition' | 'restore';

export interface ClusterState {
  cluster: Cluster | null;
  revision: number;
  playing: boolean;
  speed: Speed;
  selectedNode: NodeId | null;
  /** The machine whose host the host view shows (see `visit`), or null. */
  visiting: NodeId | null;
  /** Makes the default (empty) cluster if there is none yet. */
  ensure: () => Cluster;
  /** A fresh cluster set up with `plan`: init, joins and services, through the Engine API. */
  setUp: (plan?: SwarmPlan) => string | null;
  /** Back to unjoined machines (a new cluster, same seed). */
  reset: () => void;
  /** Shows `cluster` from now on (a lesson's swarm). */
  install: (cluster: Cluster) => void;
  /** Lets `ms` of virtual time pass on every machine. */
  advance: (ms: number) => void;
  fault: (node: NodeId, fault: ClusterFault) => void;
  /** Powers off the current Raft leader; null when there is none. */
  killLeader: () => NodeId | null;
  setAvailability: (node: NodeId, availability: 'active' | 'drain') => string | null;
  scale: (serviceId: string, replicas: number) => string | null;
  selectNode: (node: NodeId | null) => void;
  /**
   * Opens a machine in the host views (diagram, panels, terminal): the same components as a
   * single host, on that machine's own simulation, acting through the cluster. The cluster's
   * clock keeps running until the visit ends.
   */
  visit: (node: NodeId) => void;
  play: () => void;
  pause: () => void;
  setSpeed: (speed: Speed) => void;
  /** Starts the clock (the view is visible); stopClock when it is not (unless visiting). */
  startClock: () => void;
  stopClock: () => void;
}

/** A host input on a cluster machine, as the cluster logs it. */
export function machineInput(node: NodeId, input: Input): ClusterInput {
  if (input.kind === 'api') return { kind: 'api', node, request: input.request };
  if (input.kind === 'typed') return { kind: 'typed', node, line: input.line };
  return { kind: 'host', node, input };
}

function newCluster(machines: number): Cluster {
  return new Cluster({ seed: CLUSTER_SEED, nodes: machines });
}

/**
 * The cluster's way back from a failure: its log replayed (with the machine that was visited
 * visited again), or fresh machines like it.
 */
const clusterDoor: SimDoor<ClusterOptions, LoggedClusterInput> = {
  world: 'swarm',
  keep: (options, log, before) => ({ world: 'swarm', options, log, before }),
  restore: (options, log) => {
    const cluster = Cluster.replay(options, log);
    const visited = useClusterStore.getState().visiting;
    useClusterStore.getState().install(cluster);
    if (visited) useClusterStore.getState().visit(visited);
  },
  clean: (options) => useClusterStore.getState().install(new Cluster(options)),
};

/** Runs `act` on the current cluster under the failure guard (a lesson's fault, a shell line). */
export function guardSwarm<T>(act: () => T, fallback: T): T {
  return guardSim(clusterDoor, useClusterStore.getState().ensure(), act, fallback);
}

/** A set-up that did not finish: the cluster failed on the way. */
const FAILED = Symbol('failed');

export const useClusterStore = create<ClusterState>()((set, get) => {
  const clock = virtualClock(() => {
    const state = get();
    // Quiet spells merge into one logged input (Cluster.idle), so a cluster left open on a
    // projector keeps a short log; the clock on screen moves either way.
    if (state.playing && state.cluster)
      change((cluster) => cluster.idle(TICK_MS * state.speed), undefined, true);
  });
  /**
   * Runs `act` on the cluster and bumps the revision if its trace grew (or `always`, when
   * time alone changes the screen); `fallback` is what a failed cluster answers instead
   * (simFailure.ts).
   */
  const change = <T>(act: (cluster: Cluster) => T, fallback: T, always = false): T => {
    const cluster = get().ensure();
    return guardSim(
      clusterDoor,
      cluster,
      () => {
        const before = cluster.trace.length;
        const visited = get().visiting;
        const machineBefore = visited ? cluster.node(visited).sim.trace.length : 0;
        const result = act(cluster);
        if (always || cluster.trace.length !== before) set((s) => ({ revision: s.revision + 1 }));
        // The host views draw the visited machine: tell them when it changed.
        if (visited && cluster.node(visited).sim.trace.length !== machineBefore)
          useSessionStore.setState((s) => ({ revision: s.revision + 1 }));
        return result;
      },
      fallback,
    );
  };
  /** A new cluster replaces the old: a visit to one of its machines ends. */
  const endVisit = () => {
    if (get().visiting) useSessionStore.getState().leave();
  };
  return {
    cluster: null,
    revision: 0,
    playing: true,
    speed: 1,
    selectedNode: null,
    visiting: null,
    ensure: () => {
      const existing = get().cluster;
      if (existing) return existing;
      const cluster = newCluster(SMALL_PLAN.managers + SMALL_PLAN.workers);
      set({ cluster });
      return cluster;
    },
    setUp: (plan = SMALL_PLAN) => {
      endVisit();
      const cluster = newCluster(plan.managers + plan.workers);
      const error = guardSim(
        clusterDoor,
        cluster,
        (): string | null | typeof FAILED => setUpSwarm(cluster, plan),
        FAILED,
      );
      // A half set-up cluster is not shown: restoring it from its log is the learner's choice.
      if (error === FAILED) return SIM_FAILED_MESSAGE;
      set((s) => ({ cluster, revision: s.revision + 1, selectedNode: null }));
      return error;
    },
    reset: () => {
      endVisit();
      set((s) => ({
        cluster: newCluster(s.cluster?.nodes.length ?? SMALL_PLAN.managers + SMALL_PLAN.workers),
        revision: s.revision + 1,
        selectedNode: null,
      }));
    },
    install: (cluster) => {
      endVisit();
      set((s) => ({ cluster, revision: s.revision + 1, selectedNode: null }));
    },
    advance: (ms) => change((cluster) => cluster.advance(ms), undefined),
    fault: (node, fault) =>
      change((cluster) => void cluster.apply({ kind: fault, node }), undefined),
    killLeader: () => {
      const leader = get().ensure().world.raft.leader;
      if (leader !== null) get().fault(leader, 'powerOff');
      return leader;
    },
    setAvailability: (node, availability) =>
      change((cluster) => drain(cluster, node, availability), SIM_FAILED_MESSAGE),
    scale: (serviceId, replicas) =>
      change((cluster) => scaleService(cluster, serviceId, replicas), SIM_FAILED_MESSAGE),
    selectNode: (selectedNode) => set({ selectedNode }),
    visit: (node) => {
      const cluster = get().ensure();
      const machine = cluster.node(node);
      useSessionStore.getState().visit(machine.sim, {
        kind: 'cluster',
        machine: machine.hostname,
        apply: (input) => change((c) => c.apply(machineInput(node, input)), FAILED_RESULT),
        advance: (ms) => get().advance(ms),
        guard: guardSwarm,
        onLeave: () => {
          set({ visiting: null });
          if (useUiStore.getState().view !== 'cluster') clock.stop();
        },
      });
      set({ visiting: node, selectedNode: node });
      clock.start();
    },
    play: () => set({ playing: true }),
    pause: () => set({ playing: false }),
    setSpeed: (speed) => set({ speed: SPEEDS.includes(speed) ? speed : 1 }),
    startClock: () => clock.start(),
    stopClock: () => {
      // A visited machine lives on in the host view: its cluster's time keeps passing.
      if (get().visiting === null) clock.stop();
    },
  };
});
