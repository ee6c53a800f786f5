/**
 * Fuzzing lesson files: mutations of the real lessons' JSON (fields dropped or retyped, huge
 * strings, deep nesting, prototype-pollution keys such as `__proto__` and `constructor`,
 * repeated ids, text cut short or padded past the size limit) opened through the app's own
 * path, `useLessonStore.getState().loadLesson(text)` (JSON, the schema, then the rehearsal).
 * Whatever the file: nothing throws; it is accepted and listed, or refused with one short
 * reason a lesson author can act on (which lesson and which field or step) and a notice that
 * says it; `Object.prototype` is untouched. Most mutations are refused by the schema before
 * the (expensive) rehearsal; the Swarm and Kubernetes lessons are picked rarely for that reason.
 * Seeds are fixed; fast-check prints the shrunk mutation list when a property fails.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LESSONS } from '../../scenarios';
import { useNoticeStore } from '../noticeStore';
import { LESSON_MAX_BYTES, useLessonStore } from './lessonStore';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = readonly (string | number)[];

const HOST_LESSONS = LESSONS.filter((l) => l.start.world === 'host');
const CLUSTER_LESSONS = LESSONS.filter((l) => l.start.world !== 'host');

const lessonJson = (id: string): Json =>
  JSON.parse(JSON.stringify(LESSONS.find((l) => l.id === id))) as Json;

/** Every path in a JSON value, the value itself first (iterative: nesting may be deep). */
function pathsOf(value: Json): Path[] {
  const paths: Path[] = [];
  const stack: { value: Json; at: Path }[] = [{ value, at: [] }];
  for (let next = stack.pop(); next; next = stack.pop()) {
    paths.push(next.at);
    const here = next.value;
    if (here === null || typeof here !== 'object') continue;
    const entries: [string | number, Json][] = Array.isArray(here)
      ? here.map((v, i) => [i, v])
      : Object.entries(here);
    for (const [k, v] of entries.reverse()) stack.push({ value: v, at: [...next.at, k] });
  }
  return paths;
}

function get(value: Json, path: Path): Json | undefined {
  let here: Json | undefined = value;
  for (const key of path) {
    if (here === null || typeof here !== 'object') return undefined;
    here = Array.isArray(here) ? here[Number(key)] : here[String(key)];
  }
  return here;
}

/** Sets an own, enumerable property, even `__proto__` (as JSON.parse does). */
function setOwn(target: Json[] | { [key: string]: Json }, key: string | number, value: Json): void {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

const HUGE = 'y'.repeat(100_000);
const ODD_VALUES: readonly Json[] = [
  null,
  0,
  -1,
  1.5,
  1e308,
  true,
  '',
  'x',
  [],
  {},
  'x'.repeat(2001),
  HUGE,
  '\u0000\u001b[2J',
  '🐳\u202e',
  'a\nb',
  '<script>alert(1)</script>',
  { kind: 'bogus' },
  ['docker ps'],
];
const KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'valueOf',
  'extra',
  '',
  'k'.repeat(10_000),
];
const POLLUTION: readonly Json[] = [{ polluted: true }, { toString: 'x' }, null, 'x', []];

type Mutation =
  | { kind: 'drop'; at: number }
  | { kind: 'retype'; at: number; value: Json }
  | { kind: 'key'; at: number; key: string; value: Json }
  | { kind: 'nest'; at: number; depth: number; check: boolean }
  | { kind: 'dupe'; at: number }
  | { kind: 'fault'; step: number; fault: string; node: string }
  | { kind: 'rename' };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('drop' as const), at: fc.nat() }),
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('retype' as const),
      at: fc.nat(),
      value: fc.constantFrom(...ODD_VALUES),
    }),
  },
  fc.record({
    kind: fc.constant('key' as const),
    at: fc.nat(),
    key: fc.constantFrom(...KEYS),
    value: fc.constantFrom(...POLLUTION),
  }),
  fc.record({
    kind: fc.constant('nest' as const),
    at: fc.nat(),
    depth: fc.oneof(fc.integer({ min: 1, max: 80 }), fc.integer({ min: 500, max: 5000 })),
    check: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('dupe' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('fault' as const),
    step: fc.nat(),
    fault: fc.constantFrom('powerOff', 'partition', 'restore', 'explode'),
    node: fc.constantFrom('node-1', 'node-2', 'node-99', 'worker-1', 'control-plane', 'x', ''),
  }),
  { weight: 2, arbitrary: fc.constant({ kind: 'rename' as const }) },
);

/**
 * `depth` levels of `all` checks (what the schema recurses into) or of plain arrays, as JSON
 * text: built as text, since JSON.stringify itself runs out of stack on a value this deep.
 */
function nestedText(depth: number, check: boolean): string {
  return check
    ? `${'{"kind":"all","checks":['.repeat(depth)}{"kind":"noContainer","name":"web"}${']}'.repeat(depth)}`
    : `${'['.repeat(depth)}"x"${']'.repeat(depth)}`;
}

