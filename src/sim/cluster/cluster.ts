/**
 * A Swarm cluster: N simulated machines, each a whole Docker host (its own `Simulation` with
 * dockerd, containerd, shims and runc), plus the SwarmKit parts that dockerd embeds (managers
 * with Raft, the leader's dispatcher, orchestrator and scheduler, each node's agent).
 *
 * API (stable: the CLI and the cluster view code against it)
 *
 *   const c = new Cluster({ seed: 'lesson', nodes: 6, era?: 'modern', epochMs? })
 *     Machines `node-1`..`node-N` (hostname = id, addr 10.0.0.11..), none in a swarm yet.
 *     Each node's Simulation is seeded with `${seed}/node-<i>`.
 *   c.nodes: readonly ClusterMachine[]    { id, hostname, addr, sim: Simulation }
 *   c.node(id): ClusterMachine            throws on an unknown id
 *   c.world: ClusterWorld                 (./types.ts) what the managers know plus each
 *                                         machine's real health; changed only through
 *                                         ClusterChange entries of the trace
 *   c.trace: TraceWindow<ClusterTraceEntry>  (./trace.ts) seq, t, kind, from, to, label,
 *                                         detail?, change?; the latest entries only
 *                                         (CLUSTER_TRACE_KEEP at least), read by seq: at(seq)
 *   c.worldAt(seq): ClusterWorld          the world just after trace entry `seq` (the oldest
 *                                         still known, for a seq the trace let go)
 *   c.log: readonly LoggedClusterInput[]  every input with its virtual time
 *   Cluster.replay(options, log)          rebuilds the same trace (and node traces) exactly
 *   c.apply(input, at?): ClusterInputResult   one input (./inputs.ts); time passes first to `at`
 *   c.request(nodeId, ApiRequest): ApiResponse
 *                                         the Engine API of one machine, as `docker` on it
 *                                         would call it. Swarm routes (/swarm, /nodes,
 *                                         /services, /tasks, and the Swarm part of /info) are
 *                                         answered by the cluster through that node's dockerd;
 *                                         the rest by the node's own Simulation. A powered-off
 *                                         machine answers nothing (connectionRefused).
 *   c.advance(ms)                         virtual time passes on every machine and in the
 *                                         cluster's own timers, in lock step
 *   c.now                                 the cluster's virtual time (ms)
 *   c.meshRoutes(port, nodeIds, limit)    the same for the first connections at many machines
 *   c.meshAnswer(nodeId, port, n = 0)     which task would answer the n-th connection to a
 *                                         published port on that machine (mesh.ts), or null
 *
 * Input kinds (ClusterInput, ./inputs.ts):
 *   { kind: 'api', node, request }        an Engine API request on a machine
 *   { kind: 'typed', node, line }         a line typed at a machine's terminal (recorded only)
 *   { kind: 'host', node, input }         any other host input (signal, systemctl, file write)
 *   { kind: 'powerOff', node }            the machine stops: every process dies, it answers nothing
 *   { kind: 'partition', node }           the machine runs on but no manager can reach it, nor
 *                                         it them
 *   { kind: 'restore', node }             power on (dockerd and containerd boot again; old task
 *                                         containers are not restarted by dockerd, the agent
 *                                         reconciles) or heal a partition
 *   { kind: 'advance', ms }               time passes
 *   Drain, activate, promote and demote are Engine API requests (POST /nodes/{id}/update).
 *
 * Trace endpoints (diagram node ids):
 *   user                  who typed or pulled the plug
 *   cluster               every machine at once (time passing)
 *   node-N                the machine itself (power, network)
 *   node-N:dockerd        that machine's dockerd, answering the Engine API
 *   node-N:manager        the SwarmKit manager inside that dockerd (a Raft member)
 *   node-N:agent          the SwarmKit agent inside that dockerd (runs the node's tasks)
 *   raft                  the replicated store: a write is proposed to it and committed
 *   dispatcher            the leader's dispatcher: heartbeats in, task assignments out
 *   orchestrator          the leader's orchestrators (replicated, global, restart, updater)
 *   scheduler             the leader's scheduler: pending task -> node
 * Trace kinds: input, control, raft, heartbeat, assign, status, note, state (./trace.ts).
 * Each machine's own trace (its dockerd, containerd, shims) is in `c.node(id).sim.trace`; the
 * swarm agent's work there appears as notes `swarm agent: ...` from dockerd.
 *
 * Timings follow SwarmKit's defaults (./defaults.ts, with sources): Raft tick 1 s, election
 * after 10 to 19 silent ticks, node heartbeats every 5 s +/- 0.5 s, a node down after 3
 * periods without one, restart delay 5 s, update monitor 5 s.
 */
