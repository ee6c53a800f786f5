/**
 * /etc/docker/daemon.json as dockerd reads it. A file that is not valid JSON stops dockerd
 * from starting, with dockerd's own message.
 */
import type { DaemonConfig } from '../types';

export type ParsedDaemonJson = { ok: true; value: DaemonConfig } | { ok: false; error: string };

export function parseDaemonJson(text: string): ParsedDaemonJson {
  let parsed: unknown;
  try {
    parsed = text.trim() === '' ? {} : JSON.parse(text);
  } catch (e) {
    return { ok: false, error: (e as Error).message };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return {
      ok: false,
      error: 'json: cannot unmarshal into Go value of type map[string]interface {}',
    };
  }
  const value = (parsed as Record<string, unknown>)['live-restore'];
  if (value !== undefined && typeof value !== 'boolean') {
    return {
      ok: false,
      error: `json: cannot unmarshal ${typeof value} into Go struct field Config.live-restore of type bool`,
    };
  }
  return { ok: true, value: { liveRestore: value === true } };
}
