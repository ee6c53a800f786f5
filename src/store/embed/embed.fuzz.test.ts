/**
 * Fuzzing what an embedding page controls: random URL search strings for `parseEmbedParams`
 * and random postMessage payloads (structured-cloned, as the browser delivers them) for
 * `readCommand`. Whatever comes in: nothing throws; settings only ever hold values the app can
 * apply; an ignored parameter changes no setting and gets one warning that quotes at most the
 * short printable prefix params.ts promises; a command that gets through can be carried out
 * (the app turns a `loadLesson` lesson back into JSON text); no prototype is touched.
 * Seeds are fixed; fast-check prints the shrunk input when a property fails.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SPEEDS } from '../playback';
import { PANEL_IDS, VIEWS } from '../uiStore';
import { readCommand, type EmbedCommand } from './commands';
import { EMBED_API, EMBED_API_VERSION } from './messages';
import { embedSearch, originOf, parseEmbedParams, type EmbedSettings } from './params';

const KNOWN_KEYS = [
  'mode',
  'sandbox',
  'lesson',
  'step',
  'view',
  'orchestrator',
  'panels',
  'theme',
  'autoplay',
  'speed',
  'lang',
  'chrome',
  'origins',
] as const;

/** Values each reader accepts, and its near misses. */
const VALUES: Readonly<Record<(typeof KNOWN_KEYS)[number], readonly string[]>> = {
  mode: ['lessons', 'sandbox', 'Lessons', 'lesson'],
  sandbox: ['1', 'true', 'yes', '', '0', 'false', 'no', 'on'],
  lesson: ['signals', 'swarm', 'a', `a${'-'.repeat(59)}`, `a${'-'.repeat(60)}`, '-x', 'Signals'],
  step: ['1', '3', '999', '1000', '0', '-1', '01', '1.5', '1e2', ' 2'],
  view: ['host', 'build', 'cluster', 'Host', 'api'],
  orchestrator: ['swarm', 'kubernetes', 'k8s'],
  panels: ['narration,terminal', 'api', 'terminal,,api', ',', 'terminal,bogus', 'events,events'],
  theme: ['dark', 'light', 'system', 'Dark'],
  autoplay: ['1', '0', 'true', 'no', '', 'maybe'],
  speed: ['0.25', '0.5', '1', '2', '4', '8', '.5', '3', '1.0', 'NaN'],
  lang: ['en', 'pt-BR', 'EN', 'en-us', 'e'],
  chrome: ['minimal', 'full', 'none'],
  origins: [
    'https://school.example',
    'https://school.example/',
    'http://localhost:8080,https://a.example',
    'https://a.example/path',
    'javascript:alert(1)',
    'null',
    'https://a.example,',
    'HTTPS://A.EXAMPLE',
  ],
};

const HOSTILE = [
  '<script>alert(1)</script>',
  '"quoted" \\back',
  '\u0000\u0007\u001b[31m',
  '\r\nX-Injected: 1',
  '%',
  '%zz',
  '%E0%A4%A',
  '🐳🐳',
  '\ud800',
  'x'.repeat(2001),
  '\u0007'.repeat(300),
  '__proto__',
  'constructor',
];

const otherKey = fc.oneof(
  fc.constantFrom(
    'bridge',
    '__proto__',
    'constructor',
    'toString',
    'hasOwnProperty',
    'Mode',
    'LESSON',
    '',
    'lesson[]',
    'a b',
  ),
  fc.string({ maxLength: 10 }),
  fc.constantFrom(...HOSTILE),
);
const anyValue = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom(...HOSTILE) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
);
/** A parameter: mostly a known key with a value meant for it, else anything. */
const pair: fc.Arbitrary<[string, string]> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .constantFrom(...KNOWN_KEYS)
      .chain((k) => fc.tuple(fc.constant(k), fc.constantFrom(...VALUES[k]))),
  },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...KNOWN_KEYS), anyValue) },
  { weight: 2, arbitrary: fc.tuple(otherKey, anyValue) },
);