import type { ApiRequest, ApiResponse } from '../api/types';
import { DEFAULT_EPOCH_MS } from '../host';
import type { Era } from '../eras';
// A cluster's machines are whole hosts that act: their engine comes with the cluster.
import '../engine';
import { Simulation } from '../simulation';
import { agentStep, agentSync, containerDied, dispatchAssignments } from './agent';
import { swarmRoute } from './api';
import { initialClusterWorld } from './changes';
import { SCHEDULER_DEBOUNCE_MS, TICK_MS } from './defaults';
import { expireSessions, heartbeat, register } from './dispatcher';
import { ClusterHistory } from './history';
import {
  describeClusterInput,
  type ClusterInput,
  type ClusterInputResult,
  type LoggedClusterInput,
} from './inputs';
import { afterRaft } from './leadership';
import { meshAnswerIn, meshRoutesIn, type MeshAnswer } from './mesh';
import { canCommit, swarmRunning } from './net';
import { delayedStart, orchestrate } from './orchestrator';
import { partition, powerOff, restore } from './power';
import { dropDeadLeader, memberBooted, raftTick } from './raft';
import { ClusterRuntime, type ClusterMachine, type ClusterTimer } from './runtime';
import { schedulePass } from './scheduler';
import { patchTask } from './store';
import type { ClusterTraceEntry } from './trace';
import type { TraceWindow } from '../traceWindow';
import type { ClusterWorld, NodeId } from './types';
import { updateStep } from './update';
import { MAX_ADVANCE_MS } from '../inputs';

export type { ClusterMachine } from './runtime';

export interface ClusterOptions {
  readonly seed: string | number;
  /** `split` (1.12 to 18.06) or `modern` (the default); Docker 1.10 had no swarm mode. */
  readonly era?: Era;
  /** How many machines: `node-1`..`node-N`. */
  readonly nodes: number;
  /** Unix ms of virtual time 0. */
  readonly epochMs?: number;
}

const REFUSED: ApiResponse = { status: 0, headers: {}, connectionRefused: true };

export class Cluster {
  readonly nodes: readonly ClusterMachine[];
  readonly log: LoggedClusterInput[] = [];
  private readonly rt: ClusterRuntime;
  private readonly history: ClusterHistory;
  /** Whether each machine's Swarm parts ran at the last look, to notice them stop or start. */
  private readonly running = new Map<NodeId, boolean>();
  /** How far each machine's trace has been read for container exits. */
  private readonly cursors = new Map<NodeId, number>();

  constructor(readonly options: ClusterOptions) {
    const era = options.era ?? 'modern';
    if (era === 'monolith')
      throw new Error('Swarm mode arrived in Docker 1.12: use the split or modern era');
    const epochMs = options.epochMs ?? DEFAULT_EPOCH_MS;
    this.nodes = Array.from({ length: options.nodes }, (_, i) => {
      const id = `node-${i + 1}`;
      const sim = new Simulation({ seed: `${options.seed}/${id}`, era, epochMs });
      return { id, hostname: id, addr: `10.0.0.${11 + i}`, sim };
    });
    const world = initialClusterWorld(this.nodes, epochMs);
    this.history = new ClusterHistory(world);
    // Before the trace lets old entries go, the history keeps the world where they end.
    this.rt = new ClusterRuntime(world, this.nodes, options.seed, (first) =>
      this.history.forgetBefore(this.rt.trace, first - 1),
    );
    for (const m of this.nodes) {
      m.sim.routeOverride = (request, next) => swarmRoute(this.rt, m.id, request, next);
      this.running.set(m.id, true);
      this.cursors.set(m.id, m.sim.trace.length);
    }
    this.rt.schedule(TICK_MS, { kind: 'raftTick' });
  }

