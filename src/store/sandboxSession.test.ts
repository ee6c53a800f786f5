/**
 * A sandbox session saved in the browser comes back as the same host (its log replays to the
 * same world), and anything damaged, edited or from another version is refused with a reason.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Shell } from '../cli/shell/shell';
import { DEFAULT_EPOCH_MS, type HostOptions } from '../sim/host';
import { Simulation } from '../sim/simulation';
import {
  SESSION_KEY,
  SESSION_MAX_BYTES,
  keepSandboxSession,
  savedSessionMayBuild,
  serializeSession,
} from './sandboxSession';
import { restoreSession } from './sessionCheck';
import { newSimulation, useSessionStore } from './sessionStore';
import { initialUiState, useUiStore } from './uiStore';

/** Every option spelled out. */
const ALL_OPTIONS: Required<HostOptions> = {
  seed: 'y',
  era: 'split',
  liveRestore: true,
  systemdRestart: false,
  epochMs: DEFAULT_EPOCH_MS + 1000,
};

/** A host with web running, made by typing at its terminal. */
function session(options: HostOptions = { seed: 'x' }): Simulation {
  const sim = new Simulation(options);
  new Shell(sim).execute('docker run -d --name web nginx');
  sim.advance(5000);
  return sim;
}

const containersOf = (sim: Simulation) =>
  Object.values(sim.world.containers)
    .map((c) => ({ id: c.id, name: c.name, state: c.state, imageId: c.imageId }))
    .sort((a, b) => a.id.localeCompare(b.id));

/** The saved session as JSON, with `edit` applied. */
function edited(
  edit: (json: { version: unknown; options: Record<string, unknown>; log: unknown[] }) => void,
) {
  const json = JSON.parse(serializeSession(session()));
  edit(json);
  return JSON.stringify(json);
}

function refusal(text: string): string {
  const restored = restoreSession(text);
  if (restored.ok) throw new Error('expected the session to be refused');
  return restored.reason;
}

describe('restoreSession', () => {
  it('rebuilds a saved session as the same host', () => {
    const sim = session();
    expect(containersOf(sim)).toMatchObject([{ name: 'web', state: 'running' }]);
    const restored = restoreSession(serializeSession(sim));
    if (!restored.ok) throw new Error(restored.reason);
    expect(containersOf(restored.sim)).toEqual(containersOf(sim));
    expect(restored.sim.trace.length).toBe(sim.trace.length);
    expect(restored.sim.now).toBe(sim.now);
    expect(restored.sim.options).toEqual({ seed: 'x' });
  });

  it('keeps every option of the host it saved', () => {
    const sim = session(ALL_OPTIONS);
    const restored = restoreSession(serializeSession(sim));
    if (!restored.ok) throw new Error(restored.reason);
    expect(restored.sim.host.options).toEqual(ALL_OPTIONS);
    expect(restored.sim.world.daemonConfig.liveRestore).toBe(true);
    expect(containersOf(restored.sim)).toEqual(containersOf(sim));
    expect(restored.sim.trace.length).toBe(sim.trace.length);
  });

  it("restores the app's own sandbox host, made with only a seed and an era", () => {
    const sim = newSimulation('monolith');
    new Shell(sim).execute('docker run -d --name web nginx');
    sim.advance(5000);
    const restored = restoreSession(serializeSession(sim));
    if (!restored.ok) throw new Error(restored.reason);
    expect(restored.sim.host.options.era).toBe('monolith');
    expect(containersOf(restored.sim)).toEqual(containersOf(sim));
    expect(restored.sim.trace.length).toBe(sim.trace.length);
  });

  it('restores a session that goes on like the original', () => {
    const sim = session();
    const restored = restoreSession(serializeSession(sim));
    if (!restored.ok) throw new Error(restored.reason);
    new Shell(sim).execute('docker stop web');
    new Shell(restored.sim).execute('docker stop web');
    sim.advance(15_000);
    restored.sim.advance(15_000);
    expect(containersOf(restored.sim)).toEqual(containersOf(sim));
    expect(containersOf(sim)).toMatchObject([{ name: 'web', state: 'exited' }]);
  });

  it('refuses text that is not JSON', () => {
    expect(refusal('{"app":')).toBe('it is not JSON');
  });

  it('refuses a session over the size limit before reading it', () => {
    const text = serializeSession(session());
    expect(refusal(text + ' '.repeat(SESSION_MAX_BYTES))).toBe('it is too large');
  });

  it('refuses a session of another version, naming it', () => {
    expect(refusal(edited((json) => (json.version = 2)))).toBe(
      'it was saved by another version (2)',
    );
  });

  it('refuses an unknown era', () => {
    expect(refusal(edited((json) => (json.options['era'] = 'future')))).toMatch(/^options\.era: /);
  });

  it('refuses options it does not know', () => {
    expect(refusal(edited((json) => (json.options['turbo'] = true)))).toMatch(/^options: .*turbo/);
  });

  it('refuses a log entry of an unknown input kind, naming the entry', () => {
    const reason = refusal(
      edited((json) => json.log.splice(1, 0, { at: 0, input: { kind: 'teleport' } })),
    );
    expect(reason).toMatch(/^log\.1\.input\.kind: /);
  });

  it('refuses a log out of time order', () => {
    const reason = refusal(
      edited((json) => json.log.push({ at: 0, input: { kind: 'advance', ms: 10 } })),
    );
    expect(reason).toBe('log: the log is not in time order');
  });

  it('refuses time that does not pass forward by a number of ms (it would replay elsewhere)', () => {
    for (const ms of [-5, '5', null, 'Infinity']) {
      const reason = refusal(
        edited((json) => json.log.push({ at: 999_999, input: { kind: 'advance', ms } })),
      );
      expect(reason).toMatch(/^log\.\d+\.input\.ms: not a length of time$/);
    }
  });

  it('refuses a log whose replay throws', () => {
    // A signal without a target: its shape passes the schema, replaying it throws.
    const reason = refusal(
      edited((json) => json.log.push({ at: 999_999, input: { kind: 'signal' } })),
    );
    expect(reason).toMatch(/^it does not replay \(.+\)$/);
  });
});

