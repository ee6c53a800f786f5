/**
 * "Embed": a dialog with the iframe snippet that embeds what is on screen in a course page or
 * a slide, with a live preview. Below lg the button is its icon, its word left to screen
 * readers, so the toolbar keeps its height.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PanelErrorBoundary } from '../PanelErrorBoundary';
import { EmbedDialog } from './EmbedDialog';

export function EmbedButton() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className="btn px-2 py-0.5 text-sm"
        aria-haspopup="dialog"
        title={t('embed.button')}
        onClick={() => setOpen(true)}
      >
        <span aria-hidden="true" className="font-mono lg:hidden">
          {'</>'}
        </span>
        <span className="sr-only lg:not-sr-only">{t('embed.button')}</span>
      </button>
      {/* A dialog that fails to render says so in its place; the toolbar stays. */}
      <PanelErrorBoundary name={t('embed.title')} onReset={() => setOpen(false)}>
        <EmbedDialog open={open} onClose={() => setOpen(false)} />
      </PanelErrorBoundary>
    </>
  );
}
