/**
 * The lesson player in the app: one running player machine (playerMachine.ts) for the lesson
 * being taken, its effects on the app's stores (appStage.ts), the task checks run after every
 * change to the lesson's world, and the learner's progress, saved in the browser.
 *
 * Contract: the machine decides, this store acts and reports back. Views read `view` (the
 * machine's phase and context) and `progress`, and send the machine's events through `send`.
 * Saved progress that cannot be read is dropped with a notice (noticeStore), never trusted.
 *
 * The lessons come on their own (scenarios/course.ts): the one a lesson link starts, and the
 * whole course once the first text is shown, for the list (`course` says whether it is in).
 * The stage (appStage.ts, with the simulation's engine, the shells, Swarm and Kubernetes) is
 * fetched when a lesson starts, not with this store: the lesson's text shows at once, and the
 * machine waits in `preparing` until its world is built. If the stage cannot be fetched, the
 * player says so (`stageFailed`) and the next start or restart tries again.
 */
import { create } from 'zustand';
import { createActor, type Actor } from 'xstate';
import type { Lesson } from '../../scenarios';
import { fetchCourse, fetchLesson, isCourseLesson } from '../../scenarios/course';
import { firstTextShown, lessonWorldShown } from '../firstText';
import { tell } from '../noticeStore';
import { useUiStore } from '../uiStore';
import { browserStorage, writeStored } from '../storage';
import type { TaskStart } from './appStage';
import { checkLessonText, LESSON_MAX_BYTES } from './lessonFile';
import { lessonStage, loadedStage, stageIfLoaded } from './stageLoader';
import { useLessonPlace } from './lessonPlace';
import { fetchLessonText, lessonAddress } from './lessonUrl';
import {
  EMPTY_PROGRESS,
  PROGRESS_KEY,
  readSavedProgress,
  updateLesson,
  writeProgress,
  type Progress,
} from './progress';
import {
  phaseOf,
  playerMachine,
  type PlayerContext,
  type PlayerEvent,
  type PlayerPhase,
} from './playerMachine';

export { LESSON_MAX_BYTES } from './lessonFile';

export interface PlayerView {
  readonly phase: PlayerPhase;
  readonly context: PlayerContext;
}

export type LessonLoaded = { ok: true; id: string } | { ok: false; reason: string };

export interface LessonState {
  /** The course's lessons (once fetched), then any the learner loaded from a file. */
  readonly lessons: readonly Lesson[];
  /** Whether the course is in yet (the list says so while it is not). */
  readonly course: 'loading' | 'loaded' | 'failed';
  /** The lesson being taken, or null (the list is shown). */
  view: PlayerView | null;
  /** A lesson was started and its player is about to show (the list need not be drawn). */
  opening: boolean;
  /** The lesson's world could not be fetched (offline after an update): said by the player. */
  stageFailed: boolean;
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
  loadLesson: (text: string) => Promise<LessonLoaded>;
  /** Fetches a lesson from an address the learner pasted, then loads it like a file. */
  loadLessonFrom: (address: string) => Promise<LessonLoaded>;
  exportProgress: () => string;
  /** Forgets every lesson's progress. */
  clearProgress: () => void;
}

/**
 * The saved progress, read once (its checks, with zod, load only when something was saved):
 * a lesson starts when it is in, so that it resumes at its saved step. If the checks cannot
 * be fetched, nothing this session does is saved over what was saved before.
 */
const savedProgress = readSavedProgress().then(
  (read) => {
    if (read.problem !== null) tell({ kind: 'progressReset', reason: read.problem });
    return read.progress;
  },
  () => null,
);

