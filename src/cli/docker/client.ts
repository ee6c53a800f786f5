/**
 * The docker CLI's side of the Engine API: every command opens with `HEAD /_ping`, then sends
 * its requests with the negotiated version prefix (ENGINE-API.md). Requests go through the
 * host port, so each becomes a logged input and a packet in the diagram. The 1.10-era client
 * predates version negotiation and sends no ping.
 */
import { CANNOT_CONNECT, type ApiResponse } from '../../sim/api/types';
import { ERA_INFO, type Era } from '../../sim/eras';
import type { HostPort } from '../shell/types';

export class EngineClient {
  readonly era: Era;

  constructor(readonly host: HostPort) {
    this.era = host.world.settings.era;
  }

  get apiVersion(): string {
    return ERA_INFO[this.era].apiVersion;
  }

  /** `HEAD /_ping`; false when nothing listens on the socket. */
  ping(): boolean {
    if (this.era === 'monolith') return this.host.world.services.dockerd.state === 'up';
    return !this.host.request({ method: 'HEAD', path: '/_ping' }).connectionRefused;
  }

  send(method: string, path: string, body?: unknown): ApiResponse {
    return this.host.request({
      method,
      path: `/v${this.apiVersion}${path}`,
      ...(body === undefined
        ? {}
        : { headers: { 'Content-Type': 'application/json' }, body: body as object }),
    });
  }

  get(path: string): ApiResponse {
    return this.send('GET', path);
  }

  post(path: string, body?: unknown): ApiResponse {
    return this.send('POST', path, body);
  }

  delete(path: string): ApiResponse {
    return this.send('DELETE', path);
  }
}

/** What the CLI prints for a failed response: dockerd's message, or the transport's. */
export function errorText(response: ApiResponse, route = ''): string {
  if (response.connectionRefused) return CANNOT_CONNECT;
  const message = (response.body as { message?: unknown } | undefined)?.message;
  if (typeof message === 'string') return `Error response from daemon: ${message}`;
  return `request returned ${response.status} for API route and version ${route}, check if the server supports the requested API version`;
}

export function isError(response: ApiResponse): boolean {
  return response.connectionRefused === true || response.status >= 400;
}

/** Prints a failed response's error, as the CLI does; true when it failed. */
export function failed(io: { err(text: string): void }, response: ApiResponse): boolean {
  if (!isError(response)) return false;
  io.err(`${errorText(response)}\n`);
  return true;
}

/** A path segment as the CLI escapes it (names and IDs are sent as given). */
export function segment(value: string): string {
  return encodeURIComponent(value);
}

export function query(
  params: Readonly<Record<string, string | number | boolean | undefined>>,
): string {
  const pairs = Object.entries(params).filter(
    (e): e is [string, string | number | boolean] => e[1] !== undefined && e[1] !== false,
  );
  if (pairs.length === 0) return '';
  return `?${pairs.map(([k, v]) => `${k}=${encodeURIComponent(v === true ? '1' : String(v))}`).join('&')}`;
}
