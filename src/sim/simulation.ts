/**
 * The simulation's front door. A `Simulation` is one host plus the log of inputs that made
 * it what it is. Everything outside src/sim (the views, the terminal, lessons, the bridge)
 * talks to it through `apply` (or `request` for the Engine API) and reads `world` and `trace`.
 *
 * Contract: deterministic. `Simulation.replay(options, sim.log)` rebuilds the same trace, byte
 * for byte. Nothing here reads the wall clock, random numbers or the DOM.
 *
 * What inputs, exits and timers do (the bulk of the simulation) is the host's engine
 * (./engine.ts), installed when that module is imported: a simulation can be made and read
 * (world, trace, worldAt) without it, which is all the app's first screen does, but applying
 * an input before it is loaded throws, naming the bug.
 */
import type { ApiRequest, ApiResponse, PendingWait, StdioFrame } from './api/types';
import type { RouteOverride } from './dispatch';
import { DockerHost, type HostOptions, type KernelHooks, type TimerHandler } from './host';
import {
  describeInput,
  MAX_ADVANCE_MS,
  type Input,
  type InputResult,
  type LoggedInput,
} from './inputs';
import { WorldHistory } from './snapshot';
import type { TraceEntry } from './trace';
import type { World } from './types';

/** What the host does, installed by ./engine.ts (see the contract above). */
export interface HostEngine {
  /** Carries out one input: an Engine API request, a typed line, a signal, time passing... */
  readonly dispatch: (host: DockerHost, input: Input, override: RouteOverride) => InputResult;
  /** The kernel's hooks: a process exited, a daemon got a signal, a TaskExit reached dockerd. */
  readonly hooks: KernelHooks;
  /** Runs a timer that fell due. */
  readonly runTimer: TimerHandler;
}

let installed: HostEngine | null = null;

export function installHostEngine(engine: HostEngine): void {
  installed = engine;
}

/** Whether the engine is loaded: inputs can be applied. */
export function hostEngineLoaded(): boolean {
  return installed !== null;
}

function engine(): HostEngine {
  if (!installed)
    throw new Error(
      "the simulation's engine is not loaded: whatever applies inputs imports sim/engine first",
    );
  return installed;
}

export class Simulation {
  readonly host: DockerHost;
  readonly log: LoggedInput[] = [];
  readonly history: WorldHistory;
  /**
   * Optional: answers Engine API requests before the host's own router, which it can call as
   * `next` (a Swarm cluster answers `/swarm`, `/nodes`, `/services`, `/tasks` and the Swarm
   * part of `/info` this way). Null: the host answers everything itself.
   */
  routeOverride: RouteOverride = null;

  constructor(readonly options: HostOptions = {}) {
    this.host = new DockerHost(options);
    this.history = new WorldHistory(this.host.world);
    // Looked up when they run, not now: a simulation is made before the engine may be loaded.
    this.host.hooks = {
      onExit: (h, p, status) => engine().hooks.onExit(h, p, status),
      onDaemonSignal: (h, p, signal) => engine().hooks.onDaemonSignal(h, p, signal),
      onTaskExit: (h, id, status) => engine().hooks.onTaskExit(h, id, status),
    };
    this.host.onTimer((h, action) => engine().runTimer(h, action));
  }

  /** Rebuilds a simulation from its options and input log. */
  static replay(options: HostOptions, log: readonly LoggedInput[]): Simulation {
    const sim = new Simulation(options);
    for (const entry of log) sim.apply(entry.input, entry.at);
    return sim;
  }

  get world(): World {
    return this.host.world;
  }

  get trace(): readonly TraceEntry[] {
    return this.host.trace;
  }

  get now(): number {
    return this.host.now;
  }

  /** The world as it was just after trace entry `seq`, rebuilt from the trace's changes. */
  worldAt(seq: number): World {
    return this.history.worldAt(this.host.trace, seq);
  }

  /** Applies one input at virtual time `at` (default: now); time in between passes first. */
  apply(input: Input, at: number = this.host.now): InputResult {
    if (at > this.host.now) this.host.elapse(at - this.host.now);
    this.log.push({ at: this.host.now, input });
    const to =
      input.kind === 'api' || input.kind === 'typed' || input.kind === 'interrupt'
        ? 'cli'
        : 'kernel';
    this.host.emit('input', 'user', to, describeInput(input));
    return engine().dispatch(this.host, input, this.routeOverride);
  }

  /** Sends an Engine API request, as the CLI would. */
  request(request: ApiRequest, at?: number): ApiResponse {
    return (
      this.apply({ kind: 'api', request }, at).response ?? {
        status: 0,
        headers: {},
        connectionRefused: true,
      }
    );
  }

  /** Lets virtual time pass. */
  advance(ms: number): void {
    this.apply({ kind: 'advance', ms });
  }

  /**
   * Lets time pass while nobody acts (a live view's clock). Consecutive idle spells in which
   * nothing happened are merged into one logged input, so a long idle session keeps a short
   * log; replaying the merged input gives the same trace.
   */
  idle(ms: number): void {
    const last = this.log.at(-1);
    const lastEntry = this.host.trace.at(-1);
    if (
      last?.input.kind === 'advance' &&
      lastEntry?.kind === 'input' &&
      last.input.ms + ms <= MAX_ADVANCE_MS
    ) {
      this.log[this.log.length - 1] = {
        at: last.at,
        input: { kind: 'advance', ms: last.input.ms + ms },
      };
      this.host.elapse(ms);
      return;
    }
    this.advance(ms);
  }

  /** The answer to a pending `/wait`, once its condition holds; null while it does not. */
  waitResult(wait: PendingWait): { StatusCode: number } | null {
    for (let i = wait.afterSeq + 1; i < this.host.trace.length; i++) {
      const change = this.host.trace[i]?.change;
      if (change?.op !== 'event' || change.event.actorId !== wait.containerId) continue;
      if (wait.condition === 'removed' && change.event.action === 'destroy')
        return { StatusCode: this.lastExitCode(wait, i) };
      if (wait.condition !== 'removed' && change.event.action === 'die')
        return { StatusCode: Number(change.event.attributes['exitCode'] ?? 0) };
    }
    if (wait.condition === 'removed' && !this.world.containers[wait.containerId])
      return { StatusCode: this.lastExitCode(wait, this.host.trace.length) };
    return null;
  }

  private lastExitCode(wait: PendingWait, before: number): number {
    for (let i = before - 1; i > wait.afterSeq; i--) {
      const change = this.host.trace[i]?.change;
      if (
        change?.op === 'event' &&
        change.event.actorId === wait.containerId &&
        change.event.action === 'die'
      ) {
        return Number(change.event.attributes['exitCode'] ?? 0);
      }
    }
    return 0;
  }

  /** What a container wrote after trace position `afterSeq` (the attach stream). */
  outputSince(containerId: string, afterSeq: number): StdioFrame[] {
    const frames: StdioFrame[] = [];
    for (let i = afterSeq + 1; i < this.host.trace.length; i++) {
      const change = this.host.trace[i]?.change;
      if (change?.op === 'container.log' && change.id === containerId)
        frames.push({ stream: change.line.stream, data: `${change.line.text}\n` });
    }
    return frames;
  }
}