describe('keepSandboxSession', () => {
  let stored: Map<string, string>;
  const storage = {
    getItem: (key: string) => stored.get(key) ?? null,
    setItem: (key: string, value: string) => void stored.set(key, value),
    removeItem: (key: string) => void stored.delete(key),
  };

  beforeEach(() => {
    stored = new Map();
    vi.stubGlobal('localStorage', storage);
    vi.useFakeTimers();
    useUiStore.setState(initialUiState());
    useSessionStore.getState().reset({ era: 'modern' });
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('loads the saved session into the sandbox', async () => {
    const sim = session();
    stored.set(SESSION_KEY, serializeSession(sim));
    expect(await keepSandboxSession()).toBeNull();
    expect(containersOf(useSessionStore.getState().sim)).toEqual(containersOf(sim));
  });

  it('drops a damaged session, says why, and forgets it', async () => {
    stored.set(SESSION_KEY, '{"app":');
    expect(await keepSandboxSession()).toBe('it is not JSON');
    expect(stored.has(SESSION_KEY)).toBe(false);
    expect(useSessionStore.getState().sim.world.containers).toEqual({});
  });

  it('saves the session a moment after a change, and it restores', async () => {
    // Nothing saved yet: the sandbox's own fresh host is the one saved.
    expect(await keepSandboxSession()).toBeNull();
    useSessionStore.getState().run({ kind: 'writeFile', path: '/root/note.txt', content: 'hi' });
    vi.advanceTimersByTime(900);
    expect(stored.has(SESSION_KEY)).toBe(false);
    vi.advanceTimersByTime(100);
    const saved = stored.get(SESSION_KEY);
    expect(saved).toBeDefined();
    const restored = restoreSession(saved ?? '');
    if (!restored.ok) throw new Error(restored.reason);
    expect(restored.sim.world.files['/root/note.txt']).toBe('hi');
  });

  it('says a saved session may build, so the app loads the Dockerfile parser before replaying it', () => {
    expect(savedSessionMayBuild()).toBe(false);
    stored.set(SESSION_KEY, serializeSession(session()));
    expect(savedSessionMayBuild()).toBe(false);
    const built = new Simulation({ seed: 'built' });
    built.apply({ kind: 'writeFile', path: '/root/app/Dockerfile', content: 'FROM busybox\n' });
    new Shell(built).execute('docker build -t app /root/app');
    expect(built.world.images).not.toEqual({});
    stored.set(SESSION_KEY, serializeSession(built));
    expect(savedSessionMayBuild()).toBe(true);
  });

  it("sets the header's era to the restored host's", async () => {
    stored.set(SESSION_KEY, serializeSession(session({ seed: 'x', era: 'monolith' })));
    expect(await keepSandboxSession()).toBeNull();
    expect(useUiStore.getState().era).toBe('monolith');
  });

  it('reads nothing when the page opened a link, and keeps what was saved until a change', async () => {
    // Saves that earlier tests' subscriptions scheduled for the reset before this test.
    vi.runAllTimers();
    const saved = serializeSession(session());
    stored.set(SESSION_KEY, saved);
    const linked = useSessionStore.getState().sim;
    expect(await keepSandboxSession({ restore: false })).toBeNull();
    expect(useSessionStore.getState().sim).toBe(linked);
    vi.advanceTimersByTime(5000);
    expect(stored.get(SESSION_KEY)).toBe(saved);
    useSessionStore.getState().run({ kind: 'writeFile', path: '/root/note.txt', content: 'hi' });
    vi.advanceTimersByTime(1000);
    expect(stored.get(SESSION_KEY)).toBe(serializeSession(linked));
  });

  it('saves nothing outside Sandbox mode', async () => {
    stored.set(SESSION_KEY, serializeSession(session()));
    await keepSandboxSession();
    const before = stored.get(SESSION_KEY);
    useUiStore.getState().setMode('lessons');
    useSessionStore.getState().run({ kind: 'writeFile', path: '/root/note.txt', content: 'hi' });
    vi.advanceTimersByTime(5000);
    expect(stored.get(SESSION_KEY)).toBe(before);
  });
});
