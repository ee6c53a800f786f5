/**
 * The app as an embedded widget: the URL's settings applied once at start (store/embed/
 * params.ts), and the postMessage API (store/embed/messages.ts) with the page that embeds it.
 *
 * Contract: `applyEmbedSettings` warns in the console about what it ignored and never throws
 * (nor rejects: it resolves once a lesson the URL names has started, or could not be fetched);
 * `connectEmbedApi` accepts commands only from the allowed origins (the app's own origin
 * unless `?origins=` names others) and only from the window that embeds it, ignores anything
 * else without a word, and reports refusals (an unknown lesson, a lesson file that fails its
 * checks) as `refused` events. Events go to the embedding window, addressed to each allowed
 * origin, so no other origin can read them.
 */
import i18n from 'i18next';
import type * as EmbedLessons from './embedLessons';
import { eventMessage, type EmbedEvent } from '../store/embed/messages';
import { originOf, type EmbedSettings } from '../store/embed/params';
import { firstTextShown } from '../store/firstText';
import { useSessionStore } from '../store/sessionStore';
import { holdThemePreference, useUiStore } from '../store/uiStore';

export async function applyEmbedSettings(settings: EmbedSettings): Promise<void> {
  const ui = useUiStore.getState();
  if (settings.theme) {
    holdThemePreference();
    ui.setTheme(settings.theme);
  }
  if (settings.chrome) ui.setChrome(settings.chrome);
  if (settings.mode) ui.setMode(settings.mode);
  if (settings.orchestrator) ui.setOrchestrator(settings.orchestrator);
  if (settings.view) ui.setView(settings.view);
  if (settings.panels) ui.showOnlyPanels(settings.panels);
  const session = useSessionStore.getState();
  if (settings.speed !== undefined) session.setSpeed(settings.speed);
  if (settings.autoplay === false) session.pause();
  if (settings.lang && settings.lang !== i18n.language) {
    void i18n.changeLanguage(settings.lang).catch(() => undefined);
  }
  if (settings.lesson !== undefined)
    await lessonSide().then(
      (side) => side.startFromUrl(settings),
      () => console.warn('docker-anatomy: the lesson could not be loaded (offline?)'),
    );
}

type LessonSide = typeof EmbedLessons;

/** The lessons' part of the API, fetched on demand: one promise, so calls keep their order. */
let lessonSideLoad: Promise<LessonSide> | null = null;
const lessonSide = () => (lessonSideLoad ??= import('./embedLessons'));

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
  let stop = () => undefined as void;
  let stopped = false;
  // `ready` waits for the lesson side, so every command the page sends after it is understood;
  // both it and the commands' checks (with zod) are fetched once the first screen's text shows.
  void firstTextShown()
    .then(() => Promise.all([lessonSide(), import('../store/embed/commands')]))
    .then(([side, { readCommand }]) => {
      if (stopped) return;
      // Commands are carried out one after another, in the order they came: one that waits for
      // the lesson's stage (a lesson loaded, a line run) holds back the ones after it.
      let queue: Promise<void> = Promise.resolve();
      const onMessage = (message: MessageEvent) => {
        if (message.source !== parent || !origins.includes(message.origin)) return;
        const command = readCommand(message.data);
        if (!command) return;
        queue = queue.then(async () => {
          const refused = await side.carryOut(command);
          if (refused) send({ type: 'refused', reason: refused });
        });
      };
      window.addEventListener('message', onMessage);
      const stopLessons = side.lessonEvents(send);
      const stopCommands = commandEvents(send);
      send({ type: 'ready', version: 1 });
      // A lesson opened by the URL is already on its step: say where.
      side.currentStep(send);
      stop = () => {
        window.removeEventListener('message', onMessage);
        stopLessons();
        stopCommands();
      };
    })
    .catch(() => console.warn('docker-anatomy: the embedding API could not be loaded (offline?)'));
  return () => {
    stopped = true;
    stop();
  };
}
