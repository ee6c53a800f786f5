/**
 * A permalink opens the session it was made from: the same world and trace, the same point of
 * playback and the same terminal output; a link that is too long, cut short, garbled or made
 * to hurt is refused with a reason, never by throwing.
 */
import fc from 'fast-check';
import { compressToEncodedURIComponent } from 'lz-string';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { replayTerminal } from '../cli/shell/replay';
import { PROMPT, Shell } from '../cli/shell/shell';
import type { TerminalEvent } from '../cli/shell/types';
import { DEFAULT_EPOCH_MS, type HostOptions } from '../sim/host';
import { Simulation } from '../sim/simulation';
import {
  currentPermalinkFragment,
  decodePermalink,
  hasPermalink,
  openPermalink,
  PERMALINK_MAX_CHARS,
  PERMALINK_MAX_ENTRIES,
  permalinkFragment,
} from './permalink';
import { SESSION_KEY, sessionJson } from './sandboxSession';
import { restoreSession } from './sessionCheck';
import { newSimulation, useSessionStore } from './sessionStore';
import { forgetTranscript, rememberColumns, transcriptFor } from './terminalTranscript';
import { initialUiState, useUiStore } from './uiStore';

const LINES = [
  'docker run -d --name web -p 8080:80 nginx',
  'docker ps',
  'pkill -9 dockerd; docker ps',
  'ps -ef',
];

/** A host made by typing at its terminal, as a learner would. */
function typedSession(options: HostOptions = { seed: 'docker-anatomy', era: 'modern' }) {
  const sim = new Simulation(options);
  const shell = new Shell(sim);
  for (const line of LINES) {
    shell.execute(line);
    sim.advance(1000);
  }
  return sim;
}

const containersOf = (sim: Simulation) =>
  Object.values(sim.world.containers)
    .map((c) => ({ id: c.id, name: c.name, state: c.state, imageId: c.imageId }))
    .sort((a, b) => a.id.localeCompare(b.id));

function opened(hash: string) {
  const result = decodePermalink(hash);
  if (!result.ok) throw new Error(result.reason);
  return result;
}

function refusal(hash: string): string {
  const result = decodePermalink(hash);
  if (result.ok) throw new Error('expected the link to be refused');
  return result.reason;
}

/** A link to the JSON `json` (any JSON: the session's own, edited, or made up). */
const linkTo = (json: unknown) => `#session=${compressToEncodedURIComponent(JSON.stringify(json))}`;

/** The session's own JSON with `edit` applied. */
function edited(edit: (json: Record<string, unknown> & { log: unknown[] }) => void) {
  const json = JSON.parse(JSON.stringify(sessionJson(typedSession())));
  edit(json);
  return linkTo(json);
}

const screenText = (events: readonly TerminalEvent[]) =>
  events.map((e) => (e.type === 'output' ? e.chunk.text : '\f')).join('');

