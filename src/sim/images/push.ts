/**
 * `docker push` (`POST /images/{name}/push?tag=`), as dockerd's pusher does it: "The push
 * refers to repository [...]", every layer `Preparing` (top layer first, by the short DiffID),
 * `Waiting` beyond the five concurrent uploads, then per layer a `HEAD` on the blob: the layers
 * the repository has are "Layer already exists", a blob another repository of the registry
 * has is mounted ("Mounted from app"), the rest are uploaded ("Pushed"). Then the config blob
 * and the manifest (`PUT /v2/<name>/manifests/<tag>`), whose content digest is printed
 * (`latest: digest: sha256:... size: 1570`) and added to the image's RepoDigests.
 *
 * Docker Hub refuses the push (this host has no login); a local registry must be running.
 * Contract: pure; the registry's storage changes only through `registry.*` changes.
 */
import { fail, ok, type Result } from '../daemon/result';
import { shortId } from '../digest';
import type { DockerHost } from '../host';
import { humanSize } from '../api/humanize';
import type { Image, Layer } from '../types';
import { buildManifest, configJson, type BuiltManifest } from './manifest';
import { pingRegistry, type ProgressLine } from './pull';
import { familiarName, fullName, parseReference, type ImageReference } from './reference';
import {
  ensureStore,
  registryNode,
  resolveEndpoint,
  type RegistryEndpoint,
} from './registryEndpoint';
import type { RegistryBlob, RegistryStore } from './registryStore';

type Progress = (line: ProgressLine) => void;
type LocalEndpoint = Extract<RegistryEndpoint, { kind: 'local' }>;

/** dockerd's default `max-concurrent-uploads`: the sixth layer on waits for a free slot. */
const MAX_CONCURRENT_UPLOADS = 5;
/** Uploads over loopback to the registry container: about 100 MB/s. */
const UPLOAD_BYTES_PER_MS = 100 * 1024;

export const HUB_DENIED = 'denied: requested access to the resource is denied';
const REMOTE_UNAUTHORIZED = 'unauthorized: authentication required';

export function pushImage(
  h: DockerHost,
  name: string,
  tag: string | null,
  progress: Progress,
): Result<undefined> {
  const parsed = parseReference(name);
  if (!parsed.ok) return fail(400, parsed.error);
  if (parsed.ref.digest) return fail(400, 'cannot push a digest reference');
  const repo = parsed.ref;
  const familiar = familiarName(repo);
  progress({ status: `The push refers to repository [${fullName(repo)}]` });
  const images = Object.values(h.world.images);
  const tagged = (t: string) => images.find((i) => i.repoTags.includes(`${familiar}:${t}`));
  const associated = images.some(
    (i) =>
      i.repoTags.some((t) => t.startsWith(`${familiar}:`)) ||
      i.repoDigests.some((d) => d.startsWith(`${familiar}@`)),
  );
  if (!associated) return fail(404, `An image does not exist locally with the tag: ${familiar}`);
  const endpoint = resolveEndpoint(h, repo.domain);
  const pinged = pingRegistry(h, endpoint);
  if (!pinged.ok) return pinged;

  const tags =
    tag !== null
      ? [tag]
      : images
          .flatMap((i) => i.repoTags)
          .filter((t) => t.startsWith(`${familiar}:`))
          .map((t) => t.slice(familiar.length + 1))
          .sort();
  if (tags.length === 0) return fail(404, `no tags to push for ${familiar}`);
  for (const t of tags) {
    const image = tagged(t);
    if (!image) return fail(404, `tag does not exist: ${familiar}:${t}`);
    const pushed = pushTag(h, endpoint, repo, t, image, progress);
    if (!pushed.ok) return pushed;
  }
  return ok(undefined);
}

