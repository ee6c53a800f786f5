/**
 * The cluster view's controller: one Swarm `Cluster` (src/sim/cluster), made on first use, and
 * a clock that lets its virtual time pass while the view is open (play, pause, speed).
 * Contract: the cluster owns its world; this store owns only the cluster instance, the clock
 * and which machine is selected, and bumps `revision` whenever the cluster changed, so views
 * re-read it. Every action is an input to the cluster (a machine fault, or an Engine API
 * request the real CLI would send, see swarmRequests.ts, sent to a manager that is up), so its
 * log replays it. Actions answer the daemon's error message, or null.
 */
import { create } from 'zustand';
import { Cluster } from '../sim/cluster/cluster';
import type { NodeId } from '../sim/cluster/types';
import { SPEEDS, type Speed } from './playback';
import { drain, scaleService, setUpSwarm, type SwarmPlan } from './clusterSetup';

export const CLUSTER_SEED = 'docker-anatomy/cluster';
/** Wall-clock ms between clock ticks (each lets TICK_MS x speed of virtual time pass). */
export const TICK_MS = 100;
/** The least wall-clock gap between two ticks, so a slow tick still leaves frames to paint. */
const MIN_GAP_MS = 16;

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
  /** Makes the default (empty) cluster if there is none yet. */
  ensure: () => Cluster;
  /** A fresh cluster set up with `plan`: init, joins and services, through the Engine API. */
  setUp: (plan?: SwarmPlan) => string | null;
  /** Back to unjoined machines (a new cluster, same seed). */
  reset: () => void;
  /** Lets `ms` of virtual time pass on every machine. */
  advance: (ms: number) => void;
  fault: (node: NodeId, fault: ClusterFault) => void;
  /** Powers off the current Raft leader; null when there is none. */
  killLeader: () => NodeId | null;
  setAvailability: (node: NodeId, availability: 'active' | 'drain') => string | null;
  scale: (serviceId: string, replicas: number) => string | null;
  selectNode: (node: NodeId | null) => void;
  play: () => void;
  pause: () => void;
  setSpeed: (speed: Speed) => void;
  /** Starts the clock (the view is visible); stopClock when it is not. */
  startClock: () => void;
  stopClock: () => void;
}

function newCluster(machines: number): Cluster {
  return new Cluster({ seed: CLUSTER_SEED, nodes: machines });
}

let ticker: ReturnType<typeof setTimeout> | null = null;

export const useClusterStore = create<ClusterState>()((set, get) => {
  /** Runs `act` on the cluster and bumps the revision if its trace grew. */
  const change = <T>(act: (cluster: Cluster) => T): T => {
    const cluster = get().ensure();
    const before = cluster.trace.length;
    const result = act(cluster);
    if (cluster.trace.length !== before) set((s) => ({ revision: s.revision + 1 }));
    return result;
  };
  return {
    cluster: null,
    revision: 0,
    playing: true,
    speed: 1,
    selectedNode: null,
    ensure: () => {
      const existing = get().cluster;
      if (existing) return existing;
      const cluster = newCluster(SMALL_PLAN.managers + SMALL_PLAN.workers);
      set({ cluster });
      return cluster;
    },
    setUp: (plan = SMALL_PLAN) => {
      const cluster = newCluster(plan.managers + plan.workers);
      const error = setUpSwarm(cluster, plan);
      set((s) => ({ cluster, revision: s.revision + 1, selectedNode: null }));
      return error;
    },
    reset: () =>
      set((s) => ({
        cluster: newCluster(s.cluster?.nodes.length ?? SMALL_PLAN.managers + SMALL_PLAN.workers),
        revision: s.revision + 1,
        selectedNode: null,
      })),
    advance: (ms) => change((cluster) => cluster.advance(ms)),
    fault: (node, fault) => change((cluster) => cluster.apply({ kind: fault, node })),
    killLeader: () => {
      const leader = get().ensure().world.raft.leader;
      if (leader !== null) get().fault(leader, 'powerOff');
      return leader;
    },
    setAvailability: (node, availability) =>
      change((cluster) => drain(cluster, node, availability)),
    scale: (serviceId, replicas) => change((cluster) => scaleService(cluster, serviceId, replicas)),
    selectNode: (selectedNode) => set({ selectedNode }),
    play: () => set({ playing: true }),
    pause: () => set({ playing: false }),
    setSpeed: (speed) => set({ speed: SPEEDS.includes(speed) ? speed : 1 }),
    startClock: () => {
      if (ticker !== null) return;
      // A chain of timeouts, not an interval: when a tick takes longer than TICK_MS (a big
      // cluster converging), the next waits its turn instead of queueing behind it, so the
      // page keeps painting; virtual time then runs slower than the wall clock.
      const tick = () => {
        const state = get();
        const started = performance.now();
        if (state.playing && state.cluster) state.advance(TICK_MS * state.speed);
        const spent = performance.now() - started;
        ticker = setTimeout(tick, Math.max(MIN_GAP_MS, TICK_MS - spent));
      };
      ticker = setTimeout(tick, TICK_MS);
    },
    stopClock: () => {
      if (ticker !== null) clearTimeout(ticker);
      ticker = null;
    },
  };
});
