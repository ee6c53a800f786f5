/**
 * `/images/...` routes: pull (`POST /images/create`, a stream of JSON progress lines), list,
 * inspect, tag and remove, with dockerd's conflict rules for images in use.
 */
import { displayReference, findImage } from '../daemon/lookup';
import { tagImage } from '../daemon/tag';
import { shortId } from '../digest';
import type { DockerHost } from '../host';
import { pullImage, type ProgressLine } from '../images/pull';
import { familiarTagged, parseReference } from '../images/reference';
import type { Image } from '../types';
import { apiError, flag, isoTime, json, noContent, type Handler } from './http';

export const pull: Handler = (ctx) => {
  const fromImage = ctx.query.get('fromImage') ?? '';
  const tag = ctx.query.get('tag') ?? '';
  if (fromImage === '') return apiError(400, 'invalid reference format');
  const isDigest = tag.startsWith('sha256:');
  const reference =
    tag === '' ? fromImage : isDigest ? `${fromImage}@${tag}` : `${fromImage}:${tag}`;
  const lines: ProgressLine[] = [];
  const result = pullImage(ctx.h, reference, (line) => lines.push(line));
  if (!result.ok) {
    // Errors found before any progress are plain errors; later ones travel inside the stream.
    if (lines.length === 0) return apiError(result.status, result.message);
    lines.push({ errorDetail: { message: result.message }, error: result.message });
  }
  return { status: 200, headers: { 'Content-Type': 'application/json' }, stream: lines };
};

function created(image: Image): number {
  return Math.floor(Date.parse(image.created) / 1000);
}

function containersUsing(h: DockerHost, image: Image): number {
  return Object.values(h.world.containers).filter((c) => c.imageId === image.id).length;
}

export const list: Handler = (ctx) => {
  const images = Object.values(ctx.h.world.images);
  const parents = new Set(images.map((i) => i.parent).filter(Boolean));
  // Without `all`, untagged images that are a build step's parent (intermediate images) hide.
  const all = images
    .filter(
      (i) =>
        flag(ctx.query, 'all') ||
        i.repoTags.length > 0 ||
        (!parents.has(i.id) && containersUsing(ctx.h, i) === 0),
    )
    .sort((a, b) => Date.parse(b.created) - Date.parse(a.created));
  return json(
    200,
    all.map((i) => ({
      Id: i.id,
      ParentId: i.parent ?? '',
      RepoTags: i.repoTags,
      RepoDigests: i.repoDigests,
      Created: created(i),
      Size: i.size,
      SharedSize: -1,
      Labels: null,
      Containers: containersUsing(ctx.h, i),
    })),
  );
};

export function imageInspect(h: DockerHost, i: Image): Record<string, unknown> {
  return {
    Id: i.id,
    RepoTags: i.repoTags,
    RepoDigests: i.repoDigests,
    Parent: '',
    Comment: '',
    Created: i.created,
    Config: {
      Env: i.config.env,
      Cmd: i.config.cmd,
      Entrypoint: i.config.entrypoint,
      WorkingDir: i.config.workingDir,
      ExposedPorts: i.config.exposedPorts.length
        ? Object.fromEntries(i.config.exposedPorts.map((p) => [p, {}]))
        : undefined,
      Volumes: i.config.volumes.length
        ? Object.fromEntries(i.config.volumes.map((v) => [v, {}]))
        : undefined,
      StopSignal: i.config.stopSignal === 'SIGTERM' ? undefined : i.config.stopSignal,
      Labels: null,
    },
    Architecture: 'amd64',
    Os: 'linux',
    Size: i.size,
    GraphDriver: { Name: 'overlay2', Data: null },
    RootFS: { Type: 'layers', Layers: i.layers.map((d) => h.world.layers[d]?.diffId ?? d) },
    Metadata: { LastTagTime: isoTime(h, 0) },
  };
}

export const inspect: Handler = (ctx) => {
  const name = ctx.params[0] ?? '';
  const image = findImage(ctx.h, name);
  return image
    ? json(200, imageInspect(ctx.h, image))
    : apiError(404, `No such image: ${displayReference(name)}`);
};

export const tag: Handler = (ctx) => {
  const source = ctx.params[0] ?? '';
  const image = findImage(ctx.h, source);
  if (!image) return apiError(404, `No such image: ${displayReference(source)}`);
  const repo = ctx.query.get('repo') ?? '';
  const target = parseReference(`${repo}${ctx.query.get('tag') ? `:${ctx.query.get('tag')}` : ''}`);
  if (!target.ok) return apiError(400, target.error);
  tagImage(ctx.h, image, familiarTagged(target.ref));
  return noContent(201);
};

export const remove: Handler = (ctx) => {
  const h = ctx.h;
  const name = ctx.params[0] ?? '';
  const image = findImage(h, name);
  if (!image) return apiError(404, `No such image: ${displayReference(name)}`);
  const force = flag(ctx.query, 'force');
  const parsed = parseReference(name);
  const byTag =
    parsed.ok && image.repoTags.includes(familiarTagged(parsed.ref))
      ? familiarTagged(parsed.ref)
      : null;
  const users = Object.values(h.world.containers).filter((c) => c.imageId === image.id);
  const running = users.find((c) => c.state === 'running' || c.state === 'paused');
  if (byTag && image.repoTags.length > 1) {
    h.change(
      {
        op: 'image.update',
        id: image.id,
        patch: { repoTags: image.repoTags.filter((t) => t !== byTag) },
      },
      'dockerd',
      `untag ${byTag}`,
    );
    return json(200, [{ Untagged: byTag }]);
  }
  if (running && force) {
    return apiError(
      409,
      `conflict: unable to delete ${shortId(image.id)} (cannot be forced) - image is being used by running container ${shortId(running.id)}`,
    );
  }
  const user = users[0];
  if (user && !force) {
    const what = byTag ? `remove repository reference "${name}"` : `delete ${shortId(image.id)}`;
    return apiError(
      409,
      `conflict: unable to ${what} (must force) - container ${shortId(user.id)} is using its referenced image ${shortId(image.id)}`,
    );
  }
  const answer: Record<string, string>[] = [];
  for (const t of image.repoTags) answer.push({ Untagged: t });
  for (const d of image.repoDigests) answer.push({ Untagged: d });
  if (users.length > 0) {
    // Forced while stopped containers use it: only the names go; the image stays, untagged.
    h.change(
      { op: 'image.update', id: image.id, patch: { repoTags: [], repoDigests: [] } },
      'dockerd',
      'untagged',
    );
    return json(200, answer);
  }
  h.change({ op: 'image.remove', id: image.id }, 'dockerd', `image ${shortId(image.id)} deleted`);
  answer.push({ Deleted: image.id });
  const stillUsed = new Set(Object.values(h.world.images).flatMap((i) => i.layers));
  for (const digest of image.layers) {
    const layer = h.world.layers[digest];
    if (!layer || stillUsed.has(digest)) continue;
    h.change({ op: 'layer.remove', digest }, 'dockerd', `layer ${shortId(digest)} deleted`);
    answer.push({ Deleted: layer.diffId });
  }
  h.change(
    {
      op: 'event',
      event: {
        type: 'image',
        action: 'delete',
        actorId: image.id,
        attributes: { name },
        time: h.now,
      },
    },
    'dockerd',
    'event image delete',
  );
  return json(200, answer);
};
