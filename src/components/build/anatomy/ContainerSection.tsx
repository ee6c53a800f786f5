/**
 * The containers of the shown image: which one to look at (the container selected elsewhere
 * in the app when it is one of them, else the user's pick here, else the oldest), and its
 * layers. With none, it says how one comes about.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Container, World } from '../../../sim/types';
import { ContainerLayers } from './ContainerLayers';
import { containersOf } from './containerLayer';
import type { LayerRow } from './stackRows';
import { Picker } from './Picker';

interface Props {
  readonly world: World;
  readonly imageId: string;
  readonly layers: readonly LayerRow[];
  /** The container selected in the app (diagram, process tree), if any. */
  readonly selected: string | null;
}

export function ContainerSection({ world, imageId, layers, selected }: Props) {
  const { t } = useTranslation();
  const option = (c: Container) => t('anatomy.container.option', { name: c.name, state: c.state });
  // A pick here holds until another container is selected elsewhere in the app.
  const [picked, setPicked] = useState<{ id: string; selected: string | null } | null>(null);
  const containers = containersOf(world, imageId);
  const pickedId = picked?.selected === selected ? picked.id : null;
  const shown =
    containers.find((c) => c.id === pickedId) ??
    containers.find((c) => c.id === selected) ??
    containers[0];
  if (!shown) return <p className="text-muted text-xs">{t('anatomy.container.none')}</p>;
  return (
    <div className="flex flex-col gap-2">
      {containers.length > 1 && (
        <Picker
          label={t('anatomy.container.picker')}
          value={shown.id}
          options={containers.map((c) => ({ value: c.id, label: option(c) }))}
          onChange={(id) => setPicked({ id, selected })}
        />
      )}
      {containers.length === 1 && <p className="text-sm">{option(shown)}</p>}
      <ContainerLayers container={shown} layers={layers} />
    </div>
  );
}
