/**
 * Dependencies point one way: machines <- sim <- cli <- scenarios <- store <- components <- app.
 * A file may import from its own floor and the floors below it, never from above. i18n is a
 * service floor used by the views. This test fails on the first import that runs back up.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(__dirname);
const FLOORS = [
  'machines',
  'sim',
  'cli',
  'scenarios',
  'store',
  'i18n',
  'components',
  'app',
] as const;
type Floor = (typeof FLOORS)[number];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

function floorOf(path: string): Floor | null {
  const top = relative(SRC, path).split(/[\\/]/)[0];
  return (FLOORS as readonly string[]).includes(top ?? '') ? (top as Floor) : null;
}

function importsOf(path: string): string[] {
  const text = readFileSync(path, 'utf8');
  const found = [
    ...text.matchAll(
      /(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g,
    ),
  ];
  return found.map((m) => m[1] ?? m[2] ?? '').filter((spec) => spec.startsWith('.'));
}

describe('architecture', () => {
  const all = files(SRC).filter((f) => !f.endsWith('architecture.test.ts'));

  it('has no import that runs up a floor', () => {
    const wrong: string[] = [];
    for (const file of all) {
      const from = floorOf(file);
      if (!from) continue;
      for (const spec of importsOf(file)) {
        const to = floorOf(resolve(dirname(file), spec));
        if (to && FLOORS.indexOf(to) > FLOORS.indexOf(from))
          wrong.push(`${relative(SRC, file)} imports ${spec} (${from} -> ${to})`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('keeps the lifecycle machines free of any import of ours', () => {
    const machines = all.filter((f) => floorOf(f) === 'machines' && !f.endsWith('.test.ts'));
    expect(machines.length).toBeGreaterThan(0);
    const wrong = machines.flatMap((f) =>
      importsOf(f)
        .filter((spec) => spec.startsWith('..'))
        .map((spec) => `${relative(SRC, f)} imports ${spec}`),
    );
    expect(wrong).toEqual([]);
  });

  it('uses the simulation test driver only from tests and scripts', () => {
    const wrong = all
      .filter(
        (f) => !/\.test\.tsx?$/.test(f) && !relative(SRC, f).startsWith(join('sim', 'testing')),
      )
      .filter((f) =>
        importsOf(f).some((spec) => resolve(dirname(f), spec).includes(join('sim', 'testing'))),
      )
      .map((f) => relative(SRC, f));
    expect(wrong).toEqual([]);
  });

  it('keeps src/sim free of wall-clock time, randomness, timers and the DOM', () => {
    const impure =
      /\b(Date\.now|Math\.random|setTimeout|setInterval|requestAnimationFrame|performance\.now|document\.|window\.|localStorage)\b|new Date\(\)/;
    const wrong = all
      .filter((f) => (floorOf(f) === 'sim' || floorOf(f) === 'machines') && !f.endsWith('.test.ts'))
      .filter((f) => impure.test(readFileSync(f, 'utf8')))
      .map((f) => relative(SRC, f));
    expect(wrong).toEqual([]);
  });
});
