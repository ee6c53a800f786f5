/**
 * The app as an embedded widget: the URL's settings applied once at start (store/embed/
 * params.ts), and the postMessage API (store/embed/messages.ts) with the page that embeds it.
 *
 * Contract: `applyEmbedSettings` warns in the console about what it ignored and never throws;
 * `connectEmbedApi` accepts commands only from the allowed origins (the app's own origin
 * unless `?origins=` names others) and only from the window that embeds it, ignores anything
 * else without a word, and reports refusals (an unknown lesson, a lesson file that fails its
 * checks) as `refused` events. Events go to the embedding window, addressed to each allowed
 * origin, so no other origin can read them.
 */
import i18n from 'i18next';
import { LESSONS } from '../scenarios';
import { lessonTerminal } from '../store/lessons/appStage';
import { useLessonStore } from '../store/lessons/lessonStore';
import { eventMessage, readCommand, type EmbedEvent } from '../store/embed/messages';
import { originOf, type EmbedSettings } from '../store/embed/params';
import { useSessionStore } from '../store/sessionStore';
import { holdThemePreference, PANEL_IDS, useUiStore } from '../store/uiStore';

export function applyEmbedSettings(settings: EmbedSettings): void {
  const ui = useUiStore.getState();
  if (settings.theme) {
    holdThemePreference();
    ui.setTheme(settings.theme);
  }
  if (settings.chrome) ui.setChrome(settings.chrome);
  if (settings.mode) ui.setMode(settings.mode);
  if (settings.orchestrator) ui.setOrchestrator(settings.orchestrator);
  if (settings.view) ui.setView(settings.view);
  if (settings.panels) {
    const shown = new Set(settings.panels);
    for (const id of PANEL_IDS) ui.setPanelCollapsed(id, !shown.has(id));
  }
  const session = useSessionStore.getState();
  if (settings.speed !== undefined) session.setSpeed(settings.speed);
  if (settings.autoplay === false) session.pause();
  if (settings.lang && settings.lang !== i18n.language) {
    void i18n.changeLanguage(settings.lang).catch(() => undefined);
  }
  if (settings.lesson !== undefined) {
    if (LESSONS.some((l) => l.id === settings.lesson))
      useLessonStore.getState().start(settings.lesson, settings.step);
    else console.warn(`docker-anatomy: no lesson has the id given in ?lesson=; showing the list`);
  }
  // A lesson's world is installed by the player; the view asked for wins over the lesson's.
  if (settings.view) ui.setView(settings.view);
}

/** The lesson the learner is in, as the API names it. */
function lessonEvents(send: (event: EmbedEvent) => void): () => void {
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

/** Commands typed at the host's terminal (by the learner, a demo, or a `run` command). */
function commandEvents(send: (event: EmbedEvent) => void): () => void {
  let seen = useSessionStore.getState().sim.trace.length;
  return useSessionStore.subscribe((state, previous) => {
    if (state.sim !== previous.sim) seen = 0;
    const trace = state.sim.trace;
    for (let i = seen; i < trace.length; i++) {
      const entry = trace[i];
      if (entry?.kind === 'input' && entry.from === 'user' && entry.label.startsWith('$ '))
        send({ type: 'commandRun', command: entry.label.slice(2) });
    }
    seen = trace.length;
  });
}

function carryOut(command: NonNullable<ReturnType<typeof readCommand>>): string | null {
  const lessons = useLessonStore.getState();
  const session = useSessionStore.getState();
  switch (command.type) {
    case 'startLesson':
      if (!lessons.lessons.some((l) => l.id === command.lesson)) return 'no lesson has that id';
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
      lessonTerminal(kind).submit(command.command);
      return null;
    }
    case 'loadLesson': {
      const loaded = lessons.loadLesson(JSON.stringify(command.lesson ?? null));
      if (!loaded.ok) return loaded.reason;
      useUiStore.getState().setMode('lessons');
      useLessonStore.getState().start(loaded.id, 0);
      return null;
    }
  }
}

/** The embedding page's origin: Chromium and Safari say it, others leave the referrer. */
function parentOrigin(): string | undefined {
  const ancestors = window.location.ancestorOrigins as DOMStringList | undefined;
  if (ancestors && ancestors.length > 0) return ancestors[0] ?? undefined;
  return document.referrer ? originOf(document.referrer) : undefined;
}

/** Listens for the embedding page's commands and tells it what happens. Returns a disposer. */
export function connectEmbedApi(allowed: readonly string[]): () => void {
  const parent = window.parent;
  if (parent === window) return () => undefined;
  const origins = allowed.length > 0 ? allowed : [window.location.origin];
  // Addressed only to the embedding page's own origin when it is known (a message to any
  // other origin would not arrive anyway, and the browser would complain about each one).
  const embedder = parentOrigin();
  const targets = embedder === undefined ? origins : origins.filter((o) => o === embedder);
  const send = (event: EmbedEvent) => {
    for (const origin of targets) parent.postMessage(eventMessage(event), origin);
  };
  const onMessage = (message: MessageEvent) => {
    if (message.source !== parent || !origins.includes(message.origin)) return;
    const command = readCommand(message.data);
    if (!command) return;
    const refused = carryOut(command);
    if (refused) send({ type: 'refused', reason: refused });
  };
  window.addEventListener('message', onMessage);
  const stopLessons = lessonEvents(send);
  const stopCommands = commandEvents(send);
  send({ type: 'ready', version: 1 });
  // A lesson opened by the URL is already on its step: say where.
  const view = useLessonStore.getState().view;
  if (view)
    send({
      type: 'stepChanged',
      lesson: view.context.lesson.id,
      step: view.context.step + 1,
      steps: view.context.lesson.steps.length,
    });
  return () => {
    window.removeEventListener('message', onMessage);
    stopLessons();
    stopCommands();
  };
}
