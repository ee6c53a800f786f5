/**
 * Fuzzing `docker build` end to end (`POST /build`, as the CLI sends it): mutations of real
 * Dockerfiles (moby/buildkit's parser test files in conformance/buildkit, the same files as
 * ../shared/data/dockerfiles), generated instruction sequences (bad flags, line continuations,
 * heredocs, escape and syntax directives, variables, JSON forms) and junk (empty, binary),
 * with random tags, build args and `.dockerignore`, several builds per host so the cache is
 * exercised. Each build answers: an image, tagged as asked, that a container can be created
 * and started from; or one error line in the docker CLI's style (never a JavaScript error,
 * `undefined` or `[object Object]`). The host stays sane after every build (the process-tree
 * and records invariants of src/sim/testing/invariants.ts, image parents and layers, tags on
 * one image each, the trace in time order), and replaying the input log gives the same trace.
 * The existing tests cover the parser alone (dockerfile.test.ts) and one Dockerfile mutated
 * (builder.test.ts); this one goes through the whole host. Seeds are fixed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { STATUS_TEXT, type ApiResponse } from '../api/types';
import { digestOf } from '../digest';
import { Simulation } from '../simulation';
import { checkHost } from '../testing/invariants';

const ROOT = path.resolve(__dirname, '../../../conformance/buildkit');
const dockerfilesIn = (dir: string): string[] =>
  readdirSync(path.join(ROOT, dir))
    .sort()
    .map((name) => readFileSync(path.join(ROOT, dir, name, 'Dockerfile'), 'utf8'));
const REAL = [
  ...dockerfilesIn('testfiles'),
  ...dockerfilesIn('testfiles-negative'),
  ...dockerfilesIn('extras/instructions-negative'),
];

const KNOWN_STATUSES = new Set(Object.keys(STATUS_TEXT).map(Number));
/** What a JavaScript failure leaks into text; docker never prints these. */
const LEAKS = [
  'undefined',
  '[object Object]',
  'NaN',
  'TypeError',
  'RangeError',
  'is not a function',
  'Cannot read prop',
];

/** No leak in `text` but what the build itself said (a Dockerfile may well say `NaN`). */
function expectNoLeak(text: string, b: Build, say: (what: string) => string): void {
  const given = JSON.stringify(b);
  for (const leak of LEAKS)
    if (!given.includes(leak))
      expect(
        text.includes(leak),
        say(`no "${leak}" in ${JSON.stringify(text.slice(0, 300))}`),
      ).toBe(false);
}

// ---------------------------------------------------------------------------------------------
// Dockerfiles
// ---------------------------------------------------------------------------------------------

const BASES = ['alpine', 'alpine:3.20', 'nginx', 'node:20-alpine', 'busybox', 'scratch', 'nope:1'];
const KEYWORDS = [
  'FROM',
  'RUN',
  'CMD',
  'LABEL',
  'EXPOSE',
  'ENV',
  'ADD',
  'COPY',
  'ENTRYPOINT',
  'VOLUME',
  'USER',
  'WORKDIR',
  'ARG',
  'ONBUILD',
  'STOPSIGNAL',
  'HEALTHCHECK',
  'SHELL',
  'MAINTAINER',
  'run',
  'copy',
  'FOO',
];
const FLAGS = [
  '--from=build',
  '--from=0',
  '--from=nginx',
  '--from=',
  '--chown=1000:1000',
  '--chmod=755',
  '--link',
  '--platform=linux/amd64',
  '--mount=type=cache,target=/root/.cache',
  '--network=none',
  '--interval=5s',
  '--retries=x',
  '--bogus',
  '--from',
  '-f',
];
const WORDS = [
  'echo hi',
  'apk add --no-cache curl',
  'app.js',
  '.',
  '/app',
  'dir/',
  'dir/*.txt',
  'missing.txt',
  '$HOME',
  '${NAME:-default}',
  '${NAME:?needed}',
  '${',
  '$((1+1))',
  'A=1 B="two words"',
  'A',
  '=',
  '["node", "app.js"]',
  '["unterminated',
  "['single']",
  '[]',
  '80/tcp 443',
  '99999',
  'SIGKILL',
  'SIGNOPE',
  'CMD curl -f http://localhost/',
  'NONE',
  'root',
  '<<EOF',
  '<<-EOT',
  "<<'EOF'",
  'AS build',
  'as Build',
  '\\',
  '`',
  '"',
  '🐳',
  '\u0000',
  '\t',
];