describe('permalinkFragment and decodePermalink', () => {
  it('round-trips a typed session to the same world, trace and time', () => {
    const sim = typedSession();
    const fragment = permalinkFragment(sim);
    expect(fragment).toMatch(/^#session=[A-Za-z0-9+$-]+$/);
    const link = opened(fragment);
    expect(link.sim.trace.length).toBe(sim.trace.length);
    expect(link.sim.trace).toEqual(sim.trace);
    expect(link.sim.now).toBe(sim.now);
    expect(containersOf(link.sim)).toEqual(containersOf(sim));
    expect(link.sim.world).toEqual(sim.world);
    expect(link.sim.log).toEqual(sim.log);
    expect(link.cursor).toBeNull();
  });

  it('keeps every option: seed, era and settings', () => {
    const options: Required<HostOptions> = {
      seed: 42,
      era: 'monolith',
      liveRestore: true,
      systemdRestart: false,
      epochMs: DEFAULT_EPOCH_MS + 5000,
    };
    const sim = typedSession(options);
    const link = opened(permalinkFragment(sim));
    expect(link.sim.host.options).toEqual(options);
    expect(link.sim.world).toEqual(sim.world);
  });

  it('keeps the point of playback it was paused at', () => {
    const sim = typedSession();
    const link = opened(permalinkFragment(sim, { cursor: 17 }));
    expect(link.cursor).toBe(17);
    expect(link.sim.worldAt(17)).toEqual(sim.worldAt(17));
  });

  it('shows what the terminal printed: each line after the prompt, then its output', () => {
    const sim = typedSession();
    const link = opened(permalinkFragment(sim));
    const text = screenText(link.transcript);
    for (const line of LINES) expect(text).toContain(`${PROMPT}${line}\n`);
    // The output is the shell's own replay of the log, in the same order.
    const output = replayTerminal(sim.options, sim.log)
      .output.map((chunk) => chunk.text)
      .join('');
    expect(text.replaceAll(new RegExp(`${PROMPT.replace(/[$]/g, '\\$')}.*\\n`, 'g'), '')).toBe(
      output,
    );
    expect(text).toContain('Cannot connect to the Docker daemon');
  });

  it('cuts output to the width the terminal had', () => {
    const sim = typedSession();
    const narrow = screenText(opened(permalinkFragment(sim, { columns: 40 })).transcript);
    const wide = screenText(opened(permalinkFragment(sim, { columns: 200 })).transcript);
    const ps = (text: string) => text.slice(text.lastIndexOf(`${PROMPT}ps -ef`)).split('\n');
    expect(
      Math.max(
        ...ps(narrow)
          .slice(1)
          .map((l) => l.length),
      ),
    ).toBeLessThanOrEqual(40);
    expect(
      Math.max(
        ...ps(wide)
          .slice(1)
          .map((l) => l.length),
      ),
    ).toBeGreaterThan(40);
  });

  it('opens a link whose characters a mail program escaped', () => {
    const fragment = permalinkFragment(typedSession());
    const escaped = fragment.replace(/\$/g, '%24').replace(/\+/g, '%2B');
    expect(opened(escaped).sim.log.length).toBe(opened(fragment).sim.log.length);
  });

  it('keeps a typed session of 60 lines well inside the limit', () => {
    const sim = new Simulation({ seed: 'docker-anatomy', era: 'modern' });
    const shell = new Shell(sim);
    for (let i = 0; i < 15; i++) {
      for (const line of LINES) shell.execute(line);
      shell.execute('systemctl start docker');
      sim.advance(3000);
    }
    expect(permalinkFragment(sim).length).toBeLessThan(PERMALINK_MAX_CHARS / 2);
  });
});

describe('decodePermalink refuses', () => {
  it('a link over the size limit, before unpacking it', () => {
    expect(refusal(`#session=${'A'.repeat(PERMALINK_MAX_CHARS + 1)}`)).toMatch(
      /^it is too long: 32769 characters, a link holds at most 32768$/,
    );
  });

  it('a link cut short', () => {
    const fragment = permalinkFragment(typedSession());
    for (const cut of [0.25, 0.5, 0.9, 0.999])
      expect(refusal(fragment.slice(0, Math.floor(fragment.length * cut)))).toMatch(
        /^it is damaged: /,
      );
  });

  it('garbage, an empty session and broken escapes', () => {
    for (const hash of [
      '#session=',
      '#session=!!!',
      '#session=%E0%A4%A',
      '#session=<script>alert(1)</script>',
      '#session=hello',
      `#session=${compressToEncodedURIComponent('not json')}`,
      linkTo([1, 2]),
      linkTo('a session'),
      linkTo(null),
    ])
      expect(refusal(hash), hash).toMatch(/^it is damaged: /);
  });

  it('a link that would unpack to more than a session may hold', () => {
    // A few kilobytes standing for megabytes: measured, never unpacked.
    const bomb = `#session=${compressToEncodedURIComponent(' '.repeat(2_100_000))}`;
    expect(bomb.length).toBeLessThan(PERMALINK_MAX_CHARS);
    expect(refusal(bomb)).toBe('it is damaged: it would unpack to more than a session may hold');
  }, 30_000);

  it('a session that fails the sandbox session’s shape check, naming what', () => {
    expect(refusal(edited((json) => (json['version'] = 2)))).toBe(
      'it was saved by another version (2)',
    );
    expect(refusal(edited((json) => (json['app'] = 'evil')))).toMatch(/^it is damaged: app: /);
    expect(
      refusal(edited((json) => json.log.splice(1, 0, { at: 0, input: { kind: 'teleport' } }))),
    ).toMatch(/^it is damaged: log\.1\.input\.kind: /);
    expect(refusal(edited((json) => (json['extra'] = true)))).toMatch(/^it is damaged: it: /);
  });

  it('a playback position or a width that cannot be', () => {
    expect(refusal(edited((json) => (json['cursor'] = 1e6)))).toBe(
      'it is damaged: cursor: 1000000 is past the end of its trace',
    );
    expect(refusal(edited((json) => (json['cursor'] = -5)))).toMatch(/^it is damaged: cursor: /);
    expect(refusal(edited((json) => (json['cursor'] = 'end')))).toMatch(/^it is damaged: cursor: /);
    expect(refusal(edited((json) => (json['columns'] = 3)))).toMatch(/^it is damaged: columns: /);
  });

  it('more inputs than a link may replay', () => {
    const log = Array.from({ length: PERMALINK_MAX_ENTRIES + 1 }, () => ({
      at: 0,
      input: { kind: 'advance', ms: 1 },
    }));
    expect(refusal(edited((json) => (json.log = log)))).toBe(
      `it is too long: ${PERMALINK_MAX_ENTRIES + 1} inputs, a link holds at most ${PERMALINK_MAX_ENTRIES}`,
    );
  });

  it('more simulated time than a link may replay, and time that is no time', () => {
    const late = (ms: unknown) =>
      edited((json) => json.log.push({ at: 1e7, input: { kind: 'advance', ms } }));
    expect(refusal(late(1e12))).toBe(
      'it is too long: it covers more than two days of simulated time',
    );
    expect(refusal(late('soon'))).toMatch(/^it is damaged: log\.\d+\.input\.ms: /);
    expect(refusal(late(-1))).toMatch(/^it is damaged: log\.\d+\.input\.ms: /);
  });

  it('a log whose replay throws', () => {
    const reason = refusal(edited((json) => json.log.push({ at: 1e7, input: { kind: 'signal' } })));
    expect(reason).toMatch(/^it does not replay \(.+\)$/);
  });

  it('a hostile key without touching any prototype', () => {
    const json = JSON.parse(JSON.stringify(sessionJson(typedSession())));
    const hostile = `{"__proto__":{"polluted":true},${JSON.stringify(json).slice(1)}`;
    const reason = refusal(`#session=${compressToEncodedURIComponent(hostile)}`);
    expect(reason).toMatch(/^it is damaged: /);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('anything at all, without throwing', () => {
    const fragment = permalinkFragment(typedSession());
    fc.assert(
      fc.property(
        fc.string({ maxLength: 400 }),
        fc.integer({ min: 0, max: fragment.length }),
        fc.string({ unit: fc.constantFrom('A', 'z', '0', '+', '$', '-', '%', ' '), maxLength: 8 }),
        (junk, at, splice) => {
          for (const hash of [
            junk,
            `#session=${junk}`,
            fragment.slice(0, at) + splice + fragment.slice(at + splice.length),
          ]) {
            const result = decodePermalink(hash);
            expect(typeof result.ok).toBe('boolean');
            if (!result.ok) expect(result.reason).toMatch(/^it /);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('currentPermalinkFragment', () => {
  beforeEach(() => {
    useSessionStore.getState().load(typedSession());
  });

  it('opens at the live end while playback is live', () => {
    const result = currentPermalinkFragment();
    if (!result.ok) throw new Error('too long');
    expect(opened(result.fragment).cursor).toBeNull();
  });

  it('opens paused where the learner paused in the past', () => {
    useSessionStore.getState().seek(12);
    const result = currentPermalinkFragment();
    if (!result.ok) throw new Error('too long');
    expect(opened(result.fragment).cursor).toBe(12);
  });

  it("records the terminal's width", () => {
    rememberColumns(57);
    const result = currentPermalinkFragment();
    if (!result.ok) throw new Error('too long');
    expect(result.fragment).toBe(
      permalinkFragment(useSessionStore.getState().sim, { columns: 57 }),
    );
  });

  it('links the host, not a cluster machine being visited', () => {
    const home = useSessionStore.getState().sim;
    useSessionStore.getState().visit(new Simulation({ seed: 'node-2' }), {
      kind: 'cluster',
      machine: 'node-2',
      apply: () => ({ ok: true }),
      advance: () => undefined,
      onLeave: () => undefined,
    });
    const result = currentPermalinkFragment();
    useSessionStore.getState().leave();
    if (!result.ok) throw new Error('too long');
    expect(opened(result.fragment).sim.log).toEqual(home.log);
  });

  it('says how long a session too long for a link is', () => {
    const sim = newSimulation();
    // Unique text packs badly: about 40 KB of it.
    let text = '';
    for (let i = 0; text.length < 60_000; i++) text += `${(i * 2654435761) % 4294967296} `;
    sim.apply({ kind: 'writeFile', path: '/root/noise.txt', content: text });
    useSessionStore.getState().load(sim);
    const result = currentPermalinkFragment();
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.length).toBeGreaterThan(PERMALINK_MAX_CHARS);
  });
});

describe('openPermalink', () => {
  let stored: Map<string, string>;

  beforeEach(() => {
    stored = new Map();
    vi.stubGlobal('localStorage', {
      getItem: (key: string) => stored.get(key) ?? null,
      setItem: (key: string, value: string) => void stored.set(key, value),
      removeItem: (key: string) => void stored.delete(key),
    });
    useUiStore.setState(initialUiState());
    useSessionStore.getState().reset({ era: 'modern' });
    forgetTranscript();
  });
  afterEach(() => vi.unstubAllGlobals());

  it('shows the session, its era and its terminal, and keeps it as the sandbox session', () => {
    const sim = typedSession({ seed: 'docker-anatomy', era: 'split' });
    expect(openPermalink(permalinkFragment(sim))).toBeNull();
    const state = useSessionStore.getState();
    expect(state.sim.world).toEqual(sim.world);
    expect(state.cursor).toBe(sim.trace.length - 1);
    expect(state.playing).toBe(true);
    expect(useUiStore.getState().era).toBe('split');
    expect(screenText(transcriptFor(state.sim))).toContain(`${PROMPT}docker ps\n`);
    const saved = restoreSession(stored.get(SESSION_KEY) ?? '');
    if (!saved.ok) throw new Error(saved.reason);
    expect(saved.sim.world).toEqual(sim.world);
  });

  it('opens paused at the point the link names', () => {
    const sim = typedSession();
    expect(openPermalink(permalinkFragment(sim, { cursor: 9 }))).toBeNull();
    expect(useSessionStore.getState()).toMatchObject({ cursor: 9, playing: false });
  });

  it('leaves a clean session and storage alone when the link is damaged, and says why', () => {
    const before = useSessionStore.getState().sim;
    stored.set(SESSION_KEY, 'the learner’s own sandbox');
    expect(openPermalink('#session=garbage')).toMatch(/^it is damaged/);
    expect(useSessionStore.getState().sim).toBe(before);
    expect(stored.get(SESSION_KEY)).toBe('the learner’s own sandbox');
    expect(transcriptFor(before)).toEqual([]);
  });

  it('does nothing for an address without a session', () => {
    const before = useSessionStore.getState().sim;
    for (const hash of ['', '#', '#lesson=1', '#sessions=x'])
      expect([hasPermalink(hash), openPermalink(hash)]).toEqual([false, null]);
    expect(useSessionStore.getState().sim).toBe(before);
  });

  it('shows the transcript only for its own session', () => {
    expect(openPermalink(permalinkFragment(typedSession()))).toBeNull();
    const linked = useSessionStore.getState().sim;
    expect(transcriptFor(linked).length).toBeGreaterThan(0);
    useSessionStore.getState().reset({ era: 'modern' });
    expect(transcriptFor(useSessionStore.getState().sim)).toEqual([]);
    forgetTranscript();
    expect(transcriptFor(linked)).toEqual([]);
  });
});
