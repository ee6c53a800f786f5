/**
 * The bar above the diagram: playback on one side, one-click demos on the other, and the
 * keyboard shortcuts with their help (the demos behind a button on a phone). Contract:
 * composition; the clock that moves the cursor
 * lives here so that playback runs whenever the host view is on screen. The Cluster view has
 * its own clock and faults, so the host's bar steps aside there; an iframe's minimal chrome
 * keeps only playback.
 */
import { useCallback, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUiStore } from '../../store/uiStore';
import { CopyLinkButton } from '../share/CopyLinkButton';
import { EmbedButton } from '../embed/EmbedButton';
import { PanelErrorBoundary } from '../PanelErrorBoundary';
import { PresenterToggle } from '../presenter/PresenterToggle';
import { useMediaQuery } from '../hooks/useMediaQuery';
import { ChaosControls } from './ChaosControls';
import { PlaybackBar } from './PlaybackBar';
import { ShortcutsDialog } from './ShortcutsDialog';
import { usePlaybackClock } from './usePlaybackClock';
import { useShortcuts } from './useShortcuts';

/** Wide enough for the demo buttons to sit in the bar without taking a third of a phone. */
const DEMOS_ALWAYS = '(min-width: 40rem)';

/**
 * The one-click demos: always shown on a wide screen; on a phone, behind a button, so the
 * diagram is not pushed below the fold by six buttons most visits do not need.
 */
function Demos() {
  const { t } = useTranslation();
  const always = useMediaQuery(DEMOS_ALWAYS);
  const [shown, setShown] = useState(false);
  const id = useId();
  if (always) return <ChaosControls />;
  return (
    <>
      <button
        type="button"
        className="btn px-2 py-1 text-sm"
        aria-expanded={shown}
        aria-controls={id}
        onClick={() => setShown(!shown)}
      >
        {t('chaos.label')}
      </button>
      <div id={id} hidden={!shown} className="w-full">
        {shown && <ChaosControls />}
      </div>
    </>
  );
}

export function SessionToolbar() {
  const { t } = useTranslation();
  const [help, setHelp] = useState(false);
  const openHelp = useCallback(() => setHelp(true), []);
  const cluster = useUiStore((s) => s.view === 'cluster');
  // An iframe's minimal chrome keeps playback and leaves the demos to the full app.
  const minimal = useUiStore((s) => s.chrome === 'minimal');
  usePlaybackClock();
  useShortcuts(openHelp);
  // A dialog that fails to render says so in its place; the toolbar stays.
  const shortcuts = (
    <PanelErrorBoundary name={t('shortcuts.title')} onReset={() => setHelp(false)}>
      <ShortcutsDialog open={help} onClose={() => setHelp(false)} />
    </PanelErrorBoundary>
  );
  if (cluster) return shortcuts;
  return (
    <section
      aria-label={t('playback.region')}
      className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1 border-b border-slate-300 px-3 py-1.5 dark:border-slate-700"
    >
      <PlaybackBar onHelp={openHelp} />
      <CopyLinkButton className="flex flex-1 justify-end" />
      <EmbedButton />
      <PresenterToggle />
      {!minimal && <Demos />}
      {shortcuts}
    </section>
  );
}
