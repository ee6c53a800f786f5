/**
 * The image's layers as `dive` lists them, newest on top: per layer the instruction that made
 * it, its size, its short digest, cached or new in the latest build, and the other images that
 * share it; config-only steps as thin rows between. A layer opens (a disclosure button) to its
 * full digests and, where known, its files. Rows that arrive while a build plays slide in.
 *
 * Contract: renders `rows` (from stackRows, base first) and nothing else.
 */
import { Fragment, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { humanSize } from '../../../sim/api/humanize';
import { Badge } from './Badge';
import { shortDigest } from './imageChoice';
import { LayerDetails } from './LayerDetails';
import type { ConfigRow, LayerRow, StackRow } from './stackRows';
import { arrivalClass, useArrivals } from './useArrivals';

interface Props {
  readonly rows: readonly StackRow[];
  readonly image: string;
}

/** What made a layer, in words: its instruction, else the base it came with, else unknown. */
export function useLayerText(): (row: LayerRow) => string {
  const { t } = useTranslation();
  return (row) =>
    row.instruction ??
    (row.base ? t('anatomy.stack.fromBase', { base: row.base }) : t('anatomy.stack.unrecorded'));
}

/** The cache badge of a row: cached, new, or none (no build here made the step). */
function CacheBadge({ cached }: { cached: boolean | null }) {
  const { t } = useTranslation();
  if (cached === null) return null;
  return (
    <Badge tone={cached ? 'green' : 'amber'}>
      {cached ? t('anatomy.stack.cached') : t('anatomy.stack.new')}
    </Badge>
  );
}

function ConfigItem({ row }: { row: ConfigRow }) {
  const { t } = useTranslation();
  return (
    <div className="flex flex-wrap items-baseline gap-x-2 border-l-2 border-dashed border-slate-400 py-0.5 pl-2 text-xs dark:border-slate-500">
      <code className="min-w-0 break-all">{row.instruction}</code>
      <span className="text-muted">{t('anatomy.stack.configOnly')}</span>
      <CacheBadge cached={row.cached} />
    </div>
  );
}

/** Long RUN lines are cut in the button's name; the full text is on screen and in details. */
const NAME_LIMIT = 120;

function clip(text: string): string {
  return text.length > NAME_LIMIT ? `${text.slice(0, NAME_LIMIT - 1)}…` : text;
}

function LayerItem({ row, total, largest }: { row: LayerRow; total: number; largest: number }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const detailsId = useId();
  const what = useLayerText()(row);
  const size = humanSize(row.size);
  const cache =
    row.cached === null ? [] : [row.cached ? t('anatomy.stack.cached') : t('anatomy.stack.new')];
  const name = [
    `${t('anatomy.stack.layer', { position: row.position, total })}: ${clip(what)}`,
    size,
    ...cache,
  ].join(', ');
  return (
    <div className="rounded-md border border-slate-300 bg-white dark:border-slate-600 dark:bg-slate-900">
      <button
        type="button"
        aria-expanded={open}
        aria-controls={detailsId}
        aria-label={name}
        onClick={() => setOpen(!open)}
        className="flex w-full min-w-0 items-baseline gap-2 rounded-md px-2 py-1 text-left hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-sky-700 dark:hover:bg-slate-800 dark:focus-visible:outline-sky-300"
      >
        <span aria-hidden="true" className="text-slate-500 dark:text-slate-400">
          {open ? '▾' : '▸'}
        </span>
        <code
          title={what}
          className={`line-clamp-2 min-w-0 flex-1 break-all ${row.instruction ? '' : 'text-muted italic'}`}
        >
          {what}
        </code>
        <span className="shrink-0 font-mono tabular-nums">{size}</span>
        <CacheBadge cached={row.cached} />
      </button>
      {/* dive's size bar: how much of the image this layer is, next to the others. */}
      <div
        aria-hidden="true"
        className="mx-2 h-1 rounded bg-sky-600 dark:bg-sky-400"
        style={{ width: `${Math.max(1, Math.round((100 * row.size) / Math.max(1, largest)))}%` }}
      />
      <p className="text-muted flex flex-wrap gap-x-3 px-2 py-0.5">
        <code title={row.digest}>{shortDigest(row.digest)}</code>
        {row.sharedWith.length > 0 && (
          <span>{t('anatomy.stack.sharedWith', { images: row.sharedWith.join(', ') })}</span>
        )}
      </p>
      <div id={detailsId} hidden={!open}>
        {open && <LayerDetails row={row} />}
      </div>
    </div>
  );
}

export function LayerStack({ rows, image }: Props) {
  const { t } = useTranslation();
  const arrivals = useArrivals(rows.map((r) => r.key));
  const layers = rows.filter((r) => r.kind === 'layer');
  const largest = Math.max(0, ...layers.map((l) => l.size));
  const shown = rows.toReversed();
  return (
    <ul aria-label={t('anatomy.stack.label', { image })} className="flex flex-col gap-1 text-xs">
      {shown.map((row, i) => (
        <Fragment key={row.key}>
          {/* Where the base image's rows begin (top down), a divider names it. */}
          {row.base !== null && shown[i - 1]?.base !== row.base && (
            <li className="text-muted border-t border-slate-400 pt-0.5 dark:border-slate-500">
              {t('anatomy.stack.baseDivider', { base: row.base })}
            </li>
          )}
          <li className={arrivalClass(arrivals.has(row.key))}>
            {row.kind === 'layer' ? (
              <LayerItem row={row} total={layers.length} largest={largest} />
            ) : (
              <ConfigItem row={row} />
            )}
          </li>
        </Fragment>
      ))}
    </ul>
  );
}
