/**
 * The simulation's front door. A `Simulation` is one host plus the log of inputs that made
 * it what it is. Everything outside src/sim (the views, the terminal, lessons, the bridge)
 * talks to it through `apply` (or `request` for the Engine API) and reads `world` and `trace`.
 *
 * Contract: deterministic. `Simulation.replay(options, sim.log)` rebuilds the same trace, byte
 * for byte. Nothing here reads the wall clock, random numbers or the DOM.
 */
import { dispatch, type RouteOverride } from './dispatch';
import { type ApiRequest, type ApiResponse, type PendingWait, type StdioFrame } from './api/types';
import { onExecProcessExit } from './daemon/exec';
import { forgetExecs } from './daemon/execStore';
import { onRestartDue, onTaskExit } from './daemon/exits';
import {
  onDaemonExit,
  onServiceRestartDue,
  reloadDockerd,
  stopContainerd,
  stopDockerd,
} from './daemon/service';
import { DockerHost, type HostOptions, type TimerAction } from './host';
import {
  describeInput,
  MAX_ADVANCE_MS,
  type Input,
  type InputResult,
  type LoggedInput,
} from './inputs';
import { childrenOf, exitProcess } from './kernel';
import { onInitExit, onShimExit } from './runtime';
import { WorldHistory } from './snapshot';
import type { TraceEntry } from './trace';
import type { Process, World } from './types';

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
    this.host.hooks = {
      onExit: (h, p, status) => onProcessExit(h, p, status),
      onDaemonSignal: (h, p, signal) => {
        if (p.role === 'dockerd') {
          if (signal === 'SIGTERM' || signal === 'SIGINT') stopDockerd(h, false);
          else if (signal === 'SIGHUP') reloadDockerd(h);
        } else if (signal === 'SIGTERM' || signal === 'SIGINT') {
          stopContainerd(h, false);
        }
      },
      onTaskExit,
    };
    this.host.onTimer(runTimer);
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
    return dispatch(this.host, input, this.routeOverride);
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

/** The kernel reports an exit: the supervisor of that process reacts. */
function onProcessExit(h: DockerHost, p: Process, status: number): void {
  switch (p.role) {
    case 'dockerd':
      if (h.world.services.dockerd.pid === p.pid) {
        forgetExecs(h); // the exec store lives in dockerd's memory
        onDaemonExit(h, 'dockerd', status);
      }
      return;
    case 'containerd':
      if (h.world.services.containerd.pid === p.pid) onDaemonExit(h, 'containerd', status);
      return;
    case 'shim':
      if (p.containerId) onShimExit(h, p.containerId, p.pid);
      return;
    case 'container':
    case 'docker-init':
    case 'runc-init':
      // A `docker exec` process: the shim reaps it and reports the exit for its exec ID.
      if (p.role === 'container' && p.execId) onExecProcessExit(h, p, status);
      if (p.nsPid !== 1 || !p.containerId) return;
      if (h.world.settings.era === 'monolith') {
        // The 1.10 daemon reaps its own children; a daemon that is dying (its children are
        // killed with it) records nothing: its restart marks them exited 137.
        const daemon = h.world.services.dockerd.pid;
        const alive = daemon !== null && h.world.processes[daemon] !== undefined;
        const state = h.world.services.dockerd.state;
        if (alive && (state === 'up' || state === 'stopping')) onTaskExit(h, p.containerId, status);
      } else {
        onInitExit(h, p.containerId, status);
      }
      return;
    default:
      return;
  }
}

function runTimer(h: DockerHost, action: TimerAction): void {
  switch (action.kind) {
    case 'programExit': {
      const p = h.world.processes[action.pid];
      if (!p) return;
      // A frozen program cannot finish: its exit waits for the thaw.
      if (p.frozen)
        h.change(
          { op: 'process.pending', pid: p.pid, pendingExit: action.status },
          'kernel',
          'exit pending (frozen)',
        );
      else {
        // A graceful shutdown: the program tells its children to quit and waits for them.
        if (action.graceful) for (const child of childrenOf(h, p.pid)) exitProcess(h, child.pid, 0);
        exitProcess(h, action.pid, action.status);
      }
      return;
    }
    case 'restartContainer':
      onRestartDue(h, action.containerId);
      return;
    case 'serviceRestart':
      onServiceRestartDue(h, action.service);
      return;
  }
}