/** Stands for nested text in the value, until the value is written out (`lessonText`). */
const NEST = '\u0000nest:';
const nestMarker = (depth: number, check: boolean): string => `${NEST}${depth}:${check}`;

/** The lesson file's text: the value as JSON, with each nest marker written out. */
function lessonText(value: Json): string {
  const text = JSON.stringify(value) ?? 'null';
  return text.replace(/"\\u0000nest:(\d+):(true|false)"/g, (_, depth: string, check: string) =>
    nestedText(Number(depth), check === 'true'),
  );
}

function mutate(lesson: Json, mutations: readonly Mutation[], n: number): Json {
  let root = lesson;
  for (const m of mutations) {
    if (m.kind === 'rename') {
      if (root !== null && typeof root === 'object' && !Array.isArray(root))
        root['id'] = `fuzzed-${n}`;
      continue;
    }
    if (m.kind === 'fault') {
      // A demo fault on a machine, named or not, of the lesson's world or not.
      const steps = get(root, ['steps']);
      const step = Array.isArray(steps) ? steps[m.step % Math.max(1, steps.length)] : undefined;
      if (step && typeof step === 'object' && !Array.isArray(step)) {
        const run = Array.isArray(step['run']) ? step['run'] : [];
        step['run'] = [...run, { fault: m.fault, node: m.node }];
      }
      continue;
    }
    const paths = pathsOf(root);
    const path = paths[m.at % paths.length] ?? [];
    const parent = get(root, path.slice(0, -1));
    const key = path.at(-1);
    const replace = (value: Json) => {
      if (key === undefined) root = value;
      else if (parent !== null && typeof parent === 'object') setOwn(parent, key, value);
    };
    const here = get(root, path) ?? null;
    switch (m.kind) {
      case 'drop':
        if (key === undefined) root = null;
        else if (Array.isArray(parent)) parent.splice(Number(key), 1);
        else if (parent !== null && typeof parent === 'object') delete parent[String(key)];
        break;
      case 'retype':
        replace(m.value);
        break;
      case 'key':
        if (here !== null && typeof here === 'object' && !Array.isArray(here))
          setOwn(here, m.key, m.value);
        else replace({ [m.key]: m.value });
        break;
      case 'nest':
        replace(nestMarker(m.depth, m.check));
        break;
      case 'dupe':
        if (Array.isArray(parent)) parent.splice(Number(key), 0, structuredClone(here));
        else if (Array.isArray(here) && here.length > 0)
          here.push(structuredClone(here[0] ?? null));
        break;
    }
  }
  return root;
}

type TextMutation =
  | { kind: 'none' }
  | { kind: 'cut'; at: number }
  | { kind: 'junk'; at: number; junk: string }
  | { kind: 'bom' }
  | { kind: 'pad' };
const textMutation: fc.Arbitrary<TextMutation> = fc.oneof(
  { weight: 8, arbitrary: fc.constant({ kind: 'none' as const }) },
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('junk' as const),
    at: fc.nat(),
    junk: fc.oneof(
      fc.constantFrom(',', '}', '"', '\\', '\u0000', 'NaN', '/*', '\ud800'),
      fc.string({ unit: 'binary', maxLength: 4 }),
    ),
  }),
  fc.constant({ kind: 'bom' as const }),
  fc.constant({ kind: 'pad' as const }),
);

function mutateText(text: string, m: TextMutation): string {
  switch (m.kind) {
    case 'none':
      return text;
    case 'cut':
      return text.slice(0, m.at % (text.length + 1));
    case 'junk': {
      const at = m.at % (text.length + 1);
      return `${text.slice(0, at)}${m.junk}${text.slice(at)}`;
    }
    case 'bom':
      return `\ufeff${text}`;
    case 'pad':
      return `${text}${' '.repeat(LESSON_MAX_BYTES)}`;
  }
}

const lessonId = fc.oneof(
  { weight: 12, arbitrary: fc.constantFrom(...HOST_LESSONS.map((l) => l.id)) },
  { weight: 1, arbitrary: fc.constantFrom(...CLUSTER_LESSONS.map((l) => l.id)) },
);

