/**
 * The session: one simulation and a playback cursor over its trace. The simulation owns the
 * world; this store owns only where the viewer is (cursor, playing, speed). Every input (a
 * command, a crash, a setting) goes through `run`; acting while the cursor is in the past
 * forks the future: the log is cut back to the cursor, replayed, and the new input applied.
 * While playback is running the cursor merely trails the trace, and new inputs are appended.
 * Every entry into the simulation (an input, a fork, time passing) runs under the failure
 * guard (simFailure.ts): a simulation that throws leaves this store as it was.
 */
import { create } from 'zustand';
import type { ApiRequest, ApiResponse } from '../sim/api/types';
import type { Era } from '../sim/eras';
import type { HostOptions } from '../sim/host';
import type { Input, InputResult, LoggedInput } from '../sim/inputs';
import { hostEngineLoaded, Simulation } from '../sim/simulation';
import type { World } from '../sim/types';
import { inputsUpTo, isAtEnd, nextStep, previousStep, type Speed } from './playback';
import { guardSim, SIM_FAILED_MESSAGE, type SimDoor } from './simFailure';

/**
 * The views show another simulation than the session's own: one machine of a Swarm cluster
 * (acting through the cluster, so the cluster's log has it all and its clock keeps the machine
 * in step with the others), or the mirror of a bridge's simulation (acting through the bridge).
 * `home` is the session to come back to.
 */
export interface Visit {
  readonly kind: 'cluster' | 'bridge';
  /** `node-4`, or the bridge's `127.0.0.1:2375`. */
  readonly machine: string;
  readonly apply: (input: Input) => InputResult;
  /** Lets the cluster's time pass (a terminal job waiting on the visited machine). */
  readonly advance: (ms: number) => void;
  /** Told when the visit ends (the cluster stops keeping the machine shown). */
  readonly onLeave: () => void;
  /**
   * Runs the terminal's shell (acting on the machine) under the failure guard of the world
   * the machine belongs to (simFailure.ts); without one it runs as it is.
   */
  readonly guard?: <T>(act: () => T, fallback: T) => T;
  readonly home: { readonly sim: Simulation; readonly cursor: number };
}

export interface SessionState {
  sim: Simulation;
  /** Set while the views show a cluster machine instead of the session's own host. */
  visiting: Visit | null;
  /** Bumped whenever the simulation changes, so views re-read it. */
  revision: number;
  /** Index of the last trace entry shown; -1 before the first. */
  cursor: number;
  playing: boolean;
  speed: Speed;
  run: (input: Input) => InputResult;
  /** Lets virtual time pass while the viewer is live (restart back-offs, short programs). */
  idle: (ms: number) => void;
  /**
   * Lets virtual time pass at the live end whatever the cursor shows: a command in the
   * terminal (an attached `docker run`, `sleep`) is waiting for it while the animation plays.
   */
  tick: (ms: number) => void;
  play: () => void;
  pause: () => void;
  stepForward: () => void;
  stepBack: () => void;
  seek: (cursor: number) => void;
  restart: () => void;
  /** Jumps to the newest entry and follows what comes next (live). */
  toEnd: () => void;
  setSpeed: (speed: Speed) => void;
  /** A fresh session (new era or settings); the old one is dropped. */
  reset: (options: HostOptions) => void;
  /** Shows `sim` from now on, at its live end (a lesson's world, a restored session). */
  load: (sim: Simulation) => void;
  /** Shows a cluster machine's simulation in the host views until `leave`. */
  visit: (sim: Simulation, visit: Omit<Visit, 'home'>) => void;
  /** Back to the session's own host, where it was. */
  leave: () => void;
}

export const DEFAULT_SEED = 'docker-anatomy';

/** What an input gets from a host that has failed (simFailure.ts): refused, and said why. */
export const FAILED_RESULT: InputResult = {
  ok: false,
  message: SIM_FAILED_MESSAGE,
  response: { status: 500, headers: {}, body: { message: SIM_FAILED_MESSAGE } },
};

const STILL_LOADING = 'The simulation is still loading: try again in a moment.';

/**
 * What an input gets in the first moments of a page, before the simulation's engine has loaded
 * (main.tsx fetches it once the first screen is drawn; the controls wait for it).
 */
export const LOADING_RESULT: InputResult = {
  ok: false,
  message: STILL_LOADING,
  response: { status: 503, headers: {}, body: { message: STILL_LOADING } },
};

/** The host's way back from a failure: its log replayed, or a fresh host like it. */
const hostDoor: SimDoor<HostOptions, LoggedInput> = {
  world: 'host',
  keep: (options, log, before) => ({ world: 'host', options, log, before }),
  restore: (options, log) => useSessionStore.getState().load(Simulation.replay(options, log)),
  clean: (options) => useSessionStore.getState().reset(options),
};

export function newSimulation(era: Era = 'modern', extra: HostOptions = {}): Simulation {
  return new Simulation({ seed: DEFAULT_SEED, era, ...extra });
}

