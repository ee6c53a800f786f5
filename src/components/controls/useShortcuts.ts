/**
 * Keyboard shortcuts for playback, anywhere but in text inputs and widgets that use the keys
 * themselves: Space play/pause, arrows step, Home restart, + and - speed, ? help. Not in the
 * Cluster view, whose clock is its own.
 */
import { useEffect } from 'react';
import { SPEEDS } from '../../store/playback';
import { useSessionStore } from '../../store/sessionStore';
import { useUiStore } from '../../store/uiStore';

function ownsKeys(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target.closest('input, textarea, select, [role="separator"], [role="slider"], .xterm'))
    return true;
  // Buttons and links take Space and Enter themselves.
  return false;
}

export function useShortcuts(onHelp: () => void): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (
        event.defaultPrevented ||
        event.altKey ||
        event.ctrlKey ||
        event.metaKey ||
        ownsKeys(event.target) ||
        // The Cluster view has its own clock: the host's playback keys would act unseen.
        useUiStore.getState().view === 'cluster'
      )
        return;
      const store = useSessionStore.getState();
      const speedIndex = SPEEDS.indexOf(store.speed);
      switch (event.key) {
        case ' ':
          if (event.target instanceof HTMLButtonElement) return;
          if (store.playing) store.pause();
          else store.play();
          break;
        case 'ArrowRight':
          store.stepForward();
          break;
        case 'ArrowLeft':
          store.stepBack();
          break;
        case 'Home':
          store.restart();
          break;
        case '+':
        case '=':
          store.setSpeed(SPEEDS[Math.min(SPEEDS.length - 1, speedIndex + 1)] ?? store.speed);
          break;
        case '-':
          store.setSpeed(SPEEDS[Math.max(0, speedIndex - 1)] ?? store.speed);
          break;
        case '?':
          onHelp();
          break;
        default:
          return;
      }
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onHelp]);
}
