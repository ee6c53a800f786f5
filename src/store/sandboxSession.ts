/**
 * The sandbox session, kept in the browser: the host's options and its input log, saved a
 * moment after each change while the app is in Sandbox mode, and replayed on the next visit,
 * so a learner comes back to the host they left (the log replays to the same world exactly).
 *
 * Contract: what is read back is not trusted. It must match a versioned shape (the app, the
 * version, known eras, a log of known input kinds in time order, within a size limit), and
 * its replay must not throw; otherwise a fresh host starts and the learner is told why.
 * Visits (a cluster machine, a bridge) are never saved: they are not this host. The shape check
 * and the replay (sessionCheck.ts, with the schema library) are shared with sessions that come
 * in a link (permalink.ts), and loaded only when there is a session to check: a first visit's
 * first screen does without them.
 */
import type { HostOptions } from '../sim/host';
import type { LoggedInput } from '../sim/inputs';
import type { Simulation } from '../sim/simulation';
import { useSessionStore } from './sessionStore';
import { worldFailed } from './simFailure';
import { browserStorage, readStored, writeStored } from './storage';
import { useUiStore } from './uiStore';

export const SESSION_KEY = 'docker-anatomy.session.v1';
export const SESSION_VERSION = 1;
/** A session bigger than this is not saved (localStorage holds about 5 MB in all). */
export const SESSION_MAX_BYTES = 2 * 1024 * 1024;
const SAVE_DELAY_MS = 1000;

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
export async function keepSandboxSession({ restore = true }: { restore?: boolean } = {}): Promise<
  string | null
> {
  const storage = browserStorage();
  let dropped: string | null = null;
  const text = restore ? readStored(storage, SESSION_KEY) : null;
  if (text !== null) {
    const { restoreSession } = await import('./sessionCheck');
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