function pushTag(
  h: DockerHost,
  endpoint: RegistryEndpoint,
  repo: ImageReference,
  tag: string,
  image: Image,
  progress: Progress,
): Result<undefined> {
  const layers = image.layers
    .map((d) => h.world.layers[d])
    .filter((l): l is Layer => l !== undefined);
  if (layers.length !== image.layers.length)
    return fail(500, 'failed to get top layer from image: layer does not exist');
  const descriptors = layers.slice().reverse();
  for (const l of descriptors)
    progress({ status: 'Preparing', progressDetail: {}, id: shortId(l.diffId) });
  for (const l of descriptors.slice(MAX_CONCURRENT_UPLOADS))
    progress({ status: 'Waiting', progressDetail: {}, id: shortId(l.diffId) });

  if (endpoint.kind !== 'local') return turnedAway(h, endpoint, repo, descriptors[0]);
  const store = ensureStore(h, endpoint);
  for (const l of descriptors) uploadLayer(h, endpoint, store, repo.path, l, progress);
  const configSize = configJson({
    created: image.created,
    config: image.config,
    history: image.history ?? [],
    diffIds: layers.map((l) => l.diffId),
  }).length;
  pushConfig(h, endpoint, store, repo.path, image, configSize);
  const manifest = putManifest(h, endpoint, repo.path, tag, image, layers, configSize);
  progress({ status: `${tag}: digest: ${manifest.digest} size: ${manifest.size}` });

  const familiar = familiarName(repo);
  const repoDigest = `${familiar}@${manifest.digest}`;
  const current = h.world.images[image.id] ?? image;
  if (!current.repoDigests.includes(repoDigest)) {
    h.change(
      {
        op: 'image.update',
        id: image.id,
        patch: { repoDigests: [...current.repoDigests, repoDigest] },
      },
      'dockerd',
      `digest ${repoDigest}`,
    );
  }
  progress({ progressDetail: {}, aux: { Tag: tag, Digest: manifest.digest, Size: manifest.size } });
  h.change(
    {
      op: 'event',
      event: {
        type: 'image',
        action: 'push',
        actorId: `${familiar}:${tag}`,
        attributes: { name: `${familiar}:${tag}` },
        time: h.now,
      },
    },
    'dockerd',
    'event image push',
  );
  return ok(undefined);
}

/** The manifest goes last: `PUT /v2/<name>/manifests/<tag>`; the registry stores it under its digest. */
function putManifest(
  h: DockerHost,
  endpoint: LocalEndpoint,
  path: string,
  tag: string,
  image: Image,
  layers: readonly Layer[],
  configSize: number,
): BuiltManifest {
  const manifest = buildManifest({ config: { digest: image.id, size: configSize }, layers });
  const node = registryNode(endpoint);
  h.emit('registry', 'dockerd', node, `PUT /v2/${path}/manifests/${tag}`, {
    digest: manifest.digest,
    size: manifest.size,
    manifest: manifest.json,
  });
  h.elapse(h.jitter(5, 12));
  const stored = {
    digest: manifest.digest,
    size: manifest.size,
    config: image.id,
    layers: image.layers,
  };
  h.change(
    { op: 'registry.manifest', key: endpoint.key, repository: path, tag, manifest: stored },
    node,
    `manifest ${path}:${tag} stored`,
  );
  h.emit('registry', node, 'dockerd', '201 Created', { digest: manifest.digest });
  return manifest;
}

/** Docker Hub (or another remote registry) turns away a push without credentials. */
function turnedAway(
  h: DockerHost,
  endpoint: RegistryEndpoint,
  repo: ImageReference,
  top: Layer | undefined,
): Result<undefined> {
  const node = registryNode(endpoint);
  if (top) {
    h.emit('registry', 'dockerd', node, `HEAD /v2/${repo.path}/blobs/${shortId(top.digest)}`, {
      digest: top.digest,
    });
    h.elapse(h.jitter(40, 90));
    h.emit('registry', node, 'dockerd', '401 Unauthorized', {});
  }
  h.emit('registry', 'dockerd', node, `POST /v2/${repo.path}/blobs/uploads/`, {});
  h.elapse(h.jitter(40, 90));
  const message = endpoint.kind === 'hub' ? HUB_DENIED : REMOTE_UNAUTHORIZED;
  h.emit('registry', node, 'dockerd', `401 ${message}`, {});
  return fail(403, message);
}