  /** Rebuilds a cluster from its options and input log: the same traces, byte for byte. */
  static replay(options: ClusterOptions, log: readonly LoggedClusterInput[]): Cluster {
    const cluster = new Cluster(options);
    for (const entry of log) cluster.apply(entry.input, entry.at);
    return cluster;
  }

  get world(): ClusterWorld {
    return this.rt.world;
  }

  /** The latest entries (CLUSTER_TRACE_KEEP at least), by absolute seq. */
  get trace(): TraceWindow<ClusterTraceEntry> {
    return this.rt.trace;
  }

  get now(): number {
    return this.rt.now;
  }

  node(id: NodeId): ClusterMachine {
    return this.rt.machine(id);
  }

  /** The cluster world just after trace entry `seq`. */
  worldAt(seq: number): ClusterWorld {
    return this.history.worldAt(this.rt.trace, seq);
  }

  /** Which task answers the `connection`-th connection to `port` on `node` (mesh.ts). */
  meshAnswer(node: NodeId, port: number, connection = 0): MeshAnswer | null {
    return meshAnswerIn(this.rt, node, port, connection);
  }

  /** Who answers the first `limit` connections to `port` at each of `nodes`, in turn (mesh.ts). */
  meshRoutes(port: number, nodes: readonly NodeId[], limit: number): Map<NodeId, MeshAnswer[]> {
    return meshRoutesIn(this.rt, port, nodes, limit);
  }

  /** What `activity()` was after the last idle spell (merging needs nothing since). */
  private quietSince = -1;

  /** Applies one input at virtual time `at` (default: now); time in between passes first. */
  apply(input: ClusterInput, at: number = this.rt.now): ClusterInputResult {
    if (at > this.rt.now) this.advanceTo(at);
    this.log.push({ at: this.rt.now, input });
    const target = input.kind === 'advance' ? 'cluster' : input.node;
    this.rt.emit('input', 'user', target, describeClusterInput(input));
    const result = this.dispatch(input);
    this.settle();
    return result;
  }

  /** An Engine API request on a machine, as `docker` there would send it. */
  request(node: NodeId, request: ApiRequest): ApiResponse {
    return this.apply({ kind: 'api', node, request }).response ?? REFUSED;
  }

  /** Lets virtual time pass on every machine and in the cluster, in lock step. */
  advance(ms: number): void {
    this.apply({ kind: 'advance', ms });
  }

  /**
   * Lets time pass while nobody acts (a live clock, such as the bridge's). Idle spells with
   * nothing else in between (no input, nothing traced since the last one ended) are merged
   * into one logged input, so a long quiet session keeps a short log; replaying the merged
   * input gives the same traces, since timers fall due at the same virtual times either way
   * and the settles it skips (at the ends of the spells) find nothing left to do.
   */
  idle(ms: number): void {
    const last = this.log.at(-1);
    if (
      last?.input.kind === 'advance' &&
      this.quietSince === this.activity() &&
      last.input.ms + ms <= MAX_ADVANCE_MS
    )
      this.extendIdle(ms);
    else this.advance(ms);
    this.quietSince = this.activity();
  }

  /**
   * Lets `ms` more pass as part of the last logged input, which must be an `advance`: what a
   * mirror does when the cluster it follows merged an idle spell into that input.
   */
  extendIdle(ms: number): void {
    const last = this.log.at(-1);
    if (last?.input.kind !== 'advance') return this.advance(ms);
    const merged = last.input.ms + Math.max(0, ms);
    this.log[this.log.length - 1] = { at: last.at, input: { kind: 'advance', ms: merged } };
    this.advanceTo(last.at + merged);
    this.settle();
  }

  /** How much has happened so far, everywhere: the lengths of every trace. */
  private activity(): number {
    return this.nodes.reduce((n, m) => n + m.sim.trace.length, this.rt.trace.length);
  }