/** A search string: pairs, percent-encoded or raw, with or without the `?`. */
const search = fc.oneof(
  {
    weight: 8,
    arbitrary: fc
      .tuple(
        fc.array(fc.tuple(pair, fc.boolean()), { maxLength: 8 }),
        fc.constantFrom('?', '', '??', '?&'),
      )
      .map(([pairs, start]) =>
        pairs.reduce<string>(
          (text, [[k, v], encoded], i) =>
            `${text}${i === 0 ? '' : '&'}${encoded ? `${encode(k)}=${encode(v)}` : `${k}=${v}`}`,
          start,
        ),
      ),
  },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 80 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 80 }) },
);

/** Percent-encoding as a page would write it (a lone surrogate cannot be: kept raw). */
function encode(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The parameters a browser reads from `text`, minus the bridge's own. */
const paramsOf = (text: string): [string, string][] =>
  [...new URLSearchParams(text)].filter(([k]) => k !== 'bridge');

/** Every setting holds a value the app can apply (an absent one may read undefined). */
function expectApplicable(s: EmbedSettings): void {
  // `sandbox` sets `mode`; every other parameter is a setting of its own name.
  for (const k of Object.keys(s)) expect(KNOWN_KEYS.filter((x) => x !== 'sandbox')).toContain(k);
  if (s.mode !== undefined) expect(['lessons', 'sandbox']).toContain(s.mode);
  if (s.lesson !== undefined) expect(s.lesson).toMatch(/^[a-z0-9][a-z0-9-]{0,59}$/);
  if (s.step !== undefined) {
    expect(Number.isInteger(s.step)).toBe(true);
    expect(s.step).toBeGreaterThanOrEqual(0);
    expect(s.step).toBeLessThan(999);
  }
  if (s.view !== undefined) expect(VIEWS).toContain(s.view);
  if (s.orchestrator !== undefined) expect(['swarm', 'kubernetes']).toContain(s.orchestrator);
  if (s.panels !== undefined) {
    expect(s.panels.length).toBeGreaterThan(0);
    for (const p of s.panels) expect(PANEL_IDS).toContain(p);
  }
  if (s.theme !== undefined) expect(['light', 'dark', 'system']).toContain(s.theme);
  if (s.autoplay !== undefined) expect(typeof s.autoplay).toBe('boolean');
  if (s.speed !== undefined) expect(SPEEDS).toContain(s.speed);
  if (s.lang !== undefined) expect(s.lang).toMatch(/^[a-z]{2}(-[A-Z]{2})?$/);
  if (s.chrome !== undefined) expect(['full', 'minimal']).toContain(s.chrome);
  if (s.origins !== undefined) {
    expect(s.origins.length).toBeGreaterThan(0);
    for (const o of s.origins) expect(originOf(o)).toBe(o);
  }
}

const WARNING =
  /^docker-anatomy: ignored (?:unknown URL parameter |a repeated URL parameter |[a-z]+=)("(?:[^"\\]|\\.)*")(?: \(not a value it accepts\))?$/;

/** What a warning quotes: at most 40 printable characters of what was given, then `…`. */
function expectShortQuote(warning: string, given: readonly [string, string][]): void {
  const m = WARNING.exec(warning);
  expect(m, `warning shape: ${JSON.stringify(warning.slice(0, 200))}`).not.toBeNull();
  const quoted = JSON.parse(m?.[1] ?? '""') as string;
  expect(quoted).toMatch(/^[\x20-\x7e]{0,40}…?$/);
  if (quoted.endsWith('…')) expect(quoted.length).toBe(41);
  const prefix = quoted.replace(/…$/, '');
  const printable = (s: string) => s.replace(/[^\x20-\x7e]/g, '?');
  expect(
    given.some(([k, v]) => printable(k).startsWith(prefix) || printable(v).startsWith(prefix)),
    `${JSON.stringify(quoted)} quotes something that was given`,
  ).toBe(true);
}

