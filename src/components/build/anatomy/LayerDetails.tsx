/**
 * An opened layer: its two digests in full (the compressed blob's, which the manifest lists,
 * and the DiffID of the uncompressed tar, which the config lists), a button to copy the
 * digest, the Dockerfile line, and the files it adds where the simulation knows them.
 */
import { useTranslation } from 'react-i18next';
import { humanSize } from '../../../sim/api/humanize';
import { useAnnouncementStore } from '../../../store/announcementStore';
import type { LayerRow } from './stackRows';

/** Copies through the async clipboard API and says so; where it is refused, it says that. */
function useCopy(): (text: string) => void {
  const { t } = useTranslation();
  const announce = useAnnouncementStore((s) => s.announce);
  return (text) => {
    const clipboard = typeof navigator === 'undefined' ? undefined : navigator.clipboard;
    if (!clipboard) return announce(t('anatomy.stack.copyFailed'));
    clipboard.writeText(text).then(
      () => announce(t('anatomy.stack.copied')),
      () => announce(t('anatomy.stack.copyFailed')),
    );
  };
}

export function LayerDetails({ row }: { row: LayerRow }) {
  const { t } = useTranslation();
  const copy = useCopy();
  return (
    <div className="flex flex-col gap-1 border-t border-slate-300 px-2 py-1 text-xs dark:border-slate-600">
      <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-2 gap-y-0.5">
        <dt className="text-muted">{t('anatomy.stack.digest')}</dt>
        <dd className="flex flex-wrap items-center gap-2">
          <code className="break-all select-all">{row.digest}</code>
          <button
            type="button"
            className="btn px-1.5 py-0 text-xs"
            aria-label={t('anatomy.stack.copyLayer', { position: row.position })}
            onClick={() => copy(row.digest)}
          >
            {t('anatomy.stack.copy')}
          </button>
        </dd>
        {row.diffId && (
          <>
            <dt className="text-muted">{t('anatomy.stack.diffId')}</dt>
            <dd>
              <code className="break-all select-all">{row.diffId}</code>
            </dd>
          </>
        )}
        {row.line !== null && (
          <>
            <dt className="text-muted">{t('anatomy.stack.line')}</dt>
            <dd>{row.line}</dd>
          </>
        )}
      </dl>
      {row.files ? (
        <>
          <p className="font-semibold">{t('anatomy.stack.files')}</p>
          <ul className="font-mono">
            {row.files.map((file) => (
              <li key={file.path} className="flex gap-2">
                <span className="min-w-0 break-all">{file.path}</span>
                <span className="text-muted shrink-0">
                  {file.whiteout ? t('anatomy.stack.whiteout') : humanSize(file.size)}
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p className="text-muted">{t('anatomy.stack.noFiles')}</p>
      )}
    </div>
  );
}
