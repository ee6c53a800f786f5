/**
 * The lesson player's rules, as an XState machine: which step is shown, whether its demo is
 * running, whether its task waits for the learner or has passed, and what next, back, restart
 * and "show me" do from each of those.
 *
 * Contract: the machine decides and never acts. Its effects are named actions (`prepare`,
 * `playDemo`, `playSolution`, `beginTask`, `recordPass`, `recordStep`) that the lesson store
 * provides; it learns what happened from the events the store sends back (`READY`,
 * `DEMO_DONE`, `VERDICT`). So the rules can be tested without a simulation, and the store
 * holds no rules of its own.
 *
 *   preparing   the step's starting world is being rebuilt (start, restart, back, skip)
 *   demo        the step's run lines play in the terminal
 *   reading     a step with no task: read, answer its questions, go on
 *   task        waiting for the learner (checks run on every change), or `showing` the answer
 *   passed      the task's check holds: the par count is shown
 *   completed   past the last step
 */
import { assign, setup } from 'xstate';
import type { Lesson } from '../../scenarios';

export interface PlayerInput {
  readonly lesson: Lesson;
  /** The step to start at (a saved lesson resumed); clamped to the lesson. */
  readonly step?: number;
}

export interface PlayerContext {
  readonly lesson: Lesson;
  readonly step: number;
  /** How many of the task's hints are shown. */
  readonly hints: number;
  /** What the last check found missing (shown on request). */
  readonly missing: string;
  /** Lines the learner typed for this task (for par). */
  readonly commands: number;
  /** The learner watched the reference solution ("show me"): par is not claimed. */
  readonly watched: boolean;
}

export type PlayerEvent =
  | { type: 'READY' }
  | { type: 'DEMO_DONE' }
  | { type: 'VERDICT'; ok: boolean; missing: string; commands: number }
  | { type: 'NEXT' }
  | { type: 'BACK' }
  | { type: 'GO_TO'; step: number }
  | { type: 'RESTART_STEP' }
  | { type: 'RESTART_LESSON' }
  | { type: 'HINT' }
  | { type: 'SHOW_ME' };

const clamp = (lesson: Lesson, step: number) =>
  Number.isFinite(step) ? Math.max(0, Math.min(Math.trunc(step), lesson.steps.length - 1)) : 0;

const taskOf = (context: PlayerContext) => context.lesson.steps[context.step]?.task;

const freshStep = { hints: 0, missing: '', commands: 0, watched: false };

export const playerMachine = setup({
  types: {
    context: {} as PlayerContext,
    events: {} as PlayerEvent,
    input: {} as PlayerInput,
  },
  actions: {
    /** Rebuild the world as it is when the current step begins. */
    prepare: () => undefined,
    /** Play the step's run lines; send DEMO_DONE when they have finished. */
    playDemo: () => undefined,
    /** Type the reference solution; send DEMO_DONE when it has finished. */
    playSolution: () => undefined,
    /** The task starts now: checks read what happens from here, commands are counted. */
    beginTask: () => undefined,
    recordPass: () => undefined,
    /** The step shown changed (saved as progress). */
    recordStep: () => undefined,
    recordCompleted: () => undefined,
  },
  guards: {
    hasTask: ({ context }) => taskOf(context) !== undefined,
    isLast: ({ context }) => context.step >= context.lesson.steps.length - 1,
    isFirst: ({ context }) => context.step === 0,
    passes: ({ event }) => event.type === 'VERDICT' && event.ok,
    moreHints: ({ context }) => context.hints < (taskOf(context)?.hints.length ?? 0),
    validStep: ({ context, event }) =>
      event.type === 'GO_TO' &&
      Number.isInteger(event.step) &&
      event.step >= 0 &&
      event.step < context.lesson.steps.length,
  },
}).createMachine({
  id: 'lessonPlayer',
  context: ({ input }) => ({
    lesson: input.lesson,
    step: clamp(input.lesson, input.step ?? 0),
    ...freshStep,
  }),
  initial: 'preparing',
  states: {
    // While the world is rebuilt or a demo plays, next waits for it (a demo is short).
    preparing: {
      entry: ['recordStep', 'prepare'],
      on: { READY: 'demo', NEXT: {} },
    },
    demo: {
      entry: 'playDemo',
      on: {
        NEXT: {},
        DEMO_DONE: [{ guard: 'hasTask', target: 'task' }, { target: 'reading' }],
      },
    },
    reading: {},
    task: {
      initial: 'waiting',
      entry: 'beginTask',
      states: {
        waiting: {
          on: {
            HINT: {
              guard: 'moreHints',
              actions: assign({ hints: ({ context }) => context.hints + 1 }),
            },
            SHOW_ME: 'showing',
          },
        },
        showing: {
          entry: [assign({ watched: true }), 'playSolution'],
          on: { DEMO_DONE: 'waiting' },
        },
      },
      on: {
        VERDICT: [
          {
            guard: 'passes',
            target: 'passed',
            actions: assign({
              commands: ({ event }) => (event.type === 'VERDICT' ? event.commands : 0),
              missing: '',
            }),
          },
          {
            actions: assign({
              missing: ({ event }) => (event.type === 'VERDICT' ? event.missing : ''),
              commands: ({ event }) => (event.type === 'VERDICT' ? event.commands : 0),
            }),
          },
        ],
        // Skipping a task: the next step starts from the world the reference solution makes.
        NEXT: [
          { guard: 'isLast', target: 'completed' },
          {
            target: 'preparing',
            actions: assign({ step: ({ context }) => context.step + 1, ...freshStep }),
          },
        ],
      },
    },
    passed: {
      entry: 'recordPass',
    },
    completed: {
      entry: 'recordCompleted',
      on: {
        NEXT: {},
        BACK: {
          target: 'preparing',
          actions: assign({ step: ({ context }) => context.step, ...freshStep }),
        },
      },
    },
  },
  on: {
    // From reading or passed, the next step goes on in the learner's own world.
    NEXT: [
      { guard: 'isLast', target: '.completed' },
      {
        target: '.demo',
        actions: [assign({ step: ({ context }) => context.step + 1, ...freshStep }), 'recordStep'],
      },
    ],
    BACK: {
      guard: ({ context }) => context.step > 0,
      target: '.preparing',
      actions: assign({ step: ({ context }) => context.step - 1, ...freshStep }),
    },
    GO_TO: {
      guard: 'validStep',
      target: '.preparing',
      actions: assign({
        step: ({ event, context }) => (event.type === 'GO_TO' ? event.step : context.step),
        ...freshStep,
      }),
    },
    RESTART_STEP: { target: '.preparing', actions: assign(freshStep) },
    RESTART_LESSON: { target: '.preparing', actions: assign({ step: 0, ...freshStep }) },
  },
});

/** The player's state in one word, for the views (and tests). */
export type PlayerPhase =
  'preparing' | 'demo' | 'reading' | 'waiting' | 'showing' | 'passed' | 'completed';

export function phaseOf(value: unknown): PlayerPhase {
  if (typeof value === 'string') return value as PlayerPhase;
  if (value && typeof value === 'object' && 'task' in value)
    return (value as { task: 'waiting' | 'showing' }).task;
  return 'preparing';
}