  private dispatch(input: ClusterInput): ClusterInputResult {
    switch (input.kind) {
      case 'api': {
        const m = this.rt.machine(input.node);
        if (this.rt.world.nodes[input.node]?.machine === 'powered-off')
          return { ok: true, response: REFUSED };
        const result = m.sim.apply({ kind: 'api', request: input.request }, this.rt.now);
        // The request took the machine's time: the cluster's clock catches up with it.
        this.settle();
        this.advanceTo(m.sim.now);
        return result;
      }
      case 'typed':
      case 'host': {
        if (this.rt.world.nodes[input.node]?.machine === 'powered-off')
          return { ok: false, message: `${input.node} is powered off` };
        const m = this.rt.machine(input.node);
        return m.sim.apply(
          input.kind === 'typed' ? { kind: 'typed', line: input.line } : input.input,
          this.rt.now,
        );
      }
      case 'powerOff':
      case 'partition':
      case 'restore':
        return this.fault(input.kind, input.node);
      case 'advance':
        this.advanceTo(this.rt.now + Math.max(0, Math.min(input.ms, MAX_ADVANCE_MS)));
        return { ok: true };
    }
  }

  /** A machine fails or comes back; a name that is no machine here is refused, as kube does. */
  private fault(kind: 'powerOff' | 'partition' | 'restore', node: NodeId): ClusterInputResult {
    if (!Object.hasOwn(this.rt.world.nodes, node))
      return { ok: false, message: `no machine called ${node}` };
    if (kind === 'powerOff') powerOff(this.rt, node);
    else if (kind === 'partition') partition(this.rt, node);
    else restore(this.rt, node);
    return { ok: true };
  }

  /** Runs every timer (the cluster's and each machine's) up to `target`, in time order. */
  private advanceTo(target: number): void {
    for (;;) {
      let due = this.rt.nextDue();
      for (const m of this.nodes) {
        const d = m.sim.host.nextTimerDue();
        if (d !== null && (due === null || d < due)) due = d;
      }
      if (due === null || due > target) break;
      this.stepTo(Math.max(due, this.rt.now));
    }
    this.stepTo(target);
  }

  private stepTo(t: number): void {
    if (t > this.rt.world.now) this.rt.world.now = t;
    for (const m of this.nodes) if (m.sim.host.now < t) m.sim.host.elapse(t - m.sim.host.now);
    this.settle();
    for (let action = this.rt.takeDue(t); action; action = this.rt.takeDue(t)) {
      this.run(action);
      this.settle();
    }
  }

  private run(action: ClusterTimer): void {
    const rt = this.rt;
    switch (action.kind) {
      case 'raftTick':
        afterRaft(rt, raftTick(rt));
        expireSessions(rt);
        if (canCommit(rt)) rt.scheduleOnce(0, { kind: 'schedule' });
        rt.schedule(TICK_MS, { kind: 'raftTick' });
        return;
      case 'heartbeat':
        heartbeat(rt, action.node);
        agentSync(rt, action.node);
        return;
      case 'register':
        if (register(rt, action.node)) agentSync(rt, action.node);
        return;
      case 'allocate': {
        const t = rt.world.tasks[action.task];
        if (!t || t.state !== 'new' || !canCommit(rt)) return;
        patchTask(
          rt,
          t.id,
          { state: 'pending', message: 'pending task scheduling' },
          'orchestrator',
          `task ${t.id} allocated`,
        );
        rt.scheduleOnce(SCHEDULER_DEBOUNCE_MS, { kind: 'schedule' });
        return;
      }
      case 'schedule':
        schedulePass(rt);
        return;
      case 'agent':
        agentStep(rt, action.node, action.task);
        return;
      case 'delayedStart':
        delayedStart(rt, action.task);
        return;
      case 'update':
        updateStep(rt, action.service);
        return;
    }
  }

  /** After anything happened: notice machines stopping or starting, exits, and let the leader react. */
  private settle(): void {
    const rt = this.rt;
    for (const m of this.nodes) {
      const up = swarmRunning(rt, m.id);
      if (up !== this.running.get(m.id)) {
        this.running.set(m.id, up);
        if (!up) afterRaft(rt, { elected: null, lost: dropDeadLeader(rt) });
        else if (rt.world.nodes[m.id]?.localState === 'active') {
          memberBooted(rt, m.id);
          rt.scheduleOnce(rt.jitter(100, 1000), { kind: 'register', node: m.id });
        }
      }
      const trace = m.sim.trace;
      for (let i = this.cursors.get(m.id) ?? 0; i < trace.length; i++) {
        const change = trace[i]!.change;
        if (change?.op === 'event' && change.event.action === 'die')
          containerDied(rt, m.id, change.event.actorId);
      }
      this.cursors.set(m.id, trace.length);
    }
    orchestrate(rt);
    dispatchAssignments(rt);
  }
}
