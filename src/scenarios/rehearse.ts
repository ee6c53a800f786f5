/**
 * Plays a lesson headless, as the tests do for every lesson: its starting world, each step's
 * demo lines, and each task's reference solution typed into the same shell the app uses. A
 * lesson passes when every task's check fails before its solution (the learner has something
 * to do) and holds after it (within a minute of virtual time), and no line prints an internal
 * error. Problems are reported by lesson, step and what went wrong.
 */
import { Shell } from '../cli/shell/shell';
import { Simulation } from '../sim/simulation';
import { evaluate } from './checks';
import type { Lesson } from './schema';

/** How long a line may keep the prompt (an attached run, `sleep`) before the next is typed. */
const LINE_LIMIT_MS = 60_000;
/** How long a task's check may take to hold after its solution (a daemon restarting). */
const SETTLE_LIMIT_MS = 60_000;
const TICK_MS = 100;

export interface Rehearsal {
  readonly problems: readonly string[];
  readonly sim: Simulation;
}

export function rehearse(lesson: Lesson, seed = `lesson/${lesson.id}`): Rehearsal {
  const sim = new Simulation({
    seed,
    era: lesson.start.era,
    liveRestore: lesson.start.liveRestore,
  });
  const shell = new Shell(sim);
  const problems: string[] = [];
  let printed = '';
  shell.subscribe((event) => {
    if (event.type === 'output') printed += event.chunk.text;
  });
  const type = (where: string, line: string) => {
    printed = '';
    shell.execute(line);
    for (let waited = 0; shell.busy && waited < LINE_LIMIT_MS; waited += TICK_MS) {
      sim.advance(TICK_MS);
      shell.poll();
    }
    if (shell.busy) {
      problems.push(`${where}: "${line}" still runs after a minute`);
      shell.interrupt();
    }
    if (printed.includes('internal error'))
      problems.push(`${where}: "${line}" hit an internal error`);
  };

  for (const line of lesson.start.setup) type(`lesson "${lesson.id}": setup`, line);
  for (const step of lesson.steps) {
    const where = `lesson "${lesson.id}": step "${step.id}"`;
    for (const line of step.run ?? []) type(where, line);
    const task = step.task;
    if (!task) continue;
    if (evaluate(task.check, sim.world).ok)
      problems.push(`${where}: the task's check already holds before the learner does anything`);
    for (const line of task.solution) type(`${where}: solution`, line);
    let verdict = evaluate(task.check, sim.world);
    for (let waited = 0; !verdict.ok && waited < SETTLE_LIMIT_MS; waited += TICK_MS) {
      sim.advance(TICK_MS);
      verdict = evaluate(task.check, sim.world);
    }
    if (!verdict.ok)
      problems.push(`${where}: the reference solution does not pass: ${verdict.missing}`);
    if (task.par !== undefined && task.par < task.solution.length)
      problems.push(
        `${where}: par ${task.par} is below the reference solution's ${task.solution.length} commands`,
      );
  }
  return { problems, sim };
}