const PROTOTYPE_NAMES = Object.getOwnPropertyNames(Object.prototype).sort();
/** `lesson "<id>": <where: the lesson, a field, a step and its field, setup>: <what>`. */
const NAMED_REASON =
  /^lesson "[^]{0,60}": (?:(?:the lesson|setup|step "[^]{0,60}"|step #\d+|[a-zA-Z]+)[^]*: \S|a built-in lesson has that id$)/;
const FIXED_REASONS = ['it is not JSON', 'the file is too large'];

let loads = 0;

/** Loads `text` as the app does, and checks what the learner would see. */
async function expectLoadedOrRefused(text: string): Promise<void> {
  loads++;
  const store = useLessonStore.getState();
  const result = await store.loadLesson(text);
  const notice = useNoticeStore.getState().notices.at(-1);
  if (result.ok) {
    expect(useLessonStore.getState().lessons.some((l) => l.id === result.id)).toBe(true);
    expect(
      LESSONS.some((l) => l.id === result.id),
      'a built-in id is never replaced',
    ).toBe(false);
    expect(notice?.kind).toBe('lessonLoaded');
  } else {
    const reason = result.reason;
    expect(
      FIXED_REASONS.includes(reason) || NAMED_REASON.test(reason),
      `a reason naming the lesson and where: ${JSON.stringify(reason.slice(0, 300))}`,
    ).toBe(true);
    expect(reason.length, 'a reason short enough to read').toBeLessThanOrEqual(1200);
    expect(reason).not.toContain('[object Object]');
    expect(notice).toEqual({ kind: 'lessonRefused', reason });
  }
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTOTYPE_NAMES);
  expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  expect(typeof ({} as { toString: unknown }).toString).toBe('function');
}

describe('random lesson files', () => {
  it('are accepted and listed, or refused with a short reason naming the lesson and field', async () => {
    await fc.assert(
      fc.asyncProperty(
        lessonId,
        fc.array(mutation, { minLength: 1, maxLength: 4 }),
        textMutation,
        async (id, mutations, textMutationOf) => {
          const json = mutate(lessonJson(id), mutations, loads);
          await expectLoadedOrRefused(mutateText(lessonText(json), textMutationOf));
        },
      ),
      { numRuns: 120, seed: 2001 },
    );
  });

  it('that are not lessons at all are refused the same way', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
          fc.string({ unit: 'binary', maxLength: 200 }),
          fc.constantFrom('', ' ', '\ufeff{}', '{"__proto__":{"polluted":true}}', '[]'),
        ),
        (text) => expectLoadedOrRefused(text),
      ),
      { numRuns: 150, seed: 2002 },
    );
  });
});

describe('lesson files with demo faults on machines that may not exist', () => {
  it('are accepted or refused, never thrown on, in every world', async () => {
    // One step of a real lesson of each world (rehearsing a whole cluster lesson is slow).
    const oneStep = (id: string): { id: string; steps: Json[] } & Record<string, Json> => {
      const lesson = lessonJson(id) as { id: string; steps: Json[] } & Record<string, Json>;
      return { ...lesson, steps: lesson.steps.slice(0, 1) };
    };
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('swarm', 'swarm', 'kubernetes', 'signals'),
        fc.array(
          fc.record({
            fault: fc.constantFrom('powerOff', 'partition', 'restore'),
            node: fc.constantFrom('node-2', 'node-99', 'worker-1', 'control-plane'),
          }),
          { minLength: 1, maxLength: 3 },
        ),
        async (id, faults) => {
          const lesson = oneStep(id);
          lesson.id = `faulty-${loads}`;
          const step = lesson.steps[0] as Record<string, Json>;
          step['run'] = [...(Array.isArray(step['run']) ? step['run'] : []), ...faults];
          await expectLoadedOrRefused(JSON.stringify(lesson));
        },
      ),
      { numRuns: 10, seed: 2003 },
    );
  });
});

describe('lesson files found by the fuzz', () => {
  const signals = lessonJson('signals') as { steps: { task: { check: Json } }[] };

  it('a check nested a thousand levels deep is refused, naming the step, not thrown on', async () => {
    // Found by the fuzz: zod's recursion overflowed the stack (RangeError out of loadLesson).
    const lesson = structuredClone(signals);
    const step = lesson.steps[0];
    if (step) step.task.check = nestMarker(1000, true);
    const result = await useLessonStore.getState().loadLesson(lessonText(lesson));
    expect(result).toEqual({
      ok: false,
      reason: 'lesson "signals": step "clean-stop".task.check: nested more than 64 levels deep',
    });
  });

  it('a Swarm lesson that powers off a machine it does not have is not thrown on', async () => {
    // Found by the fuzz: Cluster.apply threw "no machine node-99" out of the rehearsal.
    const swarm = lessonJson('swarm') as { id: string; steps: Record<string, Json>[] };
    const step = swarm.steps[0];
    if (step) step['run'] = [{ fault: 'powerOff', node: 'node-99' }];
    const lesson = { ...swarm, id: 'swarm-node-99', steps: swarm.steps.slice(0, 1) };
    expect((await useLessonStore.getState().loadLesson(JSON.stringify(lesson))).ok).toBe(true);
  });

  it('a key of 100 000 characters is quoted short in the reason', async () => {
    // Found by the fuzz: the schema's message quoted the unknown key in full.
    const result = await useLessonStore
      .getState()
      .loadLesson(JSON.stringify({ ...signals, ['k'.repeat(100_000)]: 1 }));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.reason).toMatch(/^lesson "signals": the lesson: Unrecognized key: "k+…$/);
      expect(result.reason.length).toBeLessThan(300);
    }
  });
});
