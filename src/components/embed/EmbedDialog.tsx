/**
 * "Embed": the iframe snippet for what is on screen now, with a live preview of it. The
 * teacher picks the size, the minimal chrome and the panels; the snippet follows, and can be
 * copied. A native modal dialog: focus is trapped and Escape closes it.
 */
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useModalDialog } from '../hooks/useModalDialog';
import type { EmbedSettings } from '../../store/embed/params';
import { useLessonPlace } from '../../store/lessons/lessonPlace';
import { PANEL_IDS, useUiStore, type PanelId } from '../../store/uiStore';
import { embedSnippet, embedUrl } from './embedSnippet';

const SIZES = [
  [800, 500],
  [960, 600],
  [480, 320],
] as const;

function useCurrentSettings(minimal: boolean, panels: readonly PanelId[]): EmbedSettings {
  const view = useUiStore((s) => s.view);
  const theme = useUiStore((s) => s.theme);
  const orchestrator = useUiStore((s) => s.orchestrator);
  const mode = useUiStore((s) => s.mode);
  const lesson = useLessonPlace((s) => s.place);
  return useMemo(
    () => ({
      ...(lesson ? { lesson: lesson.lesson, step: lesson.step } : { mode }),
      view,
      ...(view === 'cluster' ? { orchestrator } : {}),
      panels,
      ...(theme !== 'system' ? { theme } : {}),
      ...(minimal ? { chrome: 'minimal' as const } : {}),
    }),
    [lesson, mode, view, orchestrator, panels, theme, minimal],
  );
}

export function EmbedDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const ref = useModalDialog(open);
  const titleId = useId();
  const snippetId = useId();
  const [size, setSize] = useState(0);
  const [minimal, setMinimal] = useState(true);
  const [panels, setPanels] = useState<readonly PanelId[]>(['narration', 'terminal']);
  const [copied, setCopied] = useState(false);
  const settings = useCurrentSettings(minimal, panels);
  const [width, height] = SIZES[size] ?? SIZES[0];
  const base = `${window.location.origin}${window.location.pathname}`;
  const snippet = embedSnippet({ base, settings, width, height });

  const toggle = (id: PanelId) =>
    setPanels((shown) =>
      shown.includes(id)
        ? shown.filter((p) => p !== id)
        : PANEL_IDS.filter((p) => p === id || shown.includes(p)),
    );

  return (
    <dialog
      ref={ref}
      onClose={() => {
        // The next opening starts without the last "Copied." showing.
        setCopied(false);
        onClose();
      }}
      aria-labelledby={titleId}
      className="m-auto max-h-[95dvh] w-[min(64rem,95vw)] overflow-auto rounded-lg border border-slate-400 bg-white p-4 text-slate-900 backdrop:bg-black/40 dark:bg-slate-900 dark:text-slate-100"
    >
      <h2 id={titleId} className="mb-2 font-semibold">
        {t('embed.title')}
      </h2>
      <p className="mb-2 text-sm">{t('embed.intro')}</p>
      <div className="mb-2 flex flex-wrap items-center gap-4 text-sm">
        <label className="flex items-center gap-1">
          {t('embed.size')}
          <select
            className="rounded border border-slate-400 bg-white px-1 dark:bg-slate-900"
            value={size}
            onChange={(e) => setSize(Number(e.target.value))}
          >
            {SIZES.map(([w, h], index) => (
              <option key={index} value={index}>
                {w} × {h}
              </option>
            ))}
          </select>
        </label>
        <label className="flex items-center gap-1">
          <input type="checkbox" checked={minimal} onChange={(e) => setMinimal(e.target.checked)} />
          {t('embed.minimal')}
        </label>
        <fieldset className="flex flex-wrap items-center gap-2">
          <legend className="sr-only">{t('embed.panels')}</legend>
          <span aria-hidden="true">{t('embed.panels')}:</span>
          {PANEL_IDS.map((id) => (
            <label key={id} className="flex items-center gap-1">
              <input type="checkbox" checked={panels.includes(id)} onChange={() => toggle(id)} />
              {t(`panels.${id}`)}
            </label>
          ))}
        </fieldset>
      </div>
      <label htmlFor={snippetId} className="text-sm font-semibold">
        {t('embed.snippet')}
      </label>
      <textarea
        id={snippetId}
        readOnly
        rows={8}
        className="mb-2 w-full rounded border border-slate-400 bg-slate-50 p-2 font-mono text-xs dark:bg-slate-800"
        value={snippet}
        onFocus={(e) => e.currentTarget.select()}
      />
      <div className="mb-3 flex items-center gap-2">
        <button
          type="button"
          className="btn"
          onClick={() =>
            void navigator.clipboard
              ?.writeText(snippet)
              .then(() => setCopied(true))
              .catch(() => setCopied(false))
          }
        >
          {t('embed.copy')}
        </button>
        <span role="status" className="text-sm">
          {copied ? t('embed.copied') : ''}
        </span>
        <button type="button" className="btn ml-auto" onClick={onClose}>
          {t('embed.close')}
        </button>
      </div>
      <h3 className="mb-1 text-sm font-semibold">{t('embed.preview')}</h3>
      {open && (
        <div className="overflow-auto">
          <iframe
            title={t('embed.previewTitle')}
            src={embedUrl(base, settings)}
            width={width}
            height={height}
            className="border border-slate-400"
          />
        </div>
      )}
    </dialog>
  );
}
