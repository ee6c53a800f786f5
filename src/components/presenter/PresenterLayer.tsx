/**
 * What presenter mode adds to the page while it is on: the `presenting` class on <html> (the
 * larger type and thicker lines, styles.css "Presenter mode"), the last-command banner, the
 * blank screen, the key help, and the keys themselves. Contract: mounted once (by the owning
 * PresenterToggle); leaving presenter mode clears the blank and the help, and reopens the side
 * panels that were open when it began (the larger type and the banner take height, and a
 * panel left without its minimum height is collapsed by the layout).
 */
import { lazy, Suspense, useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAnnouncementStore } from '../../store/announcementStore';
import { PANEL_IDS, useUiStore, type UiState } from '../../store/uiStore';
import { PresenterHelp } from './PresenterHelp';
import { followFullscreen } from './presenterScreen';
import { usePresenterKeys } from './usePresenterKeys';

// Loaded when presenting begins: it reads kubectl's trace too, and the Kubernetes store is not
// part of the first screen.
const LastCommandBanner = lazy(() =>
  import('./LastCommandBanner').then((m) => ({ default: m.LastCommandBanner })),
);

export function PresenterLayer() {
  const { t } = useTranslation();
  const presenting = useUiStore((s) => s.presenting);
  const announce = useAnnouncementStore((s) => s.announce);
  const [blanked, setBlanked] = useState(false);
  const [help, setHelp] = useState(false);
  const closeHelp = useCallback(() => setHelp(false), []);
  const panelsBefore = useRef<UiState['collapsedPanels'] | null>(null);

  useLayoutEffect(() => {
    if (!presenting) return;
    const root = document.documentElement;
    root.classList.add('presenting');
    return () => root.classList.remove('presenting');
  }, [presenting]);
  useEffect(followFullscreen, []);
  // Said whichever way it changed: the button, Escape, or the browser leaving full screen.
  useEffect(
    () =>
      useUiStore.subscribe((state, previous) => {
        if (state.presenting === previous.presenting) return;
        if (state.presenting) panelsBefore.current = state.collapsedPanels;
        else {
          setBlanked(false);
          setHelp(false);
          const before = panelsBefore.current;
          panelsBefore.current = null;
          for (const id of PANEL_IDS) if (before && !before[id]) state.setPanelCollapsed(id, false);
        }
        announce(t(state.presenting ? 'presenter.announce.on' : 'presenter.announce.off'));
      }),
    [announce, t],
  );
  usePresenterKeys({ active: presenting, blanked, help, setBlanked, setHelp });

  if (!presenting) return null;
  return (
    <>
      <Suspense fallback={null}>
        <LastCommandBanner />
      </Suspense>
      {blanked && <div role="none" className="presenter-blank" data-presenter-blank />}
      <PresenterHelp open={help} onClose={closeHelp} />
    </>
  );
}
