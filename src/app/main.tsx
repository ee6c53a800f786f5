/**
 * The app, loaded by boot.ts once the loading shell is on screen (boot.ts has put the theme on
 * <html>). Order matters: saved state is read and checked (the checks load only when something
 * was saved), the translations load before the first render (so no raw keys flash), then the
 * views mount.
 */
import '../components/effectTiming';
import { createRoot } from 'react-dom/client';
import { hasTranslations, initI18n } from '../i18n';
import { checkSavedProgress } from '../store/lessons/progress';
import { tell } from '../store/noticeStore';
import { loadSimulationEngine } from '../store/simulationEngine';
import { hasPermalink } from '../store/permalinkFragment';
import { keepSandboxSession, savedSessionMayBuild } from '../store/sandboxSession';
import { parseEmbedParams } from '../store/embed/params';
import { App } from './App';
import { whenIdle } from '../store/afterNextPaint';
import { expectLessonText, firstTextShown } from '../store/firstText';
import { useUiStore } from '../store/uiStore';
import { sayCouldNotLoad } from './loadFailure';
import { applyEmbedSettings, connectEmbedApi } from './embed';

// When the app's own code begins, for whoever reads the performance timeline (and for the e2e
// check that the loading shell was painted before it: e2e/loading.spec.ts).
performance.mark('docker-anatomy:app-start');

/** The longest the engine waits for the page to be idle after the first render, ms. */
const ENGINE_WAIT_MS = 1000;

const rootElement = document.getElementById('root');
if (!rootElement) throw new Error('index.html has no #root element');

// The host the learner left last time, replayed from its log (or a notice saying why not).
// A permalink (#session=...) opens its session instead of the saved one; a damaged one is said.
const linked = hasPermalink(window.location.hash);
// Opening a link replays it through the whole shell: loaded only when there is one.
const linkProblem = linked
  ? (await import('../store/permalink')).openPermalink(window.location.hash)
  : null;
if (linkProblem !== null) tell({ kind: 'linkDamaged', reason: linkProblem });
// A session that built replays its builds: the Dockerfile parser (not on the first screen)
// comes first. If it cannot be fetched (offline after an update), the app does not start on a
// fresh host, which would soon be saved over the learner's session: it asks for a reload.
const parserReady =
  linked ||
  !savedSessionMayBuild() ||
  (await import('../sim/build/dockerfileAst').then(
    () => true,
    () => false,
  ));
if (parserReady) {
  const dropped = await keepSandboxSession({ restore: !linked });
  if (dropped !== null) tell({ kind: 'sessionReset', reason: dropped });
}
// Progress is read now, though the lessons load on demand, so a damaged one is said at once.
const progressProblem = await checkSavedProgress();
if (progressProblem !== null) tell({ kind: 'progressReset', reason: progressProblem });

// What an embedding page asked for in the URL (anything it got wrong is ignored, with a word).
const embed = parseEmbedParams(window.location.search);
for (const warning of embed.warnings) console.warn(warning);

const i18n = await initI18n();
if (parserReady && hasTranslations(i18n)) {
  // A lesson the URL names is started before the first render (its player's chunks came with
  // boot.ts), so the lessons' list is not drawn only to be replaced.
  await applyEmbedSettings(embed.settings);
  connectEmbedApi(embed.settings.origins ?? []);
  // The lesson's text comes first, where it is shown open: the diagram and the engine wait.
  const ui = useUiStore.getState();
  const lessonNamed = embed.settings.lesson !== undefined;
  if (lessonNamed && ui.shownPanels.includes('narration') && !ui.collapsedPanels.narration)
    expectLessonText();
  const root = createRoot(rootElement);
  // One synchronous render (Preact has no time slicing); index.html's shell shows until then.
  root.render(<App />);
  // The fresh host is drawn from its world alone; what makes it act comes once the first
  // screen's text is shown and the page is idle (the panels take a layout or two to settle),
  // so that fetching and running it does not hold up the first paint (an action that comes
  // first waits for it: see ChaosControls).
  void firstTextShown()
    .then(() => whenIdle(ENGINE_WAIT_MS))
    .then(loadSimulationEngine)
    .catch(() => undefined);
} else {
  sayCouldNotLoad(parserReady ? 'its text' : 'what your saved session needs');
}
