/**
 * `/volumes/...` routes: named volumes outlive their containers until removed here.
 */
import type { DockerHost } from '../host';
import type { Volume } from '../types';
import { createVolume, removeVolume, VALID_VOLUME_NAME, volumeUsers } from '../volumes';
import { apiError, asRecord, asString, flag, isoTime, json, noContent, type Handler } from './http';

function volumeJson(h: DockerHost, v: Volume): Record<string, unknown> {
  return {
    CreatedAt: isoTime(h, v.created),
    Driver: 'local',
    Labels: v.anonymous ? { 'com.docker.volume.anonymous': '' } : null,
    Mountpoint: v.mountpoint,
    Name: v.name,
    Options: null,
    Scope: 'local',
  };
}

export const list: Handler = (ctx) =>
  json(200, {
    Volumes: Object.values(ctx.h.world.volumes)
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((v) => volumeJson(ctx.h, v)),
    Warnings: [],
  });

export const create: Handler = (ctx) => {
  const name = asString(asRecord(ctx.body)['Name']) ?? '';
  if (name !== '' && !VALID_VOLUME_NAME.test(name)) {
    return apiError(
      400,
      `create ${name}: "${name}" includes invalid characters for a local volume name, only "[a-zA-Z0-9][a-zA-Z0-9_.-]" are allowed. If you intended to pass a host directory, use absolute path`,
    );
  }
  const volume = createVolume(ctx.h, name === '' ? ctx.h.newId() : name);
  return json(201, volumeJson(ctx.h, volume));
};

export const inspect: Handler = (ctx) => {
  const name = ctx.params[0] ?? '';
  const v = ctx.h.world.volumes[name];
  return v ? json(200, volumeJson(ctx.h, v)) : apiError(404, `get ${name}: no such volume`);
};

export const remove: Handler = (ctx) => {
  const name = ctx.params[0] ?? '';
  if (!ctx.h.world.volumes[name])
    return flag(ctx.query, 'force') ? noContent() : apiError(404, `get ${name}: no such volume`);
  const users = volumeUsers(ctx.h, name);
  if (users.length > 0)
    return apiError(409, `remove ${name}: volume is in use - [${users.join(', ')}]`);
  removeVolume(ctx.h, name);
  return noContent();
};
