/**
 * Opening a permalink (permalinkFragment.ts makes them): the packed session read, checked and
 * replayed to the same world, the same trace and the same terminal output.
 *
 * Contract: a link is not trusted. It is refused with a reason, never half-loaded and never
 * by throwing, when it is too long (PERMALINK_MAX_CHARS, checked before anything is unpacked),
 * would unpack to more than a saved session may hold, is not packed JSON, fails the same shape
 * check as the sandbox session (sandboxSession.ts), holds more than PERMALINK_MAX_ENTRIES
 * inputs or PERMALINK_MAX_VIRTUAL_MS of simulated time (so opening it stays quick), names a
 * playback position past its trace, or does not replay.
 */
import { decompressFromEncodedURIComponent } from 'lz-string';
import './zodSetup';
import { z } from 'zod';
import type { TerminalEvent } from '../cli/shell/types';
import type { LoggedInput } from '../sim/inputs';
import type { Simulation } from '../sim/simulation';
import {
  hasPermalink,
  packedIn,
  PERMALINK_MAX_CHARS,
  PERMALINK_MAX_ENTRIES,
  PERMALINK_MAX_VIRTUAL_MS,
} from './permalinkFragment';
import { replayScreen } from './replayScreen';
import { saveSandboxSession, SESSION_MAX_BYTES } from './sandboxSession';
import { checkSession, replaySession } from './sessionCheck';
import { useSessionStore } from './sessionStore';
import { keepTranscript } from './terminalTranscript';
import { useUiStore } from './uiStore';
import { unpackedLength, URI_ALPHABET } from './unpackedLength';

export * from './permalinkFragment';

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
