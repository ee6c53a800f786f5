/**
 * Plays a lesson headless, as the tests do for every lesson: its starting world, each step's
 * demo lines and faults, and each task's reference solution typed into the same shell the app
 * uses. A lesson passes when every task's check fails before its solution (the learner has
 * something to do) and holds after it (within a minute of virtual time), and no line prints an
 * internal error. Problems are reported by lesson, step and what went wrong.
 */
import { evaluate } from './checks';
import type { Lesson, RunItem } from './schema';
import { headlessStage, traceMark, viewOf, type Stage } from './stage';

/**
 * How long a line may keep the prompt (an attached run, `sleep`) before the next is typed:
 * long enough for Kubernetes' 300 s eviction.
 */
export const LINE_LIMIT_MS = 600_000;
/** How long a task's check may take to hold after its solution (a daemon restarting). */
export const SETTLE_LIMIT_MS = 60_000;
export const TICK_MS = 100;

export interface Rehearsal {
  readonly problems: readonly string[];
  readonly stage: Stage;
  /** Everything the terminal printed. */
  readonly transcript: string;
}

/** Runs `item` and lets it finish (or interrupts it after 10 minutes): true when it finished. */
export function runToEnd(stage: Stage, item: RunItem): boolean {
  stage.run(item);
  for (let waited = 0; stage.busy && waited < LINE_LIMIT_MS; waited += TICK_MS)
    stage.advance(TICK_MS);
  if (!stage.busy) return true;
  stage.interrupt();
  return false;
}

const shown = (item: RunItem) =>
  typeof item === 'string' ? `"${item}"` : `the ${item.fault} of ${item.node}`;

export function rehearse(lesson: Lesson): Rehearsal {
  let printed = '';
  let transcript = '';
  const stage = headlessStage(lesson, (text) => {
    printed += text;
    transcript += text;
  });
  const problems: string[] = [];
  const play = (where: string, item: RunItem) => {
    printed = '';
    if (!runToEnd(stage, item))
      problems.push(`${where}: ${shown(item)} still runs after 10 minutes`);
    if (printed.includes('internal error'))
      problems.push(`${where}: ${shown(item)} hit an internal error`);
  };

  for (const line of lesson.start.setup) play(`lesson "${lesson.id}": setup`, line);
  for (const step of lesson.steps) {
    const where = `lesson "${lesson.id}": step "${step.id}"`;
    for (const item of step.run ?? []) play(where, item);
    const task = step.task;
    if (!task) continue;
    // A task's `traced` checks read what was sent after the task began (the demo is done).
    const since = traceMark(stage.worlds);
    if (evaluate(task.check, viewOf(stage.worlds, since)).ok)
      problems.push(`${where}: the task's check already holds before the learner does anything`);
    for (const item of task.solution) play(`${where}: solution`, item);
    let verdict = evaluate(task.check, viewOf(stage.worlds, since));
    for (let waited = 0; !verdict.ok && waited < SETTLE_LIMIT_MS; waited += TICK_MS) {
      stage.advance(TICK_MS);
      verdict = evaluate(task.check, viewOf(stage.worlds, since));
    }
    if (!verdict.ok)
      problems.push(`${where}: the reference solution does not pass: ${verdict.missing}`);
    if (task.par !== undefined && task.par < task.solution.length)
      problems.push(
        `${where}: par ${task.par} is below the reference solution's ${task.solution.length} commands`,
      );
  }
  return { problems, stage, transcript };
}

/**
 * The world as step `index` of `lesson` begins: its setup, and every earlier step's demo and
 * reference solution, played headless. The player starts, restarts and resumes a step here,
 * so a step always begins from the world its narration describes.
 */
export function stageAtStep(lesson: Lesson, index: number): Stage {
  const stage = headlessStage(lesson);
  for (const line of lesson.start.setup) runToEnd(stage, line);
  for (const step of lesson.steps.slice(0, Math.max(0, index))) {
    for (const item of step.run ?? []) runToEnd(stage, item);
    for (const item of step.task?.solution ?? []) runToEnd(stage, item);
  }
  return stage;
}
