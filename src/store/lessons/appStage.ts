/**
 * A lesson's stage in the app: its worlds live in the app's stores (the session for a host,
 * the cluster store for a swarm, the kube store for Kubernetes) and its lines are typed into
 * the terminal the learner sees, so every demo line and its output stay on screen.
 *
 * This is the lesson player's heavy half: it brings the simulation's engine, the shells, Swarm
 * and Kubernetes. The lesson store fetches it when a lesson starts (stageLoader.ts), so that
 * a lesson's text is on screen before its world is.
 *
 * Contract: `prepare` builds a step's starting world headless, and `install` puts it on screen
 * (with the view that shows it); `currentWorlds` reads the worlds back as they are now, whatever the
 * learner did since; `playItems` types lines one after another, each when the one before has
 * finished; `judge` runs a task's check on the worlds as they are; `watchWorlds` says when any
 * world a lesson can play on changed.
 */
import { evaluate, type Verdict } from '../../scenarios/checks';
import { rehearse, SETTLE_LIMIT_MS, stageAtStep } from '../../scenarios/rehearse';
import type { Check, Lesson, LessonWorldKind, RunItem } from '../../scenarios/schema';
import {
  applyFault,
  SWARM_TERMINAL_NODE,
  traceMark,
  viewOf,
  type LessonWorlds,
} from '../../scenarios/stage';
import type { TerminalController } from '../../cli/shell/types';
import { guardSwarm, useClusterStore } from '../clusterStore';
import { kubeTerminalController } from '../kubeTerminal';
import { guardKube, useKubeStore } from '../kubeStore';
import { SIM_FAILED_MESSAGE } from '../simFailure';
import { useSessionStore } from '../sessionStore';
import { terminalController } from '../terminalStore';
import { useUiStore } from '../uiStore';

/** Puts the worlds on screen: the session's host, or the cluster with node-1's terminal. */
export function install(worlds: LessonWorlds): void {
  const ui = useUiStore.getState();
  if (worlds.sim) {
    useSessionStore.getState().load(worlds.sim);
    ui.setEra(worlds.sim.options.era ?? 'modern');
    ui.setView('host');
  } else if (worlds.cluster) {
    const store = useClusterStore.getState();
    store.install(worlds.cluster);
    // The side panels and the terminal show node-1, the manager the lesson types on.
    store.visit(SWARM_TERMINAL_NODE);
    ui.setOrchestrator('swarm');
    ui.setView('cluster');
  } else if (worlds.kube) {
    useKubeStore.getState().install(worlds.kube);
    ui.setOrchestrator('kubernetes');
    ui.setView('cluster');
  }
}

export { SETTLE_LIMIT_MS };

/** Builds, headless, the worlds as step `step` of `lesson` begins (see stageAtStep). */
export function prepare(lesson: Lesson, step: number): LessonWorlds {
  return stageAtStep(lesson, step).worlds;
}

/** Where a task began: the host's trace mark, and how many lines the terminal had had. */
export interface TaskStart {
  readonly since: number;
  readonly history: number;
}

export function taskStart(kind: LessonWorldKind): TaskStart {
  return { since: traceMark(currentWorlds(kind)), history: lessonTerminal(kind).history().length };
}

/** A task's check on the worlds as they are now, and the lines typed since it began (par). */
export function judge(
  check: Check,
  kind: LessonWorldKind,
  start: TaskStart,
): Verdict & { readonly commands: number } {
  const verdict = evaluate(check, viewOf(currentWorlds(kind), start.since));
  const commands = Math.max(0, lessonTerminal(kind).history().length - start.history);
  return { ...verdict, commands };
}

/** Why a lesson (a file the learner opened) does not rehearse, or null when it does. */
export function rehearsalProblem(lesson: Lesson): string | null {
  return rehearse(lesson).problems[0] ?? null;
}

/** Calls `onChange` after every change to any world a lesson can play on. */
export function watchWorlds(onChange: () => void): void {
  useSessionStore.subscribe((s, p) => s.revision !== p.revision && onChange());
  useClusterStore.subscribe((s, p) => s.revision !== p.revision && onChange());
  useKubeStore.subscribe((s, p) => s.revision !== p.revision && onChange());
}

