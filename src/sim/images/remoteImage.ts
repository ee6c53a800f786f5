/**
 * An image as a registry serves it: its manifest digest, its config digest (the image ID) and
 * its layers, whichever registry it comes from (the built-in Docker Hub catalogue or a local
 * registry's store), and how dockerd turns it into a local image record after a pull. A pulled
 * image has no parent: its history comes from its config, so `docker history` shows
 * `<missing>` below the top entry, as it does for any pulled image.
 */
import type { Image, Layer } from '../types';
import { binariesFor } from './binaries';
import { CATALOGUE_BASES, imageIdOf, manifestOf, type CatalogueImage } from './catalogue';
import { historyOf, unpacked } from './catalogueSteps';
import type { RegistryManifest, RegistryStore } from './registryStore';

export interface RemoteImage {
  readonly id: string;
  readonly manifestDigest: string;
  /** Length of the manifest as served (the descriptor's `size`). */
  readonly manifestSize: number;
  /** Layers, base first. */
  readonly layers: readonly Layer[];
  /** The local record dockerd stores for it. */
  record(tag: string | null, repoDigest: string): Image;
}

export function fromCatalogue(found: CatalogueImage): RemoteImage {
  const id = imageIdOf(found);
  const manifest = manifestOf(found);
  return {
    id,
    manifestDigest: manifest.digest,
    manifestSize: manifest.size,
    layers: found.layers,
    record: (tag, repoDigest) => {
      const userland =
        CATALOGUE_BASES.find((b) => found.layers[0]?.digest === b.layer.digest)?.name ?? 'alpine';
      return {
        id,
        repoTags: tag ? [tag] : [],
        repoDigests: [repoDigest],
        created: found.created,
        layers: found.layers.map((l) => l.digest),
        config: structuredClone(found.config),
        binaries: binariesFor(found.path, userland),
        size: found.layers.reduce((sum, l) => sum + unpacked(l), 0),
        history: historyOf(found.steps),
      };
    },
  };
}

/** The image a local registry's manifest names, or null if one of its blobs is missing. */
export function fromRegistry(store: RegistryStore, manifest: RegistryManifest): RemoteImage | null {
  const configBlob = store.blobs[manifest.config];
  if (configBlob?.kind !== 'config') return null;
  const layers: Layer[] = [];
  for (const digest of manifest.layers) {
    const blob = store.blobs[digest];
    if (blob?.kind !== 'layer') return null;
    layers.push(blob.layer);
  }
  const config = configBlob.image;
  return {
    id: config.id,
    manifestDigest: manifest.digest,
    manifestSize: manifest.size,
    layers,
    record: (tag, repoDigest) => ({
      id: config.id,
      repoTags: tag ? [tag] : [],
      repoDigests: [repoDigest],
      created: config.created,
      layers: layers.map((l) => l.digest),
      config: structuredClone(config.config),
      binaries: [...config.binaries],
      size: config.size,
      history: structuredClone([...config.history]),
    }),
  };
}
