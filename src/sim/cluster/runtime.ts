/**
 * The cluster's runtime: its world, trace, seeded generator and timers, and the primitives
 * the Swarm parts are written in (`emit` a message, `change` the world, `schedule` deferred
 * work), in the image of a host's DockerHost. Pure and deterministic: timers are data, run in
 * (due, seq) order; nothing reads the wall clock or real randomness.
 */
import { randomInt, seedRandom, type RandomState } from '../random';
import type { Simulation } from '../simulation';
import { applyClusterChange, type ClusterChange } from './changes';
import { swarmId } from './ids';
import type { ClusterEndpoint, ClusterTraceEntry, ClusterTraceKind } from './trace';
import { CLUSTER_TRACE_KEEP, TraceWindow } from '../traceWindow';
import type { ClusterWorld, NodeId, SwarmTask } from './types';

/** One machine of the cluster: a whole simulated Docker host. */
export interface ClusterMachine {
  /** `node-3`. */
  readonly id: NodeId;
  /** Same as the id. */
  readonly hostname: string;
  /** `10.0.0.13` for node-3. */
  readonly addr: string;
  readonly sim: Simulation;
}

/** Deferred work of the Swarm parts, as data. */
export type ClusterTimer =
  /** Raft's tick (TickInterval 1 s): elections, CheckQuorum, the dispatcher's deadlines. */
  | { readonly kind: 'raftTick' }
  /** An agent's next heartbeat to the dispatcher. */
  | { readonly kind: 'heartbeat'; readonly node: NodeId }
  /** An agent (re)opens its session with the leader's dispatcher. */
  | { readonly kind: 'register'; readonly node: NodeId }
  /** The allocator takes a new task (new -> pending). */
  | { readonly kind: 'allocate'; readonly task: string }
  /** A scheduler pass over the pending tasks. */
  | { readonly kind: 'schedule' }
  /** An agent's next step with one task (accept, prepare, start, report, shut down). */
  | { readonly kind: 'agent'; readonly node: NodeId; readonly task: string }
  /** The restart supervisor lets a `ready` task run. */
  | { readonly kind: 'delayedStart'; readonly task: string }
  /** A rolling update's next step. */
  | { readonly kind: 'update'; readonly service: string };

interface Timer {
  readonly due: number;
  readonly seq: number;
  readonly action: ClusterTimer;
}

export class ClusterRuntime {
  readonly trace: TraceWindow<ClusterTraceEntry>;
  readonly machines: ReadonlyMap<NodeId, ClusterMachine>;
  /** Services whose tasks changed in a way the orchestrators must look at. */
  readonly dirty = new Set<string>();
  /** A node's status or availability changed: every service is looked at again. */
  nodesChanged = false;
  /**
   * Agents' status reports not yet sent (agent memory): the host work they describe ran on
   * the machine's clock, so the report goes out when the cluster's clock catches up.
   */
  readonly reports = new Map<
    string,
    { readonly patch: Partial<SwarmTask>; readonly label: string }
  >();
  /** Each agent's current retry delay for opening a session (agent memory). */
  readonly backoff = new Map<NodeId, number>();
  /** Tasks written since the dispatcher last told the agents. */
  readonly touched = new Set<string>();
  /** Task containers the agents created: container id -> task id. */
  readonly containers = new Map<string, string>();
  private readonly rng: RandomState;
  private timers: Timer[] = [];
  private timerSeq = 0;
  /** When the pending timers of each action (JSON) are due, for `scheduleOnce`. */
  private readonly pending = new Map<string, number[]>();

  constructor(
    readonly world: ClusterWorld,
    machines: readonly ClusterMachine[],
    seed: string | number,
    /** Called before the trace lets its entries before `first` go. */
    beforeLettingGo?: (first: number) => void,
  ) {
    this.trace = new TraceWindow(CLUSTER_TRACE_KEEP, beforeLettingGo);
    this.machines = new Map(machines.map((m) => [m.id, m]));
    this.rng = seedRandom(`${seed}/cluster`);
  }

  get now(): number {
    return this.world.now;
  }

  machine(id: NodeId): ClusterMachine {
    const m = this.machines.get(id);
    if (!m) throw new Error(`no machine ${id}`);
    return m;
  }

