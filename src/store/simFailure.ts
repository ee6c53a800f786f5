/**
 * The guard around every entry into a simulation (the session's host, the Swarm cluster, the
 * Kubernetes cluster), and the store of what failed there.
 *
 * Contract: `guardSim` runs one entry (an input, time passing, a terminal line acting on the
 * world). Should it throw, which would be a bug in the simulation, the exception stops here
 * and the caller gets its `fallback`: nothing escapes into React or an event handler. A
 * failure is kept with what reproduces it (the world's options and its input log, the failing
 * input included) and the log as it was just before that entry. From then on that world takes
 * no input (every guarded entry gets its fallback) until the learner restores it from the log
 * (the log without the failing entry, replayed) or starts a clean one. Only a world's first
 * failure is kept: what a half-updated world does next proves nothing.
 */
import { create } from 'zustand';
import type { ClusterOptions } from '../sim/cluster/cluster';
import type { LoggedClusterInput } from '../sim/cluster/inputs';
import type { HostOptions } from '../sim/host';
import type { LoggedInput } from '../sim/inputs';
import type { LoggedKubeInput } from '../sim/kube/inputs';
import type { KubeClusterOptions } from '../sim/kube/kubeCluster';

/**
 * What a refused entry answers (a command, a button): the CLI prints it. English like every
 * other message the simulated tools print; the failure dialog says it in the learner's words.
 */
export const SIM_FAILED_MESSAGE =
  'the simulation stopped after an internal error (not yours): restore the session or start a clean one';

/** A failed world's logs: `log` reproduces the failure, `before` is the log just before it. */
export type FailedLog =
  | {
      readonly world: 'host';
      readonly options: HostOptions;
      readonly log: readonly LoggedInput[];
      readonly before: readonly LoggedInput[];
    }
  | {
      readonly world: 'swarm';
      readonly options: ClusterOptions;
      readonly log: readonly LoggedClusterInput[];
      readonly before: readonly LoggedClusterInput[];
    }
  | {
      readonly world: 'kubernetes';
      readonly options: KubeClusterOptions;
      readonly log: readonly LoggedKubeInput[];
      readonly before: readonly LoggedKubeInput[];
    };

export type SimWorld = FailedLog['world'];

export interface SimFailure {
  readonly id: number;
  readonly source: FailedLog;
  readonly message: string;
  readonly stack: string | null;
  /** Why restoring from the log failed as well, or null (it was not tried, or it worked). */
  readonly restoreError: string | null;
}

/**
 * What a world's store tells the guard: how to keep a failure's logs, and how to put a world
 * back on screen, rebuilt from a log (`restore` throws if the replay does) or fresh.
 */
export interface SimDoor<O, L> {
  readonly world: SimWorld;
  readonly keep: (options: O, log: readonly L[], before: readonly L[]) => FailedLog;
  readonly restore: (options: O, log: readonly L[]) => void;
  readonly clean: (options: O) => void;
}

/** The part of a simulation the guard reads: enough to replay it. */
export interface Replayable<O, L> {
  readonly options: O;
  readonly log: readonly L[];
}

export interface SimFailureState {
  /** Failures not dealt with yet, oldest first; at most one per world. */
  failures: readonly SimFailure[];
  /** Replays the failed world's log without the failing entry, and shows it. */
  restore: (id: number) => void;
  /** Shows a fresh world with the failed one's options; its log is dropped. */
  startClean: (id: number) => void;
}

/** The way back for each kept failure (closures keep their world's own types). */
const ways = new Map<number, { restore: () => void; clean: () => void }>();
let nextId = 1;

function errorText(error: unknown): { message: string; stack: string | null } {
  if (error instanceof Error)
    return { message: error.message || error.name, stack: error.stack ?? null };
  return { message: String(error), stack: null };
}

export const useSimFailureStore = create<SimFailureState>()((set, get) => {
  /**
   * Takes the failure off the list (its world takes input again) and runs `way`; if that
   * throws too, the failure goes back on the list with the reason, the world still stopped.
   */
  const settle = (id: number, way: 'restore' | 'clean') => {
    const failure = get().failures.find((f) => f.id === id);
    const found = ways.get(id);
    if (!failure || !found) return;
    set((s) => ({ failures: s.failures.filter((f) => f.id !== id) }));
    try {
      found[way]();
      ways.delete(id);
    } catch (error) {
      console.error(
        `docker-anatomy: the ${failure.source.world} simulation could not be rebuilt`,
        error,
      );
      const again = { ...failure, restoreError: errorText(error).message };
      set((s) => ({
        failures: [again, ...s.failures.filter((f) => f.source.world !== failure.source.world)],
      }));
    }
  };
  return {
    failures: [],
    restore: (id) => settle(id, 'restore'),
    startClean: (id) => settle(id, 'clean'),
  };
});

/** Whether `world` has failed and waits for the learner's choice. */
export function worldFailed(world: SimWorld): boolean {
  return useSimFailureStore.getState().failures.some((f) => f.source.world === world);
}

/**
 * Runs `act`, one entry into `sim` (or into a simulation made from it, such as a fork of the
 * session), under the guard: see the contract above. Nested guards are fine: the innermost
 * one that sees the exception keeps it, and the outer ones see a normal return.
 */
export function guardSim<O, L, T>(
  door: SimDoor<O, L>,
  sim: Replayable<O, L>,
  act: () => T,
  fallback: T,
): T {
  if (worldFailed(door.world)) return fallback;
  // The log before: its length, and its last entry, which an idle spell may replace in place
  // (merged into the next one) before the failure.
  const length = sim.log.length;
  const last = sim.log.at(-1);
  try {
    return act();
  } catch (error) {
    if (worldFailed(door.world)) return fallback;
    const log = sim.log.slice();
    const before = last === undefined ? [] : [...sim.log.slice(0, length - 1), last];
    const options = sim.options;
    const id = nextId++;
    ways.set(id, {
      restore: () => door.restore(options, before),
      clean: () => door.clean(options),
    });
    const failure: SimFailure = {
      id,
      source: door.keep(options, log, before),
      ...errorText(error),
      restoreError: null,
    };
    // Reported for whoever reads the console; the learner is told by the failure dialog.
    console.error(`docker-anatomy: the ${door.world} simulation failed`, error);
    useSimFailureStore.setState((s) => ({ failures: [...s.failures, failure] }));
    return fallback;
  }
}
