/**
 * The memory probe, run by memory.ts in a Node of its own with `--expose-gc` (so no other part
 * of the benchmark shares its heap). Plays the lesson set headless on a loop, two ways, and
 * prints one JSON line: the JS heap (after a full GC, compiled code left out) after each pass.
 *
 * - fresh: every pass plays each lesson on a new world (its setup, demo lines and reference
 *   solutions, as the rehearsal does), as the app's player does when a lesson starts. What
 *   the previous pass built may be collected; only a leak would stay.
 * - long: one world per lesson, kept from pass to pass: the lesson's setup once, then every
 *   pass its demo lines and reference solutions again and a minute of quiet, and the world
 *   drawn as it is now (`worldAt` the last entry, which is what the app renders and which
 *   makes the history checkpoints). A long simulated session: unless the trace and the history
 *   are bounded or compacted, the heap grows with it.
 *
 * - clocks: a host, two swarms and a Kubernetes cluster left on screen with their clocks
 *   running (idle, 100 ms ticks) for two virtual hours: what the first hour on a projector
 *   keeps, and whether the second keeps more.
 *
 *   node --expose-gc --import tsx scripts/bench/memoryLoop.ts [passes]
 */
import { getHeapSpaceStatistics } from 'node:v8';
import type { Cluster } from '../../src/sim/cluster/cluster';
import { ClusterDriver } from '../../src/sim/cluster/driver';
import { KubeCluster } from '../../src/sim/kube/kubeCluster';
import { createDeployment } from '../../src/sim/kube/testing';
import { standardSession } from '../../src/sim/testing/session';
import { LESSONS } from '../../src/scenarios';
import { rehearse, runToEnd } from '../../src/scenarios/rehearse';
import { headlessStage, type Stage } from '../../src/scenarios/stage';

export interface LoopResult {
  readonly passes: number;
  /** The heap in use after a full GC, compiled code left out, after each pass, bytes. */
  readonly heap: readonly number[];
  /** Trace entries held by all the worlds, after each pass (long loop only). */
  readonly traceEntries: readonly number[];
  /** Logged inputs held by all the worlds, after each pass (long loop only). */
  readonly loggedInputs: readonly number[];
  /** Virtual time the worlds have run, summed, after each pass, ms (long loop only). */
  readonly virtualMs: readonly number[];
  readonly seconds: number;
}

/** A world left on screen with its clock running, as on a projector for a whole lesson. */
export interface ClockResult {
  readonly world: string;
  /** Virtual minutes in each of the two spells measured (100 ms ticks at 1x, as views tick). */
  readonly minutes: number;
  /** The heap the first spell kept, and the second (after it, still running), bytes. */
  readonly heapBytes: readonly [number, number];
  /** Trace entries made over both spells, and held at the end. */
  readonly traceEntries: number;
  readonly heldEntries: number;
  readonly loggedInputs: number;
}

export interface MemoryProbe {
  readonly lessons: number;
  readonly fresh: LoopResult;
  readonly long: LoopResult;
  readonly clocks: readonly ClockResult[];
}

const collect = (globalThis as { gc?: () => void }).gc;

/**
 * The JS heap in use after a full GC, less the code spaces: compiled code grows as the JIT
 * warms up over the first passes, and is not data the app keeps.
 */
function heapAfterGc(): number {
  if (!collect) throw new Error('run with node --expose-gc');
  collect();
  collect();
  return getHeapSpaceStatistics()
    .filter((space) => !space.space_name.startsWith('code'))
    .reduce((sum, space) => sum + space.space_used_size, 0);
}

function freshLoop(passes: number): LoopResult {
  const started = performance.now();
  const heap: number[] = [];
  for (let pass = 0; pass < passes; pass++) {
    for (const lesson of LESSONS) {
      const { problems } = rehearse(lesson);
      if (problems.length > 0) throw new Error(problems[0]);
    }
    heap.push(heapAfterGc());
  }
  const seconds = (performance.now() - started) / 1000;
  return { passes, heap, traceEntries: [], loggedInputs: [], virtualMs: [], seconds };
}

