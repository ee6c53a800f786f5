/**
 * The layer stack a student sees for the demo app after `docker build`, and after a rebuild
 * with app.js changed: the base image's rows, then the instructions as the Dockerfile says
 * them, config-only steps between the layers, the cache, and which images share a layer.
 * The base image's own content is the catalogue's, so it is compared with node:20-alpine's
 * own stack rather than spelled out here.
 */
import { describe, expect, it } from 'vitest';
import type { World } from '../../../sim/types';
import { imageLabel, listedImages } from './imageChoice';
import { layerRows, shortInstruction, stackRows, type StackRow } from './stackRows';
import { BUILD, EDIT, session, tagged } from './testing';

/** One line per row, base first: what the stack says, in words. */
function lines(rows: readonly StackRow[]): string[] {
  return rows.map((r) => {
    const what = `${r.instruction ?? '?'}${r.kind === 'config' ? ' (config)' : ''}`;
    const cache = r.cached === null ? '' : r.cached ? ' [cached]' : ' [new]';
    return `${what}${cache}${r.base ? ` <${r.base}>` : ''}`;
  });
}

/** The app's rows above the base image's, and the base's rows as the app shows them. */
function split(world: World) {
  const node = tagged(world, 'node:20-alpine');
  const base = stackRows(world, node.id).length;
  const rows = stackRows(world, tagged(world, 'app:latest').id);
  return { node, below: rows.slice(0, base), own: rows.slice(base) };
}

describe('stackRows', () => {
  it('shows the first build: the base image’s rows, then each step as written, all new', () => {
    const world = session([BUILD]).sim.world;
    const { node, below, own } = split(world);
    expect(lines(own)).toEqual([
      'WORKDIR /app (config) [new]',
      'COPY package.json . [new]',
      'RUN npm install [new]',
      'COPY app.js index.html ./ [new]',
      'EXPOSE 3000 (config) [new]',
      'CMD ["node", "app.js"] (config) [new]',
    ]);
    // The base's rows read as they do for node:20-alpine itself, marked as the base's.
    expect(lines(below)).toEqual(
      lines(stackRows(world, node.id)).map((line) => `${line} <node:20-alpine>`),
    );
  });

  it('after app.js changed, the steps before its COPY come from the cache and the rest are new', () => {
    const { own } = split(session([BUILD, EDIT, BUILD]).sim.world);
    expect(lines(own)).toEqual([
      'WORKDIR /app (config) [cached]',
      'COPY package.json . [cached]',
      'RUN npm install [cached]',
      'COPY app.js index.html ./ [new]',
      'EXPOSE 3000 (config) [new]',
      'CMD ["node", "app.js"] (config) [new]',
    ]);
  });

  it('numbers layers base first, with sizes, digests and the files a COPY added', () => {
    const h = session([BUILD]);
    const app = tagged(h.sim.world, 'app:latest');
    const layers = layerRows(stackRows(h.sim.world, app.id));
    expect(layers.map((l) => l.position)).toEqual(app.layers.map((_, i) => i + 1));
    expect(layers.map((l) => l.digest)).toEqual(app.layers);
    const copy = layers.at(-1);
    expect(copy?.instruction).toBe('COPY app.js index.html ./');
    expect(copy?.line).toBe(5);
    expect(copy?.files?.map((f) => f.path)).toEqual(['/app/app.js', '/app/index.html']);
    expect(copy?.size).toBe(h.sim.world.layers[app.layers.at(-1) ?? '']?.size);
    expect(layers.at(-2)?.files).toBeNull();
  });

  it('names the images that share a layer: the base, and the old image left dangling', () => {
    const world = session([BUILD, EDIT, BUILD]).sim.world;
    const layers = layerRows(stackRows(world, tagged(world, 'app:latest').id));
    // The image app:latest named before the rebuild: untagged now, and still holding its layers.
    const dangling = listedImages(world)
      .filter((i) => i.repoTags.length === 0)
      .map(imageLabel);
    expect(dangling).toHaveLength(1);
    const [old] = dangling;
    expect(layers[0]?.sharedWith).toEqual(['node:20-alpine', old]);
    expect(layers.at(-2)?.sharedWith).toEqual([old]);
    expect(layers.at(-1)?.sharedWith).toEqual([]);
  });

  it('shows a pulled image from its recorded history, as docker history does', () => {
    const world = session(['docker pull node:20-alpine']).sim.world;
    const node = tagged(world, 'node:20-alpine');
    const rows = stackRows(world, node.id);
    expect(layerRows(rows)).toHaveLength(node.layers.length);
    expect(rows.at(-1)).toMatchObject({ kind: 'config', instruction: 'CMD ["node"]' });
    expect(rows.every((r) => r.instruction && !r.instruction.includes('# buildkit'))).toBe(true);
    expect(rows.every((r) => r.cached === null)).toBe(true);
  });

  it('shows the layers of an image without history by digest alone, marked with their base', () => {
    const world = structuredClone(session([BUILD]).sim.world);
    const app = tagged(world, 'app:latest');
    // An image whose history was not kept (as `docker load` of a bare tarball can leave it).
    Object.assign(world.images[app.id] ?? {}, { history: [] });
    const layers = layerRows(stackRows(world, app.id));
    const nodeLayers = tagged(world, 'node:20-alpine').layers.length;
    expect(layers.map((l) => l.instruction)).toEqual(app.layers.map(() => null));
    expect(layers.map((l) => l.base)).toEqual(
      app.layers.map((_, i) => (i < nodeLayers ? 'node:20-alpine' : null)),
    );
  });

  it('marks nothing cached after --no-cache', () => {
    const h = session([BUILD, 'docker build --no-cache -t app /root/app']);
    const rows = stackRows(h.sim.world, tagged(h.sim.world, 'app:latest').id);
    expect(rows.filter((r) => r.cached !== null).every((r) => r.cached === false)).toBe(true);
  });
});

describe('shortInstruction', () => {
  it('reads the classic builder, BuildKit and shell-form RUN', () => {
    expect(shortInstruction('/bin/sh -c #(nop)  CMD ["node" "app.js"]')).toBe(
      'CMD ["node" "app.js"]',
    );
    expect(shortInstruction(`/bin/sh -c #(nop) COPY dir:${'ab'.repeat(32)} in /app `)).toBe(
      'COPY dir:abababababab… in /app',
    );
    expect(shortInstruction('/bin/sh -c npm ci')).toBe('RUN npm ci');
    expect(shortInstruction('RUN /bin/sh -c npm ci   &&   npm test # buildkit')).toBe(
      'RUN npm ci && npm test',
    );
    expect(shortInstruction('COPY . /app # buildkit')).toBe('COPY . /app');
  });
});
