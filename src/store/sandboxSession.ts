/**
 * The sandbox session, kept in the browser: the host's options and its input log, saved a
 * moment after each change while the app is in Sandbox mode, and replayed on the next visit,
 * so a learner comes back to the host they left (the log replays to the same world exactly).
 *
 * Contract: what is read back is not trusted. It must match a versioned shape (the app, the
 * version, known eras, a log of known input kinds in time order, within a size limit), and
 * its replay must not throw; otherwise a fresh host starts and the learner is told why.
 * Visits (a cluster machine, a bridge) are never saved: they are not this host. The shape check
 * and the replay are shared with sessions that come in a link (permalink.ts).
 */
import './zodSetup';
import * as z from 'zod/mini';
import { ERAS, type Era } from '../sim/eras';
import type { HostOptions } from '../sim/host';
import type { LoggedInput } from '../sim/inputs';
import { Simulation } from '../sim/simulation';
import { useSessionStore } from './sessionStore';
import { worldFailed } from './simFailure';
import { once } from './once';
import { browserStorage, readStored, writeStored } from './storage';
import { useUiStore } from './uiStore';

export const SESSION_KEY = 'docker-anatomy.session.v1';
const SESSION_VERSION = 1;
/** A session bigger than this is not saved (localStorage holds about 5 MB in all). */
export const SESSION_MAX_BYTES = 2 * 1024 * 1024;
const SAVE_DELAY_MS = 1000;

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
  const version = (json as { version?: unknown } | null)?.version;
  if (typeof version === 'number' && version !== SESSION_VERSION)
    return { ok: false, reason: `it was saved by another version (${version})` };
  const parsed = savedSchema().safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      ok: false,
      reason: `${issue?.path.join('.') || 'it'}: ${issue?.message ?? 'invalid'}`,
    };
  }
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

/**
 * Whether the saved session may parse a Dockerfile when replayed (`docker build`, `docker
 * commit --change`): the app then loads the parser first (sim/build/dockerfileParser.ts).
 * A cheap look at the raw text, erring on the side of loading it.
 */
export function savedSessionMayBuild(): boolean {
  const text = readStored(browserStorage(), SESSION_KEY);
  // The Engine API paths that read a Dockerfile: POST /build, POST /commit (with changes).
  return text !== null && /\/(?:build|commit)\b/.test(text);
}

/** Rebuilds a saved session, or says why it cannot. */
export function restoreSession(text: string): Restored {
  if (text.length > SESSION_MAX_BYTES) return { ok: false, reason: 'it is too large' };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'it is not JSON' };
  }
  const checked = checkSession(json);
  return checked.ok ? replaySession(checked.options, checked.log) : checked;
}

/** A session's options and log: a Simulation, or the logs of a failed one (simFailure.ts). */
export interface SessionLog {
  readonly options: HostOptions;
  readonly log: readonly LoggedInput[];
}

/** The session as saved: what `checkSession` reads back. */
export function sessionJson(sim: SessionLog) {
  return {
    app: 'docker-anatomy',
    version: SESSION_VERSION,
    options: sim.options,
    log: sim.log,
  };
}

export function serializeSession(sim: Simulation): string {
  return JSON.stringify(sessionJson(sim));
}

/**
 * Saves `sim` as the sandbox session now (in Sandbox mode, within the size limit): a session
 * opened from a link is kept this way, so a reload comes back to it.
 */
export function saveSandboxSession(sim: Simulation): void {
  if (useUiStore.getState().mode !== 'sandbox') return;
  const saved = serializeSession(sim);
  if (saved.length <= SESSION_MAX_BYTES) writeStored(browserStorage(), SESSION_KEY, saved);
}

/**
 * Restores the saved session (if any) into the session store, then saves it after changes.
 * With `restore: false` (the page opened a link, see permalink.ts) storage is not read: the
 * session in the store stays, and what was saved is kept until this session changes.
 * Returns why a saved session was dropped, or null.
 */
export function keepSandboxSession({ restore = true }: { restore?: boolean } = {}): string | null {
  const storage = browserStorage();
  let dropped: string | null = null;
  const text = restore ? readStored(storage, SESSION_KEY) : null;
  if (text !== null) {
    const restored = restoreSession(text);
    if (restored.ok) {
      useSessionStore.getState().load(restored.sim);
      // The header's era follows the host (choosing an era there starts a fresh host).
      useUiStore.getState().setEra(restored.sim.host.options.era);
    } else {
      dropped = restored.reason;
      try {
        storage?.removeItem(SESSION_KEY);
      } catch {
        // Blocked storage: nothing was saved there anyway.
      }
    }
  }
  let timer: ReturnType<typeof setTimeout> | null = null;
  const save = () => {
    timer = null;
    const { sim, visiting } = useSessionStore.getState();
    // A failed host's log holds the input it failed on: the last good save is kept instead.
    if (!visiting && !worldFailed('host')) saveSandboxSession(sim);
  };
  useSessionStore.subscribe((state, previous) => {
    if (state.revision !== previous.revision && timer === null)
      timer = setTimeout(save, SAVE_DELAY_MS);
  });
  return dropped;
}
