/**
 * One bridge session: the single simulated Docker host that every connection to the bridge
 * (the plain port, the TLS port, the app's live view) talks to, and the clock that makes its
 * virtual time pass while nobody types.
 *
 * The host is the one machine of a Swarm `Cluster` (src/sim/cluster), not a bare Simulation:
 * dockerd embeds SwarmKit, so `docker swarm init` and `docker service ...` must work on it, and
 * the cluster answers those routes through the machine's dockerd while its own timers (Raft,
 * dispatcher, orchestrator) run. Everything else is the machine's own Simulation. The
 * cluster's log is the session's log: the app mirrors it (see live.ts).
 *
 * Contract:
 *   const session = new BridgeSession({ seed?, epochMs?, tickMs? })
 *   session.cluster              the Cluster of one machine (`node-1`); its log replays all
 *   session.sim                  that machine's Simulation (era 'modern'); read freely
 *   session.request(apiRequest)  one Engine API request; listeners are told afterwards
 *   session.apply(input)         any other input (a signal, systemctl, ...), likewise
 *   session.onChange(listener)   called after every request and every clock tick; returns the
 *                                function that removes the listener
 *   session.close()              stops the clock (idempotent); requests still work after it
 *
 * Why a change notification: the held answers (a `/wait` body, an attach or exec stream, an
 * events stream, `logs -f`) depend on what happens later in the simulation, so each re-checks
 * its condition whenever the world may have moved, instead of polling on its own timer.
 */
// The real docker CLI builds through the Engine API: the simulation needs its parser.
import '../src/sim/build/dockerfileAst';
import '../src/sim/engine';
import type { ApiRequest, ApiResponse } from '../src/sim/api/types';
import { Cluster } from '../src/sim/cluster/cluster';
import type { Input, InputResult } from '../src/sim/inputs';
import type { Simulation } from '../src/sim/simulation';

/** The bridge's one machine in its cluster. */
export const BRIDGE_NODE = 'node-1';

export const DEFAULT_SEED = 'docker-anatomy';

export interface BridgeSessionOptions {
  /** Seed of the simulation (IDs, small timing jitter). */
  readonly seed?: string | number;
  /**
   * Unix ms of virtual time 0. Default: the wall clock at start, because the real CLI computes
   * "2 minutes ago" and `events --since 1m` from its own clock.
   */
  readonly epochMs?: number;
  /** Clock period in ms (default 100). 0 disables the clock (tests that drive time themselves). */
  readonly tickMs?: number;
}

export type ChangeListener = () => void;

/** A tick never lets more than this pass at once (a laptop waking from sleep). */
const MAX_TICK_MS = 5_000;

export class BridgeSession {
  readonly cluster: Cluster;
  private readonly listeners = new Set<ChangeListener>();
  private timer: ReturnType<typeof setInterval> | null = null;
  private lastTick = Date.now();
  private notifying = false;

  constructor(options: BridgeSessionOptions = {}) {
    this.cluster = new Cluster({
      seed: String(options.seed ?? DEFAULT_SEED),
      nodes: 1,
      era: 'modern',
      epochMs: options.epochMs ?? Date.now(),
    });
    const tickMs = options.tickMs ?? 100;
    if (tickMs > 0) {
      this.timer = setInterval(() => this.tick(), tickMs);
      // The clock alone must not keep the process alive: the servers do that.
      this.timer.unref();
    }
  }

  /** The machine's own simulation: its world, trace, waits and output. */
  get sim(): Simulation {
    return this.cluster.node(BRIDGE_NODE).sim;
  }

  /** One Engine API request to the machine's dockerd; listeners re-check afterwards. */
  request(request: ApiRequest): ApiResponse {
    try {
      return this.cluster.request(BRIDGE_NODE, request);
    } finally {
      this.notify();
    }
  }

  /** Any input of the machine (a signal, `systemctl stop docker`); listeners re-check afterwards. */
  apply(input: Input): InputResult {
    try {
      return this.cluster.apply(
        input.kind === 'api'
          ? { kind: 'api', node: BRIDGE_NODE, request: input.request }
          : input.kind === 'typed'
            ? { kind: 'typed', node: BRIDGE_NODE, line: input.line }
            : { kind: 'host', node: BRIDGE_NODE, input },
      );
    } finally {
      this.notify();
    }
  }

  /** Registers a listener for "the world may have changed"; returns its removal. */
  onChange(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** How many listeners are registered (tests use it to see that streams clean up). */
  get listenerCount(): number {
    return this.listeners.size;
  }

  /** Stops the clock. */
  close(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /**
   * Virtual time follows the wall clock: each tick lets pass the real time since the last one
   * (about tickMs; more when the event loop was busy), so timers in the simulation (a `sleep 2`
   * container, a restart delay) fall due as they would on a real host.
   */
  private tick(): void {
    const now = Date.now();
    const elapsed = Math.min(Math.max(0, now - this.lastTick), MAX_TICK_MS);
    this.lastTick = now;
    try {
      if (elapsed > 0) this.cluster.idle(elapsed);
    } catch (e) {
      // A fault in the simulation must not stop the clock of a bridge others are using.
      console.error('bridge: the simulation failed while time passed:', e);
    }
    this.notify();
  }

  private notify(): void {
    // A listener that sends a request would notify again from inside the loop: once is enough.
    if (this.notifying) return;
    this.notifying = true;
    try {
      for (const listener of [...this.listeners]) {
        try {
          listener();
        } catch (e) {
          // One broken stream must not stop the others from hearing about the change.
          console.error('bridge: a change listener failed:', e);
        }
      }
    } finally {
      this.notifying = false;
    }
  }
}
