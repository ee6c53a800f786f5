/**
 * `docker pull` (and the pull inside `docker run` and `FROM`): dockerd asks the registry for
 * the manifest, then downloads only the layers it does not have ("Already exists" for the
 * rest), as newline-delimited JSON progress lines the CLI prints (ENGINE-API.md,
 * `POST /images/create`). Docker Hub is the built-in catalogue; `localhost:5000` is whatever
 * was pushed to the registry container listening there, or a refused connection.
 */
import { fail, ok, type Result } from '../daemon/result';
import { shortId } from '../digest';
import type { DockerHost } from '../host';
import type { Image } from '../types';
import { lookupCatalogue } from './catalogue';
import { familiarName, familiarTagged, parseReference, type ImageReference } from './reference';
import { registryNode, resolveEndpoint, storeOf, type RegistryEndpoint } from './registryEndpoint';
import { fromCatalogue, fromRegistry, type RemoteImage } from './remoteImage';

export type ProgressLine = Record<string, unknown>;

/** Registry bandwidth for the animation: 25 MB/s, so a 28 MB layer takes about a second. */
const BYTES_PER_MS = 25 * 1024;

/**
 * The image the registry has under the reference's tag (for a local registry, its digest), or
 * null for "manifest unknown". Callers check a reference's digest against `manifestDigest`.
 */
export function findRemote(
  h: DockerHost,
  endpoint: RegistryEndpoint,
  ref: ImageReference,
): RemoteImage | null {
  if (endpoint.kind === 'local') {
    const store = storeOf(h, endpoint);
    const repository = store?.repositories[ref.path];
    const digest = ref.digest ?? repository?.tags[ref.tag ?? 'latest'];
    const manifest = digest ? repository?.manifests[digest] : undefined;
    return store && manifest ? fromRegistry(store, manifest) : null;
  }
  const found = lookupCatalogue(ref);
  return found ? fromCatalogue(found) : null;
}

/** dockerd's first request to a registry (`GET /v2/`), or the refused dial. */
export function pingRegistry(h: DockerHost, endpoint: RegistryEndpoint): Result<undefined> {
  if (endpoint.kind === 'refused') {
    h.emit('note', 'dockerd', 'dockerd', `GET http://${endpoint.host}/v2/: connection refused`, {
      registry: endpoint.host,
    });
    return fail(500, endpoint.error);
  }
  if (endpoint.kind === 'local') {
    const node = registryNode(endpoint);
    h.emit('registry', 'dockerd', node, 'GET /v2/', { registry: endpoint.host });
    h.elapse(h.jitter(2, 5));
    h.emit('registry', node, 'dockerd', '200 OK', {});
  }
  return ok(undefined);
}

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
  const endpoint = resolveEndpoint(h, ref.domain);
  const pinged = pingRegistry(h, endpoint);
  if (!pinged.ok) return pinged;
  const node = registryNode(endpoint);
  h.emit('registry', 'dockerd', node, `GET /v2/${ref.path}/manifests/${ref.digest ?? tag}`, {
    registry: ref.domain,
  });
  h.elapse(h.jitter(60, 120));
  const found = findRemote(h, endpoint, ref);
  if (!found) {
    h.emit('registry', node, 'dockerd', '404 manifest unknown', {});
    return fail(404, `manifest for ${display} not found: manifest unknown: manifest unknown`);
  }
  if (ref.digest && ref.digest !== found.manifestDigest) {
    h.emit('registry', node, 'dockerd', '404 manifest unknown', {});
    return fail(
      404,
      `manifest for ${familiarName(ref)}@${ref.digest} not found: manifest unknown: manifest unknown`,
    );
  }
  h.emit('registry', node, 'dockerd', '200 manifest', {
    digest: found.manifestDigest,
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
    h.emit('registry', 'dockerd', node, `GET /v2/${ref.path}/blobs/${shortId(layer.digest)}`, {
      digest: layer.digest,
      size: layer.size,
    });
    h.elapse(Math.max(20, Math.round(layer.size / BYTES_PER_MS)));
    h.emit(
      'registry',
      node,
      'dockerd',
      `blob ${shortId(layer.digest)} (${(layer.size / 1e6).toFixed(1)} MB)`,
      { digest: layer.digest },
    );
    progress({ status: 'Download complete', progressDetail: {}, id: shortId(layer.digest) });
    h.elapse(h.jitter(20, 60));
    h.change({ op: 'layer.add', layer }, 'dockerd', `layer ${shortId(layer.digest)} extracted`);
    progress({ status: 'Pull complete', progressDetail: {}, id: shortId(layer.digest) });
  }
  progress({ status: `Digest: ${found.manifestDigest}` });

  const image = storePulled(h, found, ref);
  progress({
    status: image.upToDate
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
  return ok(image.image);
}

/** Records the pulled image, or adds the tag and digest to the image already there. */
function storePulled(
  h: DockerHost,
  found: RemoteImage,
  ref: ImageReference,
): { image: Image; upToDate: boolean } {
  const display = familiarTagged(ref);
  const repoDigest = `${familiarName(ref)}@${found.manifestDigest}`;
  const newTag = ref.digest ? null : display;
  const existing = h.world.images[found.id];
  if (!existing) {
    untagElsewhere(h, newTag);
    const image = found.record(newTag, repoDigest);
    h.change({ op: 'image.add', image }, 'dockerd', `image ${display} stored`);
    return { image, upToDate: false };
  }
  // "Up to date" when the tag already named this very image.
  const upToDate = newTag === null || existing.repoTags.includes(newTag);
  if (newTag && !upToDate) untagElsewhere(h, newTag);
  const repoTags =
    newTag && !existing.repoTags.includes(newTag)
      ? [...existing.repoTags, newTag]
      : existing.repoTags;
  const repoDigests = existing.repoDigests.includes(repoDigest)
    ? existing.repoDigests
    : [...existing.repoDigests, repoDigest];
  h.change(
    { op: 'image.update', id: found.id, patch: { repoTags, repoDigests } },
    'dockerd',
    `image ${display} tagged`,
  );
  return { image: { ...existing, repoTags, repoDigests }, upToDate };
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
