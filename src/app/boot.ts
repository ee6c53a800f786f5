/**
 * The page's entry, kept tiny. It puts the theme on <html>, lets the browser paint
 * index.html's loading shell, and only then runs the app (main.tsx). Evaluating the app's code
 * takes a few hundred milliseconds on a slow laptop: run first, that was a blank page; run
 * after a paint, it is the app's name and "Loading the simulation…". The app's chunks are
 * already downloading meanwhile: index.html preloads them (vite.config.ts, preloadApp).
 */
// The stylesheets are the entry's, so index.html links them and the shell paints styled.
import '@xyflow/react/dist/style.css';
import '../styles.css';
import {
  PREFERS_DARK,
  browserStorage,
  isThemePreference,
  loadThemePreference,
  resolveTheme,
} from '../store/themePreference';
import { afterNextPaint } from '../store/afterNextPaint';
import { fetchLessonPlayer, isLessonLink } from './lessonLink';
import { sayCouldNotLoad } from './loadFailure';
import { applyThemeClass } from './themeClass';

// An embedding page's ?theme= wins over the stored choice, as the app will apply it: painting
// the shell in the other theme first would flash. main.tsx validates and reports the URL.
const asked = new URLSearchParams(window.location.search).get('theme');
applyThemeClass(
  document.documentElement,
  resolveTheme(
    isThemePreference(asked) ? asked : loadThemePreference(browserStorage()),
    window.matchMedia(PREFERS_DARK).matches,
  ),
);

// A lesson link's player comes beside the app, not after it (lessonLink.ts).
if (isLessonLink(window.location.search)) fetchLessonPlayer(window.location.search);

// Two frames: the first is drawn by then, and on screen (the browser presents a frame a
// little after drawing it; running the app sooner could hold the shell off the screen).
await afterNextPaint();
await afterNextPaint();
try {
  await import('./main');
} catch (error) {
  // A chunk that cannot be fetched (offline, or a new deployment replaced it) or an error while
  // the app starts: said on the page, not left as "Loading…" for ever; the cause to the console.
  console.error('docker-anatomy: the app did not start', error);
  sayCouldNotLoad('the app');
}
