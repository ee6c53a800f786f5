/**
 * Small builders for Engine API answers, and the request context the routes receive.
 */
import type { Result } from '../daemon/result';
import type { DockerHost } from '../host';
import { rfc3339Nano } from './goTime';
import type { ApiResponse } from './types';

export interface RouteContext {
  readonly h: DockerHost;
  readonly params: readonly string[];
  readonly query: URLSearchParams;
  readonly body: unknown;
  /** API version the client asked for (from the path), e.g. `1.51`. */
  readonly version: string;
  /** Trace position of the request, for waits. */
  readonly seq: number;
}

export type Handler = (ctx: RouteContext) => ApiResponse;

const JSON_HEADERS = { 'Content-Type': 'application/json' } as const;

export function json(status: number, body: unknown): ApiResponse {
  return { status, headers: JSON_HEADERS, body };
}

/** dockerd's error shape: `{"message": "..."}`, printed by the CLI as "Error response from daemon: ...". */
export function apiError(status: number, message: string): ApiResponse {
  return { status, headers: JSON_HEADERS, body: { message } };
}

export function noContent(status: 201 | 204 | 304 = 204): ApiResponse {
  return { status, headers: {} };
}

export function fromResult<T>(result: Result<T>, success: (value: T) => ApiResponse): ApiResponse {
  return result.ok ? success(result.value) : apiError(result.status, result.message);
}

/** A query flag as the CLI sends it: `1`, `true` or `True`. */
export function flag(query: URLSearchParams, name: string): boolean {
  const value = query.get(name);
  return value !== null && value !== '' && value !== '0' && value.toLowerCase() !== 'false';
}

export function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

export function asStringArray(value: unknown): string[] | null {
  if (typeof value === 'string') return [value];
  if (!Array.isArray(value)) return null;
  return value.filter((v): v is string => typeof v === 'string');
}

export function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function asNumber(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** Virtual time as Docker prints `Created` and `StartedAt` (RFC3339Nano); Go's zero time for never. */
export function isoTime(h: DockerHost, t: number | null): string {
  if (t === null) return '0001-01-01T00:00:00Z';
  return rfc3339Nano(h.world.epochMs + t);
}

/** Unix seconds from virtual time (`Created` in list answers). */
export function unixSeconds(h: DockerHost, t: number): number {
  return Math.floor((h.world.epochMs + t) / 1000);
}
