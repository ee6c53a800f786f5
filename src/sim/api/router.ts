/**
 * The Engine API router: strips and checks the `/v1.NN` prefix, matches the route, and
 * answers as dockerd does, including its errors for unknown routes and bad versions. With
 * dockerd down nothing listens on the socket: the answer is a refused connection.
 */
import { ERA_INFO } from '../eras';
import type { DockerHost } from '../host';
import { build } from './build';
import * as commits from './commit';
import * as containers from './containers';
import * as distribution from './distribution';
import * as execs from './exec';
import { apiError, type Handler } from './http';
import * as images from './images';
import * as networks from './networks';
import * as system from './system';
import type { ApiRequest, ApiResponse } from './types';
import * as volumes from './volumes';

interface Route {
  readonly method: string;
  readonly pattern: RegExp;
  readonly handler: Handler;
}

const ID = '([^/]+)';
const routes: readonly Route[] = [
  { method: 'GET', pattern: /^\/_ping$/, handler: system.ping },
  { method: 'HEAD', pattern: /^\/_ping$/, handler: system.ping },
  { method: 'GET', pattern: /^\/version$/, handler: system.version },
  { method: 'GET', pattern: /^\/info$/, handler: system.info },
  { method: 'GET', pattern: /^\/events$/, handler: system.events },
  { method: 'GET', pattern: /^\/system\/df$/, handler: system.diskUsage },
  { method: 'POST', pattern: /^\/containers\/create$/, handler: containers.create },
  { method: 'GET', pattern: /^\/containers\/json$/, handler: containers.list },
  { method: 'GET', pattern: new RegExp(`^/containers/${ID}/json$`), handler: containers.inspect },
  { method: 'POST', pattern: new RegExp(`^/containers/${ID}/start$`), handler: containers.start },
  { method: 'POST', pattern: new RegExp(`^/containers/${ID}/stop$`), handler: containers.stop },
  {
    method: 'POST',
    pattern: new RegExp(`^/containers/${ID}/restart$`),
    handler: containers.restart,
  },
  { method: 'POST', pattern: new RegExp(`^/containers/${ID}/kill$`), handler: containers.kill },
  { method: 'POST', pattern: new RegExp(`^/containers/${ID}/pause$`), handler: containers.pause },
  {
    method: 'POST',
    pattern: new RegExp(`^/containers/${ID}/unpause$`),
    handler: containers.unpause,
  },
  { method: 'POST', pattern: new RegExp(`^/containers/${ID}/wait$`), handler: containers.wait },
  { method: 'POST', pattern: new RegExp(`^/containers/${ID}/attach$`), handler: containers.attach },
  { method: 'POST', pattern: new RegExp(`^/containers/${ID}/resize$`), handler: containers.resize },
  { method: 'GET', pattern: new RegExp(`^/containers/${ID}/logs$`), handler: containers.logs },
  { method: 'GET', pattern: new RegExp(`^/containers/${ID}/top$`), handler: containers.top },
  { method: 'GET', pattern: new RegExp(`^/containers/${ID}/changes$`), handler: commits.changes },
  { method: 'POST', pattern: /^\/commit$/, handler: commits.commit },
  { method: 'DELETE', pattern: new RegExp(`^/containers/${ID}$`), handler: containers.remove },
  { method: 'POST', pattern: new RegExp(`^/containers/${ID}/exec$`), handler: execs.create },
  { method: 'POST', pattern: new RegExp(`^/exec/${ID}/start$`), handler: execs.start },
  { method: 'POST', pattern: new RegExp(`^/exec/${ID}/resize$`), handler: execs.resize },
  { method: 'GET', pattern: new RegExp(`^/exec/${ID}/json$`), handler: execs.inspect },
  { method: 'POST', pattern: /^\/build$/, handler: build },
  { method: 'POST', pattern: /^\/images\/create$/, handler: images.pull },
  { method: 'GET', pattern: /^\/images\/json$/, handler: images.list },
  { method: 'GET', pattern: /^\/images\/(.+)\/json$/, handler: images.inspect },
  { method: 'POST', pattern: /^\/images\/(.+)\/tag$/, handler: images.tag },
  { method: 'POST', pattern: /^\/images\/(.+)\/push$/, handler: images.push },
  { method: 'GET', pattern: /^\/images\/(.+)\/history$/, handler: images.history },
  { method: 'DELETE', pattern: /^\/images\/(.+)$/, handler: images.remove },
  // Answered by dockerd itself (it asks the registry), with or without a swarm.
  { method: 'GET', pattern: /^\/distribution\/(.+)\/json$/, handler: distribution.inspect },
  { method: 'GET', pattern: /^\/networks$/, handler: networks.list },
  { method: 'POST', pattern: /^\/networks\/create$/, handler: networks.create },
  { method: 'GET', pattern: new RegExp(`^/networks/${ID}$`), handler: networks.inspect },
  { method: 'DELETE', pattern: new RegExp(`^/networks/${ID}$`), handler: networks.remove },
  { method: 'POST', pattern: /^\/swarm\/(init|join)$/, handler: system.swarmNotSimulated },
  {
    method: 'GET',
    pattern: /^\/(swarm|nodes|services|tasks|secrets|configs)(\/[^/]+)?$/,
    handler: system.notSwarmManager,
  },
  {
    method: 'POST',
    pattern:
      /^\/(swarm\/leave|swarm\/update|services\/create|services\/[^/]+\/update|secrets\/create|configs\/create)$/,
    handler: system.notSwarmManager,
  },
  {
    method: 'DELETE',
    pattern: /^\/(nodes|services|secrets|configs)\/[^/]+$/,
    handler: system.notSwarmManager,
  },
  { method: 'GET', pattern: /^\/volumes$/, handler: volumes.list },
  { method: 'POST', pattern: /^\/volumes\/create$/, handler: volumes.create },
  { method: 'GET', pattern: new RegExp(`^/volumes/${ID}$`), handler: volumes.inspect },
  { method: 'DELETE', pattern: new RegExp(`^/volumes/${ID}$`), handler: volumes.remove },
];

