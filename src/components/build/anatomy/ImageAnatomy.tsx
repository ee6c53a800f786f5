/**
 * Image anatomy: one image at the playback cursor, taken apart. The newest build's steps as
 * they finish; the image's layers, dive-like, newest on top; its config; how manifest, config
 * and layers address each other by digest; and a container of the image with its writable
 * layer over the read-only ones. Scrubbing through a build shows the steps and layers arriving
 * one by one, because the build record stamps each step (the view invents nothing).
 *
 * Contract: no props. Reads the world at the cursor (session store) and the selected part (UI
 * store). The picker opens on a build under way, else the selected container's image, else
 * the newest build's; a choice made in the picker holds until a new build starts or another
 * container is selected. Finished steps are announced once through the live region.
 */
import { useId, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { humanSize } from '../../../sim/api/humanize';
import { shortId } from '../../../sim/digest';
import { useSessionStore, worldAtCursor } from '../../../store/sessionStore';
import { useUiStore } from '../../../store/uiStore';
import { containerOf } from '../../host/partIds';
import { BuildSteps } from './BuildSteps';
import { buildProgress } from './buildProgress';
import { ContainerSection } from './ContainerSection';
import { ImageConfigCard } from './ImageConfigCard';
import { defaultImageId, imageLabel, listedImages, newestBuild, shortDigest } from './imageChoice';
import { LayerStack } from './LayerStack';
import { ManifestDiagram } from './ManifestDiagram';
import { Picker } from './Picker';
import { layerRows, stackRows } from './stackRows';
import { useBuildAnnouncements } from './useBuildAnnouncements';

interface Choice {
  readonly imageId: string;
  /** The newest build and selected container when the choice was made. */
  readonly context: string;
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <section aria-labelledby={id} className="flex flex-col gap-1">
      <h4 id={id} className="text-sm font-semibold">
        {title}
      </h4>
      {children}
    </section>
  );
}

export function ImageAnatomy() {
  const { t } = useTranslation();
  const world = useSessionStore(worldAtCursor);
  const sim = useSessionStore((s) => s.sim);
  const cursor = useSessionStore((s) => s.cursor);
  const selectedPart = useUiStore((s) => s.selectedPart);
  const titleId = useId();
  useBuildAnnouncements();

  // `container:<id>`, `shim:<id>` and `runc:<id>` all stand for their container.
  const part = selectedPart ? containerOf(selectedPart) : null;
  const selectedContainer = part && world.containers[part] ? part : null;
  const build = newestBuild(world);
  const progress = useMemo(
    () => (build ? buildProgress(world, sim.trace, cursor, build) : null),
    [build, world, sim, cursor],
  );

  const [choice, setChoice] = useState<Choice | null>(null);
  const context = `${build?.id ?? ''} ${selectedContainer ?? ''}`;
  const chosen =
    choice && choice.context === context && world.images[choice.imageId] ? choice.imageId : null;
  const imageId = chosen ?? defaultImageId(world, selectedContainer);
  const image = imageId ? world.images[imageId] : undefined;
  const rows = useMemo(() => (imageId ? stackRows(world, imageId) : []), [world, imageId]);
  const layers = useMemo(() => layerRows(rows), [rows]);

  return (
    <section aria-labelledby={titleId} className="@container flex flex-col gap-3">
      <h3 id={titleId} className="font-semibold">
        {t('anatomy.title')}
      </h3>
      {progress && (
        <Section title={t('anatomy.build.title')}>
          <BuildSteps progress={progress} />
        </Section>
      )}
      {!image ? (
        <p className="text-muted text-sm">{t('anatomy.empty')}</p>
      ) : (
        <>
          <div className="flex flex-col gap-1">
            <Picker
              label={t('anatomy.picker.label')}
              value={image.id}
              options={listedImages(world, image.id).map((i) => ({
                value: i.id,
                label: i.repoTags.join(', ') || t('anatomy.picker.untagged', { id: shortId(i.id) }),
              }))}
              onChange={(id) => setChoice({ imageId: id, context })}
            />
            <p className="text-muted text-xs">
              {t('anatomy.summary', {
                count: image.layers.length,
                size: humanSize(image.size),
                id: shortDigest(image.id),
              })}
            </p>
          </div>
          <Section title={t('anatomy.stack.title')}>
            <LayerStack rows={rows} image={imageLabel(image)} />
          </Section>
          <Section title={t('anatomy.config.title')}>
            <ImageConfigCard config={image.config} />
          </Section>
          <Section title={t('anatomy.manifest.title')}>
            <ManifestDiagram image={image} world={world} />
          </Section>
          <Section title={t('anatomy.container.title')}>
            <ContainerSection
              world={world}
              imageId={image.id}
              layers={layers}
              selected={selectedContainer}
            />
          </Section>
        </>
      )}
    </section>
  );
}