function held(stages: readonly Stage[]) {
  let trace = 0;
  let inputs = 0;
  let virtual = 0;
  for (const { worlds } of stages) {
    if (worlds.sim) {
      trace += worlds.sim.trace.length;
      inputs += worlds.sim.log.length;
      virtual += worlds.sim.world.now;
    }
    if (worlds.cluster) {
      trace += worlds.cluster.trace.length - worlds.cluster.trace.first;
      inputs += worlds.cluster.log.length;
      virtual += worlds.cluster.now;
      for (const machine of worlds.cluster.nodes) {
        trace += machine.sim.trace.length;
        inputs += machine.sim.log.length;
      }
    }
    if (worlds.kube) {
      trace += worlds.kube.trace.length - worlds.kube.trace.first;
      inputs += worlds.kube.log.length;
      virtual += worlds.kube.now;
    }
  }
  return { trace, inputs, virtual };
}

function longLoop(passes: number): LoopResult {
  const started = performance.now();
  const stages = LESSONS.map((lesson) => {
    const stage = headlessStage(lesson);
    for (const line of lesson.start.setup) runToEnd(stage, line);
    return stage;
  });
  const heap: number[] = [];
  const traceEntries: number[] = [];
  const loggedInputs: number[] = [];
  const virtualMs: number[] = [];
  for (let pass = 0; pass < passes; pass++) {
    LESSONS.forEach((lesson, i) => {
      const stage = stages[i] as Stage;
      for (const step of lesson.steps) {
        for (const item of step.run ?? []) runToEnd(stage, item);
        for (const item of step.task?.solution ?? []) runToEnd(stage, item);
      }
      stage.advance(60_000);
      const { sim, cluster } = stage.worlds;
      if (sim) sim.worldAt(sim.trace.length - 1);
      if (cluster) cluster.worldAt(cluster.trace.length - 1);
    });
    heap.push(heapAfterGc());
    const now = held(stages);
    traceEntries.push(now.trace);
    loggedInputs.push(now.inputs);
    virtualMs.push(now.virtual);
  }
  const seconds = (performance.now() - started) / 1000;
  return { passes, heap, traceEntries, loggedInputs, virtualMs, seconds };
}

const CLOCK_MINUTES = 60;
const TICK_MS = 100;

interface Clocked {
  /** A host's trace (an array) or a cluster's (a TraceWindow, which has a `first`). */
  readonly trace: { readonly length: number; readonly first?: number };
  readonly log: { readonly length: number };
  idle(ms: number): void;
}

/** Runs a world's clock as its view does, for two spells, and says what each kept. */
function clockRun(world: string, made: Clocked): ClockResult {
  const trace = made.trace.length;
  const inputs = made.log.length;
  const spell = () => {
    const before = heapAfterGc();
    for (let i = 0; i < (CLOCK_MINUTES * 60_000) / TICK_MS; i++) made.idle(TICK_MS);
    return heapAfterGc() - before;
  };
  const first = spell();
  const second = spell();
  return {
    world,
    minutes: CLOCK_MINUTES,
    heapBytes: [first, second],
    traceEntries: made.trace.length - trace,
    heldEntries: made.trace.length - (made.trace.first ?? 0),
    loggedInputs: made.log.length - inputs,
  };
}

function swarm(nodes: number, replicas: number): Cluster {
  const d = new ClusterDriver({ seed: 'clock', nodes });
  d.form(3, nodes - 3);
  d.createService('node-1', { name: 'web', replicas });
  d.advance(60_000);
  return d.cluster;
}

function clocks(): ClockResult[] {
  // The determinism tests' session: images pulled, containers run, stopped and removed.
  const host = standardSession().sim;
  const kube = new KubeCluster({ seed: 'clock', workers: 3 });
  createDeployment(kube, 'web', 3);
  return [
    clockRun('host', host),
    clockRun('swarm, 6 nodes, 6 tasks', swarm(6, 6)),
    clockRun('swarm, 50 nodes, 1,000 tasks', swarm(50, 1000)),
    clockRun('kubernetes, 4 nodes, 3 pods', kube),
  ];
}

const passes = Number(process.argv[2] ?? 10);
const probe: MemoryProbe = {
  lessons: LESSONS.length,
  fresh: freshLoop(passes),
  long: longLoop(passes),
  clocks: clocks(),
};
process.stdout.write(`${JSON.stringify(probe)}\n`);
