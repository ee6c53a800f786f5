/**
 * The checks a session read back passes before it becomes the host (sandboxSession.ts saves
 * it; permalink.ts opens one from a link): its shape, then its replay.
 *
 * Contract: nothing read back is trusted. It must match a versioned shape (the app, the
 * version, known eras, a log of known input kinds in time order, within a size limit), and
 * its replay must not throw; otherwise the caller is told why, in words, and nothing is loaded.
 */
import './zodSetup';
// A saved session is replayed: the simulation's engine comes with the checks.
import '../sim/engine';
import * as z from 'zod/mini';
import { ERAS, type Era } from '../sim/eras';
import type { HostOptions } from '../sim/host';
import type { LoggedInput } from '../sim/inputs';
import { Simulation } from '../sim/simulation';
import { once } from './once';
import { firstIssue, otherVersion, parseJsonText } from './savedJson';
import { SESSION_MAX_BYTES, SESSION_VERSION } from './sandboxSession';

const INPUT_KINDS = [
  'api',
  'signal',
  'systemctl',
  'writeFile',
  'advance',
  'armFault',
  'typed',
  'interrupt',
] as const;

/** The shape of a saved session (zod/mini; made on first use: a first visit has none). */
const savedSchema = once(() =>
  z.strictObject({
    app: z.literal('docker-anatomy'),
    version: z.literal(SESSION_VERSION),
    options: z.strictObject({
      seed: z.optional(z.union([z.string().check(z.maxLength(200)), z.number()])),
      era: z.optional(z.enum(ERAS as [Era, ...Era[]])),
      liveRestore: z.optional(z.boolean()),
      systemdRestart: z.optional(z.boolean()),
      epochMs: z.optional(z.number()),
    }),
    log: z
      .array(
        z.object({
          at: z.number().check(z.minimum(0)),
          input: z.looseObject({ kind: z.enum(INPUT_KINDS) }).check(
            // Time passes forward, by a number of ms: anything else would replay to another time.
            z.refine(
              (input) =>
                input.kind !== 'advance' ||
                (typeof input['ms'] === 'number' &&
                  Number.isFinite(input['ms']) &&
                  input['ms'] >= 0),
              { message: 'not a length of time', path: ['ms'] },
            ),
          ),
        }),
      )
      .check(
        z.maxLength(50_000),
        z.refine(
          (log) => log.every((entry, i) => i === 0 || entry.at >= (log[i - 1]?.at ?? 0)),
          'the log is not in time order',
        ),
      ),
  }),
);

export type Restored = { ok: true; sim: Simulation } | { ok: false; reason: string };

/** A session's options and log that passed the shape check, not yet replayed. */
export type Checked =
  { ok: true; options: HostOptions; log: LoggedInput[] } | { ok: false; reason: string };

/**
 * The shape check every session read back passes before it is replayed, whether it was saved
 * in this browser or came in a link (permalink.ts): the app, the version, the options and the
 * log. Says what is wrong with the first part that fails.
 */
export function checkSession(json: unknown): Checked {
  const version = otherVersion(json, SESSION_VERSION);
  if (version) return { ok: false, reason: version };
  const parsed = savedSchema().safeParse(json);
  if (!parsed.success) return { ok: false, reason: firstIssue(parsed.error, 'it') };
  return {
    ok: true,
    options: parsed.data.options,
    log: parsed.data.log as unknown as LoggedInput[],
  };
}

/** Replays a checked session; a log whose replay throws is refused, never half-loaded. */
export function replaySession(options: HostOptions, log: readonly LoggedInput[]): Restored {
  try {
    return { ok: true, sim: Simulation.replay(options, log) };
  } catch (error) {
    return { ok: false, reason: `it does not replay (${String(error).slice(0, 120)})` };
  }
}

/** Rebuilds a saved session, or says why it cannot. */
export function restoreSession(text: string): Restored {
  const read = parseJsonText(text, SESSION_MAX_BYTES, 'it is too large');
  if (!read.ok) return read;
  const checked = checkSession(read.json);
  return checked.ok ? replaySession(checked.options, checked.log) : checked;
}
