/**
 * The lesson player in the app: one running player machine (playerMachine.ts) for the lesson
 * being taken, its effects on the app's stores (appStage.ts), the task checks run after every
 * change to the lesson's world, and the learner's progress, saved in the browser.
 *
 * Contract: the machine decides, this store acts and reports back. Views read `view` (the
 * machine's phase and context) and `progress`, and send the machine's events through `send`.
 * Saved progress that cannot be read is dropped with a notice (noticeStore), never trusted.
 */
import { create } from 'zustand';
import { createActor, type Actor } from 'xstate';
import { evaluate, LESSONS, parseLesson, type Lesson } from '../../scenarios';
import { rehearse, SETTLE_LIMIT_MS, stageAtStep } from '../../scenarios/rehearse';

/** A lesson file bigger than this is refused unread. */
export const LESSON_MAX_BYTES = 512 * 1024;
import { traceMark, viewOf } from '../../scenarios/stage';
import { useClusterStore } from '../clusterStore';
import { useKubeStore } from '../kubeStore';
import { useSessionStore } from '../sessionStore';
import { useUiStore } from '../uiStore';
import { tell } from '../noticeStore';
import { parseJsonText } from '../savedJson';
import { browserStorage, writeStored } from '../storage';
import { currentWorlds, install, lessonTerminal, playItems, settle } from './appStage';
import { useLessonPlace } from './lessonPlace';
import { fetchLessonText, lessonAddress } from './lessonUrl';
import {
  EMPTY_PROGRESS,
  PROGRESS_KEY,
  updateLesson,
  writeProgress,
  type Progress,
} from './progress';
import { loadSavedProgress, readProgress } from './progressCheck';
import {
  phaseOf,
  playerMachine,
  type PlayerContext,
  type PlayerEvent,
  type PlayerPhase,
} from './playerMachine';

/** A lesson file's text: its JSON, the schema, then a rehearsal of its reference solutions. */
function checkLessonText(
  text: string,
): { ok: true; lesson: Lesson } | { ok: false; reason: string } {
  const read = parseJsonText(text, LESSON_MAX_BYTES, 'the file is too large');
  if (!read.ok) return read;
  const parsed = parseLesson(read.json);
  if (!parsed.ok) return { ok: false, reason: parsed.error };
  const problems = rehearse(parsed.lesson).problems;
  if (problems.length > 0) return { ok: false, reason: problems[0] ?? 'it does not rehearse' };
  return { ok: true, lesson: parsed.lesson };
}

export interface PlayerView {
  readonly phase: PlayerPhase;
  readonly context: PlayerContext;
}

export type LessonLoaded = { ok: true; id: string } | { ok: false; reason: string };

export interface LessonState {
  readonly lessons: readonly Lesson[];
  /** The lesson being taken, or null (the list is shown). */
  view: PlayerView | null;
  progress: Progress;
  /** Starts a lesson at a step (the saved one when none is given). */
  start: (lessonId: string, step?: number) => void;
  send: (event: PlayerEvent) => void;
  /** Leaves the lesson (back to the list); its world stays on screen, as a sandbox. */
  quit: () => void;
  importProgress: (text: string) => void;
  /**
   * Adds a lesson given as JSON (a file the learner opened): checked by the schema and
   * rehearsed like the built-in ones; refused with a readable reason otherwise.
   */
  loadLesson: (text: string) => LessonLoaded;
  /** Fetches a lesson from an address the learner pasted, then loads it like a file. */
  loadLessonFrom: (address: string) => Promise<LessonLoaded>;
  exportProgress: () => string;
  /** Forgets every lesson's progress. */
  clearProgress: () => void;
}

const loaded = loadSavedProgress();
if (loaded.problem !== null) tell({ kind: 'progressReset', reason: loaded.problem });