export const useSessionStore = create<SessionState>()((set, get) => ({
  sim: newSimulation(),
  visiting: null,
  revision: 0,
  cursor: -1,
  playing: true,
  speed: 1,
  run: (input) => {
    if (!hostEngineLoaded()) return LOADING_RESULT;
    const visiting = get().visiting;
    if (visiting) {
      // A cluster machine is never forked from the past: a replay would cut it off from its
      // cluster. Acting always happens at the live end, through the cluster.
      const result = visiting.apply(input);
      set((s) => ({ revision: s.revision + 1, playing: true }));
      return result;
    }
    let { sim, cursor } = get();
    // While playing, the cursor is only catching up with the trace: nothing to fork. Paused in
    // the past (stepped back, scrubbed), an action starts a new future from that point.
    if (!get().playing && !isAtEnd(sim.trace, cursor)) {
      const past = sim;
      const upTo = inputsUpTo(past.trace, cursor);
      const forked = guardSim(
        hostDoor,
        past,
        () => Simulation.replay(past.options, past.log.slice(0, upTo)),
        null,
      );
      if (!forked) return FAILED_RESULT;
      sim = forked;
      cursor = Math.min(cursor, sim.trace.length - 1);
    }
    // A failure leaves the store as it was: a failed fork is never shown.
    const target = sim;
    const result = guardSim(hostDoor, target, () => target.apply(input), null);
    if (!result) return FAILED_RESULT;
    set((s) => ({ sim: target, cursor, revision: s.revision + 1, playing: true }));
    return result;
  },
  idle: (ms) => {
    // A visited machine's time is the cluster's, kept by the cluster's clock.
    if (get().visiting) return;
    const { sim, cursor } = get();
    if (isAtEnd(sim.trace, cursor)) get().tick(ms);
  },
  tick: (ms) => {
    // Before the engine has loaded nothing can have been scheduled, so no time need pass.
    if (!hostEngineLoaded()) return;
    const visiting = get().visiting;
    if (visiting) {
      visiting.advance(ms);
      set((s) => ({ revision: s.revision + 1 }));
      return;
    }
    const { sim } = get();
    const before = sim.trace.length;
    const passed = guardSim(
      hostDoor,
      sim,
      () => {
        sim.idle(ms);
        return true;
      },
      false,
    );
    if (passed && sim.trace.length !== before) set((s) => ({ revision: s.revision + 1 }));
  },
  play: () => {
    const { sim, cursor } = get();
    // Play at the end of the trace means replay from the start.
    set({
      playing: true,
      cursor: isAtEnd(sim.trace, cursor) && cursor >= 0 && sim.trace.length > 1 ? -1 : cursor,
    });
  },
  pause: () => set({ playing: false }),
  stepForward: () => set((s) => ({ cursor: nextStep(s.sim.trace, s.cursor) })),
  stepBack: () => set((s) => ({ cursor: previousStep(s.sim.trace, s.cursor), playing: false })),
  seek: (cursor) =>
    set((s) => ({
      cursor: Math.max(-1, Math.min(cursor, s.sim.trace.length - 1)),
      playing: false,
    })),
  restart: () => set({ cursor: -1, playing: true }),
  toEnd: () => set((s) => ({ cursor: s.sim.trace.length - 1, playing: true })),
  setSpeed: (speed) => set({ speed }),
  reset: (options) => {
    get().visiting?.onLeave();
    set((s) => ({
      sim: new Simulation({ seed: DEFAULT_SEED, ...options }),
      visiting: null,
      cursor: -1,
      revision: s.revision + 1,
      playing: true,
    }));
  },
  load: (sim) => {
    get().visiting?.onLeave();
    set((s) => ({
      sim,
      visiting: null,
      cursor: sim.trace.length - 1,
      revision: s.revision + 1,
      playing: true,
    }));
  },
  visit: (sim, visit) => {
    const { visiting, sim: current, cursor } = get();
    const home = visiting ? visiting.home : { sim: current, cursor };
    visiting?.onLeave();
    set((s) => ({
      sim,
      visiting: { ...visit, home },
      cursor: sim.trace.length - 1,
      revision: s.revision + 1,
      playing: true,
    }));
  },
  leave: () => {
    const visiting = get().visiting;
    if (!visiting) return;
    set((s) => ({
      sim: visiting.home.sim,
      visiting: null,
      cursor: visiting.home.cursor,
      revision: s.revision + 1,
    }));
    visiting.onLeave();
  },
}));

/** The world at the cursor. Rebuilding from the trace is cheap (checkpoints), and cached here. */
let cached: { sim: Simulation; cursor: number; revision: number; world: World } | null = null;
export function worldAtCursor(state: Pick<SessionState, 'sim' | 'cursor' | 'revision'>): World {
  if (
    cached &&
    cached.sim === state.sim &&
    cached.cursor === state.cursor &&
    cached.revision === state.revision
  )
    return cached.world;
  const world = state.sim.worldAt(state.cursor);
  cached = { sim: state.sim, cursor: state.cursor, revision: state.revision, world };
  return world;
}

/** The session as an Engine API transport: every request becomes a logged input. */
export const sessionTransport = {
  request(request: ApiRequest): ApiResponse {
    return (
      useSessionStore.getState().run({ kind: 'api', request }).response ?? {
        status: 0,
        headers: {},
        connectionRefused: true,
      }
    );
  },
};

/**
 * Runs `act` (the terminal's shell, acting on whatever the views show) under the failure guard
 * of that world: the session's host, or a visited machine's cluster (simFailure.ts).
 */
export function guardSession<T>(act: () => T, fallback: T): T {
  const { sim, visiting } = useSessionStore.getState();
  if (!visiting) return guardSim(hostDoor, sim, act, fallback);
  return visiting.guard ? visiting.guard(act, fallback) : act();
}
