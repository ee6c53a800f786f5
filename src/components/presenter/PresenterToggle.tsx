/**
 * The "Present" button: turns presenter mode on (full screen where allowed, larger type, the
 * last command shown large, clicker keys) and off. Contract: self-contained, place it in any
 * wrapping flex row (the banner takes a line of its own in that row); placed more than once,
 * only the first one mounted runs the mode (presenterOwner.ts).
 */
import { useTranslation } from 'react-i18next';
import { useUiStore } from '../../store/uiStore';
import { PanelErrorBoundary } from '../PanelErrorBoundary';
import { useIsPresenterOwner } from './presenterOwner';
import { PresenterLayer } from './PresenterLayer';
import { togglePresenting } from './presenterScreen';

export function PresenterToggle() {
  const { t } = useTranslation();
  const presenting = useUiStore((s) => s.presenting);
  const owner = useIsPresenterOwner();
  return (
    <>
      <button
        type="button"
        className="btn px-2 py-0.5 text-sm aria-pressed:bg-sky-100 dark:aria-pressed:bg-sky-900"
        aria-pressed={presenting}
        aria-label={t('presenter.toggle')}
        title={t('presenter.toggle')}
        onClick={togglePresenting}
      >
        {/* Below lg an icon (the toolbar keeps its height); the name says it either way. */}
        <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4 fill-current lg:hidden">
          <path d="M3 3h5v2H5v3H3V3zm9 0h5v5h-2V5h-3V3zM3 12h2v3h3v2H3v-5zm12 3v-3h2v5h-5v-2h3z" />
        </svg>
        <span aria-hidden="true" className="hidden lg:inline">
          {t('presenter.present')}
        </span>
      </button>
      {/* Its banner and key help fail alone, with a message in their place. */}
      {owner && (
        <PanelErrorBoundary name={t('presenter.toggle')}>
          <PresenterLayer />
        </PanelErrorBoundary>
      )}
    </>
  );
}
