/**
 * `POST /commit` inside dockerd (moby daemon/commit.go CreateImageFromContainer): the
 * container is paused while its writable layer is read (unless `pause=0`), the layer becomes
 * a new read-only layer on top of the container's image (none when nothing changed: the
 * history then marks an empty layer), the new image records its parent, a history entry made
 * by the container's command, and the config (`--change` applied, the container's own config
 * filling the rest). It is tagged when a repository is given, and a container `commit` event
 * tells the image it made.
 */
import { changesOf, committedFiles } from '../containerChanges';
import { digestOf, shortId } from '../digest';
import type { DockerHost } from '../host';
import { familiarTagged, parseReference } from '../images/reference';
import type { Container, Image, Layer } from '../types';
import { commitConfig } from './commitConfig';
import { pauseContainer } from './control';
import { containerEvent } from './events';
import { findContainer } from './lookup';
import { fail, ok, type Result } from './result';
import { tagImage } from './tag';

export interface CommitSpec {
  readonly container: string;
  /** Repository and tag as the CLI splits `REPOSITORY[:TAG]` (empty: an untagged image). */
  readonly repo: string;
  readonly tag: string;
  readonly comment: string;
  readonly author: string;
  /** `--change` lines, Dockerfile instructions that change config. */
  readonly changes: readonly string[];
  readonly pause: boolean;
}

/** The `repo:tag` to give the image, null for none, or the reference error. */
function referenceOf(spec: CommitSpec): { ok: true; tagged: string | null } | { ok: false } {
  if (spec.repo === '') return { ok: true, tagged: null };
  const parsed = parseReference(spec.tag ? `${spec.repo}:${spec.tag}` : spec.repo);
  if (!parsed.ok || parsed.ref.digest) return { ok: false };
  return { ok: true, tagged: familiarTagged(parsed.ref) };
}

/** The new layer: the files of the writable layer, content-addressed like any other. */
function layerOf(c: Container, now: number): Layer | null {
  const rw = c.rw ?? {};
  if (changesOf(rw).length === 0) return null;
  const files = committedFiles(rw);
  const size = files.reduce((sum, f) => sum + f.size, 0);
  const seed = `commit ${c.id} ${now} ${JSON.stringify(files)}`;
  return { digest: digestOf(`${seed} blob`), diffId: digestOf(`${seed} diff`), size, files };
}

export function commitContainer(h: DockerHost, spec: CommitSpec): Result<string> {
  const found = findContainer(h, spec.container);
  if (!found.ok) return found;
  const c = found.value;
  if (c.state === 'dead') return fail(409, `You cannot commit container ${c.id} which is Dead`);
  if (c.state === 'removing')
    return fail(409, `You cannot commit container ${c.id} which is being removed`);
  const parent = h.world.images[c.imageId];
  if (!parent) return fail(404, `No such image: ${c.imageId}`);
  const reference = referenceOf(spec);
  if (!reference.ok) return fail(400, 'invalid reference format');
  const config = commitConfig(c.config, parent.config.volumes, spec.changes);
  if (!config.ok) return fail(400, config.message);

  // moby pauses a running container so that its files hold still, and ignores a failure.
  const pause = spec.pause && c.state === 'running';
  if (pause) pauseContainer(h, c, true);
  const layer = layerOf(c, h.now);
  const created = new Date(h.world.epochMs + h.now).toISOString();
  const image: Image = {
    id: digestOf(
      JSON.stringify({
        parent: parent.id,
        layer: layer?.diffId ?? null,
        config: config.config,
        created,
        container: c.id,
        author: spec.author,
        comment: spec.comment,
      }),
    ),
    repoTags: [],
    repoDigests: [],
    created,
    layers: layer ? [...parent.layers, layer.digest] : [...parent.layers],
    config: config.config,
    binaries: [...parent.binaries],
    size: parent.size + (layer?.size ?? 0),
    parent: parent.id,
    history: [
      ...(parent.history ?? []),
      {
        created,
        // moby image.NewChildImage: the container's CMD, joined.
        createdBy: (c.config.cmd ?? []).join(' '),
        size: layer?.size ?? 0,
        emptyLayer: layer === null,
        ...(spec.comment ? { comment: spec.comment } : {}),
      },
    ],
  };
  if (layer) h.change({ op: 'layer.add', layer }, 'dockerd', `layer ${shortId(layer.digest)}`);
  h.change({ op: 'image.add', image }, 'dockerd', `image ${shortId(image.id)} committed`);
  if (reference.tagged) tagImage(h, image, reference.tagged);
  containerEvent(h, c, 'commit', {
    comment: spec.comment,
    imageID: image.id,
    imageRef: reference.tagged ?? '',
  });
  const current = h.world.containers[c.id];
  if (pause && current?.state === 'paused') pauseContainer(h, current, false);
  return ok(image.id);
}
