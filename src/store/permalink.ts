/**
 * Permalinks: the session (its options, which hold the seed, the era and the settings, its
 * input log, where playback stood when paused in the past, and the terminal's width) packed
 * into the URL's fragment, `#session=...`, with lz-string. Opening the link replays the log to the same world, the same
 * trace and the same terminal output (terminalTranscript.ts). The fragment never reaches a
 * server.
 *
 * Contract: a link is not trusted. It is refused with a reason, never half-loaded and never
 * by throwing, when it is too long (PERMALINK_MAX_CHARS, checked before anything is unpacked),
 * would unpack to more than a saved session may hold, is not packed JSON, fails the same shape
 * check as the sandbox session (sandboxSession.ts), holds more than PERMALINK_MAX_ENTRIES
 * inputs or PERMALINK_MAX_VIRTUAL_MS of simulated time (so opening it stays quick), names a
 * playback position past its trace, or does not replay.
 */
import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';
import { z } from 'zod';
import type { TerminalEvent } from '../cli/shell/types';
import type { LoggedInput } from '../sim/inputs';
import type { Simulation } from '../sim/simulation';
import { isAtEnd } from './playback';
import {
  checkSession,
  replaySession,
  saveSandboxSession,
  SESSION_MAX_BYTES,
  sessionJson,
} from './sandboxSession';
import { useSessionStore, type SessionState } from './sessionStore';
import { keepTranscript, replayScreen, terminalColumns } from './terminalTranscript';
import { useUiStore } from './uiStore';
import { unpackedLength, URI_ALPHABET } from './unpackedLength';

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

const PACKED = new RegExp(`^[${URI_ALPHABET.replace(/[-$+]/g, '\\$&')} ]*$`);

/** What a link adds to a saved session: where playback stood, and the terminal's width. */
const extrasSchema = z.object({
  cursor: z.number().int().min(-1).optional(),
  columns: z.number().int().min(10).max(1000).optional(),
});

export type Opened =
  | {
      ok: true;
      sim: Simulation;
      /** The trace entry to show paused, or null for the live end. */
      cursor: number | null;
      /** What the terminal showed (empty when the shell could not reproduce it). */
      transcript: readonly TerminalEvent[];
    }
  | { ok: false; reason: string };

/** The packed session in `hash` (`#session=...`, other parameters beside it), or null. */
function packedIn(hash: string): string | null {
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
  sim: Simulation,
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

const damaged = (detail: string) => ({ ok: false as const, reason: `it is damaged: ${detail}` });
const tooLong = (detail: string) => ({ ok: false as const, reason: `it is too long: ${detail}` });

/** Simulated time the log covers, or why it cannot be told (an `advance` that is no time). */
function virtualSpan(log: readonly LoggedInput[]): number | string {
  let end = 0;
  for (const [i, { at, input }] of log.entries()) {
    const ms: unknown = input.kind === 'advance' ? (input as { ms: unknown }).ms : 0;
    if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0)
      return `log.${i}.input.ms: not a length of time`;
    end = Math.max(end, at + ms);
  }
  return end;
}

/** Reads and replays the session in `hash`, or says why it cannot. Never throws. */
export function decodePermalink(hash: string): Opened {
  try {
    return decode(hash);
  } catch (error) {
    return damaged(String(error).slice(0, 120));
  }
}

function decode(hash: string): Opened {
  let packed = packedIn(hash);
  if (packed === null) return damaged('no session in it');
  if (packed.length > PERMALINK_MAX_CHARS)
    return tooLong(`${packed.length} characters, a link holds at most ${PERMALINK_MAX_CHARS}`);
  // A mail program may have escaped `$` or `+`; lz-string's alphabet needs no escaping.
  if (packed.includes('%')) {
    try {
      packed = decodeURIComponent(packed);
    } catch {
      return damaged('not a packed session');
    }
  }
  if (!PACKED.test(packed)) return damaged('not a packed session');
  const length = unpackedLength(packed, SESSION_MAX_BYTES);
  if (length === 'over') return damaged('it would unpack to more than a session may hold');
  if (length === null || length === 0) return damaged('cut short, or not a packed session');
  const text = decompressFromEncodedURIComponent(packed);
  if (!text) return damaged('cut short, or not a packed session');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return damaged('not JSON');
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    return damaged('not a session');
  const { cursor, columns, ...saved } = json as Record<string, unknown>;
  const extras = extrasSchema.safeParse({ cursor, columns });
  if (!extras.success) {
    const issue = extras.error.issues[0];
    return damaged(`${issue?.path.join('.') || 'it'}: ${issue?.message ?? 'invalid'}`);
  }
  const checked = checkSession(saved);
  if (!checked.ok) return checked.reason.startsWith('it ') ? checked : damaged(checked.reason);
  if (checked.log.length > PERMALINK_MAX_ENTRIES)
    return tooLong(`${checked.log.length} inputs, a link holds at most ${PERMALINK_MAX_ENTRIES}`);
  const span = virtualSpan(checked.log);
  if (typeof span === 'string') return damaged(span);
  if (span > PERMALINK_MAX_VIRTUAL_MS)
    return tooLong('it covers more than two days of simulated time');

  // The shell's replay gives the terminal's output too; where it cannot reproduce the log
  // (a line that now makes other requests), the logged inputs still give the exact world.
  let replayed: { sim: Simulation; transcript: readonly TerminalEvent[] } | null = null;
  try {
    const screen = replayScreen(checked.options, checked.log, extras.data.columns);
    if (screen.divergedAt === null) replayed = { sim: screen.sim, transcript: screen.events };
  } catch {
    replayed = null;
  }
  if (replayed === null) {
    const restored = replaySession(checked.options, checked.log);
    if (!restored.ok) return restored;
    replayed = { sim: restored.sim, transcript: [] };
  }
  const at = extras.data.cursor ?? null;
  if (at !== null && at >= replayed.sim.trace.length)
    return damaged(`cursor: ${at} is past the end of its trace`);
  return { ok: true, sim: replayed.sim, cursor: at, transcript: replayed.transcript };
}

/** Takes the link out of the address bar: a reload then comes back through the sandbox save. */
function forgetFragment(): void {
  try {
    if (typeof window === 'undefined' || !hasPermalink(window.location.hash)) return;
    const { pathname, search } = window.location;
    window.history.replaceState(window.history.state, '', `${pathname}${search}`);
  } catch {
    // A sandboxed frame may refuse: the link stays in the address bar, which does no harm.
  }
}

/**
 * Opens the session in `hash` (the page's `location.hash`): shows it in the sandbox, at the
 * live end or paused where the link says, with the terminal's output, and saves it as the
 * sandbox session. Returns null when it opened (or `hash` holds no session), else why not;
 * either way the fragment leaves the address bar. The caller tells the learner
 * (a `linkDamaged` notice) and starts `keepSandboxSession({ restore: false })`.
 */
export function openPermalink(hash: string): string | null {
  if (!hasPermalink(hash)) return null;
  const opened = decodePermalink(hash);
  forgetFragment();
  if (!opened.ok) return opened.reason;
  useUiStore.getState().setMode('sandbox');
  const session = useSessionStore.getState();
  session.load(opened.sim);
  if (opened.cursor !== null) session.seek(opened.cursor);
  // The header's era follows the host (choosing an era there starts a fresh host).
  useUiStore.getState().setEra(opened.sim.host.options.era);
  keepTranscript(opened.sim, opened.transcript);
  saveSandboxSession(opened.sim);
  return null;
}
