/**
 * The docker CLI's side of a few commands, as request sequences over the Engine API (the
 * same ones the real CLI sends, ENGINE-API.md). It talks to whatever carries requests: the
 * session store in the app, a Simulation in tests. The full terminal builds on this.
 */
import type { ApiRequest, ApiResponse } from '../sim/api/types';
import { CANNOT_CONNECT } from '../sim/api/types';
import { ERA_INFO, type Era } from '../sim/eras';
import { fullName, parseReference } from '../sim/images/reference';

export interface EngineTransport {
  request(request: ApiRequest): ApiResponse;
}

export type CliResult = { ok: true; id: string } | { ok: false; error: string };

function errorOf(response: ApiResponse): string {
  if (response.connectionRefused) return CANNOT_CONNECT;
  const message = (response.body as { message?: unknown } | undefined)?.message;
  return `Error response from daemon: ${typeof message === 'string' ? message : `status ${response.status}`}`;
}

export interface RunSpec {
  readonly image: string;
  readonly name?: string;
  readonly cmd?: readonly string[];
}

/** `docker run -d`: create; on 404 pull and create again; wait (next-exit); start. */
export function runDetached(transport: EngineTransport, era: Era, spec: RunSpec): CliResult {
  const v = `/v${ERA_INFO[era].apiVersion}`;
  const query = spec.name ? `?name=${encodeURIComponent(spec.name)}` : '';
  const body = {
    Image: spec.image,
    Cmd: spec.cmd ? [...spec.cmd] : null,
    HostConfig: { NetworkMode: 'default' },
  };
  const create = () =>
    transport.request({ method: 'POST', path: `${v}/containers/create${query}`, body });
  let created = create();
  if (created.status === 404) {
    const ref = parseReference(spec.image);
    if (!ref.ok) return { ok: false, error: `docker: ${ref.error}` };
    const tag = ref.ref.digest ?? ref.ref.tag ?? 'latest';
    const pulled = transport.request({
      method: 'POST',
      path: `${v}/images/create?fromImage=${encodeURIComponent(fullName(ref.ref))}&tag=${encodeURIComponent(tag)}`,
    });
    if (pulled.status !== 200) return { ok: false, error: `docker: ${errorOf(pulled)}` };
    created = create();
  }
  if (created.status !== 201) return { ok: false, error: `docker: ${errorOf(created)}` };
  const id = (created.body as { Id: string }).Id;
  transport.request({ method: 'POST', path: `${v}/containers/${id}/wait?condition=next-exit` });
  const started = transport.request({ method: 'POST', path: `${v}/containers/${id}/start` });
  if (started.status >= 400 || started.status === 0)
    return { ok: false, error: `docker: ${errorOf(started)}` };
  return { ok: true, id };
}

/** `docker stop NAME`. */
export function stop(transport: EngineTransport, era: Era, ref: string): CliResult {
  const response = transport.request({
    method: 'POST',
    path: `/v${ERA_INFO[era].apiVersion}/containers/${encodeURIComponent(ref)}/stop`,
  });
  return response.status === 204 || response.status === 304
    ? { ok: true, id: ref }
    : { ok: false, error: errorOf(response) };
}

/** `docker rm -f NAME`. */
export function removeForce(transport: EngineTransport, era: Era, ref: string): CliResult {
  const response = transport.request({
    method: 'DELETE',
    path: `/v${ERA_INFO[era].apiVersion}/containers/${encodeURIComponent(ref)}?force=1`,
  });
  return response.status === 204 ? { ok: true, id: ref } : { ok: false, error: errorOf(response) };
}
