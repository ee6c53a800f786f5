/**
 * DockerHost: the runtime of one simulated host. It owns the world, the virtual clock, the
 * seeded generator, the timers and the trace, and offers the primitives the rest of the
 * simulation is written in: `emit` a message, `change` the world, `elapse` virtual time.
 *
 * Contract: pure and deterministic. Inputs come in through `apply(input)` (or the helpers
 * that build inputs); the same seed and the same inputs give the same trace, byte for byte.
 * No wall clock, no real randomness, no I/O. Timers are data, run in (due, seq) order.
 */
import { applyChange, type Change } from './changes';
import type { Era } from './eras';
import { randomHex, randomInt, seedRandom, type RandomState } from './random';
import type { EndpointId, TraceEntry, TraceKind } from './trace';
import type { SignalName } from './signals';
import type { Process, ServiceName, World } from './types';
import { createWorld } from './world';

/** Deferred work, as data so that a host can be reasoned about and replayed. */
export type TimerAction =
  /** `graceful`: the program handled a signal and shuts down its own children first (nginx's workers). */
  | { kind: 'programExit'; pid: number; status: number; graceful?: boolean }
  | { kind: 'restartContainer'; containerId: string }
  | { kind: 'serviceRestart'; service: ServiceName };

interface Timer {
  readonly due: number;
  readonly seq: number;
  readonly action: TimerAction;
}

export interface HostOptions {
  /** Seed for IDs and small timing jitter. */
  seed?: string | number;
  era?: Era;
  /** Initial `"live-restore"` in /etc/docker/daemon.json. */
  liveRestore?: boolean;
  /** systemd restarts crashed daemons (Restart=always in the packaged units). Default true. */
  systemdRestart?: boolean;
  /** Unix time (ms) of virtual time 0. */
  epochMs?: number;
}

/** The longest a component waits in virtual time (a day): `docker stop -t -1` waits "forever". */
export const MAX_WAIT_MS = 24 * 3600 * 1000;

/** Default virtual epoch: 2026-01-12T09:00:00Z, a Monday morning class. */
export const DEFAULT_EPOCH_MS = Date.UTC(2026, 0, 12, 9, 0, 0);

export type TimerHandler = (host: DockerHost, action: TimerAction) => void;

/**
 * How the lower floors call the upper ones without importing them: a process died (the
 * supervisor above it reacts), a daemon got a signal it handles itself (SIGTERM is a clean
 * shutdown, SIGHUP a reload), a TaskExit reached dockerd. Installed by src/sim/simulation.ts.
 */
export interface KernelHooks {
  onExit(host: DockerHost, process: Process, status: number): void;
  onDaemonSignal(host: DockerHost, process: Process, signal: SignalName): void;
  onTaskExit(host: DockerHost, containerId: string, status: number): void;
}

export class DockerHost {
  readonly world: World;
  readonly trace: TraceEntry[] = [];
  readonly options: Required<HostOptions>;
  private readonly rng: RandomState;
  private timers: Timer[] = [];
  private timerSeq = 0;
  private timerHandler: TimerHandler = () => {};
  /** Faults armed for later, e.g. "kill runc during the next container start". */
  readonly armedFaults = new Set<'killRuncOnNextStart'>();
  hooks: KernelHooks = { onExit: () => {}, onDaemonSignal: () => {}, onTaskExit: () => {} };

  constructor(options: HostOptions = {}) {
    this.options = {
      seed: options.seed ?? 1,
      era: options.era ?? 'modern',
      liveRestore: options.liveRestore ?? false,
      systemdRestart: options.systemdRestart ?? true,
      epochMs: options.epochMs ?? DEFAULT_EPOCH_MS,
    };
    this.rng = seedRandom(this.options.seed);
    this.world = createWorld(this.options, () => this.newId());
  }

  /** Installed once by the simulation entry point (src/sim/simulation.ts) to run timers. */
  onTimer(handler: TimerHandler): void {
    this.timerHandler = handler;
  }

  get now(): number {
    return this.world.now;
  }

  /** Appends a message to the trace at the current virtual time. */
  emit(
    kind: TraceKind,
    from: EndpointId,
    to: EndpointId,
    label: string,
    detail?: Record<string, unknown>,
  ): TraceEntry {
    const entry: TraceEntry = detail
      ? { seq: this.trace.length, t: this.world.now, kind, from, to, label, detail }
      : { seq: this.trace.length, t: this.world.now, kind, from, to, label };
    this.trace.push(entry);
    return entry;
  }

  /** Changes the world and records the change, attributed to `at` (the component that made it). */
  change(change: Change, at: EndpointId, label: string): void {
    applyChange(this.world, change);
    this.trace.push({
      seq: this.trace.length,
      t: this.world.now,
      kind: 'state',
      from: at,
      to: at,
      label,
      change,
    });
  }

  /** Lets `ms` of virtual time pass, running every timer that falls due on the way. */
  elapse(ms: number): void {
    const target = this.world.now + Math.max(0, ms);
    this.runTimersUntil(target);
    // A timer's handler may itself let time pass beyond the target: never go back.
    this.world.now = Math.max(this.world.now, target);
  }

  /**
   * Lets time pass until `done()` holds or `limitMs` has passed; returns whether it held.
   * Used where a real component waits: `docker stop` waiting for the exit before SIGKILL.
   */
  elapseUntil(done: () => boolean, limitMs: number): boolean {
    const target = this.world.now + Math.min(Math.max(0, limitMs), MAX_WAIT_MS);
    while (!done()) {
      const next = this.timers[0];
      if (!next || next.due > target) {
        this.world.now = Math.max(this.world.now, target);
        return done();
      }
      this.timers.shift();
      this.world.now = Math.max(this.world.now, next.due);
      this.timerHandler(this, next.action);
    }
    return true;
  }

  /** Runs timers due up to `target` without moving the clock past the last one. */
  private runTimersUntil(target: number): void {
    for (;;) {
      const next = this.timers[0];
      if (!next || next.due > target) return;
      this.timers.shift();
      this.world.now = Math.max(this.world.now, next.due);
      this.timerHandler(this, next.action);
    }
  }

  schedule(delayMs: number, action: TimerAction): void {
    const timer: Timer = {
      due: this.world.now + Math.max(0, delayMs),
      seq: this.timerSeq++,
      action,
    };
    let i = this.timers.length;
    while (i > 0 && this.timers[i - 1]!.due > timer.due) i--;
    this.timers.splice(i, 0, timer);
  }

  cancelTimers(matches: (action: TimerAction) => boolean): void {
    this.timers = this.timers.filter((timer) => !matches(timer.action));
  }

  hasTimer(matches: (action: TimerAction) => boolean): boolean {
    return this.timers.some((timer) => matches(timer.action));
  }

  /** Due time of the earliest pending timer, or null. */
  nextTimerDue(): number | null {
    return this.timers[0]?.due ?? null;
  }

  /** A fresh 64-hex ID (containers, networks, volumes). */
  newId(): string {
    return randomHex(this.rng, 64);
  }

  /** Small deterministic jitter so that timings read naturally, e.g. 40-60 ms for runc create. */
  jitter(min: number, max: number): number {
    return randomInt(this.rng, min, max);
  }

  /** Allocates the next host PID. */
  allocatePid(): number {
    const pid = this.world.nextPid;
    this.world.nextPid += this.jitter(1, 3);
    return pid;
  }
}
