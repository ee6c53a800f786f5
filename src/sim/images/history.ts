/**
 * `GET /images/{name}/history`, as dockerd answers it: the image config's history, newest
 * first, each entry with the size of the layer it made (0 for config-only steps). Image IDs
 * are filled in by walking the image's parent chain, one image per entry, as far as local
 * parents go: a built image shows its build steps' images, down to its base image's top
 * entry; everything below, and every entry of a pulled image but its top, is `<missing>`.
 */
import type { DockerHost } from '../host';
import type { Image, ImageHistory } from '../types';

export interface HistoryItem {
  Id: string;
  /** Unix seconds. */
  Created: number;
  CreatedBy: string;
  Tags: string[] | null;
  Size: number;
  Comment: string;
}

/** An image without recorded history (none in the catalogue): one entry per layer. */
function fallbackHistory(h: DockerHost, image: Image): ImageHistory[] {
  return image.layers.map((digest) => ({
    created: image.created,
    createdBy: '',
    size: h.world.layers[digest]?.size ?? 0,
    emptyLayer: false,
  }));
}

export function imageHistory(h: DockerHost, image: Image): HistoryItem[] {
  const entries = image.history ?? fallbackHistory(h, image);
  const items: HistoryItem[] = entries
    .map((e) => ({
      Id: '<missing>',
      Created: Math.floor(Date.parse(e.created) / 1000),
      CreatedBy: e.createdBy,
      Tags: null,
      Size: e.emptyLayer ? 0 : e.size,
      Comment: e.comment ?? '',
    }))
    .reverse();
  let current: Image | undefined = image;
  for (const item of items) {
    if (!current) break;
    item.Id = current.id;
    item.Tags = current.repoTags.length > 0 ? [...current.repoTags] : null;
    current = current.parent ? h.world.images[current.parent] : undefined;
  }
  return items;
}
