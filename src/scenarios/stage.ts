/**
 * The stage a lesson plays on: its world (one host, a Swarm cluster, or a Kubernetes cluster)
 * and its terminal. The player (src/store) and the headless rehearsal drive a lesson only
 * through this interface, so what the tests rehearse is what the app plays.
 *
 * `makeWorlds` builds a lesson's starting world (the swarm joined, no lines typed yet);
 * `headlessStage` is a stage with its own shell, for tests and the rehearsal.
 */
// The stage plays lines on its worlds: the simulation's engine comes with it.
import '../sim/engine';
import { clusterHostPort } from '../cli/cluster/hostPort';
import { setUpSwarm } from '../cli/cluster/swarmSetup';
import { KubeShell } from '../cli/kubectl';
import { Shell } from '../cli/shell/shell';
import { Cluster } from '../sim/cluster/cluster';
import { KubeCluster } from '../sim/kube/kubeCluster';
import { Simulation } from '../sim/simulation';
import type { LessonView } from './checks';
import type { Fault, Lesson, LessonWorldKind, RunItem } from './schema';

/** The simulations a lesson plays on; which one is set depends on its world. */
export interface LessonWorlds {
  readonly kind: LessonWorldKind;
  /** The host lesson's simulation. */
  readonly sim?: Simulation;
  /** The Swarm lesson's cluster (the terminal is on node-1). */
  readonly cluster?: Cluster;
  readonly kube?: KubeCluster;
}

export interface Stage {
  readonly worlds: LessonWorlds;
  /** Types a line into the lesson's terminal, or applies a fault to a cluster machine. */
  run(item: RunItem): void;
  /** A line still holds the prompt (an attached run, `sleep`, `kubectl delete`). */
  readonly busy: boolean;
  interrupt(): void;
  /** Lets virtual time pass, and the terminal's job catch up with it. */
  advance(ms: number): void;
}

/** The machine whose terminal a Swarm lesson uses (the first manager). */
export const SWARM_TERMINAL_NODE = 'node-1';

export function lessonSeed(lesson: Lesson): string {
  return `lesson/${lesson.id}`;
}

/** The lesson's starting world, before its setup lines are typed. */
export function makeWorlds(lesson: Lesson, seed = lessonSeed(lesson)): LessonWorlds {
  const { start } = lesson;
  switch (start.world) {
    case 'host':
      return {
        kind: 'host',
        sim: new Simulation({ seed, era: start.era, liveRestore: start.liveRestore }),
      };
    case 'swarm': {
      const cluster = new Cluster({ seed, nodes: start.managers + start.workers });
      const error = setUpSwarm(cluster, {
        managers: start.managers,
        workers: start.workers,
        services: [],
      });
      if (error) throw new Error(`lesson "${lesson.id}": the swarm could not be set up: ${error}`);
      return { kind: 'swarm', cluster };
    }
    case 'kubernetes':
      return { kind: 'kubernetes', kube: new KubeCluster({ seed, workers: start.workers }) };
  }
}

/** The simulation whose host the terminal acts on (node-1's in a Swarm lesson). */
export function terminalHost(worlds: LessonWorlds): Simulation | undefined {
  return worlds.sim ?? worlds.cluster?.node(SWARM_TERMINAL_NODE).sim;
}

/** What a check sees, with the host's trace from `since` (where the step began). */
export function viewOf(worlds: LessonWorlds, since: number): LessonView {
  const host = terminalHost(worlds);
  return {
    host: host?.world,
    trace: host?.trace.slice(since),
    swarm: worlds.cluster?.world,
    kube: worlds.kube?.world,
  };
}

/** Where the host's trace ends now: a step's checks read what comes after. */
export function traceMark(worlds: LessonWorlds): number {
  return terminalHost(worlds)?.trace.length ?? 0;
}

/** Applies a fault to a cluster machine; on a host lesson a fault is refused. */
export function applyFault(worlds: LessonWorlds, fault: Fault): string | null {
  if (worlds.cluster) {
    const result = worlds.cluster.apply({ kind: fault.fault, node: fault.node });
    return result.ok ? null : (result.message ?? 'refused');
  }
  if (worlds.kube) {
    const result = worlds.kube.apply({ kind: fault.fault, node: fault.node });
    return result.ok ? null : result.message;
  }
  return 'a host lesson has no machines to fault: type the line that does it';
}

/**
 * Lets time pass on the lesson's world as a view's clock does: a quiet spell (a command
 * waiting, nothing happening) merges into the logged input before it, so waiting out a
 * lesson's commands keeps its log short.
 */
export function advanceWorlds(worlds: LessonWorlds, ms: number): void {
  if (worlds.sim) worlds.sim.idle(ms);
  else if (worlds.cluster) worlds.cluster.idle(ms);
  else worlds.kube?.idle(ms);
}

/** A stage with its own shell on fresh worlds: the rehearsal's, and the tests'. */
export function headlessStage(
  lesson: Lesson,
  onOutput: (text: string) => void = () => undefined,
): Stage {
  const worlds = makeWorlds(lesson);
  const host = worlds.cluster
    ? clusterHostPort(worlds.cluster, SWARM_TERMINAL_NODE)
    : (worlds.sim ?? null);
  const shell = host ? new Shell(host) : new KubeShell(worlds.kube as KubeCluster);
  shell.subscribe((event) => {
    if (event.type === 'output') onOutput(event.chunk.text);
  });
  return {
    worlds,
    run(item) {
      if (typeof item === 'string') shell.execute(item);
      else {
        const refused = applyFault(worlds, item);
        if (refused) onOutput(`${refused}\n`);
      }
    },
    get busy() {
      return shell.busy;
    },
    interrupt: () => shell.interrupt(),
    advance(ms) {
      advanceWorlds(worlds, ms);
      shell.poll();
    },
  };
}
