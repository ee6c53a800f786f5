/**
 * The classic builder through `POST /build`: the steps and lines it prints, layers only for
 * RUN/COPY/ADD, the cache (hits up to the first change, misses after), multi-stage builds,
 * `.dockerignore`, and errors that stop a build before it starts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Simulation } from '../simulation';

const APP = {
  Dockerfile: [
    'FROM node:20-alpine',
    'WORKDIR /app',
    'COPY package.json .',
    'RUN npm install',
    'COPY app.js .',
    'ENV PORT=3000',
    'EXPOSE $PORT',
    'CMD ["node", "app.js"]',
  ].join('\n'),
  'package.json': '{"name":"demo"}',
  'app.js': 'console.log("hello")',
};

function build(sim: Simulation, context: Record<string, string>, query = '?t=demo') {
  const response = sim.request({ method: 'POST', path: `/v1.51/build${query}`, body: { context } });
  const lines = (response.stream ?? []) as Record<string, unknown>[];
  return {
    response,
    text: lines.map((l) => (typeof l['stream'] === 'string' ? l['stream'] : '')).join(''),
    error: lines.find((l) => l['error'])?.['error'] as string | undefined,
    id: (lines.find((l) => l['aux']) as { aux?: { ID: string } } | undefined)?.aux?.ID,
  };
}

describe('docker build (classic builder)', () => {
  it('prints each step, adds layers only for RUN and COPY, tags the result', () => {
    const sim = new Simulation({ seed: 'build', era: 'modern' });
    const b = build(sim, APP);
    expect(b.error).toBeUndefined();
    expect(b.text).toMatch(
      /^Step 1\/8 : FROM node:20-alpine\n ---> [0-9a-f]{12}\nStep 2\/8 : WORKDIR \/app\n ---> [0-9a-f]{12}\n/,
    );
    expect(b.text).toContain('Step 4/8 : RUN npm install\n ---> Running in ');
    expect(b.text).toMatch(/Successfully built [0-9a-f]{12}\nSuccessfully tagged demo:latest\n$/);
    const image = sim.world.images[b.id ?? ''];
    const base = Object.values(sim.world.images).find((i) => i.repoTags.includes('node:20-alpine'));
    expect(image?.layers.length).toBe((base?.layers.length ?? 0) + 3);
    expect(image?.config).toMatchObject({
      cmd: ['node', 'app.js'],
      env: expect.arrayContaining(['PORT=3000']),
      exposedPorts: ['3000/tcp'],
      workingDir: '/app',
    });
    expect(image?.repoTags).toEqual(['demo:latest']);
  });

  it('rebuilds from cache; a changed app file misses from its COPY on', () => {
    const sim = new Simulation({ seed: 'build', era: 'modern' });
    const first = build(sim, APP);
    const again = build(sim, APP);
    expect(again.id).toBe(first.id);
    expect(again.text.match(/Using cache/g)).toHaveLength(7);
    const changed = build(sim, { ...APP, 'app.js': 'console.log("hello, world")' });
    expect(changed.id).not.toBe(first.id);
    const steps = changed.text.split(/(?=Step \d)/);
    expect(steps.slice(1, 4).every((s) => s.includes('Using cache'))).toBe(true);
    expect(steps.slice(4).some((s) => s.includes('Using cache'))).toBe(false);
    const fresh = build(sim, APP, '?t=demo&nocache=1');
    expect(fresh.text).not.toContain('Using cache');
  });

  it('multi-stage: only the last stage ships, COPY --from reads the earlier one', () => {
    const sim = new Simulation({ seed: 'build', era: 'modern' });
    const b = build(sim, {
      Dockerfile:
        'FROM alpine AS build\nRUN echo compiled > /out\nFROM nginx\nCOPY --from=build /out /usr/share/nginx/html/\n',
    });
    expect(b.error).toBeUndefined();
    const image = sim.world.images[b.id ?? ''];
    const nginx = Object.values(sim.world.images).find((i) => i.repoTags.includes('nginx:latest'));
    expect(image?.layers.slice(0, -1)).toEqual(nginx?.layers);
    expect(b.text).toContain('Step 2/4 : RUN echo compiled > /out\n ---> Running in ');
  });

  it('.dockerignore keeps files out of the context, so COPY cannot find them', () => {
    const sim = new Simulation({ seed: 'build', era: 'modern' });
    const b = build(sim, {
      Dockerfile: 'FROM alpine\nCOPY secret.txt /\n',
      'secret.txt': 'x',
      '.dockerignore': 'secret.txt\n',
    });
    expect(b.error).toBe(
      'COPY failed: file not found in build context or excluded by .dockerignore: stat secret.txt: file does not exist',
    );
  });

  it('a broken Dockerfile stops the build before any step, naming the line', () => {
    const sim = new Simulation({ seed: 'build', era: 'modern' });
    const images = Object.keys(sim.world.images).length;
    const b = build(sim, { Dockerfile: 'FROM alpine\nCOPY onlyone\n' });
    expect(b.error).toBe(
      'dockerfile parse error on line 2: COPY requires at least two arguments, but only one was provided. Destination could not be determined',
    );
    expect(b.text).toBe('');
    expect(Object.keys(sim.world.images)).toHaveLength(images);
  });

  it('an empty Dockerfile is refused by name; one of blank lines has no instructions', () => {
    const sim = new Simulation({ seed: 'build', era: 'modern' });
    expect(build(sim, { Dockerfile: '' }).error).toBe(
      'the Dockerfile (Dockerfile) cannot be empty',
    );
    expect(build(sim, { Dockerfile: '\n\n' }).error).toBe(
      'dockerfile parse error on line 1: file with no instructions',
    );
  });

  it('replays to the same trace', () => {
    const sim = new Simulation({ seed: 'build', era: 'modern' });
    build(sim, APP);
    const replayed = Simulation.replay(sim.options, sim.log);
    expect(replayed.trace).toEqual(sim.trace);
  });
});

describe('what the build view reads: the build record and the files in COPY layers', () => {
  it('records each step with its line, whether it came from cache, and the layer it added', () => {
    const sim = new Simulation({ seed: 'record', era: 'modern' });
    build(sim, APP);
    build(sim, { ...APP, 'app.js': 'console.log("changed")' });
    const [first, second] = sim.world.builds;
    // FROM names the base image: nothing is built, so nothing comes from the cache.
    expect(first?.steps.map((s) => s.cached)).toEqual(Array<boolean>(8).fill(false));
    expect(second?.steps.map((s) => [s.n, s.line, s.cached, s.layer !== null])).toEqual([
      [1, 1, false, false],
      [2, 2, true, false],
      [3, 3, true, true],
      [4, 4, true, true],
      [5, 5, false, true],
      [6, 6, false, false],
      [7, 7, false, false],
      [8, 8, false, false],
    ]);
    expect(second?.imageId).toBe(second?.steps.at(-1)?.imageId);
    expect(second?.error).toBeNull();
  });

  it('a refused Dockerfile records its error with the line, and no step', () => {
    const sim = new Simulation({ seed: 'record-error', era: 'modern' });
    build(sim, { Dockerfile: 'FROM alpine\nRUNN true\n' });
    expect(sim.world.builds.at(-1)).toMatchObject({
      steps: [],
      imageId: null,
      error: { line: 2, message: 'dockerfile parse error on line 2: unknown instruction: RUNN' },
    });
  });

  it('COPY puts the context files under WORKDIR, and COPY --from takes them from a stage', () => {
    const sim = new Simulation({ seed: 'files', era: 'modern' });
    const b = build(sim, {
      Dockerfile: [
        'FROM node:20-alpine AS build',
        'WORKDIR /src',
        'COPY . .',
        'FROM nginx',
        'COPY --from=build /src/site/ /usr/share/nginx/html/',
      ].join('\n'),
      'site/index.html': '<h1>hi</h1>',
      'notes.txt': 'n',
    });
    expect(b.error).toBeUndefined();
    const copied = Object.values(sim.world.layers).flatMap((l) => l.files ?? []);
    expect(copied.map((f) => f.path)).toEqual(
      expect.arrayContaining(['/src/site/index.html', '/src/notes.txt', '/src/Dockerfile']),
    );
    const image = sim.world.images[b.id ?? ''];
    const top = sim.world.layers[image?.layers.at(-1) ?? ''];
    expect(top?.files).toEqual([
      { path: '/usr/share/nginx/html/index.html', size: 11, content: '<h1>hi</h1>' },
    ]);
  });
});

describe('random and mutated Dockerfiles through the whole build', () => {
  const lines = APP.Dockerfile.split('\n');
  const mutation = fc.oneof(
    fc.record({ kind: fc.constant('drop' as const), at: fc.nat() }),
    fc.record({ kind: fc.constant('dup' as const), at: fc.nat() }),
    fc.record({ kind: fc.constant('swap' as const), at: fc.nat(), to: fc.nat() }),
    fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.string() }),
    fc.record({
      kind: fc.constant('garble' as const),
      at: fc.nat(),
      char: fc.constantFrom('\\', '"', '[', '<<EOF', '$', '--from=', ' ', '#'),
    }),
  );

  type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

  function mutate(source: readonly string[], steps: readonly Mutation[]): string {
    const out = [...source];
    for (const m of steps) {
      const i = out.length === 0 ? 0 : m.at % out.length;
      if (m.kind === 'drop') out.splice(i, 1);
      else if (m.kind === 'dup') out.splice(i, 0, out[i] ?? '');
      else if (m.kind === 'swap') {
        const j = out.length === 0 ? 0 : m.to % out.length;
        [out[i], out[j]] = [out[j] ?? '', out[i] ?? ''];
      } else if (m.kind === 'insert') out.splice(i, 0, m.text);
      else out[i] = `${(out[i] ?? '').slice(0, 5)}${m.char}${(out[i] ?? '').slice(5)}`;
    }
    return out.join('\n');
  }

  it('never throws: each gets an image, or an error the build reports', () => {
    const sim = new Simulation({ seed: 'fuzz-build', era: 'modern' });
    fc.assert(
      fc.property(fc.array(mutation, { maxLength: 6 }), (steps) => {
        const b = build(sim, { ...APP, Dockerfile: mutate(lines, steps) });
        if (b.error === undefined) expect(sim.world.images[b.id ?? '']).toBeDefined();
        else expect(b.error).not.toBe('');
        expect(sim.world.builds.at(-1)?.finishedAt).not.toBeNull();
      }),
      { numRuns: 150 },
    );
  });
});
