/**
 * `GET /distribution/{name}/json`, as `docker service create nginx` and `docker service update
 * --image` send it to pin the image: the digest the CLI records must be the one `docker pull`
 * prints for the same image, whatever way the name is written, with or without a swarm;
 * unknown tags and unreachable registries get dockerd's errors (the CLI then only warns).
 */
import { describe, expect, it } from 'vitest';
import { Driver } from '../testing/driver';
import type { ApiResponse } from './types';

interface Inspect {
  Descriptor: { mediaType: string; digest: string; size: number };
  Platforms: { architecture: string; os: string }[];
}

function message(r: ApiResponse): string {
  return (r.body as { message?: string } | undefined)?.message ?? '';
}

/** The `Digest: sha256:...` line `docker pull` prints. */
function pulledDigest(d: Driver, image: string): string {
  const lines = (d.pull(image).stream ?? []) as { status?: string }[];
  const line = lines.map((l) => l.status ?? '').find((s) => s.startsWith('Digest: '));
  return line?.slice('Digest: '.length) ?? '';
}

describe('docker service create nginx: GET /distribution/nginx:latest/json', () => {
  it('answers the manifest descriptor and linux/amd64, without pulling anything', () => {
    const d = new Driver();
    const r = d.api('GET', '/distribution/nginx:latest/json');
    expect(r.status).toBe(200);
    const body = r.body as Inspect;
    expect(body.Descriptor).toEqual({
      mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
      digest: expect.stringMatching(/^sha256:[0-9a-f]{64}$/),
      size: expect.any(Number),
    });
    expect(body.Descriptor.size).toBeGreaterThan(0);
    expect(body.Platforms).toEqual([{ architecture: 'amd64', os: 'linux' }]);
    expect(d.sim.world.images).toEqual({});
  });

  it('the digest is the one `docker pull nginx` prints, before and after the pull', () => {
    const d = new Driver();
    const before = (d.api('GET', '/distribution/nginx:latest/json').body as Inspect).Descriptor;
    const printed = pulledDigest(d, 'nginx');
    expect(before.digest).toBe(printed);
    const after = (d.api('GET', '/distribution/nginx:latest/json').body as Inspect).Descriptor;
    expect(after).toEqual(before);
    // What `docker image inspect` then shows in RepoDigests.
    const inspect = d.api('GET', '/images/nginx/json').body as { RepoDigests: string[] };
    expect(inspect.RepoDigests).toEqual([`nginx@${printed}`]);
  });

  it('every way of writing the name gives the same answer, URL-encoded or not', () => {
    const d = new Driver();
    const expected = d.api('GET', '/distribution/nginx:latest/json').body;
    for (const name of [
      'nginx',
      'docker.io/library/nginx:latest',
      'library/nginx:latest',
      encodeURIComponent('docker.io/library/nginx:latest'),
    ]) {
      const r = d.api('GET', `/distribution/${name}/json`);
      expect(r.status, name).toBe(200);
      expect(r.body, name).toEqual(expected);
    }
    const alpine = d.api('GET', '/distribution/nginx:alpine/json').body as Inspect;
    expect(alpine.Descriptor.digest).not.toBe((expected as Inspect).Descriptor.digest);
  });

  it('the pinned reference the CLI puts in the spec resolves to itself and pulls', () => {
    const d = new Driver();
    const digest = (d.api('GET', '/distribution/nginx:latest/json').body as Inspect).Descriptor
      .digest;
    const pinned = d.api('GET', `/distribution/nginx:latest@${digest}/json`);
    expect(pinned.status).toBe(200);
    expect((pinned.body as Inspect).Descriptor.digest).toBe(digest);
    // What each node's dockerd does with the task's image.
    const pull = d.api(
      'POST',
      `/images/create?fromImage=${encodeURIComponent('docker.io/library/nginx')}&tag=${digest}`,
    );
    expect(pull.status).toBe(200);
    expect((pull.stream ?? []).some((l) => 'error' in (l as object))).toBe(false);
  });

  it('asks the registry: HEAD on the tag, then the manifest and its config blob', () => {
    const d = new Driver();
    const from = d.sim.trace.length;
    d.api('GET', '/distribution/nginx:latest/json');
    const sent = d.sim.trace
      .slice(from)
      .filter((e) => e.kind === 'registry' && e.from === 'dockerd')
      .map((e) => e.label);
    expect(sent[0]).toBe('HEAD /v2/library/nginx/manifests/latest');
    expect(sent[1]).toMatch(/^GET \/v2\/library\/nginx\/manifests\/sha256:[0-9a-f]{64}$/);
    expect(sent[2]).toMatch(/^GET \/v2\/library\/nginx\/blobs\/[0-9a-f]{12}$/);
    expect(sent).toHaveLength(3);
  });

  it('works on a host in no swarm, where the swarm routes answer 503', () => {
    const d = new Driver();
    expect(d.api('GET', '/services').status).toBe(503);
    expect(d.api('GET', '/distribution/redis/json').status).toBe(200);
  });
});

