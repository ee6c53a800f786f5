/**
 * A container of the image as overlayfs stacks it: the image's read-only layers with the
 * container's thin writable layer on top, whose entries read like `docker diff` (A added,
 * C changed, D deleted). For a changed or deleted file it names the image layer that still
 * holds the original: copy-on-write copied it up (or a whiteout hides it); that layer is
 * never touched.
 *
 * Contract: pure, from the world at the cursor. A container that has written nothing (`rw`
 * absent or empty) has no entries.
 */
import { changesOf } from '../../../sim/containerChanges';
import type { Container, Mount, RwEntry, World } from '../../../sim/types';
import type { LayerRow } from './stackRows';

export interface DiffRow {
  readonly path: string;
  readonly kind: RwEntry['kind'];
  readonly size: number;
  readonly dir: boolean;
  /** For C and D: the topmost image layer that has the path. */
  readonly origin: LayerRow | null;
}

/** The containers made from `imageId`, oldest first. */
export function containersOf(world: World, imageId: string): Container[] {
  return Object.values(world.containers)
    .filter((c) => c.imageId === imageId)
    .sort((a, b) => a.created - b.created || a.name.localeCompare(b.name));
}

/**
 * The writable layer as `docker diff` lists it (the simulation's own `changesOf`: directories
 * above an added or deleted entry count as changed, parents first); `layers` are the image's
 * layer rows, base first.
 */
export function diffRows(container: Container, layers: readonly LayerRow[]): DiffRow[] {
  const rw = container.rw ?? {};
  const origin = (path: string): LayerRow | null =>
    layers.findLast((l) => l.files?.some((f) => f.path === path && !f.whiteout)) ?? null;
  return changesOf(rw).map(({ path, kind }) => {
    const entry = rw[path];
    return {
      path,
      kind,
      size: entry?.size ?? 0,
      // A directory listed only because something below it changed is not in the layer itself.
      dir: entry ? (entry.dir ?? false) : true,
      origin: kind === 'A' ? null : origin(path),
    };
  });
}

/** Named and anonymous volumes mounted into the container: their writes skip the layer. */
export function volumeMounts(container: Container): Mount[] {
  return container.mounts.filter((m) => m.type === 'volume');
}
