/**
 * `/images/...` routes: pull (`POST /images/create`) and push (`POST /images/{name}/push`),
 * streams of JSON progress lines; list, inspect, history, tag and remove (dockerd's conflict
 * rules in ../images/remove.ts).
 */
import type { Result } from '../daemon/result';
import { displayReference, findImage } from '../daemon/lookup';
import { tagImage } from '../daemon/tag';
import type { DockerHost } from '../host';
import { imageHistory } from '../images/history';
import { pullImage, type ProgressLine } from '../images/pull';
import { pushImage } from '../images/push';
import { familiarTagged, parseReference } from '../images/reference';
import { deleteImage } from '../images/remove';
import type { Image } from '../types';
import { rfc3339NanoOf } from './goTime';
import type { ApiResponse } from './types';
import { apiError, flag, fromResult, isoTime, json, noContent, type Handler } from './http';

/**
 * A progress stream: errors found before any progress are plain errors; later ones travel
 * inside the stream, as dockerd writes them once the stream has started.
 */
function progressStream(
  run: (progress: (line: ProgressLine) => void) => Result<unknown>,
): ApiResponse {
  const lines: ProgressLine[] = [];
  const result = run((line) => lines.push(line));
  if (!result.ok) {
    if (lines.length === 0) return apiError(result.status, result.message);
    lines.push({ errorDetail: { message: result.message }, error: result.message });
  }
  return { status: 200, headers: { 'Content-Type': 'application/json' }, stream: lines };
}

export const pull: Handler = (ctx) => {
  const fromImage = ctx.query.get('fromImage') ?? '';
  const tag = ctx.query.get('tag') ?? '';
  if (fromImage === '') return apiError(400, 'invalid reference format');
  const isDigest = tag.startsWith('sha256:');
  const reference =
    tag === '' ? fromImage : isDigest ? `${fromImage}@${tag}` : `${fromImage}:${tag}`;
  return progressStream((progress) => pullImage(ctx.h, reference, progress));
};

/** `docker push`: the CLI sends the familiar name and, unless `--all-tags`, the tag. */
export const push: Handler = (ctx) => {
  const name = ctx.params[0] ?? '';
  const tag = ctx.query.get('tag') ?? '';
  return progressStream((progress) => pushImage(ctx.h, name, tag === '' ? null : tag, progress));
};

/** A route on one image: its answer, or dockerd's 404 for a name it does not know. */
function onImage(answer: (h: DockerHost, image: Image) => unknown): Handler {
  return (ctx) => {
    const name = ctx.params[0] ?? '';
    const image = findImage(ctx.h, name);
    return image
      ? json(200, answer(ctx.h, image))
      : apiError(404, `No such image: ${displayReference(name)}`);
  };
}

export const history = onImage(imageHistory);

function created(image: Image): number {
  return Math.floor(Date.parse(image.created) / 1000);
}

function containersUsing(h: DockerHost, image: Image): number {
  return Object.values(h.world.containers).filter((c) => c.imageId === image.id).length;
}

/** Go's path.Match for the `reference` filter: `*` and `?` stop at `/`. */
function globMatch(pattern: string, text: string): boolean {
  const source = pattern
    .split('')
    .map((c) => (c === '*' ? '[^/]*' : c === '?' ? '[^/]' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`).test(text);
}

/** The `filters` of `GET /images/json` this simulation knows: `reference` and `dangling`. */
function filtered(query: URLSearchParams, image: Image): string[] | null {
  let filters: Record<string, Record<string, boolean>> = {};
  try {
    filters = JSON.parse(query.get('filters') ?? '{}') as typeof filters;
  } catch {
    return image.repoTags;
  }
  const dangling = Object.keys(filters['dangling'] ?? {});
  if (dangling.includes('true') && image.repoTags.length > 0) return null;
  if (dangling.includes('false') && image.repoTags.length === 0) return null;
  const patterns = Object.keys(filters['reference'] ?? {});
  if (patterns.length === 0) return image.repoTags;
  // A tag matches as `name:tag`, or by its name alone; only matching tags are listed.
  const tags = image.repoTags.filter((t) =>
    patterns.some((p) => globMatch(p, t) || globMatch(p, t.slice(0, t.lastIndexOf(':')))),
  );
  return tags.length > 0 ? tags : null;
}

export const list: Handler = (ctx) => {
  const images = Object.values(ctx.h.world.images);
  const parents = new Set(images.map((i) => i.parent).filter(Boolean));
  // Without `all`, untagged images that are a build step's parent (intermediate images) hide;
  // other untagged ones show as <none>, whether or not a container uses them.
  const all = images
    .filter(
      (i) =>
        flag(ctx.query, 'all') ||
        i.repoTags.length > 0 ||
        i.repoDigests.length > 0 ||
        !parents.has(i.id),
    )
    .flatMap((i) => {
      const repoTags = filtered(ctx.query, i);
      return repoTags ? [{ ...i, repoTags }] : [];
    })
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
    Parent: i.parent ?? '',
    Comment: '',
    Created: rfc3339NanoOf(i.created),
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

export const inspect = onImage(imageInspect);

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
  const name = ctx.params[0] ?? '';
  const image = findImage(ctx.h, name);
  if (!image) return apiError(404, `No such image: ${displayReference(name)}`);
  const result = deleteImage(
    ctx.h,
    name,
    image,
    flag(ctx.query, 'force'),
    !flag(ctx.query, 'noprune'),
  );
  return fromResult(result, (records) => json(200, records));
};