describe('random URL parameters', () => {
  it('never throw, give settings the app can apply, and at most one short warning each', () => {
    fc.assert(
      fc.property(search, (text) => {
        const { settings, warnings } = parseEmbedParams(text);
        expectApplicable(settings);
        const given = paramsOf(text);
        expect(warnings.length).toBeLessThanOrEqual(given.length);
        for (const w of warnings) expectShortQuote(w, given);
        expect(Object.keys(Object.prototype)).toEqual([]);
      }),
      { numRuns: 300, seed: 1001 },
    );
  });

  it('ignore a parameter they cannot use: one more warning, and no setting changes', () => {
    fc.assert(
      fc.property(
        search,
        fc.constantFrom(...KNOWN_KEYS),
        fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ maxLength: 12 })),
        (text, k, junk) => {
          // `!` starts no value any reader accepts (ids, numbers, words, origins).
          const bad = `!${junk}`;
          const before = parseEmbedParams(text);
          const after = parseEmbedParams(`${text}&${k}=${encode(bad)}`);
          expect(after.settings).toEqual(before.settings);
          expect(after.warnings.length).toBe(before.warnings.length + 1);
        },
      ),
      { numRuns: 200, seed: 1002 },
    );
  });

  it("read back what the Embed dialog's snippet writes from them, without a warning", () => {
    fc.assert(
      fc.property(search, (text) => {
        const { settings } = parseEmbedParams(text);
        const again = parseEmbedParams(embedSearch(settings));
        expect(again.warnings).toEqual([]);
        expect(again.settings).toEqual(settings);
      }),
      { numRuns: 200, seed: 1003 },
    );
  });

  it('regression: an invalid mode after ?sandbox leaves the sandbox asked for', () => {
    // Found by the fuzz: `mode=bogus` was "ignored" but wiped the mode `sandbox` had set,
    // so the embed opened the lesson instead of the sandbox.
    const { settings, warnings } = parseEmbedParams('?sandbox=1&lesson=signals&mode=bogus');
    expect(settings.mode).toBe('sandbox');
    expect(warnings).toEqual(['docker-anatomy: ignored mode="bogus" (not a value it accepts)']);
  });
});

// ---------------------------------------------------------------------------------------------
// postMessage payloads
// ---------------------------------------------------------------------------------------------

const TYPES = [
  'startLesson',
  'goToStep',
  'next',
  'previous',
  'play',
  'pause',
  'setSpeed',
  'run',
  'loadLesson',
] as const;

/** Anything a page may post (only structured-cloneable values reach the app). */
const anything = fc.anything({
  maxDepth: 3,
  withBigInt: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withTypedArray: true,
  withSparseArray: true,
  withNullPrototype: true,
  withBoxedValues: true,
  withObjectString: true,
});

/** A cyclic object or array, a BigInt: values postMessage carries and JSON cannot. */
const unjsonable = fc.oneof(
  fc.constant(null).map(() => {
    const o: Record<string, unknown> = { id: 'x' };
    o['self'] = o;
    return o;
  }),
  fc.constant(null).map(() => {
    const a: unknown[] = [];
    a.push({ steps: a });
    return { steps: a };
  }),
  fc.bigInt().map((n) => ({ schemaVersion: n })),
  fc.constant(10n),
);

/** Values for each command's own field: right, near misses, and anything. */
const FIELD: Readonly<Record<string, fc.Arbitrary<unknown>>> = {
  lesson: fc.oneof(
    fc.constantFrom<unknown>('signals', 'x'.repeat(60), 'x'.repeat(61), '', null),
    anything,
    unjsonable,
  ),
  step: fc.oneof(
    fc.constantFrom<unknown>(1, 100, 101, 0, 1.5, -1, Number.NaN, Infinity, '2', 2n),
    anything,
  ),
  speed: fc.oneof(fc.constantFrom<unknown>(...SPEEDS, 3, Number.NaN, '2', -0), anything),
  command: fc.oneof(
    fc.constantFrom<unknown>('docker ps', 'a\nb', '', 'x'.repeat(500), 'x'.repeat(501), 'ls\r'),
    fc.string({ unit: 'binary', maxLength: 40 }),
    anything,
  ),
};
const FIELDS_OF: Readonly<Record<(typeof TYPES)[number], readonly string[]>> = {
  startLesson: ['lesson'],
  goToStep: ['step'],
  next: [],
  previous: [],
  play: [],
  pause: [],
  setSpeed: ['speed'],
  run: ['command'],
  loadLesson: ['lesson'],
};