function compareVersions(a: string, b: string): number {
  const [am = 0, an = 0] = a.split('.').map(Number);
  const [bm = 0, bn = 0] = b.split('.').map(Number);
  return am !== bm ? am - bm : an - bn;
}

export interface RoutedRequest {
  readonly route: string;
  readonly response: ApiResponse;
}

/** Answers one request against the host; the caller records it in the trace. */
export function route(h: DockerHost, request: ApiRequest, seq: number): ApiResponse {
  const method = request.method.toUpperCase();
  const [rawPath = '', rawQuery = ''] = request.path.split('?', 2);
  const { apiVersion: maxVersion, minApiVersion } = ERA_INFO[h.world.settings.era];
  let path = rawPath;
  let version = maxVersion;
  const versioned = /^\/v(\d+\.\d+)(\/.*)$/.exec(rawPath);
  if (versioned) {
    version = versioned[1] ?? maxVersion;
    path = versioned[2] ?? '/';
    if (compareVersions(version, maxVersion) > 0) {
      return apiError(
        400,
        `client version ${version} is too new. Maximum supported API version is ${maxVersion}`,
      );
    }
    if (compareVersions(version, minApiVersion) < 0) {
      return apiError(
        400,
        `client version ${version} is too old. Minimum supported API version is ${minApiVersion}, please upgrade your client to a newer version`,
      );
    }
  }
  let sawPath = false;
  for (const r of routes) {
    const m = r.pattern.exec(path);
    if (!m) continue;
    sawPath = true;
    if (r.method !== method) continue;
    let params: string[];
    try {
      params = m.slice(1).map((p) => decodeURIComponent(p));
    } catch {
      return apiError(400, `invalid URL escape in ${path}`);
    }
    return r.handler({
      h,
      params,
      query: new URLSearchParams(rawQuery),
      body: request.body,
      version,
      seq,
    });
  }
  if (sawPath) return apiError(405, `method ${method} not allowed for ${path}`);
  return apiError(404, `page not found`);
}
