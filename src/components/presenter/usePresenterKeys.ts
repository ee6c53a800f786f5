/**
 * Presenter mode's keys on the page (see presenterKeys.ts for which key does what), and a
 * click anywhere to bring a blanked screen back. Contract: listens only while `active`; runs
 * in the capture phase and claims every key it acts on (preventDefault, stopPropagation), so
 * the playback shortcuts (useShortcuts, which skips claimed keys) and the focused element do
 * not act on it a second time. Keys it does not act on go on untouched.
 */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useAnnouncementStore } from '../../store/announcementStore';
import { useLessonPlace } from '../../store/lessons/lessonPlace';
import { useSessionStore } from '../../store/sessionStore';
import { useUiStore } from '../../store/uiStore';
import { keyTarget } from './keyTarget';
import { presenterAction, type PresenterScreen } from './presenterKeys';
import { leavePresenting } from './presenterScreen';

/** One step of the running lesson or, with none, one message of the host's playback. */
function step(direction: 'next' | 'back') {
  const turn = useLessonPlace.getState().turn;
  if (turn) {
    turn(direction);
    return;
  }
  // The Cluster view runs on its own clock: the host's playback would move unseen.
  if (useUiStore.getState().view === 'cluster') return;
  const session = useSessionStore.getState();
  if (direction === 'next') session.stepForward();
  else session.stepBack();
}

export interface PresenterKeysOptions extends PresenterScreen {
  readonly active: boolean;
  readonly setBlanked: (blanked: boolean) => void;
  readonly setHelp: (help: boolean) => void;
}

export function usePresenterKeys({
  active,
  blanked,
  help,
  setBlanked,
  setHelp,
}: PresenterKeysOptions): void {
  const { t } = useTranslation();
  const announce = useAnnouncementStore((s) => s.announce);
  useEffect(() => {
    if (!active) return;
    const blank = (on: boolean) => {
      setBlanked(on);
      announce(t(on ? 'presenter.announce.blanked' : 'presenter.announce.shown'));
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      const action = presenterAction(
        {
          key: event.key,
          altKey: event.altKey,
          ctrlKey: event.ctrlKey,
          metaKey: event.metaKey,
          target: keyTarget(event.target),
        },
        { blanked, help },
      );
      if (action === null) return;
      event.preventDefault();
      event.stopPropagation();
      switch (action) {
        case 'next':
        case 'back':
          step(action);
          break;
        case 'blank':
          blank(true);
          break;
        case 'unblank':
          blank(false);
          break;
        case 'help':
          setHelp(true);
          break;
        case 'closeHelp':
          setHelp(false);
          break;
        case 'leave':
          leavePresenting();
          break;
      }
    };
    // The blank screen covers the page, so this click lands on it and nothing else.
    const onClick = (event: MouseEvent) => {
      if (!blanked) return;
      event.preventDefault();
      event.stopPropagation();
      blank(false);
    };
    window.addEventListener('keydown', onKey, true);
    window.addEventListener('click', onClick, true);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      window.removeEventListener('click', onClick, true);
    };
  }, [active, blanked, help, setBlanked, setHelp, announce, t]);
}