export const useLessonStore = create<LessonState>()((set, get) => {
  let actor: Actor<typeof playerMachine> | null = null;
  /**
   * Bumped by every effect that starts something (a world rebuilt, a demo, a solution) and by
   * leaving: what an older one still has in flight (typing, a READY) is dropped.
   */
  let generation = 0;
  /** Where the task began: its trace mark, and the terminal's history length (for par). */
  let task: TaskStart = { since: 0, history: 0 };
  let watching = false;

  // The course, for the list: after the first text (a lesson link's lesson comes on its own).
  void firstTextShown()
    .then(fetchCourse)
    .then(
      (course) =>
        set((s) => ({
          lessons: [...course, ...s.lessons.filter((l) => !isCourseLesson(l.id))],
          course: 'loaded',
        })),
      () => set({ course: 'failed' }),
    );

  /** Progress changed this session: what was saved before no longer replaces it. */
  let changed = false;
  /** The saved progress could not be checked: it is left as it was. */
  let unread = false;
  void savedProgress.then((progress) => {
    if (progress === null) unread = true;
    else if (!changed) set({ progress });
  });

  const save = (progress: Progress) => {
    changed = true;
    set({ progress });
    if (!unread) writeStored(browserStorage(), PROGRESS_KEY, writeProgress(progress));
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
    const verdict = loadedStage().judge(step.task.check, view.context.lesson.start.world, task);
    const { commands } = verdict;
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
        const { lesson, step } = context;
        // Fetched once the lesson's text is on screen: it is what the learner reads first, and
        // the stage's chunks would hold up its paint on a slow link (see store/firstText.ts).
        (stageIfLoaded() ? Promise.resolve() : firstTextShown()).then(lessonStage).then(
          (loaded) => {
            if (at !== generation) return;
            // A check after every change to any world a lesson can play on.
            if (!watching) loaded.watchWorlds(() => setTimeout(check, 0));
            watching = true;
            set({ stageFailed: false });
            // Built headless, then shown: the step's world as its narration describes it. Shown
            // in a task of its own: drawing it is long work too, and the page answers between.
            const worlds = loaded.prepare(lesson, step);
            setTimeout(() => {
              if (at !== generation) return;
              loaded.install(worlds);
              lessonWorldShown();
              sendLater({ type: 'READY' }, at);
            }, 0);
          },
          () => {
            lessonWorldShown();
            if (at === generation) set({ stageFailed: true });
          },
        );
      },
      playDemo: ({ context }) => {
        const at = ++generation;
        const items = context.lesson.steps[context.step]?.run ?? [];
        loadedStage().playItems(
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
        const played = loadedStage();
        played.playItems(
          kind,
          items,
          () => at !== generation,
          () => {
            sendLater({ type: 'DEMO_DONE' }, at);
            // "Show me" shows the outcome too: time runs fast until the check holds (a
            // daemon restarting, pods evicted), as the rehearsal lets it, then stops.
            played.settle(
              kind,
              () => at !== generation || get().view?.phase !== 'waiting',
              played.SETTLE_LIMIT_MS,
            );
          },
        );
      },
      beginTask: ({ context }) => {
        task = loadedStage().taskStart(context.lesson.start.world);
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

  /** Starts the player on `lesson`, at `step` or where the learner left it. */
  const begin = (lesson: Lesson, step: number | undefined) => {
    actor?.stop();
    generation++;
    const saved = get().progress.lessons[lesson.id];
    const first = step ?? (saved && !saved.completed ? saved.step : 0);
    const next = createActor(machine, { input: { lesson, step: first } });
    actor = next;
    next.subscribe((snapshot) => {
      if (actor !== next) return;
      set({ view: { phase: phaseOf(snapshot.value), context: snapshot.context } });
    });
    next.start();
    set({ opening: false });
  };

  // Sandbox mode takes over the lesson's world as it is: the lesson stops, the world stays.
  useUiStore.subscribe((s, p) => {
    if (s.mode !== p.mode && s.mode === 'sandbox') get().quit();
  });

  return {
    lessons: [],
    course: 'loading',
    view: null,
    opening: false,
    stageFailed: false,
    progress: EMPTY_PROGRESS,
    start: (lessonId, step) => {
      const known = get().lessons.find((l) => l.id === lessonId);
      const lesson = known ? Promise.resolve(known) : fetchLesson(lessonId);
      if (!lesson) return;
      const at = ++generation;
      set({ opening: true });
      // Resumed at its saved step, once the saved progress is in (at once, after the first).
      void Promise.all([lesson, savedProgress]).then(
        ([found]) => at === generation && begin(found, step),
        () => {
          if (at !== generation) return;
          set({ opening: false });
          tell({ kind: 'lessonUnreachable', reason: 'check the connection and reload the page' });
        },
      );
    },
    send: (event) => actor?.send(event),
    quit: () => {
      actor?.stop();
      actor = null;
      generation++;
      set({ view: null, opening: false });
    },
    importProgress: async (text) => {
      const checks = await import('./progressCheck').catch(() => null);
      const read = checks
        ? checks.readProgress(text)
        : { ok: false as const, reason: 'its checks could not be loaded (check the connection)' };
      if (!read.ok) {
        tell({ kind: 'importFailed', reason: read.reason });
        return;
      }
      save(read.progress);
      tell({ kind: 'imported' });
    },
    exportProgress: () => writeProgress(get().progress),
    loadLesson: async (text) => {
      const checked = await checkLessonText(text);
      const refused = !checked.ok
        ? checked.reason
        : isCourseLesson(checked.lesson.id)
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