/** A well-formed instruction (what builds get far with), its values sometimes odd. */
const sane: fc.Arbitrary<string> = fc.constantFrom(
  'RUN echo hi > /hello',
  'RUN apk add --no-cache curl',
  'RUN ["sh", "-c", "exit 0"]',
  'RUN false',
  'CMD ["sleep", "3600"]',
  'CMD echo hi',
  'CMD ["nope"]',
  'CMD []',
  'ENTRYPOINT ["top", "-b"]',
  'ENTRYPOINT ["/does/not/exist"]',
  'ENV A=1 B="two words"',
  'ENV PATH=/nowhere',
  'LABEL a=b',
  'EXPOSE 80 443/udp',
  'EXPOSE 99999',
  'WORKDIR /app',
  'WORKDIR relative',
  'USER root',
  'USER 1000:1000',
  'USER nobody-here',
  'ARG NAME=value',
  'ARG NAME',
  'COPY app.js /app/',
  'COPY dir /d',
  'COPY dir/*.txt /t/',
  'COPY missing.txt /',
  'COPY --from=0 /hello /copied',
  'COPY --from=build /hello /copied',
  'ADD app.js /',
  'VOLUME /data',
  'VOLUME ["/a", "/b"]',
  'STOPSIGNAL SIGTERM',
  'STOPSIGNAL SIGKILL',
  'STOPSIGNAL 9',
  'STOPSIGNAL SIGNOPE',
  'STOPSIGNAL 999',
  'HEALTHCHECK CMD true',
  'HEALTHCHECK --interval=1s --retries=2 CMD false',
  'HEALTHCHECK NONE',
  'SHELL ["/bin/sh", "-c"]',
  'SHELL ["/bin/nope"]',
  'ONBUILD RUN echo later',
  'FROM alpine AS build',
  'FROM build',
  'FROM nginx',
  'RUN <<EOF\necho one\necho two\nEOF',
  'COPY <<EOF /greeting\nhello\nEOF',
  'RUN echo a \\\n  && echo b',
);

/** One chaotic line: a keyword, flags, words; or directives, comments, heredoc ends. */
const chaotic: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .tuple(
        fc.constantFrom(...KEYWORDS),
        fc.array(fc.constantFrom(...FLAGS), { maxLength: 2 }),
        fc.array(fc.constantFrom(...WORDS), { minLength: 0, maxLength: 3 }),
        fc.constantFrom('', '', '', ' \\', '\\', ' `'),
      )
      .map(([k, flags, words, end]) => [k, ...flags, ...words].join(' ') + end),
  },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '# escape=`',
      '# escape=\\',
      '# escape=x',
      '# syntax=docker/dockerfile:1',
      '# comment',
      '',
      '  ',
      'EOF',
      'EOT',
      '\tEOT',
      'echo inside a heredoc',
      '  && echo continued',
    ),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
);

const line = fc.oneof({ weight: 3, arbitrary: sane }, { weight: 1, arbitrary: chaotic });

/** A generated Dockerfile: mostly starting FROM a known image, so builds get far. */
const generated = fc
  .tuple(
    fc.option(fc.constantFrom(...BASES), { freq: 6, nil: null }),
    fc.oneof(
      { weight: 2, arbitrary: fc.array(sane, { maxLength: 10 }) },
      { weight: 1, arbitrary: fc.array(line, { maxLength: 14 }) },
    ),
  )
  .map(([base, lines]) => [...(base ? [`FROM ${base}`] : []), ...lines].join('\n'));

type Edit =
  | { kind: 'drop'; at: number }
  | { kind: 'dup'; at: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'garble'; at: number; col: number; text: string }
  | { kind: 'cut'; at: number };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constantFrom('drop' as const, 'dup' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: line }),
  fc.record({
    kind: fc.constant('garble' as const),
    at: fc.nat(),
    col: fc.nat(),
    text: fc.constantFrom('\\', '`', '"', '[', ']', '<<EOF', '$', '${', '--from=', ' ', '\r', '#'),
  }),
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
);

function applyEdits(source: string, edits: readonly Edit[]): string {
  const lines = source.split('\n');
  for (const e of edits) {
    const i = lines.length === 0 ? 0 : e.at % lines.length;
    switch (e.kind) {
      case 'drop':
        lines.splice(i, 1);
        break;
      case 'dup':
        lines.splice(i, 0, lines[i] ?? '');
        break;
      case 'insert':
        lines.splice(i, 0, e.text);
        break;
      case 'cut':
        lines.splice(i);
        break;
      case 'garble': {
        const l = lines[i] ?? '';
        const col = e.col % (l.length + 1);
        lines[i] = `${l.slice(0, col)}${e.text}${l.slice(col)}`;
        break;
      }
    }
  }
  return lines.join('\n');
}

