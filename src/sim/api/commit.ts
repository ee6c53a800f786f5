/**
 * The routes for a container's filesystem changes, answered as dockerd does:
 * `GET /containers/{id}/changes` (`docker diff`: `[{Path, Kind}]`, Kind 0 changed, 1 added,
 * 2 deleted, parents before what is in them (containerChanges.ts); `null` when there is none,
 * as Go encodes an empty slice it never filled) and `POST /commit?container=&repo=&tag=&...`
 * (`docker commit`: 201 `{"Id": "sha256:..."}`). `pause` defaults to true since API 1.13.
 */
import { CHANGE_KIND_CODE, changesOf } from '../containerChanges';
import { commitContainer } from '../daemon/commit';
import { findContainer } from '../daemon/lookup';
import { apiError, flag, fromResult, json, type Handler } from './http';

export const changes: Handler = (ctx) => {
  const found = findContainer(ctx.h, ctx.params[0] ?? '');
  if (!found.ok) return apiError(found.status, found.message);
  const list = changesOf(found.value.rw ?? {});
  return json(
    200,
    list.length === 0 ? null : list.map((c) => ({ Path: c.path, Kind: CHANGE_KIND_CODE[c.kind] })),
  );
};

export const commit: Handler = (ctx) => {
  const q = ctx.query;
  const result = commitContainer(ctx.h, {
    container: q.get('container') ?? '',
    repo: q.get('repo') ?? '',
    tag: q.get('tag') ?? '',
    comment: q.get('comment') ?? '',
    author: q.get('author') ?? '',
    changes: q.getAll('changes'),
    pause: (q.get('pause') ?? '') === '' ? true : flag(q, 'pause'),
  });
  return fromResult(result, (id) => json(201, { Id: id }));
};
