/**
 * A part's recent messages: the last few steps up to the playback cursor that it sent or
 * received. Pure; it reads the trace backwards from the cursor and stops once it has enough,
 * so it stays cheap at the end of a long session.
 */
import type { TraceEntry } from '../../sim/trace';
import { isStep } from '../../store/playback';

export const RECENT_LIMIT = 8;

/**
 * Whether an endpoint belongs to a part. A bare per-container role (`shim`, as the diagram
 * names it before any container exists) stands for every part of that role.
 */
export function touchesPart(endpoint: string, partId: string): boolean {
  if (endpoint === partId) return true;
  return !partId.includes(':') && endpoint.startsWith(`${partId}:`);
}

/** Up to `limit` steps at or before `cursor` from or to `partId`, oldest first. */
export function recentMessages(
  trace: readonly TraceEntry[],
  cursor: number,
  partId: string,
  limit = RECENT_LIMIT,
): TraceEntry[] {
  const found: TraceEntry[] = [];
  for (let i = Math.min(cursor, trace.length - 1); i >= 0 && found.length < limit; i--) {
    const entry = trace[i];
    if (!entry || !isStep(entry)) continue;
    if (touchesPart(entry.from, partId) || touchesPart(entry.to, partId)) found.push(entry);
  }
  return found.reverse();
}
