/**
 * `docker pull` (and the pull inside `docker run`): dockerd asks the registry for the
 * manifest, then downloads only the layers it does not have ("Already exists" for the rest),
 * as newline-delimited JSON progress lines the CLI prints (ENGINE-API.md, `POST /images/create`).
 */
import { fail, ok, type Result } from '../daemon/result';
import { shortId } from '../digest';
import type { DockerHost } from '../host';
import type { Image } from '../types';
import { binariesFor } from './binaries';
import {
  CATALOGUE_BASES,
  imageIdOf,
  lookupCatalogue,
  manifestDigestOf,
  type CatalogueImage,
} from './catalogue';
import { familiarName, familiarTagged, parseReference } from './reference';

export type ProgressLine = Record<string, unknown>;

/** Registry bandwidth for the animation: 25 MB/s, so a 28 MB layer takes about a second. */
const BYTES_PER_MS = 25 * 1024;

export function pullImage(
  h: DockerHost,
  input: string,
  progress: (line: ProgressLine) => void,
): Result<Image> {
  const parsed = parseReference(input);
  if (!parsed.ok) return fail(400, parsed.error);
  const ref = parsed.ref;
  const tag = ref.tag ?? 'latest';
  const display = familiarTagged(ref);
  const repoPath = `/v2/${ref.path}/manifests/${ref.digest ?? tag}`;
  h.emit('registry', 'dockerd', 'registry', `GET ${repoPath}`, { registry: ref.domain });
  h.elapse(h.jitter(60, 120));
  const found = lookupCatalogue(ref);
  if (!found) {
    h.emit('registry', 'registry', 'dockerd', '404 manifest unknown', {});
    return fail(404, `manifest for ${display} not found: manifest unknown: manifest unknown`);
  }
  const manifestDigest = manifestDigestOf(found);
  if (ref.digest && ref.digest !== manifestDigest) {
    h.emit('registry', 'registry', 'dockerd', '404 manifest unknown', {});
    return fail(
      404,
      `manifest for ${familiarName(ref)}@${ref.digest} not found: manifest unknown: manifest unknown`,
    );
  }
  h.emit('registry', 'registry', 'dockerd', '200 manifest', {
    digest: manifestDigest,
    layers: found.layers.length,
  });
  progress({ status: `Pulling from ${ref.path}`, id: ref.digest ?? tag });

  const missing = found.layers.filter((l) => !h.world.layers[l.digest]);
  for (const layer of found.layers) {
    progress({
      status: missing.includes(layer) ? 'Pulling fs layer' : 'Already exists',
      progressDetail: {},
      id: shortId(layer.digest),
    });
  }
  for (const layer of missing) {
    h.emit(
      'registry',
      'dockerd',
      'registry',
      `GET /v2/${ref.path}/blobs/${shortId(layer.digest)}`,
      { digest: layer.digest, size: layer.size },
    );
    h.elapse(Math.max(20, Math.round(layer.size / BYTES_PER_MS)));
    h.emit(
      'registry',
      'registry',
      'dockerd',
      `blob ${shortId(layer.digest)} (${(layer.size / 1e6).toFixed(1)} MB)`,
      { digest: layer.digest },
    );
    progress({ status: 'Download complete', progressDetail: {}, id: shortId(layer.digest) });
    h.elapse(h.jitter(20, 60));
    h.change({ op: 'layer.add', layer }, 'dockerd', `layer ${shortId(layer.digest)} extracted`);
    progress({ status: 'Pull complete', progressDetail: {}, id: shortId(layer.digest) });
  }
  progress({ status: `Digest: ${manifestDigest}` });

  const id = imageIdOf(found);
  const existing = h.world.images[id];
  const repoDigest = `${familiarName(ref)}@${manifestDigest}`;
  const newTag = ref.digest ? null : display;
  let image: Image;
  if (existing) {
    const repoTags =
      newTag && !existing.repoTags.includes(newTag)
        ? [...existing.repoTags, newTag]
        : existing.repoTags;
    const repoDigests = existing.repoDigests.includes(repoDigest)
      ? existing.repoDigests
      : [...existing.repoDigests, repoDigest];
    h.change(
      { op: 'image.update', id, patch: { repoTags, repoDigests } },
      'dockerd',
      `image ${display} tagged`,
    );
    image = { ...existing, repoTags, repoDigests };
  } else {
    untagElsewhere(h, newTag);
    image = imageFrom(found, id, newTag, repoDigest);
    h.change({ op: 'image.add', image }, 'dockerd', `image ${display} stored`);
  }
  progress({
    status:
      missing.length === 0 && existing
        ? `Status: Image is up to date for ${display}`
        : `Status: Downloaded newer image for ${display}`,
  });
  h.change(
    {
      op: 'event',
      event: {
        type: 'image',
        action: 'pull',
        actorId: display,
        attributes: { name: display },
        time: h.now,
      },
    },
    'dockerd',
    'event image pull',
  );
  return ok(image);
}

/** A tag names one image: pulling a newer image moves the tag. */
function untagElsewhere(h: DockerHost, tag: string | null): void {
  if (!tag) return;
  for (const other of Object.values(h.world.images)) {
    if (other.repoTags.includes(tag)) {
      h.change(
        {
          op: 'image.update',
          id: other.id,
          patch: { repoTags: other.repoTags.filter((t) => t !== tag) },
        },
        'dockerd',
        `untag ${tag}`,
      );
    }
  }
}

function imageFrom(
  found: CatalogueImage,
  id: string,
  tag: string | null,
  repoDigest: string,
): Image {
  const base =
    CATALOGUE_BASES.find((b) => found.layers[0]?.digest === b.layer.digest)?.name ?? 'alpine';
  return {
    id,
    repoTags: tag ? [tag] : [],
    repoDigests: [repoDigest],
    created: found.created,
    layers: found.layers.map((l) => l.digest),
    config: structuredClone(found.config),
    binaries: binariesFor(found.path, base),
    // Unpacked layers take roughly 2.3 times their compressed size.
    size: Math.round(found.layers.reduce((sum, l) => sum + l.size, 0) * 2.3),
  };
}
