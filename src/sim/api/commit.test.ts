/**
 * `GET /containers/{id}/changes` and `POST /commit` as the real CLI sends them (docker/cli
 * cli/command/container/diff.go and commit.go), answered in dockerd's shapes and words.
 */
import { describe, expect, it } from 'vitest';
import { Driver } from '../testing/driver';
import { execIn, shIn } from '../testing/execHelper';
import type { Image } from '../types';

function commit(d: Driver, query: string) {
  return d.api('POST', `/commit?${query}`);
}

function idOf(response: { body?: unknown }): string {
  return (response.body as { Id?: string } | undefined)?.Id ?? '';
}

function boxWithChanges(): Driver {
  const d = new Driver();
  d.run('alpine', { name: 'box', cmd: ['sleep', '3600'] });
  shIn(d, 'box', 'mkdir /data && echo v1 > /data/app.conf && rm /etc/alpine-release');
  return d;
}

describe('GET /containers/{id}/changes', () => {
  it('answers [{Path, Kind}] with Kind 0 changed, 1 added, 2 deleted', () => {
    const d = boxWithChanges();
    const r = d.api('GET', '/containers/box/changes');
    expect(r.status).toBe(200);
    expect(r.body).toEqual([
      { Path: '/data', Kind: 1 },
      { Path: '/data/app.conf', Kind: 1 },
      { Path: '/etc', Kind: 0 },
      { Path: '/etc/alpine-release', Kind: 2 },
    ]);
  });

  it('is null for a container that changed nothing, 404 for an unknown one', () => {
    const d = new Driver();
    d.run('alpine', { name: 'box', cmd: ['sleep', '3600'] });
    expect(d.api('GET', '/containers/box/changes').body).toBeNull();
    const missing = d.api('GET', '/containers/nope/changes');
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ message: 'No such container: nope' });
  });
});

describe('POST /commit', () => {
  it('makes an image: the container’s image plus one layer holding its changes', () => {
    const d = boxWithChanges();
    const box = d.container('box');
    const r = commit(d, 'author=&comment=add+config&container=box&repo=myapp&tag=v1');
    expect(r.status).toBe(201);
    expect(idOf(r)).toMatch(/^sha256:[0-9a-f]{64}$/);
    const image = d.sim.world.images[idOf(r)] as Image;
    const parent = d.sim.world.images[box.imageId] as Image;
    expect(image.repoTags).toEqual(['myapp:v1']);
    expect(image.parent).toBe(parent.id);
    expect(image.layers.slice(0, -1)).toEqual(parent.layers);
    const layer = d.sim.world.layers[image.layers.at(-1) ?? ''];
    expect(layer?.files).toEqual([
      { path: '/data/app.conf', size: 3, content: 'v1\n' },
      { path: '/etc/alpine-release', size: 0, whiteout: true },
    ]);
    expect(image.history?.at(-1)).toMatchObject({
      createdBy: 'sleep 3600',
      comment: 'add config',
      emptyLayer: false,
    });
    expect(image.config.cmd).toEqual(['sleep', '3600']);
  });

  it('a container from the new image sees the changes and has none of its own yet', () => {
    const d = boxWithChanges();
    commit(d, 'container=box&repo=myapp&tag=v1');
    d.run('myapp:v1', { name: 'next' });
    expect(execIn(d, 'next', ['cat', '/data/app.conf']).stdout).toBe('v1\n');
    expect(execIn(d, 'next', ['cat', '/etc/alpine-release']).exitCode).toBe(1);
    expect(d.api('GET', '/containers/next/changes').body).toBeNull();
  });

  it('pauses a running container while it reads the layer (pause, commit, unpause events)', () => {
    const d = boxWithChanges();
    const from = d.sim.world.events.length;
    commit(d, 'container=box&repo=&tag=');
    const actions = d.sim.world.events.slice(from).map((e) => `${e.type} ${e.action}`);
    expect(actions).toEqual(['container pause', 'container commit', 'container unpause']);
    expect(d.container('box').state).toBe('running');
    const paused = d.sim.world.events.length;
    commit(d, 'container=box&pause=0');
    expect(d.sim.world.events.slice(paused).map((e) => e.action)).toEqual(['commit']);
  });

  it('the commit event names the image and reference it made', () => {
    const d = boxWithChanges();
    const id = idOf(commit(d, 'comment=note&container=box&repo=myapp&tag=v2'));
    const event = d.sim.world.events.find((e) => e.action === 'commit');
    expect(event?.attributes).toMatchObject({
      comment: 'note',
      imageID: id,
      imageRef: 'myapp:v2',
      name: 'box',
    });
  });

  it('with nothing changed the image adds no layer, and its history says so', () => {
    const d = new Driver();
    d.run('alpine', { name: 'box', cmd: ['sleep', '3600'] });
    const id = idOf(commit(d, 'container=box'));
    const image = d.sim.world.images[id] as Image;
    const parent = d.sim.world.images[d.container('box').imageId] as Image;
    expect(image.layers).toEqual(parent.layers);
    expect(image.repoTags).toEqual([]);
    expect(image.history?.at(-1)).toMatchObject({ emptyLayer: true, size: 0 });
  });

  it('--change sets config: CMD replaces, ENV adds to the container’s, ENTRYPOINT drops CMD', () => {
    const d = boxWithChanges();
    const changes = [
      'CMD ["cat", "/data/app.conf"]',
      'ENV MODE=dev',
      'EXPOSE 8080',
      'WORKDIR /data',
    ]
      .map((c) => `changes=${encodeURIComponent(c)}`)
      .join('&');
    const image = d.sim.world.images[idOf(commit(d, `${changes}&container=box`))] as Image;
    expect(image.config).toMatchObject({
      cmd: ['cat', '/data/app.conf'],
      workingDir: '/data',
      exposedPorts: ['8080/tcp'],
    });
    expect(image.config.env).toEqual(['MODE=dev', ...d.container('box').config.env]);
    const entry = d.sim.world.images[
      idOf(commit(d, `changes=${encodeURIComponent('ENTRYPOINT ["top"]')}&container=box`))
    ] as Image;
    expect(entry.config).toMatchObject({ entrypoint: ['top'], cmd: null });
  });

  it('refuses an instruction that is not a config change, and an unknown container', () => {
    const d = boxWithChanges();
    const run = commit(d, `changes=${encodeURIComponent('RUN echo hi')}&container=box`);
    expect(run.status).toBe(400);
    expect(run.body).toEqual({ message: 'run is not a valid change command' });
    const missing = commit(d, 'container=nope');
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ message: 'No such container: nope' });
  });
});