const mutatedReal = fc
  .tuple(fc.nat(REAL.length - 1), fc.array(edit, { maxLength: 4 }))
  .map(([i, edits]) => applyEdits(REAL[i] ?? '', edits));

const dockerfile = fc.oneof(
  { weight: 4, arbitrary: mutatedReal },
  { weight: 5, arbitrary: generated },
  {
    weight: 1,
    arbitrary: fc.oneof(
      fc.constantFrom('', '\n\n', '\ufeffFROM alpine', 'FROM alpine\r\nRUN echo hi\r\n'),
      fc.string({ unit: 'binary', maxLength: 200 }),
    ),
  },
);

/** A build as the CLI would send it, with its context. */
const build = fc.record({
  dockerfile,
  dockerfileName: fc.constantFrom('Dockerfile', 'Dockerfile', 'Dockerfile', 'other.Dockerfile'),
  tags: fc.array(fc.constantFrom('fz', 'fz:v1', 'Fz', 'a:b:c', '', 'nginx', 'x/y:1.0'), {
    maxLength: 2,
  }),
  noCache: fc.boolean(),
  // Mostly none: a build-arg or a .dockerignore now and then.
  buildArgs: fc.oneof(
    { weight: 5, arbitrary: fc.constant(null) },
    {
      weight: 1,
      arbitrary: fc.constantFrom('{"NAME":"n"}', '{"HOME":1}', '{', 'null', '[]', '{"":""}'),
    },
  ),
  ignore: fc.oneof(
    { weight: 3, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: fc.constantFrom('*.txt', 'dir', '!dir/keep.txt\ndir', '**', '#x') },
  ),
});
type Build = typeof build extends fc.Arbitrary<infer T> ? T : never;

// ---------------------------------------------------------------------------------------------
// Playing builds, and what a user would see
// ---------------------------------------------------------------------------------------------

interface StreamLine {
  readonly stream?: unknown;
  readonly status?: unknown;
  readonly aux?: { readonly ID?: unknown };
  readonly error?: unknown;
  readonly errorDetail?: { readonly message?: unknown };
}

function send(sim: Simulation, b: Build): ApiResponse {
  const q = [
    `dockerfile=${encodeURIComponent(b.dockerfileName)}`,
    ...b.tags.map((t) => `t=${encodeURIComponent(t)}`),
    b.noCache ? 'nocache=1' : '',
    b.buildArgs === null ? '' : `buildargs=${encodeURIComponent(b.buildArgs)}`,
  ].filter(Boolean);
  const context: Record<string, string> = {
    [b.dockerfileName]: b.dockerfile,
    'app.js': 'console.log("hi")',
    'dir/a.txt': 'a',
    'dir/keep.txt': 'keep',
  };
  if (b.ignore !== null) context['.dockerignore'] = b.ignore;
  return sim.request({
    method: 'POST',
    path: `/v1.51/build?${q.join('&')}`,
    body: { context },
  });
}

/** The error's line and what it says: one line, docker's words, nothing JavaScript leaked. */
function expectDockerError(message: string, b: Build, say: (what: string) => string): void {
  expect(message, say('an error says something')).not.toBe('');
  expect(message, say('an error is one line')).not.toContain('\n');
  expectNoLeak(message, b, say);
  const parse = /^dockerfile parse error on line (\d+): \S/.exec(message);
  if (parse) {
    const lines = b.dockerfile.split('\n').length;
    const n = Number(parse[1]);
    expect(n >= 1 && n <= lines + 1, say(`line ${n} is in the file (${lines} lines)`)).toBe(true);
  }
}

/** `docker run -d IMAGE`, then `docker stop` and `docker rm`: answers, never a crash. */
function runBuiltImage(sim: Simulation, id: string, b: Build, say: (what: string) => string): void {
  const answered = (r: ApiResponse, what: string) => {
    expect(KNOWN_STATUSES.has(r.status), say(`${what}: status ${r.status}`)).toBe(true);
    if (r.status >= 400) {
      const message = (r.body as { message?: unknown } | undefined)?.message;
      expect(typeof message, say(`${what}: an error has a message`)).toBe('string');
      expectNoLeak(String(message), b, (x) => say(`${what}: ${x}`));
    }
  };
  const created = sim.request({
    method: 'POST',
    path: '/v1.51/containers/create',
    body: { Image: id, HostConfig: {} },
  });
  answered(created, 'create');
  if (created.status !== 201) return;
  const cid = (created.body as { Id: string }).Id;
  answered(sim.request({ method: 'POST', path: `/v1.51/containers/${cid}/start` }), 'start');
  sim.advance(500);
  answered(sim.request({ method: 'POST', path: `/v1.51/containers/${cid}/stop?t=1` }), 'stop');
  answered(sim.request({ method: 'DELETE', path: `/v1.51/containers/${cid}?force=1` }), 'rm');
}