/** A command of a known type with its own fields (random values), sometimes one field more. */
const nearCommand: fc.Arbitrary<unknown> = fc
  .tuple(
    fc.constantFrom(...TYPES),
    fc.oneof(
      { weight: 6, arbitrary: fc.constant<unknown>(EMBED_API) },
      { weight: 1, arbitrary: fc.constantFrom<unknown>('Docker-Anatomy', '', null) },
    ),
    fc.oneof(
      { weight: 6, arbitrary: fc.constant<unknown>(EMBED_API_VERSION) },
      { weight: 1, arbitrary: fc.constantFrom<unknown>(2, '1', 1.0000001, 0, null, 1n) },
    ),
    fc.option(fc.tuple(fc.constantFrom('extra', 'lesson', 'step', 'constructor'), anything), {
      freq: 5,
    }),
    fc.boolean(),
  )
  .chain(([type, api, version, extra, hostile]) =>
    fc.tuple(...FIELDS_OF[type].map((f) => FIELD[f] ?? anything)).map((values: unknown[]) => {
      const fields: Record<string, unknown> = { api, version, type };
      FIELDS_OF[type].forEach((f, i) => (fields[f] = values[i]));
      if (extra) fields[extra[0]] = extra[1];
      return hostile ? withProtoKey(fields) : fields;
    }),
  );

/** The same fields with an own `__proto__` key, as JSON.parse makes it (when JSON can say them). */
function withProtoKey(fields: Record<string, unknown>): unknown {
  let inner: string;
  try {
    inner = JSON.stringify(fields).slice(1, -1);
  } catch {
    return fields;
  }
  return JSON.parse(`{"__proto__":{"polluted":1}${inner === '' ? '' : `,${inner}`}}`) as unknown;
}

const payload = fc.oneof(
  { weight: 6, arbitrary: nearCommand },
  { weight: 2, arbitrary: anything },
  { weight: 1, arbitrary: unjsonable },
);

/** What the browser hands the listener: the structured clone of what was posted. */
function delivered(data: unknown): { ok: true; data: unknown } | { ok: false } {
  try {
    return { ok: true, data: structuredClone(data) };
  } catch {
    return { ok: false };
  }
}

/** A command that got through is exactly one of version 1, and the app can carry it out. */
function expectCarriable(c: EmbedCommand): void {
  expect(c.api).toBe(EMBED_API);
  expect(c.version).toBe(EMBED_API_VERSION);
  expect(TYPES).toContain(c.type);
  for (const k of Object.keys(c))
    expect(['api', 'version', 'type', ...FIELDS_OF[c.type]], `field ${k} of ${c.type}`).toContain(
      k,
    );
  switch (c.type) {
    case 'startLesson':
      expect(c.lesson.length).toBeLessThanOrEqual(60);
      break;
    case 'goToStep':
      expect(Number.isInteger(c.step) && c.step >= 1 && c.step <= 100).toBe(true);
      break;
    case 'setSpeed':
      expect(SPEEDS).toContain(c.speed);
      break;
    case 'run':
      expect(c.command).toMatch(/^[^\n\r]{1,500}$/);
      break;
    case 'loadLesson':
      // The app loads it as a lesson file: JSON.stringify(lesson), then the lesson checks.
      expect(() => JSON.stringify(c.lesson ?? null)).not.toThrow();
      break;
    default:
      break;
  }
}

describe('random postMessage payloads', () => {
  it('never throw; anything that gets through is a command of version 1 the app can carry out', () => {
    fc.assert(
      fc.property(payload, (posted) => {
        const got = delivered(posted);
        fc.pre(got.ok);
        if (!got.ok) return;
        const command = readCommand(got.data);
        if (command !== null) expectCarriable(command);
        expect(Object.keys(Object.prototype)).toEqual([]);
        expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
      }),
      { numRuns: 400, seed: 1004 },
    );
  });

  it('regression: a lesson that is not JSON (a cycle, a BigInt) is refused, not thrown on later', () => {
    // Found by the fuzz: readCommand let these through, and the app's JSON.stringify threw
    // inside its message listener (nothing refused, an uncaught TypeError instead).
    const cyclic: Record<string, unknown> = { id: 'x' };
    cyclic['self'] = cyclic;
    for (const lesson of [cyclic, { schemaVersion: 1n }])
      expect(
        readCommand(
          structuredClone({
            api: EMBED_API,
            version: EMBED_API_VERSION,
            type: 'loadLesson',
            lesson,
          }),
        ),
      ).toBeNull();
    expect(
      readCommand({ api: EMBED_API, version: EMBED_API_VERSION, type: 'loadLesson', lesson: {} }),
    ).not.toBeNull();
  });
});