/** The Pushing progress as dockerd formats it (a bar the CLI shows only on a terminal). */
function pushing(id: string, current: number, total: number): ProgressLine {
  const filled = Math.min(50, Math.floor((current / total) * 100) / 2) | 0;
  const numbers = `${humanSize(current, 4).padStart(8)}/${humanSize(total, 4)}`;
  return {
    status: 'Pushing',
    progressDetail: { current, total },
    progress: `[${'='.repeat(filled)}>${' '.repeat(50 - filled)}] ${numbers}`,
    id,
  };
}

/** One registry request and its answer, as two packets between dockerd and the registry. */
function exchange(
  h: DockerHost,
  node: string,
  request: string,
  answer: string,
  blob: string,
): void {
  h.emit('registry', 'dockerd', node, request, { digest: blob });
  h.elapse(h.jitter(2, 6));
  h.emit('registry', node, 'dockerd', answer, { digest: blob });
}

/** `HEAD` on a blob of the repository: whether the repository has it already. */
function headBlob(
  h: DockerHost,
  node: string,
  store: RegistryStore,
  path: string,
  digest: string,
): boolean {
  const exists = store.repositories[path]?.blobs.includes(digest) ?? false;
  exchange(
    h,
    node,
    `HEAD /v2/${path}/blobs/${shortId(digest)}`,
    exists ? '200 OK (exists)' : '404 Not Found',
    digest,
  );
  return exists;
}

/** The blob stored (or mounted) and linked into the repository. */
function storeBlob(
  h: DockerHost,
  endpoint: LocalEndpoint,
  path: string,
  blob: RegistryBlob,
  label: string,
): void {
  h.change(
    { op: 'registry.blob', key: endpoint.key, repository: path, blob },
    registryNode(endpoint),
    label,
  );
}

function uploadLayer(
  h: DockerHost,
  endpoint: LocalEndpoint,
  store: RegistryStore,
  path: string,
  layer: Layer,
  progress: Progress,
): void {
  const node = registryNode(endpoint);
  const id = shortId(layer.diffId);
  const blob = shortId(layer.digest);
  if (headBlob(h, node, store, path, layer.digest)) {
    progress({ status: 'Layer already exists', progressDetail: {}, id });
    return;
  }
  const stored: RegistryBlob = { kind: 'layer', digest: layer.digest, size: layer.size, layer };
  const source = Object.entries(store.repositories).find(([, r]) =>
    r.blobs.includes(layer.digest),
  )?.[0];
  if (source !== undefined) {
    // Another repository of this registry has the blob: a cross-repository mount, no upload.
    exchange(
      h,
      node,
      `POST /v2/${path}/blobs/uploads/?mount=${blob}&from=${source}`,
      '201 Created',
      layer.digest,
    );
    storeBlob(h, endpoint, path, stored, `blob ${blob} mounted from ${source}`);
    progress({ status: `Mounted from ${source}`, progressDetail: {}, id });
    return;
  }
  exchange(h, node, `POST /v2/${path}/blobs/uploads/`, '202 Accepted', layer.digest);
  progress(pushing(id, Math.ceil(layer.size / 2), layer.size));
  h.elapse(Math.max(5, Math.round(layer.size / UPLOAD_BYTES_PER_MS)));
  progress(pushing(id, layer.size, layer.size));
  exchange(h, node, `PUT /v2/${path}/blobs/uploads/?digest=${blob}`, '201 Created', layer.digest);
  storeBlob(h, endpoint, path, stored, `blob ${blob} stored`);
  progress({ status: 'Pushed', progressDetail: {}, id });
}

/** The image config blob goes up after the layers; the CLI shows no line for it. */
function pushConfig(
  h: DockerHost,
  endpoint: LocalEndpoint,
  store: RegistryStore,
  path: string,
  image: Image,
  size: number,
): void {
  const node = registryNode(endpoint);
  if (headBlob(h, node, store, path, image.id)) return;
  const blob = shortId(image.id);
  exchange(h, node, `PUT /v2/${path}/blobs/uploads/?digest=${blob}`, '201 Created', image.id);
  const config = {
    id: image.id,
    created: image.created,
    config: image.config,
    history: image.history ?? [],
    size: image.size,
    binaries: image.binaries,
  };
  storeBlob(
    h,
    endpoint,
    path,
    { kind: 'config', digest: image.id, size, image: config },
    `config ${blob} stored`,
  );
}
