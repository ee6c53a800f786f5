/**
 * The lesson player's rules, driven without a simulation: the machine's effects are recorded
 * by name, and the world's answers (READY, DEMO_DONE, VERDICT) are sent by hand.
 */
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { parseLesson, type Lesson } from '../../scenarios/schema';
import { phaseOf, playerMachine, type PlayerEvent } from './playerMachine';

function makeLesson(): Lesson {
  const parsed = parseLesson({
    schemaVersion: 1,
    id: 'player-test',
    title: 'Player test',
    summary: 'Three steps: one to read, two to do.',
    level: 'beginner',
    minutes: 5,
    start: {},
    steps: [
      {
        id: 'intro',
        narration: 'Docker is a client and a daemon.',
        questions: [
          {
            prompt: 'Who runs containers?',
            choices: [
              { text: 'the daemon', correct: true },
              { text: 'the client', correct: false },
            ],
            explanation: 'The client only asks.',
          },
        ],
      },
      {
        id: 'run-web',
        narration: 'Run a web server.',
        run: ['docker ps'],
        task: {
          goal: 'Run nginx as web.',
          check: { kind: 'container', name: 'web', state: 'running' },
          hints: ['Use docker run.', 'docker run -d --name web nginx'],
          solution: ['docker run -d --name web nginx'],
          par: 1,
        },
      },
      {
        id: 'stop-web',
        narration: 'Stop it.',
        task: {
          goal: 'Stop web.',
          check: { kind: 'container', name: 'web', state: 'exited' },
          solution: ['docker stop web'],
        },
      },
    ],
  });
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.lesson;
}

const lesson = makeLesson();
const LAST = lesson.steps.length - 1;

function player(step?: number) {
  const ran: string[] = [];
  const record = (name: string) => () => {
    ran.push(name);
  };
  const machine = playerMachine.provide({
    actions: {
      prepare: record('prepare'),
      playDemo: record('playDemo'),
      playSolution: record('playSolution'),
      beginTask: record('beginTask'),
      recordPass: record('recordPass'),
      recordStep: record('recordStep'),
      recordCompleted: record('recordCompleted'),
    },
  });
  const actor = createActor(machine, { input: { lesson, step } });
  actor.start();
  return {
    ran,
    send: (...events: PlayerEvent[]) => {
      for (const event of events) actor.send(event);
    },
    phase: () => phaseOf(actor.getSnapshot().value),
    context: () => actor.getSnapshot().context,
    /** Forgets the actions run so far, to see only what the next events do. */
    clear: () => ran.splice(0),
  };
}

/** A player that has reached step `step`'s task (waiting for the learner). */
function waitingAt(step: number) {
  const p = player(step);
  p.send({ type: 'READY' }, { type: 'DEMO_DONE' });
  expect(p.phase()).toBe('waiting');
  return p;
}

const verdict = (ok: boolean, missing = '', commands = 0): PlayerEvent => ({
  type: 'VERDICT',
  ok,
  missing,
  commands,
});

