/**
 * Permalinks, the link side (opening one is permalink.ts): the session (its options, which
 * hold the seed, the era and the settings, its input log, where playback stood when paused in
 * the past, and the terminal's width) packed into the URL's fragment, `#session=...`, with
 * lz-string. Opening the link replays the log to the same world, the same trace and the same
 * terminal output (terminalTranscript.ts). The fragment never reaches a server. This part makes links and is on the first screen; opening one replays it through
 * the whole shell, so permalink.ts loads only when the page opens with a link.
 */
import { compressToEncodedURIComponent } from 'lz-string';
import { isAtEnd } from './playback';
import { sessionJson, type SessionLog } from './sandboxSession';
import { useSessionStore, type SessionState } from './sessionStore';
import { terminalColumns } from './terminalTranscript';

/** The fragment's parameter: `#session=<packed JSON>`. */
export const PERMALINK_PARAM = 'session';
/**
 * Longest packed session a link may carry. A typed session of 60 mixed lines packs to about
 * 12 K; each `docker run` costs about 330 characters (the IDs it logs do not pack).
 */
export const PERMALINK_MAX_CHARS = 32 * 1024;
/** Replaying this many inputs (and the shell's replay of them) takes well under a second. */
export const PERMALINK_MAX_ENTRIES = 10_000;
/**
 * Two days of simulated time: a restart loop left running (backing off to a minute) replays
 * a few thousand times at most, however the log was made.
 */
export const PERMALINK_MAX_VIRTUAL_MS = 2 * 24 * 60 * 60 * 1000;

/** The packed session in `hash` (`#session=...`, other parameters beside it), or null. */
export function packedIn(hash: string): string | null {
  const fragment = hash.startsWith('#') ? hash.slice(1) : hash;
  const prefix = `${PERMALINK_PARAM}=`;
  for (const part of fragment.split('&'))
    if (part.startsWith(prefix)) return part.slice(prefix.length);
  return null;
}

export function hasPermalink(hash: string): boolean {
  return packedIn(hash) !== null;
}

/** The fragment (with its `#`) that opens `sim` again, paused at `cursor` if one is given. */
export function permalinkFragment(
  sim: SessionLog,
  { cursor = null, columns = null }: { cursor?: number | null; columns?: number | null } = {},
): string {
  const json = {
    ...sessionJson(sim),
    ...(cursor === null ? {} : { cursor }),
    ...(columns === null ? {} : { columns }),
  };
  return `#${PERMALINK_PARAM}=${compressToEncodedURIComponent(JSON.stringify(json))}`;
}

/**
 * The fragment for the session shown now: the host's own session (not a visited machine), at
 * the playback position only when the learner has paused in the past; or, when it would not
 * fit in a link, its packed length.
 */
export function currentPermalinkFragment(
  state: Pick<SessionState, 'sim' | 'cursor' | 'playing' | 'visiting'> = useSessionStore.getState(),
): { ok: true; fragment: string } | { ok: false; length: number } {
  const { sim, cursor } = state.visiting ? state.visiting.home : state;
  const paused = state.visiting !== null || !state.playing;
  const fragment = permalinkFragment(sim, {
    cursor: paused && !isAtEnd(sim.trace, cursor) ? cursor : null,
    columns: terminalColumns(),
  });
  const length = fragment.length - PERMALINK_PARAM.length - 2;
  return length > PERMALINK_MAX_CHARS ? { ok: false, length } : { ok: true, fragment };
}
