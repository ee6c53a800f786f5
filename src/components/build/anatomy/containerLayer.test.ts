/**
 * A container of the built app: its writable layer's entries as `docker diff` lists them,
 * each changed file traced to the image layer it was copied up from.
 */
import { describe, expect, it } from 'vitest';
import type { Container } from '../../../sim/types';
import { containersOf, diffRows, volumeMounts } from './containerLayer';
import { layerRows, stackRows } from './stackRows';
import { BUILD, session, tagged } from './testing';

describe('container layer', () => {
  const h = session([
    BUILD,
    'docker volume create data',
    'docker run -d --name web -v data:/data app',
  ]);
  const world = h.sim.world;
  const app = tagged(world, 'app:latest');
  const [web] = containersOf(world, app.id);

  it('finds the containers of the image', () => {
    expect(web?.name).toBe('web');
    expect(containersOf(world, tagged(world, 'node:20-alpine').id)).toEqual([]);
  });

  it('lists the writable layer like docker diff, with where a changed file came from', () => {
    const h = session([BUILD, 'docker run -d --name web app']);
    h.run(`docker exec web sh -c 'echo hi > /app/app.js'`, 5_000);
    h.run('docker exec web rm /app/index.html', 5_000);
    h.run('docker exec web touch /tmp/x', 5_000);
    const world = h.sim.world;
    const app = tagged(world, 'app:latest');
    const [changed] = containersOf(world, app.id);
    const rows = diffRows(changed as Container, layerRows(stackRows(world, app.id)));
    // The same lines, in the same order, as `docker diff web` prints.
    expect(rows.map((r) => `${r.kind} ${r.path}`).join('\n') + '\n').toBe(
      h.run('docker diff web').stdout,
    );
    const byPath = new Map(rows.map((r) => [r.path, r]));
    expect(byPath.get('/app/app.js')?.origin?.instruction).toBe('COPY app.js index.html ./');
    expect(byPath.get('/app/app.js')?.size).toBe(3);
    expect(byPath.get('/app/index.html')?.origin?.position).toBe(app.layers.length);
    expect(byPath.get('/app')?.dir).toBe(true);
    expect(byPath.get('/tmp/x')?.origin).toBeNull();
  });

  it('has no entries before the container wrote anything', () => {
    expect(diffRows({ ...(web as Container), rw: undefined }, [])).toEqual([]);
  });

  it('names the volumes whose writes skip the layer', () => {
    expect(volumeMounts(web as Container).map((m) => [m.source, m.destination])).toEqual([
      ['data', '/data'],
    ]);
  });
});
