/**
 * The bar above the diagram: playback on one side, one-click demos on the other, and the
 * keyboard shortcuts with their help. Contract: composition; the clock that moves the cursor
 * lives here so that playback runs whenever the host view is on screen. The Cluster view has
 * its own clock and faults, so the host's bar steps aside there; an iframe's minimal chrome
 * keeps only playback.
 */
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUiStore } from '../../store/uiStore';
import { CopyLinkButton } from '../share/CopyLinkButton';
import { EmbedButton } from '../embed/EmbedButton';
import { PanelErrorBoundary } from '../PanelErrorBoundary';
import { PresenterToggle } from '../presenter/PresenterToggle';
import { ChaosControls } from './ChaosControls';
import { PlaybackBar } from './PlaybackBar';
import { ShortcutsDialog } from './ShortcutsDialog';
import { usePlaybackClock } from './usePlaybackClock';
import { useShortcuts } from './useShortcuts';

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
      {!minimal && <ChaosControls />}
      {shortcuts}
    </section>
  );
}
