/**
 * Entering and leaving presenter mode: the `presenting` flag in the UI store, and the page in
 * full screen while it is on. Contract: call `enterPresenting` from the user's click or key
 * (browsers grant full screen only then); a refusal is ignored, presenting works in a window
 * too. Leaving full screen by the browser (Escape, F11) leaves presenter mode: see
 * `followFullscreen`.
 */
import { useUiStore } from '../../store/uiStore';

export function enterPresenting(): void {
  useUiStore.getState().setPresenting(true);
  const root = document.documentElement;
  if (document.fullscreenEnabled && !document.fullscreenElement && root.requestFullscreen)
    root
      .requestFullscreen()
      // Left again before the browser granted it (a quick double press): leave it too, or the
      // page would stay in full screen with presenter mode off.
      .then(() => (useUiStore.getState().presenting ? undefined : document.exitFullscreen()))
      // Refused (no gesture, an iframe without allowfullscreen): the larger type still helps.
      .catch(() => undefined);
}

export function leavePresenting(): void {
  useUiStore.getState().setPresenting(false);
  if (document.fullscreenElement) document.exitFullscreen().catch(() => undefined);
}

export function togglePresenting(): void {
  if (useUiStore.getState().presenting) leavePresenting();
  else enterPresenting();
}

/** Leaves presenter mode when the page leaves full screen; returns the unsubscribe. */
export function followFullscreen(): () => void {
  const onChange = () => {
    if (!document.fullscreenElement && useUiStore.getState().presenting)
      useUiStore.getState().setPresenting(false);
  };
  document.addEventListener('fullscreenchange', onChange);
  return () => document.removeEventListener('fullscreenchange', onChange);
}