export const useLessonStore = create<LessonState>()((set, get) => {
  let actor: Actor<typeof playerMachine> | null = null;
  /**
   * Bumped by every effect that starts something (a world rebuilt, a demo, a solution) and by
   * leaving: what an older one still has in flight (typing, a READY) is dropped.
   */
  let generation = 0;
  /** Where the task began: its trace mark, and the terminal's history length (for par). */
  let task = { since: 0, history: 0 };

  const save = (progress: Progress) => {
    set({ progress });
    writeStored(browserStorage(), PROGRESS_KEY, writeProgress(progress));
  };
  const record = (id: string, change: Parameters<typeof updateLesson>[2]) =>
    save(updateLesson(get().progress, id, change));

  const sendLater = (event: PlayerEvent, at: number) =>
    setTimeout(() => {
      if (at === generation) actor?.send(event);
    }, 0);

  /** Runs the task's check on the world as it is now; reports it to the machine. */
  const check = () => {
    const view = get().view;
    if (!actor || !view || (view.phase !== 'waiting' && view.phase !== 'showing')) return;
    const step = view.context.lesson.steps[view.context.step];
    if (!step?.task) return;
    const kind = view.context.lesson.start.world;
    const verdict = evaluate(step.task.check, viewOf(currentWorlds(kind), task.since));
    const commands = Math.max(0, lessonTerminal(kind).history().length - task.history);
    if (
      verdict.ok ||
      verdict.missing !== view.context.missing ||
      commands !== view.context.commands
    )
      actor.send({ type: 'VERDICT', ok: verdict.ok, missing: verdict.missing, commands });
  };

  const machine = playerMachine.provide({
    actions: {
      prepare: ({ context }) => {
        const at = ++generation;
        // Built headless, then shown: the step's world as its narration describes it.
        install(stageAtStep(context.lesson, context.step).worlds);
        sendLater({ type: 'READY' }, at);
      },
      playDemo: ({ context }) => {
        const at = ++generation;
        const items = context.lesson.steps[context.step]?.run ?? [];
        playItems(
          context.lesson.start.world,
          items,
          () => at !== generation,
          () => sendLater({ type: 'DEMO_DONE' }, at),
        );
      },
      playSolution: ({ context }) => {
        const at = ++generation;
        const items = context.lesson.steps[context.step]?.task?.solution ?? [];
        const kind = context.lesson.start.world;
        playItems(
          kind,
          items,
          () => at !== generation,
          () => {
            sendLater({ type: 'DEMO_DONE' }, at);
            // "Show me" shows the outcome too: time runs fast until the check holds (a
            // daemon restarting, pods evicted), as the rehearsal lets it, then stops.
            settle(
              kind,
              () => at !== generation || get().view?.phase !== 'waiting',
              SETTLE_LIMIT_MS,
            );
          },
        );
      },
      beginTask: ({ context }) => {
        const kind = context.lesson.start.world;
        task = {
          since: traceMark(currentWorlds(kind)),
          history: lessonTerminal(kind).history().length,
        };
        setTimeout(check, 0);
      },
      recordPass: ({ context }) => {
        const step = context.lesson.steps[context.step];
        if (!step) return;
        record(context.lesson.id, (lesson) => ({
          ...lesson,
          passed: lesson.passed.includes(step.id) ? lesson.passed : [...lesson.passed, step.id],
          commands: context.watched
            ? lesson.commands
            : {
                ...lesson.commands,
                [step.id]: Math.min(
                  lesson.commands[step.id] ?? Number.POSITIVE_INFINITY,
                  context.commands,
                ),
              },
        }));
      },
      recordStep: ({ context }) =>
        record(context.lesson.id, (lesson) => ({ ...lesson, step: context.step })),
      recordCompleted: ({ context }) =>
        record(context.lesson.id, (lesson) => ({ ...lesson, completed: true })),
    },
  });

  // A check after every change to any world a lesson can play on.
  const onChange = () => setTimeout(check, 0);
  useSessionStore.subscribe((s, p) => s.revision !== p.revision && onChange());
  useClusterStore.subscribe((s, p) => s.revision !== p.revision && onChange());
  useKubeStore.subscribe((s, p) => s.revision !== p.revision && onChange());
  // Sandbox mode takes over the lesson's world as it is: the lesson stops, the world stays.
  useUiStore.subscribe((s, p) => {
    if (s.mode !== p.mode && s.mode === 'sandbox') get().quit();
  });

  return {
    lessons: LESSONS,
    view: null,
    progress: loaded.progress,
    start: (lessonId, step) => {
      const lesson = get().lessons.find((l) => l.id === lessonId);
      if (!lesson) return;
      actor?.stop();
      generation++;
      const saved = get().progress.lessons[lessonId];
      const first = step ?? (saved && !saved.completed ? saved.step : 0);
      const next = createActor(machine, { input: { lesson, step: first } });
      actor = next;
      next.subscribe((snapshot) => {
        if (actor !== next) return;
        set({ view: { phase: phaseOf(snapshot.value), context: snapshot.context } });
      });
      next.start();
    },
    send: (event) => actor?.send(event),
    quit: () => {
      actor?.stop();
      actor = null;
      generation++;
      set({ view: null });
    },
    importProgress: (text) => {
      const read = readProgress(text);
      if (!read.ok) {
        tell({ kind: 'importFailed', reason: read.reason });
        return;
      }
      save(read.progress);
      tell({ kind: 'imported' });
    },
    exportProgress: () => writeProgress(get().progress),
    loadLesson: (text) => {
      const checked = checkLessonText(text);
      const refused = !checked.ok
        ? checked.reason
        : LESSONS.some((l) => l.id === checked.lesson.id)
          ? `lesson "${checked.lesson.id}": a built-in lesson has that id`
          : null;
      if (refused !== null || !checked.ok) {
        const reason = refused ?? 'it was refused';
        tell({ kind: 'lessonRefused', reason });
        return { ok: false, reason };
      }
      const lesson = checked.lesson;
      set((s) => ({ lessons: [...s.lessons.filter((l) => l.id !== lesson.id), lesson] }));
      tell({ kind: 'lessonLoaded', title: lesson.title });
      return { ok: true, id: lesson.id };
    },
    loadLessonFrom: async (address) => {
      const where = lessonAddress(address, globalThis.location?.href ?? 'http://localhost/');
      const fetched = where.ok
        ? await fetchLessonText(where.url, LESSON_MAX_BYTES)
        : { ok: false as const, reason: where.reason };
      if (!fetched.ok) {
        tell({ kind: 'lessonUnreachable', reason: fetched.reason });
        return fetched;
      }
      return get().loadLesson(fetched.text);
    },
    clearProgress: () => save(EMPTY_PROGRESS),
  };
});

// Tells the views outside the lessons' chunk where the learner is (lessonPlace.ts).
useLessonStore.subscribe((state, previous) => {
  const view = state.view;
  const before = previous.view;
  if (
    view?.context.lesson.id === before?.context.lesson.id &&
    view?.context.step === before?.context.step
  )
    return;
  useLessonPlace.setState(
    view
      ? {
          place: { lesson: view.context.lesson.id, step: view.context.step },
          turn: (direction) =>
            useLessonStore.getState().send({ type: direction === 'next' ? 'NEXT' : 'BACK' }),
        }
      : { place: null, turn: null },
  );
});
