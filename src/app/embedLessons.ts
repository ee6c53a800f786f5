/**
 * The lesson side of the embedding API, loaded only when the app is embedded or the URL names
 * a lesson: the lesson player and the course are not part of the first screen (see embed.ts).
 *
 * Contract: `carryOut` does one command and returns null, or a refusal in words (a promise of it for the
 * commands that wait for the lesson's stage: the caller keeps them in order); `lessonEvents`
 * reports step changes, passes and completions until disposed; `startFromUrl` opens the lesson
 * the URL names, or warns and leaves the list shown.
 */
import { isCourseLesson } from '../scenarios/course';
import { useLessonStore } from '../store/lessons/lessonStore';
import { lessonStage } from '../store/lessons/stageLoader';
import type { EmbedCommand } from '../store/embed/commands';
import type { EmbedEvent } from '../store/embed/messages';
import type { EmbedSettings } from '../store/embed/params';
import { useSessionStore } from '../store/sessionStore';
import { useUiStore } from '../store/uiStore';
import { textRendered } from '../store/firstText';

export function startFromUrl(settings: EmbedSettings): void {
  if (settings.lesson === undefined) return;
  if (isCourseLesson(settings.lesson))
    useLessonStore.getState().start(settings.lesson, settings.step);
  else {
    console.warn(`docker-anatomy: no lesson has the id given in ?lesson=; showing the list`);
    textRendered('lessons');
  }
  // A lesson's world is installed by the player; the view asked for wins over the lesson's.
  if (settings.view) useUiStore.getState().setView(settings.view);
}

/** The lesson the learner is in, as the API names it. */
export function lessonEvents(send: (event: EmbedEvent) => void): () => void {
  return useLessonStore.subscribe((state, previous) => {
    const view = state.view;
    if (!view) return;
    const before = previous.view;
    const lesson = view.context.lesson.id;
    const step = view.context.step + 1;
    if (before?.context.lesson.id !== lesson || before.context.step !== view.context.step)
      send({ type: 'stepChanged', lesson, step, steps: view.context.lesson.steps.length });
    if (view.phase !== before?.phase && view.phase === 'passed')
      send({ type: 'taskPassed', lesson, step });
    if (view.phase !== before?.phase && view.phase === 'completed')
      send({ type: 'lessonCompleted', lesson });
  });
}

/** Says where a lesson opened by the URL already is. */
export function currentStep(send: (event: EmbedEvent) => void): void {
  const view = useLessonStore.getState().view;
  if (view)
    send({
      type: 'stepChanged',
      lesson: view.context.lesson.id,
      step: view.context.step + 1,
      steps: view.context.lesson.steps.length,
    });
}

export function carryOut(command: EmbedCommand): string | null | Promise<string | null> {
  const lessons = useLessonStore.getState();
  const session = useSessionStore.getState();
  switch (command.type) {
    case 'startLesson':
      if (!isCourseLesson(command.lesson) && !lessons.lessons.some((l) => l.id === command.lesson))
        return 'no lesson has that id';
      useUiStore.getState().setMode('lessons');
      lessons.start(command.lesson, 0);
      return null;
    case 'goToStep':
      if (!lessons.view) return 'no lesson is running';
      if (command.step > lessons.view.context.lesson.steps.length) return 'no such step';
      lessons.send({ type: 'GO_TO', step: command.step - 1 });
      return null;
    case 'next':
    case 'previous':
      if (lessons.view) lessons.send({ type: command.type === 'next' ? 'NEXT' : 'BACK' });
      else if (command.type === 'next') session.stepForward();
      else session.stepBack();
      return null;
    case 'play':
      session.play();
      return null;
    case 'pause':
      session.pause();
      return null;
    case 'setSpeed':
      session.setSpeed(command.speed as Parameters<typeof session.setSpeed>[0]);
      return null;
    case 'run': {
      const kind = lessons.view?.context.lesson.start.world ?? 'host';
      // The terminals come with the lesson's stage (fetched with the first lesson started).
      return lessonStage().then(
        (stage) => {
          stage.lessonTerminal(kind).submit(command.command);
          return null;
        },
        () => 'the simulation could not be loaded (check the connection and reload)',
      );
    }
    case 'loadLesson':
      return lessons.loadLesson(JSON.stringify(command.lesson ?? null)).then((loaded) => {
        if (!loaded.ok) return loaded.reason;
        useUiStore.getState().setMode('lessons');
        useLessonStore.getState().start(loaded.id, 0);
        return null;
      });
  }
}