/** The lesson's worlds as the stores hold them now. */
export function currentWorlds(kind: LessonWorldKind): LessonWorlds {
  switch (kind) {
    case 'host': {
      const { sim, visiting } = useSessionStore.getState();
      return { kind, sim: visiting ? visiting.home.sim : sim };
    }
    case 'swarm':
      return { kind, cluster: useClusterStore.getState().cluster ?? undefined };
    case 'kubernetes':
      return { kind, kube: useKubeStore.getState().cluster ?? undefined };
  }
}

/** The terminal a lesson of this kind types into. */
export function lessonTerminal(kind: LessonWorldKind): TerminalController {
  return kind === 'kubernetes' ? kubeTerminalController() : terminalController();
}

/** Tells the views a fault changed a cluster (it was applied to the cluster directly). */
function changed(kind: LessonWorldKind) {
  if (kind === 'swarm') useClusterStore.setState((s) => ({ revision: s.revision + 1 }));
  if (kind === 'kubernetes') useKubeStore.setState((s) => ({ revision: s.revision + 1 }));
  useSessionStore.setState((s) => ({ revision: s.revision + 1 }));
}

/**
 * While a demo line waits (`sleep 360` for an eviction, `docker stop` for its 10 s), the
 * player lets virtual time run this much faster than the clock would: the wait is the point,
 * not the minutes.
 */
const HURRY_MS = 5000;

function hurry(kind: LessonWorldKind) {
  if (kind === 'host') useSessionStore.getState().tick(HURRY_MS);
  else if (kind === 'swarm') useClusterStore.getState().advance(HURRY_MS);
  else useKubeStore.getState().advance(HURRY_MS);
}

/** Time between two demo lines, so each can be read and its messages watched. */
export const DEMO_PAUSE_MS = 900;
const POLL_MS = 100;
/** How long a demo waits for its terminal to be shown before it types anyway. */
const VIEW_WAIT_MS = 5000;

/**
 * Types `items` into the lesson's terminal one by one (faults go to the cluster), waiting for
 * each to finish; `done` is called at the end unless `cancelled()` became true first (the
 * learner went on, back, or restarted).
 */
export function playItems(
  kind: LessonWorldKind,
  items: readonly RunItem[],
  cancelled: () => boolean,
  done: () => void,
): void {
  const terminal = lessonTerminal(kind);
  let index = 0;
  let waitedForView = 0;
  const next = () => {
    if (cancelled()) return;
    // The view that shows the terminal may still be loading: its first lines would be lost.
    if (terminal.watched?.() === false && waitedForView < VIEW_WAIT_MS) {
      waitedForView += POLL_MS;
      setTimeout(next, POLL_MS);
      return;
    }
    if (terminal.busy()) {
      hurry(kind);
      setTimeout(next, POLL_MS);
      return;
    }
    const item = items[index++];
    if (item === undefined) {
      done();
      return;
    }
    if (typeof item === 'string') terminal.submit(item);
    else {
      // A fault goes to the cluster directly: under its failure guard, as the stores' own do.
      const fault = () => applyFault(currentWorlds(kind), item);
      const refused =
        kind === 'swarm'
          ? guardSwarm(fault, SIM_FAILED_MESSAGE)
          : kind === 'kubernetes'
            ? guardKube(fault, SIM_FAILED_MESSAGE)
            : fault();
      if (!refused) changed(kind);
    }
    // At a faster playback speed the demo reads faster too.
    setTimeout(next, DEMO_PAUSE_MS / useSessionStore.getState().speed);
  };
  setTimeout(next, 0);
}

/**
 * Lets time run fast (HURRY_MS of virtual time per POLL_MS) until `done()` or `limitMs` of
 * virtual time have passed: the end of a "Show me", waiting for its outcome.
 */
export function settle(kind: LessonWorldKind, done: () => boolean, limitMs: number): void {
  let spent = 0;
  const step = () => {
    if (done() || spent >= limitMs) return;
    hurry(kind);
    spent += HURRY_MS;
    setTimeout(step, POLL_MS);
  };
  setTimeout(step, POLL_MS);
}
