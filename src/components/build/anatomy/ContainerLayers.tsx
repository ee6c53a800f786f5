/**
 * A container of the image as overlayfs stacks it: its thin writable layer on top, drawn
 * apart (dashed, "read-write"), over the image's read-only layers. The writable layer's
 * entries read like `docker diff` (A, C, D as letters, colour only as a second cue); a changed
 * or deleted file names the image layer that still holds the original. A note says what
 * `docker rm` drops (this layer) and what it keeps (named volumes).
 *
 * Contract: renders `container` and the image's layer rows (base first); picks nothing.
 */
import { useTranslation } from 'react-i18next';
import { humanSize } from '../../../sim/api/humanize';
import type { Container } from '../../../sim/types';
import { Badge, type Tone } from './Badge';
import { diffRows, volumeMounts, type DiffRow } from './containerLayer';
import { useLayerText } from './LayerStack';
import type { LayerRow } from './stackRows';

const KIND_TONE: Readonly<Record<DiffRow['kind'], Tone>> = { A: 'green', C: 'amber', D: 'rose' };

function DiffItem({ row }: { row: DiffRow }) {
  const { t } = useTranslation();
  const layerText = useLayerText();
  const origin = row.origin
    ? t(row.kind === 'D' ? 'anatomy.container.hides' : 'anatomy.container.copiedUp', {
        position: row.origin.position,
        instruction: layerText(row.origin),
      })
    : null;
  return (
    <li className="flex flex-wrap items-baseline gap-x-2">
      <Badge tone={KIND_TONE[row.kind]}>
        <span aria-hidden="true">{row.kind}</span>
        <span className="sr-only">{t(`anatomy.container.kind.${row.kind}`)}</span>
      </Badge>
      <code className="min-w-0 break-all">{row.path}</code>
      {row.kind !== 'D' && !row.dir && <span className="text-muted">{humanSize(row.size)}</span>}
      {origin && <span className="text-muted w-full pl-6 font-sans">{origin}</span>}
    </li>
  );
}

export function ContainerLayers({
  container,
  layers,
}: {
  container: Container;
  layers: readonly LayerRow[];
}) {
  const { t } = useTranslation();
  const layerText = useLayerText();
  const diff = diffRows(container, layers);
  const volumes = volumeMounts(container);
  return (
    <div className="flex flex-col gap-2">
      <ul
        aria-label={t('anatomy.container.stackLabel', { name: container.name })}
        className="flex flex-col gap-1 text-xs"
      >
        <li className="rounded-md border-2 border-dashed border-amber-600 bg-amber-50/50 p-2 dark:border-amber-400 dark:bg-amber-950/40">
          <p className="font-semibold">{t('anatomy.container.writable')}</p>
          {diff.length === 0 ? (
            <p className="text-muted">{t('anatomy.container.noChanges')}</p>
          ) : (
            <ul
              aria-label={t('anatomy.container.diffLabel')}
              className="mt-1 flex flex-col gap-0.5 font-mono"
            >
              {diff.map((row) => (
                <DiffItem key={row.path} row={row} />
              ))}
            </ul>
          )}
        </li>
        {layers.toReversed().map((layer) => (
          <li
            key={layer.key}
            className="flex items-baseline gap-2 rounded-md border border-slate-300 bg-slate-50 px-2 py-0.5 dark:border-slate-600 dark:bg-slate-900"
          >
            <span className="text-muted shrink-0">
              {t('anatomy.container.readOnly', { position: layer.position })}
            </span>
            <code className="min-w-0 truncate" title={layerText(layer)}>
              {layerText(layer)}
            </code>
          </li>
        ))}
      </ul>
      <p className="text-muted text-xs">{t('anatomy.container.rmNote')}</p>
      {volumes.length > 0 && (
        <ul className="text-xs">
          {volumes.map((m) => (
            <li key={m.destination}>
              {t(
                m.anonymous ? 'anatomy.container.anonymousVolume' : 'anatomy.container.namedVolume',
                {
                  destination: m.destination,
                  source: m.source,
                },
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
