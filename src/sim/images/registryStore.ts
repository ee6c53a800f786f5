/**
 * What a registry keeps, in the distribution spec's terms: content-addressed blobs (layer
 * tarballs and image configs) stored once for the whole registry, and per repository the
 * blobs linked into it, its manifests by digest and its tags. A local registry's store lives
 * in World.registries under the place its data is kept (see ./registryEndpoint.ts).
 *
 * Contract: plain data, changed only through the `registry.*` changes applied here, which copy
 * what they store so that a replayed world never shares objects with the trace.
 */
import type { ImageConfig, ImageHistory, Layer, World } from '../types';

/** The image config blob: what `docker pull` needs to rebuild the image record. */
export interface RegistryImageConfig {
  /** The config's digest, which is the image ID. */
  readonly id: string;
  readonly created: string;
  readonly config: ImageConfig;
  readonly history: readonly ImageHistory[];
  /** Uncompressed size, for `docker images` after a pull. */
  readonly size: number;
  /** Which programs the image holds (a simulation detail, see Image.binaries). */
  readonly binaries: readonly string[];
}

export type RegistryBlob =
  | {
      readonly kind: 'layer';
      readonly digest: string;
      readonly size: number;
      readonly layer: Layer;
    }
  | {
      readonly kind: 'config';
      readonly digest: string;
      readonly size: number;
      readonly image: RegistryImageConfig;
    };

/** A schema 2 manifest as the registry stores it: its own digest and size, and what it names. */
export interface RegistryManifest {
  readonly digest: string;
  /** Length of the canonical manifest JSON (`size: 1570` in the push output). */
  readonly size: number;
  /** The config blob's digest. */
  readonly config: string;
  /** Layer blob digests, base first. */
  readonly layers: readonly string[];
}

export interface RegistryRepository {
  /** Blobs linked into this repository (a HEAD on another repository's blob is a 404). */
  blobs: string[];
  manifests: Record<string, RegistryManifest>;
  /** Tag -> manifest digest. */
  tags: Record<string, string>;
}

export interface RegistryStore {
  /**
   * When the place holding the data was made (a volume's `created`): a volume removed and made
   * again under the same name starts empty, so a store with another stamp is stale.
   */
  readonly stamp: number;
  blobs: Record<string, RegistryBlob>;
  repositories: Record<string, RegistryRepository>;
}

export type RegistryChange =
  /** A registry starts on empty storage (or storage that was replaced). */
  | { op: 'registry.reset'; key: string; stamp: number }
  /** A blob is stored (if new) and linked into a repository: an upload or a cross-repo mount. */
  | { op: 'registry.blob'; key: string; repository: string; blob: RegistryBlob }
  /** A manifest is stored and the tag points at it. */
  | {
      op: 'registry.manifest';
      key: string;
      repository: string;
      tag: string;
      manifest: RegistryManifest;
    };

function repositoryOf(store: RegistryStore, name: string): RegistryRepository {
  const existing = store.repositories[name];
  if (existing) return existing;
  const created: RegistryRepository = { blobs: [], manifests: {}, tags: {} };
  store.repositories[name] = created;
  return created;
}

export function applyRegistryChange(world: World, change: RegistryChange): void {
  if (change.op === 'registry.reset') {
    world.registries[change.key] = { stamp: change.stamp, blobs: {}, repositories: {} };
    return;
  }
  const store = world.registries[change.key];
  if (!store) return;
  const repository = repositoryOf(store, change.repository);
  if (change.op === 'registry.blob') {
    const { digest } = change.blob;
    if (!store.blobs[digest]) store.blobs[digest] = structuredClone(change.blob);
    if (!repository.blobs.includes(digest)) repository.blobs.push(digest);
    return;
  }
  repository.manifests[change.manifest.digest] = structuredClone(change.manifest);
  repository.tags[change.tag] = change.manifest.digest;
}
