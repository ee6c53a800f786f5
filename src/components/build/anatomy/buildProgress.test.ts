/**
 * The build steps a student sees while scrubbing through `docker build`: steps appear one by
 * one with their outcome, the step under way shows as running, and a failed build names the
 * failing step and its Dockerfile line.
 */
import { describe, expect, it } from 'vitest';
import { buildProgress, type BuildProgress } from './buildProgress';
import { newestBuild } from './imageChoice';
import { BUILD, EDIT, seqOf, session } from './testing';
import type { ShellHarness } from '../../../cli/shell/testing';

function progressAt(h: ShellHarness, cursor: number): BuildProgress {
  const world = h.sim.worldAt(cursor);
  const build = newestBuild(world);
  if (!build) throw new Error('no build');
  return buildProgress(world, h.sim.trace, cursor, build);
}

function said(p: BuildProgress): string[] {
  return p.steps.map((s) => `${s.n}/${p.total ?? '?'} ${s.instruction}: ${s.outcome}`);
}

describe('buildProgress', () => {
  it('shows the finished steps and the one under way while the build runs', () => {
    const h = session([BUILD]);
    const cursor = seqOf(h, (label) => label === 'Step 4/7 : RUN');
    const p = progressAt(h, cursor);
    expect(p.state).toBe('running');
    expect(said(p)).toEqual([
      '1/7 FROM node:20-alpine: base',
      '2/7 WORKDIR /app: config',
      '3/7 COPY package.json .: layer',
      '4/7 RUN: running',
    ]);
    expect(p.steps[2]?.size).toBe(64);
  });

  it('after a rebuild with app.js changed: cache up to the RUN, new layers after', () => {
    const h = session([BUILD, EDIT, BUILD]);
    const p = progressAt(h, h.sim.trace.length - 1);
    expect(p.state).toBe('done');
    expect(said(p)).toEqual([
      '1/7 FROM node:20-alpine: base',
      '2/7 WORKDIR /app: cached',
      '3/7 COPY package.json .: cached',
      '4/7 RUN npm install: cached',
      '5/7 COPY app.js index.html ./: layer',
      '6/7 EXPOSE 3000: config',
      '7/7 CMD ["node", "app.js"]: config',
    ]);
  });

  it('names the failing step and its Dockerfile line', () => {
    const h = session(
      [
        `echo 'FROM node:20-alpine' > /root/app/Dockerfile`,
        `echo 'WORKDIR /app' >> /root/app/Dockerfile`,
        `echo 'COPY missing.txt .' >> /root/app/Dockerfile`,
        BUILD,
      ],
      true,
    );
    const p = progressAt(h, h.sim.trace.length - 1);
    expect(p.state).toBe('failed');
    expect(said(p).at(-1)).toBe('3/3 COPY: failed');
    expect(p.steps.at(-1)?.line).toBe(3);
    expect(p.build.error?.message).toContain('missing.txt');
  });

  it('knows the step count from the start, before any step has run', () => {
    const h = session([BUILD]);
    const p = progressAt(
      h,
      seqOf(h, (_, op) => op === 'build.start'),
    );
    expect(p.state).toBe('running');
    expect(p.steps).toEqual([]);
    expect(p.total).toBe(p.build.total);
    expect(p.total).toBeGreaterThan(1);
  });
});