  emit(
    kind: ClusterTraceKind,
    from: ClusterEndpoint,
    to: ClusterEndpoint,
    label: string,
    detail?: Record<string, unknown>,
    change?: ClusterChange,
  ): ClusterTraceEntry {
    if (change) {
      this.index(change);
      applyClusterChange(this.world, change);
    }
    const base = { seq: this.trace.length, t: this.world.now, kind, from, to, label };
    const entry: ClusterTraceEntry = {
      ...base,
      ...(detail ? { detail } : {}),
      ...(change ? { change } : {}),
    };
    this.trace.push(entry);
    return entry;
  }

  /** Task ids by service and by node, in creation order (indexes over world.tasks). */
  private readonly byService = new Map<string, Set<string>>();
  private readonly byNode = new Map<NodeId, Set<string>>();

  private index(change: ClusterChange): void {
    const add = (map: Map<string, Set<string>>, key: string, id: string): void => {
      const ids = map.get(key) ?? new Set<string>();
      ids.add(id);
      map.set(key, ids);
    };
    if (change.op === 'task') {
      add(this.byService, change.task.serviceId, change.task.id);
      if (change.task.nodeId) add(this.byNode, change.task.nodeId, change.task.id);
    } else if (change.op === 'task.remove') {
      const t = this.world.tasks[change.id];
      if (t) this.byService.get(t.serviceId)?.delete(t.id);
      if (t?.nodeId) this.byNode.get(t.nodeId)?.delete(t.id);
    }
  }

  private collect(ids: Iterable<string> | undefined): SwarmTask[] {
    const out: SwarmTask[] = [];
    for (const id of ids ?? []) {
      const t = this.world.tasks[id];
      if (t) out.push(t);
    }
    return out;
  }

  /** Every task of a service, oldest first. */
  tasksOf(serviceId: string): SwarmTask[] {
    return this.collect(this.byService.get(serviceId));
  }

  /** Every task assigned to a node, oldest first. */
  tasksOn(node: NodeId): SwarmTask[] {
    return this.collect(this.byNode.get(node)).filter((t) => t.nodeId === node);
  }

  /** Changes the world and records it, made by `at`. */
  change(change: ClusterChange, at: ClusterEndpoint, label: string): void {
    this.emit('state', at, at, label, undefined, change);
  }

  /** The next Raft index, for a write about to be committed. */
  nextIndex(): number {
    return this.world.index + 1;
  }

  schedule(delayMs: number, action: ClusterTimer): void {
    const timer: Timer = { due: this.now + Math.max(0, delayMs), seq: this.timerSeq++, action };
    let i = this.timers.length;
    while (i > 0 && this.timers[i - 1]!.due > timer.due) i--;
    this.timers.splice(i, 0, timer);
    const key = JSON.stringify(action);
    this.pending.set(key, [...(this.pending.get(key) ?? []), timer.due]);
  }

  /** Schedules `action` unless an equal one is already due by then. */
  scheduleOnce(delayMs: number, action: ClusterTimer): void {
    const due = this.now + Math.max(0, delayMs);
    const dues = this.pending.get(JSON.stringify(action)) ?? [];
    if (!dues.some((d) => d <= due)) this.schedule(delayMs, action);
  }

  cancel(matches: (action: ClusterTimer) => boolean): void {
    const kept: Timer[] = [];
    for (const t of this.timers) {
      if (matches(t.action)) this.forget(t);
      else kept.push(t);
    }
    this.timers = kept;
  }

  private forget(timer: Timer): void {
    const key = JSON.stringify(timer.action);
    const dues = this.pending.get(key) ?? [];
    const i = dues.indexOf(timer.due);
    const rest = i < 0 ? dues : [...dues.slice(0, i), ...dues.slice(i + 1)];
    if (rest.length > 0) this.pending.set(key, rest);
    else this.pending.delete(key);
  }

  has(matches: (action: ClusterTimer) => boolean): boolean {
    return this.timers.some((t) => matches(t.action));
  }

  nextDue(): number | null {
    return this.timers[0]?.due ?? null;
  }

  /** Takes the earliest timer if it is due by `t`. */
  takeDue(t: number): ClusterTimer | null {
    const next = this.timers[0];
    if (!next || next.due > t) return null;
    this.timers.shift();
    this.forget(next);
    return next.action;
  }

  newId(): string {
    return swarmId(this.rng);
  }

  jitter(min: number, max: number): number {
    return randomInt(this.rng, min, max);
  }

  random(): RandomState {
    return this.rng;
  }
}