describe('what the CLI turns into "could not be accessed on a registry" warnings', () => {
  it('a tag the registry does not have: 404 manifest unknown', () => {
    const d = new Driver();
    const r = d.api('GET', '/distribution/nginx:no-such-tag/json');
    expect(r.status).toBe(404);
    expect(message(r)).toBe('manifest unknown: manifest unknown');
  });

  it('a digest the registry does not have: 404 manifest unknown', () => {
    const r = new Driver().api('GET', `/distribution/nginx@sha256:${'0'.repeat(64)}/json`);
    expect(r.status).toBe(404);
    expect(message(r)).toBe('manifest unknown: manifest unknown');
  });

  it('a malformed name is a 400; a bare image ID is dockerd’s 500', () => {
    const d = new Driver();
    const upper = d.api('GET', '/distribution/Nginx/json');
    expect(upper.status).toBe(400);
    expect(message(upper)).toBe(
      'invalid reference format: repository name (library/Nginx) must be lowercase',
    );
    const id = d.api('GET', `/distribution/sha256:${'a'.repeat(64)}/json`);
    expect(id.status).toBe(500);
    expect(message(id)).toBe('no manifest found for full image ID');
  });

  it('the 1.10 daemon has no such route', () => {
    const r = new Driver({ era: 'monolith' }).api('GET', '/distribution/nginx/json');
    expect(r.status).toBe(404);
    expect(message(r)).toBe('page not found');
  });
});

describe('a local registry (localhost:5000)', () => {
  it('nothing listening: 500 with the dial error `docker pull` prints too', () => {
    const d = new Driver();
    const r = d.api('GET', '/distribution/localhost:5000/app/json');
    expect(r.status).toBe(500);
    expect(message(r)).toBe(
      'Get "http://localhost:5000/v2/": dial tcp 127.0.0.1:5000: connect: connection refused',
    );
  });

  it('after a push: the digest and size `docker push` printed; other names are unknown', () => {
    const d = new Driver({ seed: 'registry' });
    d.pull('alpine');
    d.api('POST', '/images/alpine/tag?repo=localhost%3A5000%2Fapp&tag=latest');
    d.run('registry:2', { name: 'registry', publish: { '5000': '5000/tcp' } });
    expect(d.api('GET', '/distribution/localhost:5000/app/json').status).toBe(404);

    const push = d.api('POST', '/images/localhost:5000/app/push?tag=latest');
    const aux = (push.stream ?? []).at(-1) as { aux: { Digest: string; Size: number } };
    const r = d.api('GET', `/distribution/${encodeURIComponent('localhost:5000/app')}/json`);
    expect(r.status).toBe(200);
    expect(r.body).toEqual({
      Descriptor: {
        mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
        digest: aux.aux.Digest,
        size: aux.aux.Size,
      },
      Platforms: [{ architecture: 'amd64', os: 'linux' }],
    });
    const other = d.api('GET', '/distribution/localhost:5000/other:latest/json');
    expect(other.status).toBe(404);
    expect(message(other)).toBe('manifest unknown: manifest unknown');
  });
});
