/**
 * The registry model under the Engine API: the catalogue's histories line up with its layers,
 * manifests are content-addressed for real, a push streams dockerd's progress lines and sends
 * its requests to the registry container (the packets the diagram animates), and the pushed
 * data is part of the world that replay and `worldAt` rebuild.
 */
import { describe, expect, it } from 'vitest';
import { digestOf } from '../digest';
import { Simulation } from '../simulation';
import { Driver } from '../testing/driver';
import { CATALOGUE } from './catalogue';
import { buildManifest } from './manifest';

function withRegistry(): { d: Driver; registry: string } {
  const d = new Driver({ seed: 'registry' });
  d.pull('alpine');
  d.api('POST', '/images/alpine/tag?repo=localhost%3A5000%2Falpine&tag=latest');
  const registry = d.run('registry:2', { name: 'registry', publish: { '5000': '5000/tcp' } });
  return { d, registry };
}

type Line = Record<string, unknown>;

describe('the catalogue', () => {
  it('every image has one non-empty history entry per layer, base first', () => {
    for (const image of CATALOGUE) {
      const withLayer = image.steps.filter((s) => s.layer !== null).map((s) => s.layer);
      expect(withLayer, `${image.path}:${image.tags[0]}`).toEqual(image.layers);
      expect(image.steps.length).toBeGreaterThan(image.layers.length);
    }
  });

  it('registry:2 runs `registry serve` and keeps running, listening on 5000', () => {
    const { d, registry } = withRegistry();
    const c = d.container(registry);
    expect(c.state).toBe('running');
    expect([c.path, ...c.args]).toEqual(['/entrypoint.sh', '/etc/docker/registry/config.yml']);
    expect(c.mounts.map((m) => m.destination)).toEqual(['/var/lib/registry']);
  });
});

describe('manifests', () => {
  it('are schema 2 JSON with three-space indentation, named by the sha256 of their bytes', () => {
    const m = buildManifest({
      config: { digest: digestOf('config'), size: 1234 },
      layers: [{ digest: digestOf('layer'), size: 42 }],
    });
    expect(m.digest).toBe(digestOf(m.json));
    expect(m.size).toBe(m.json.length);
    expect(m.json.split('\n')[1]).toBe('   "schemaVersion": 2,');
    expect(JSON.parse(m.json)).toMatchObject({
      mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
      config: { size: 1234, digest: digestOf('config') },
      layers: [{ size: 42, digest: digestOf('layer') }],
    });
  });
});

describe('POST /images/{name}/push', () => {
  it('streams dockerd’s lines and ends with the digest, size and the aux record', () => {
    const { d } = withRegistry();
    const r = d.api('POST', '/images/localhost:5000/alpine/push?tag=latest');
    expect(r.status).toBe(200);
    const lines = (r.stream ?? []) as Line[];
    expect(lines[0]).toEqual({ status: 'The push refers to repository [localhost:5000/alpine]' });
    expect(lines.find((l) => l['status'] === 'Pushing')).toMatchObject({
      progressDetail: { current: expect.any(Number), total: expect.any(Number) },
      progress: expect.stringMatching(/^\[=*> *\] +\S+\/\S+$/),
    });
    const aux = lines.at(-1)?.['aux'] as { Tag: string; Digest: string; Size: number };
    expect(aux.Tag).toBe('latest');
    expect(lines.at(-2)).toEqual({
      status: `latest: digest: ${aux.Digest} size: ${aux.Size}`,
    });
    const tagged = Object.values(d.sim.world.images).find((i) =>
      i.repoTags.includes('localhost:5000/alpine:latest'),
    );
    expect(tagged?.repoDigests).toContain(`localhost:5000/alpine@${aux.Digest}`);
  });

  it('sends HEAD, blob uploads and the manifest PUT to the registry container', () => {
    const { d, registry } = withRegistry();
    const from = d.sim.trace.length;
    d.api('POST', '/images/localhost:5000/alpine/push?tag=latest');
    const sent = d.sim.trace
      .slice(from)
      .filter((e) => e.kind === 'registry' && e.from === 'dockerd')
      .map((e) => ({ to: e.to, label: e.label }));
    expect(sent.every((m) => m.to === `container:${registry}`)).toBe(true);
    const labels = sent.map((m) => m.label);
    expect(labels[0]).toBe('GET /v2/');
    expect(labels).toContainEqual(
      expect.stringMatching(/^HEAD \/v2\/alpine\/blobs\/[0-9a-f]{12}$/),
    );
    expect(labels).toContainEqual(expect.stringMatching(/^PUT \/v2\/alpine\/blobs\/uploads\//));
    expect(labels.at(-1)).toBe('PUT /v2/alpine/manifests/latest');
  });

  it('Docker Hub answers 401 denied inside the stream', () => {
    const d = new Driver();
    d.pull('alpine');
    const r = d.api('POST', '/images/alpine/push?tag=latest');
    const last = (r.stream ?? []).at(-1) as Line;
    expect(last['error']).toBe('denied: requested access to the resource is denied');
    expect(
      d.sim.trace.some(
        (e) => e.to === 'registry' && e.label.startsWith('POST /v2/library/alpine/blobs/uploads/'),
      ),
    ).toBe(true);
  });

  it('the registry’s storage is rebuilt by replay and by worldAt', () => {
    const { d } = withRegistry();
    d.api('POST', '/images/localhost:5000/alpine/push?tag=latest');
    const stores = Object.values(d.sim.world.registries);
    expect(stores).toHaveLength(1);
    expect(Object.keys(stores[0]?.repositories ?? {})).toEqual(['alpine']);
    expect(d.sim.worldAt(d.sim.trace.length - 1).registries).toEqual(d.sim.world.registries);
    const again = Simulation.replay(d.sim.options, d.sim.log);
    expect(again.world.registries).toEqual(d.sim.world.registries);
  });
});
