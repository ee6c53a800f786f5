/**
 * How an image is addressed by content (OCI image spec): manifest -> config -> layers, each
 * box with its digest(s) and one sentence on what the digest is of. The manifest digest is the
 * image's RepoDigest, which exists only once the image was pulled or pushed; for a local build
 * the box says so rather than show a digest that Docker has not computed.
 *
 * Contract: three list items with arrows drawn in CSS (hidden from screen readers: the list
 * order says it); boxes side by side when the container is wide, stacked when narrow.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { humanSize } from '../../../sim/api/humanize';
import type { Image, World } from '../../../sim/types';
import { shortDigest } from './imageChoice';

function Digest({ digest, prefix = '' }: { digest: string; prefix?: string }) {
  return (
    <code className="break-all" title={`${prefix}${digest}`}>
      {prefix}
      {shortDigest(digest)}
    </code>
  );
}

function Box({ first, title, children }: { first?: boolean; title: string; children: ReactNode }) {
  return (
    <li className="flex min-w-0 flex-1 flex-col items-center gap-1 @xl:flex-row @xl:items-stretch">
      {!first && (
        <span
          aria-hidden="true"
          className="text-lg leading-none text-slate-500 rotate-90 @xl:rotate-0 @xl:self-center dark:text-slate-400"
        >
          →
        </span>
      )}
      <div className="flex w-full min-w-0 flex-1 flex-col gap-1 rounded-md border border-slate-400 p-2 text-xs dark:border-slate-500">
        <h4 className="font-semibold">{title}</h4>
        {children}
      </div>
    </li>
  );
}

export function ManifestDiagram({ image, world }: { image: Image; world: World }) {
  const { t } = useTranslation();
  const layers = image.layers.map((d) => world.layers[d]);
  return (
    <ol aria-label={t('anatomy.manifest.label')} className="flex flex-col gap-1 @xl:flex-row">
      <Box first title={t('anatomy.manifest.manifest')}>
        {image.repoDigests.length > 0 ? (
          <ul>
            {image.repoDigests.map((ref) => {
              const at = ref.indexOf('@');
              return (
                <li key={ref}>
                  <Digest prefix={`${ref.slice(0, at)}@`} digest={ref.slice(at + 1)} />
                </li>
              );
            })}
          </ul>
        ) : (
          <p className="italic">{t('anatomy.manifest.notWritten')}</p>
        )}
        <p className="text-muted">{t('anatomy.manifest.manifestAbout')}</p>
      </Box>
      <Box title={t('anatomy.manifest.config')}>
        <p>
          <Digest digest={image.id} /> {t('anatomy.manifest.isImageId')}
        </p>
        <p className="font-mono">rootfs.diff_ids:</p>
        <ul className="pl-2">
          {layers.map((layer, i) => (
            <li key={`${i}:${layer?.diffId ?? ''}`}>
              {layer ? <Digest digest={layer.diffId} /> : '?'}
            </li>
          ))}
        </ul>
        <p className="text-muted">{t('anatomy.manifest.configAbout')}</p>
      </Box>
      <Box title={t('anatomy.manifest.layers')}>
        <ul>
          {image.layers.map((digest, i) => (
            <li key={`${i}:${digest}`} className="flex flex-wrap gap-x-2">
              <Digest digest={digest} />
              <span className="text-muted">{humanSize(layers[i]?.size ?? 0)}</span>
            </li>
          ))}
        </ul>
        <p className="text-muted">{t('anatomy.manifest.layersAbout')}</p>
      </Box>
    </ol>
  );
}