describe('the lesson player', () => {
  describe('starting', () => {
    it('prepares the first step by default, recording it', () => {
      const p = player();
      expect(p.phase()).toBe('preparing');
      expect(p.context()).toMatchObject({
        step: 0,
        hints: 0,
        missing: '',
        commands: 0,
        watched: false,
      });
      expect(p.ran).toEqual(['recordStep', 'prepare']);
    });

    it('prepares the step it is given (a resumed lesson)', () => {
      const p = player(1);
      expect(p.phase()).toBe('preparing');
      expect(p.context().step).toBe(1);
    });

    it.each([
      [99, LAST],
      [-3, 0],
      [1.7, 1],
    ])('clamps step %s to step %s of the lesson', (given, expected) => {
      const p = player(given);
      expect(p.phase()).toBe('preparing');
      expect(p.context().step).toBe(expected);
    });
  });

  describe('demo', () => {
    it('plays the demo once the world is ready', () => {
      const p = player();
      p.clear();
      p.send({ type: 'READY' });
      expect(p.phase()).toBe('demo');
      expect(p.ran).toEqual(['playDemo']);
    });

    it('goes on to reading after the demo of a step without a task', () => {
      const p = player(0);
      p.send({ type: 'READY' });
      p.clear();
      p.send({ type: 'DEMO_DONE' });
      expect(p.phase()).toBe('reading');
      expect(p.ran).toEqual([]);
    });

    it('begins the task after the demo of a step with one', () => {
      const p = player(1);
      p.send({ type: 'READY' });
      p.clear();
      p.send({ type: 'DEMO_DONE' });
      expect(p.phase()).toBe('waiting');
      expect(p.ran).toEqual(['beginTask']);
    });
  });

  describe('a task', () => {
    it('reveals hints one at a time, never more than the task has', () => {
      const p = waitingAt(1);
      p.send({ type: 'HINT' });
      expect(p.context().hints).toBe(1);
      p.send({ type: 'HINT' }, { type: 'HINT' }, { type: 'HINT' });
      expect(p.context().hints).toBe(2);
      expect(p.phase()).toBe('waiting');
    });

    it('reveals nothing for a task without hints', () => {
      const p = waitingAt(2);
      p.send({ type: 'HINT' });
      expect(p.context().hints).toBe(0);
    });

    it('keeps waiting on a failing verdict, remembering what is missing and the commands', () => {
      const p = waitingAt(1);
      p.clear();
      p.send(verdict(false, 'there is no container named web', 2));
      expect(p.phase()).toBe('waiting');
      expect(p.context()).toMatchObject({
        missing: 'there is no container named web',
        commands: 2,
      });
      expect(p.ran).toEqual([]);
    });

    it('passes on a good verdict, recording the pass with the commands it took', () => {
      const p = waitingAt(1);
      p.send(verdict(false, 'there is no container named web', 1));
      p.clear();
      p.send(verdict(true, '', 3));
      expect(p.phase()).toBe('passed');
      expect(p.context()).toMatchObject({ missing: '', commands: 3, watched: false });
      expect(p.ran).toEqual(['recordPass']);
    });

    it('ignores verdicts and hints once passed', () => {
      const p = waitingAt(1);
      p.send(verdict(true, '', 1));
      p.clear();
      p.send(verdict(false, 'web is gone', 5), { type: 'HINT' });
      expect(p.phase()).toBe('passed');
      expect(p.context()).toMatchObject({ missing: '', commands: 1, hints: 0 });
      expect(p.ran).toEqual([]);
    });

    it('"show me" plays the solution, marks it watched, then waits again', () => {
      const p = waitingAt(1);
      p.clear();
      p.send({ type: 'SHOW_ME' });
      expect(p.phase()).toBe('showing');
      expect(p.context().watched).toBe(true);
      expect(p.ran).toEqual(['playSolution']);
      p.send({ type: 'DEMO_DONE' });
      expect(p.phase()).toBe('waiting');
      expect(p.context().watched).toBe(true);
      // The pass that follows is the watched solution's: no par is claimed.
      p.send(verdict(true, '', 1));
      expect(p.phase()).toBe('passed');
      expect(p.context().watched).toBe(true);
    });
  });

  describe('next', () => {
    it('from reading goes to the next step demo in the learner own world (no prepare)', () => {
      const p = player(0);
      p.send({ type: 'READY' }, { type: 'DEMO_DONE' });
      expect(p.phase()).toBe('reading');
      p.clear();
      p.send({ type: 'NEXT' });
      expect(p.phase()).toBe('demo');
      expect(p.context().step).toBe(1);
      expect(p.ran).toEqual(['recordStep', 'playDemo']);
    });

    it('from passed goes to the next step demo with a fresh task state', () => {
      const p = waitingAt(1);
      p.send({ type: 'HINT' }, { type: 'SHOW_ME' }, { type: 'DEMO_DONE' }, verdict(true, '', 4));
      expect(p.phase()).toBe('passed');
      p.clear();
      p.send({ type: 'NEXT' });
      expect(p.phase()).toBe('demo');
      expect(p.context()).toMatchObject({
        step: 2,
        hints: 0,
        missing: '',
        commands: 0,
        watched: false,
      });
      expect(p.ran).not.toContain('prepare');
      expect(p.ran).toContain('recordStep');
    });

    it('in a waiting task skips it: the next step is prepared (the solution world)', () => {
      const p = waitingAt(1);
      p.send({ type: 'HINT' }, verdict(false, 'no web', 2));
      p.clear();
      p.send({ type: 'NEXT' });
      expect(p.phase()).toBe('preparing');
      expect(p.context()).toMatchObject({ step: 2, hints: 0, missing: '', commands: 0 });
      expect(p.ran).toEqual(['recordStep', 'prepare']);
      expect(p.ran).not.toContain('recordPass');
    });

    it('on the last step completes the lesson, from passed or from a skipped task', () => {
      const passed = waitingAt(LAST);
      passed.send(verdict(true, '', 1));
      passed.clear();
      passed.send({ type: 'NEXT' });
      expect(passed.phase()).toBe('completed');
      expect(passed.ran).toEqual(['recordCompleted']);

      const skipped = waitingAt(LAST);
      skipped.clear();
      skipped.send({ type: 'NEXT' });
      expect(skipped.phase()).toBe('completed');
      expect(skipped.ran).toEqual(['recordCompleted']);
    });

    it('is ignored once completed', () => {
      const p = waitingAt(LAST);
      p.send({ type: 'NEXT' });
      p.clear();
      p.send({ type: 'NEXT' }, { type: 'NEXT' });
      expect(p.phase()).toBe('completed');
      expect(p.ran).toEqual([]);
    });

    it('is ignored while the world is prepared or the demo plays', () => {
      const p = player(0);
      p.clear();
      p.send({ type: 'NEXT' });
      expect(p.phase()).toBe('preparing');
      expect(p.context().step).toBe(0);
      p.send({ type: 'READY' });
      p.clear();
      p.send({ type: 'NEXT' });
      expect(p.phase()).toBe('demo');
      expect(p.context().step).toBe(0);
      expect(p.ran).toEqual([]);
    });
  });

  describe('back', () => {
    it('is ignored on the first step', () => {
      const p = player(0);
      p.send({ type: 'BACK' });
      expect(p.phase()).toBe('preparing');
      p.send({ type: 'READY' }, { type: 'DEMO_DONE' });
      p.clear();
      p.send({ type: 'BACK' });
      expect(p.phase()).toBe('reading');
      expect(p.context().step).toBe(0);
      expect(p.ran).toEqual([]);
    });

    it('prepares the previous step afresh', () => {
      const p = waitingAt(2);
      p.send(verdict(false, 'web runs', 3));
      p.clear();
      p.send({ type: 'BACK' });
      expect(p.phase()).toBe('preparing');
      expect(p.context()).toMatchObject({ step: 1, missing: '', commands: 0 });
      expect(p.ran).toEqual(['recordStep', 'prepare']);
    });

    it('from the end of the lesson prepares its last step', () => {
      const p = waitingAt(LAST);
      p.send({ type: 'NEXT' });
      expect(p.phase()).toBe('completed');
      p.clear();
      p.send({ type: 'BACK' });
      expect(p.phase()).toBe('preparing');
      expect(p.context().step).toBe(LAST);
      expect(p.ran).toEqual(['recordStep', 'prepare']);
    });
  });

  describe('restart', () => {
    it('restarting a step prepares the same step afresh', () => {
      const p = waitingAt(1);
      p.send({ type: 'HINT' }, { type: 'HINT' }, verdict(false, 'no web', 2));
      p.clear();
      p.send({ type: 'RESTART_STEP' });
      expect(p.phase()).toBe('preparing');
      expect(p.context()).toMatchObject({ step: 1, hints: 0, missing: '', commands: 0 });
      expect(p.ran).toEqual(['recordStep', 'prepare']);
    });

    it('restarting a step while it is being prepared prepares it again', () => {
      const p = player(1);
      p.clear();
      p.send({ type: 'RESTART_STEP' });
      expect(p.phase()).toBe('preparing');
      expect(p.ran).toEqual(['recordStep', 'prepare']);
    });

    it('restarting the lesson prepares step 0, even from the end', () => {
      const p = waitingAt(LAST);
      p.send({ type: 'NEXT' });
      expect(p.phase()).toBe('completed');
      p.clear();
      p.send({ type: 'RESTART_LESSON' });
      expect(p.phase()).toBe('preparing');
      expect(p.context().step).toBe(0);
      expect(p.ran).toEqual(['recordStep', 'prepare']);
    });
  });

  describe('go to', () => {
    it('prepares the step chosen', () => {
      const p = player(0);
      p.send({ type: 'READY' }, { type: 'DEMO_DONE' });
      p.clear();
      p.send({ type: 'GO_TO', step: 2 });
      expect(p.phase()).toBe('preparing');
      expect(p.context().step).toBe(2);
      expect(p.ran).toEqual(['recordStep', 'prepare']);
    });

    it.each([-1, 1.5, 3, Number.NaN])('ignores step %s, which the lesson does not have', (step) => {
      const p = waitingAt(1);
      p.send({ type: 'HINT' });
      p.clear();
      p.send({ type: 'GO_TO', step });
      expect(p.phase()).toBe('waiting');
      expect(p.context()).toMatchObject({ step: 1, hints: 1 });
      expect(p.ran).toEqual([]);
    });
  });

  describe('phaseOf', () => {
    it('names a task substate by itself and anything unknown as preparing', () => {
      expect(phaseOf('reading')).toBe('reading');
      expect(phaseOf({ task: 'showing' })).toBe('showing');
      expect(phaseOf(null)).toBe('preparing');
    });
  });
});