/** Images: parents exist and their layers come first; a tag names one image. */
function expectSaneImages(sim: Simulation, say: (what: string) => string): void {
  const images = sim.world.images;
  const tags = Object.values(images).flatMap((i) => i.repoTags);
  expect(new Set(tags).size, say(`each tag on one image: ${tags.join(',')}`)).toBe(tags.length);
  for (const image of Object.values(images)) {
    if (image.parent === undefined) continue;
    const parent = images[image.parent];
    if (!parent) continue; // A parent may have been untagged and pruned; the child keeps its layers.
    expect(
      image.layers.slice(0, parent.layers.length),
      say(`${image.id.slice(7, 19)} starts with its parent's layers`),
    ).toEqual(parent.layers);
  }
}

function playBuild(sim: Simulation, b: Build, i: number): void {
  const say = (what: string) =>
    `build ${i + 1} (${JSON.stringify(b.dockerfile.slice(0, 120))}): ${what}`;
  const response = send(sim, b);
  expect(KNOWN_STATUSES.has(response.status), say(`status ${response.status}`)).toBe(true);
  if (response.status !== 200) {
    const message = (response.body as { message?: unknown } | undefined)?.message;
    expect(typeof message, say('a refused build has a message')).toBe('string');
    expectDockerError(String(message), b, say);
    return;
  }
  const lines = (response.stream ?? []) as StreamLine[];
  const text = lines.map((l) => (typeof l.stream === 'string' ? l.stream : '')).join('');
  expectNoLeak(text, b, say);
  const errors = lines.filter((l) => l.error !== undefined);
  const aux = lines.find((l) => l.aux !== undefined)?.aux?.ID;
  if (errors.length > 0) {
    expect(errors, say('one error, the last line')).toEqual([lines.at(-1)]);
    expect(aux, say('a failed build makes no image')).toBeUndefined();
    const error = errors[0];
    expect(typeof error?.error, say('the error is text')).toBe('string');
    expect(error?.errorDetail?.message, say('the error detail says the same')).toBe(error?.error);
    expectDockerError(String(error?.error), b, say);
    return;
  }
  expect(typeof aux, say('a build without error names its image')).toBe('string');
  const id = String(aux);
  const image = sim.world.images[id];
  expect(image, say('the image is there')).toBeDefined();
  expect(text, say('says it was built')).toContain(`Successfully built ${id.slice(7, 19)}\n`);
  for (const tag of b.tags) {
    const full = tag.includes(':') ? tag : `${tag}:latest`;
    expect(image?.repoTags, say(`tagged ${full}`)).toContain(full);
  }
  runBuiltImage(sim, id, b, say);
}

function session(seed: number, builds: readonly Build[]): Simulation {
  const sim = new Simulation({ seed: `dockerfile-fuzz-${seed}`, era: 'modern' });
  for (const [i, b] of builds.entries()) {
    playBuild(sim, b, i);
    const say = (what: string) => `after build ${i + 1}: ${what}`;
    checkHost(sim.world, say);
    expectSaneImages(sim, say);
  }
  const backwards = sim.trace.findIndex((e, i) => i > 0 && e.t < (sim.trace[i - 1]?.t ?? 0));
  expect(backwards, 'trace entries are in time order').toBe(-1);
  return sim;
}

describe('random Dockerfiles through docker build', () => {
  it('build an image a container runs from, or fail with one docker-style error; the host stays sane', () => {
    fc.assert(
      fc.property(
        fc.nat(1000),
        fc.array(build, { minLength: 1, maxLength: 3 }),
        (seed, builds) => void session(seed, builds),
      ),
      { numRuns: 80, seed: 3001 },
    );
  });

  it('replay from the input log to the same trace', () => {
    fc.assert(
      fc.property(fc.nat(1000), fc.array(build, { minLength: 1, maxLength: 3 }), (seed, builds) => {
        const sim = session(seed, builds);
        const again = Simulation.replay(sim.options, sim.log);
        expect(digestOf(JSON.stringify(again.trace))).toBe(digestOf(JSON.stringify(sim.trace)));
      }),
      { numRuns: 15, seed: 3002 },
    );
  });
});
