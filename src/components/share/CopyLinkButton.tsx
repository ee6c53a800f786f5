/**
 * "Copy link": copies a permalink (store/permalink.ts) that opens this session as it is now,
 * and says so to screen readers. Contract: self-contained, fits any flex row without changing
 * its height (below lg it is an icon, its words left to screen readers). Where the clipboard
 * is refused (no permission, an iframe without clipboard-write), the link shows in a
 * read-only field that pops up under the button, focused and selected, for the learner to
 * copy themselves; a session too long for a link says so there instead. Escape or Close puts
 * it away and gives focus back to the button.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAnnouncementStore } from '../../store/announcementStore';
import { currentPermalinkFragment, PERMALINK_MAX_CHARS } from '../../store/permalinkFragment';
import { writeClipboard } from '../hooks/writeClipboard';

const LINK_ICON =
  'M6.9 9.1a.75.75 0 0 1 0-1.06l2.1-2.1a.75.75 0 1 1 1.06 1.06l-2.1 2.1a.75.75 0 0 1-1.06 0ZM4.3 8.7l1.4-1.4a.75.75 0 1 1 1.06 1.06l-1.4 1.4a1.75 1.75 0 0 0 2.47 2.47l1.4-1.4a.75.75 0 1 1 1.06 1.06l-1.4 1.4A3.25 3.25 0 0 1 4.3 8.7Zm7.4-1.4-1.4 1.4a.75.75 0 1 1-1.06-1.06l1.4-1.4a1.75 1.75 0 0 0-2.47-2.47l-1.4 1.4a.75.75 0 0 1-1.06-1.06l1.4-1.4a3.25 3.25 0 0 1 4.6 4.6Z';

type Shown = { kind: 'link'; url: string } | { kind: 'tooLong'; length: number } | null;

/** The address without its query (a bridge, an embed's settings) and with the session. */
function linkTo(fragment: string): string {
  return `${window.location.origin}${window.location.pathname}${fragment}`;
}

/** `className` places it in its row (the wrapper is `relative`, for the pop-up under it). */
export function CopyLinkButton({ className = '' }: { readonly className?: string }) {
  const { t } = useTranslation();
  const announce = useAnnouncementStore((s) => s.announce);
  const [shown, setShown] = useState<Shown>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const fieldRef = useRef<HTMLInputElement>(null);
  const fieldId = useId();
  const hintId = useId();

  // The fallback field takes the focus with the link selected: Ctrl-C is all that is left.
  useEffect(() => {
    if (shown?.kind !== 'link') return;
    fieldRef.current?.focus();
    fieldRef.current?.select();
  }, [shown]);

  const copy = async () => {
    const link = currentPermalinkFragment();
    if (!link.ok) {
      setShown({ kind: 'tooLong', length: link.length });
      return;
    }
    const url = linkTo(link.fragment);
    if (await writeClipboard(url)) {
      setShown(null);
      announce(t('share.copied'));
    } else {
      setShown({ kind: 'link', url });
    }
  };

  const close = () => {
    setShown(null);
    buttonRef.current?.focus();
  };
  const closeOnEscape = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    close();
  };

  return (
    <div className={`relative ${className}`}>
      <button
        ref={buttonRef}
        type="button"
        className="btn inline-flex min-w-9 items-center justify-center gap-1 px-2 py-1 text-sm"
        title={t('share.copyLinkTitle')}
        onClick={() => void copy()}
      >
        {/* A chain link; below lg the words are for screen readers only, to keep rows short. */}
        <svg aria-hidden="true" viewBox="0 0 16 16" width="16" height="16" fill="currentColor">
          <path d={LINK_ICON} />
        </svg>
        <span className="sr-only lg:not-sr-only">{t('share.copyLink')}</span>
      </button>
      {shown && (
        <div
          role="group"
          aria-label={t('share.fallbackLabel')}
          className="absolute top-full right-0 z-20 mt-1 flex w-80 max-w-[90vw] flex-col gap-2 rounded-md border border-slate-400 bg-white p-2 text-sm shadow-lg dark:bg-slate-900"
        >
          {shown.kind === 'link' ? (
            <>
              <label htmlFor={fieldId} className="font-semibold">
                {t('share.fallbackLabel')}
              </label>
              <input
                ref={fieldRef}
                id={fieldId}
                type="text"
                readOnly
                value={shown.url}
                aria-describedby={hintId}
                className="w-full rounded border border-slate-400 bg-white px-1 py-0.5 font-mono text-xs dark:bg-slate-900"
                onFocus={(event) => event.currentTarget.select()}
                onKeyDown={closeOnEscape}
              />
              <p id={hintId} className="text-muted text-xs">
                {t('share.fallbackHint')}
              </p>
            </>
          ) : (
            <p role="alert">
              {t('share.tooLong', { length: shown.length, max: PERMALINK_MAX_CHARS })}
            </p>
          )}
          <button
            type="button"
            className="btn self-end px-2 py-0.5 text-xs"
            onClick={close}
            onKeyDown={closeOnEscape}
          >
            {t('share.close')}
          </button>
        </div>
      )}
    </div>
  );
}
