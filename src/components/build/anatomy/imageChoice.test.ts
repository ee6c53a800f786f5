/**
 * The image picker: what it lists after builds (not the builder's intermediate images) and
 * which image the view opens on (a build under way, the selected container's, the newest).
 */
import { describe, expect, it } from 'vitest';
import { defaultImageId, imageLabel, listedImages } from './imageChoice';
import { BUILD, EDIT, seqOf, session, tagged } from './testing';

describe('listedImages', () => {
  it('lists what docker images lists: tagged images and the one left dangling by a rebuild', () => {
    const h = session([BUILD, EDIT, BUILD]);
    const labels = listedImages(h.sim.world).map(imageLabel);
    expect(labels).toHaveLength(3);
    expect(labels[0]).toBe('app:latest');
    expect(labels).toContain('node:20-alpine');
    expect(labels.find((l) => /^[0-9a-f]{12}$/.test(l))).toBeDefined();
  });
});

describe('defaultImageId', () => {
  it('opens on the newest build, or the selected container’s image', () => {
    const h = session([BUILD, 'docker run -d --name nd node:20-alpine sleep 100']);
    const world = h.sim.world;
    const container = Object.values(world.containers)[0];
    expect(defaultImageId(world, null)).toBe(tagged(world, 'app:latest').id);
    expect(defaultImageId(world, container?.id ?? null)).toBe(tagged(world, 'node:20-alpine').id);
  });

  it('follows a build under way: the image of its latest step', () => {
    const h = session([BUILD]);
    const cursor = seqOf(h, (label) => label === 'step 3 done');
    const world = h.sim.worldAt(cursor);
    const id = defaultImageId(world, null);
    expect(world.builds.at(-1)?.steps.at(-1)?.imageId).toBe(id);
    // node:20-alpine's layers and the first COPY's.
    const base = tagged(world, 'node:20-alpine').layers.length;
    expect(world.images[id ?? '']?.layers).toHaveLength(base + 1);
  });

  it('has nothing to open on a fresh host', () => {
    expect(defaultImageId(session([]).sim.world, null)).toBeNull();
  });
});
