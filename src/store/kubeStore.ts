/**
 * The Kubernetes view's controller: one `KubeCluster` (src/sim/kube), made on first use, and
 * a clock that lets its virtual time pass while the view is open (play, pause, speed).
 * Contract: the cluster owns its world; this store owns only the cluster instance, the clock
 * and which node is selected, and bumps `revision` whenever the cluster changed, so views
 * re-read it. Every action is an input to the cluster (a kubectl write or a machine fault), so
 * its log replays it. Actions answer the API server's error as kubectl prints it, or null.
 * Every entry into the cluster runs under the failure guard (simFailure.ts): a cluster that
 * throws stops there.
 */
import { create } from 'zustand';
import type { KubeRequest, KubeResult, LoggedKubeInput } from '../sim/kube/inputs';
import { KubeCluster, type KubeClusterOptions } from '../sim/kube/kubeCluster';
import { NAMESPACE } from '../sim/kube/defaults';
import { SPEEDS, type Speed } from './playback';
import { guardSim, SIM_FAILED_MESSAGE, type SimDoor } from './simFailure';
import { TICK_MS, virtualClock } from './virtualClock';

export const KUBE_SEED = 'docker-anatomy/kubernetes';
export const KUBE_WORKERS = 3;

export type KubeFault = 'powerOff' | 'partition' | 'restore';

export interface KubeState {
  cluster: KubeCluster | null;
  revision: number;
  playing: boolean;
  speed: Speed;
  selectedNode: string | null;
  ensure: () => KubeCluster;
  /** A fresh cluster (same seed): only the system pods run. */
  reset: () => void;
  /** Shows `cluster` from now on (a lesson's cluster). */
  install: (cluster: KubeCluster) => void;
  advance: (ms: number) => void;
  createDeployment: (name: string, image: string, replicas: number) => string | null;
  scale: (name: string, replicas: number) => string | null;
  deletePod: (name: string) => string | null;
  fault: (node: string, fault: KubeFault) => string | null;
  /** `kubectl drain --ignore-daemonsets`: cordon, then evict every pod a controller will remake. */
  drain: (node: string) => string | null;
  uncordon: (node: string) => string | null;
  selectNode: (node: string | null) => void;
  play: () => void;
  pause: () => void;
  setSpeed: (speed: Speed) => void;
  startClock: () => void;
  stopClock: () => void;
}

/** kubectl's words for a refused write. */
export function kubeError(result: KubeResult): string | null {
  if (result.ok) return null;
  return result.code === 0
    ? result.message
    : `Error from server (${result.reason}): ${result.message}`;
}

function newCluster(): KubeCluster {
  return new KubeCluster({ seed: KUBE_SEED, workers: KUBE_WORKERS });
}

/** What kubectl gets from a cluster that has failed (simFailure.ts). */
export const FAILED_KUBE_RESULT: KubeResult = {
  ok: false,
  code: 0,
  reason: '',
  message: SIM_FAILED_MESSAGE,
};

/** The cluster's way back from a failure: its log replayed, or a fresh cluster like it. */
const kubeDoor: SimDoor<KubeClusterOptions, LoggedKubeInput> = {
  world: 'kubernetes',
  keep: (options, log, before) => ({ world: 'kubernetes', options, log, before }),
  restore: (options, log) => useKubeStore.getState().install(KubeCluster.replay(options, log)),
  clean: (options) => useKubeStore.getState().install(new KubeCluster(options)),
};

/** Runs `act` on the current cluster under the failure guard (kubectl, a lesson's fault). */
export function guardKube<T>(act: () => T, fallback: T): T {
  return guardSim(kubeDoor, useKubeStore.getState().ensure(), act, fallback);
}

export const useKubeStore = create<KubeState>()((set, get) => {
  const clock = virtualClock(() => {
    const state = get();
    if (state.playing && state.cluster) tick(state.cluster, TICK_MS * state.speed);
  });
  /** Lets time pass; the clock's quiet spells merge into one logged input (KubeCluster.idle). */
  const tick = (cluster: KubeCluster, ms: number, quiet = true) =>
    guardSim(
      kubeDoor,
      cluster,
      () => {
        if (quiet) cluster.idle(ms);
        else cluster.advance(ms);
        // Time alone changes ages and clocks on screen even when nothing was traced.
        set((s) => ({ revision: s.revision + 1 }));
      },
      undefined,
    );
  /**
   * Runs `act` on the cluster and bumps the revision if its trace grew; a failed cluster
   * answers SIM_FAILED_MESSAGE instead (simFailure.ts).
   */
  const change = (act: (cluster: KubeCluster) => string | null): string | null => {
    const cluster = get().ensure();
    return guardSim(
      kubeDoor,
      cluster,
      () => {
        const before = cluster.trace.length;
        const result = act(cluster);
        if (cluster.trace.length !== before) set((s) => ({ revision: s.revision + 1 }));
        return result;
      },
      SIM_FAILED_MESSAGE,
    );
  };
  const write = (request: KubeRequest) =>
    change((cluster) => kubeError(cluster.apply({ kind: 'api', request })));
  return {
    cluster: null,
    revision: 0,
    playing: true,
    speed: 1,
    selectedNode: null,
    ensure: () => {
      const existing = get().cluster;
      if (existing) return existing;
      const cluster = newCluster();
      set({ cluster });
      return cluster;
    },
    reset: () =>
      set((s) => ({ cluster: newCluster(), revision: s.revision + 1, selectedNode: null })),
    install: (cluster) => set((s) => ({ cluster, revision: s.revision + 1, selectedNode: null })),
    advance: (ms) => tick(get().ensure(), ms, false),
    createDeployment: (name, image, replicas) =>
      write({ verb: 'createDeployment', namespace: NAMESPACE, name, image, replicas }),
    scale: (name, replicas) =>
      write({ verb: 'scaleDeployment', namespace: NAMESPACE, name, replicas }),
    deletePod: (name) => write({ verb: 'deletePod', namespace: NAMESPACE, name }),
    fault: (node, fault) => change((cluster) => kubeError(cluster.apply({ kind: fault, node }))),
    drain: (node) => {
      const refused = write({ verb: 'cordon', node });
      if (refused) return refused;
      const pods = Object.values(get().ensure().world.pods).filter(
        (p) =>
          p.nodeName === node &&
          !p.mirror &&
          p.owner.kind !== 'DaemonSet' &&
          p.deletionTimestamp === null,
      );
      for (const pod of pods) {
        const error = write({ verb: 'evictPod', namespace: pod.namespace, name: pod.name });
        if (error) return error;
      }
      return null;
    },
    uncordon: (node) => write({ verb: 'uncordon', node }),
    selectNode: (selectedNode) => set({ selectedNode }),
    play: () => set({ playing: true }),
    pause: () => set({ playing: false }),
    setSpeed: (speed) => set({ speed: SPEEDS.includes(speed) ? speed : 1 }),
    startClock: () => clock.start(),
    stopClock: () => clock.stop(),
  };
});
