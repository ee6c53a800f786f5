/**
 * `docker push` and pulling back, as a user sees them in the terminal: Docker Hub's refusal,
 * dockerd's refused dial with no registry running, a local registry that stores only the
 * layers it lacks, and `docker pull` after `docker rmi` finding the base layers still there.
 */
import { describe, expect, it } from 'vitest';
import { ShellHarness } from '../shell/testing';

const RUN_REGISTRY = 'docker run -d -p 5000:5000 --name registry registry:2';

/** A host with the demo app built and tagged for the local registry. */
function withApp(): ShellHarness {
  const h = new ShellHarness();
  expect(h.run('docker build -t app /root/app', 20_000).status).toBe(0);
  expect(h.run('docker tag app localhost:5000/app').status).toBe(0);
  return h;
}

/** `id: status` lines of a push, in order. */
function layerLines(stdout: string): string[] {
  return stdout.split('\n').filter((l) => /^[0-9a-f]{12}: /.test(l));
}

describe('docker push', () => {
  it('to Docker Hub is denied without a login, with the lesson’s next step as a hint', () => {
    const h = withApp();
    const r = h.run('docker push app');
    expect(r.status).toBe(1);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('Using default tag: latest');
    expect(lines[1]).toBe('The push refers to repository [docker.io/library/app]');
    expect(lines[2]).toMatch(/^[0-9a-f]{12}: Preparing$/);
    expect(r.stderr.split('\n')[0]).toBe('denied: requested access to the resource is denied');
    expect(r.stderr).toContain(`docker-anatomy: `);
    expect(r.stderr).toContain(RUN_REGISTRY);
    expect(r.requests).toContain('POST /v1.51/images/app/push?tag=latest');
  });

  it('to localhost:5000 with no registry running fails with dockerd’s dial error', () => {
    const h = withApp();
    const r = h.run('docker push localhost:5000/app');
    expect(r.status).toBe(1);
    expect(r.stdout).toBe(
      'Using default tag: latest\nThe push refers to repository [localhost:5000/app]\n',
    );
    expect(r.stderr.split('\n')[0]).toBe(
      'Get "http://localhost:5000/v2/": dial tcp 127.0.0.1:5000: connect: connection refused',
    );
    const pull = h.run('docker pull localhost:5000/app');
    expect(pull.stderr.split('\n')[0]).toBe(
      'Error response from daemon: Get "http://localhost:5000/v2/": dial tcp 127.0.0.1:5000: connect: connection refused',
    );
  });

  it('uploads every layer once: a second push finds them all ("Layer already exists")', () => {
    const h = withApp();
    expect(h.run(RUN_REGISTRY, 20_000).status).toBe(0);
    const first = h.run('docker push localhost:5000/app');
    expect(first.status).toBe(0);
    const layers = layerLines(first.stdout).filter((l) => l.endsWith(': Preparing'));
    expect(layers).toHaveLength(7);
    // Beyond dockerd's five concurrent uploads, the rest wait.
    expect(layerLines(first.stdout).filter((l) => l.endsWith(': Waiting'))).toHaveLength(2);
    expect(layerLines(first.stdout).filter((l) => l.endsWith(': Pushed'))).toHaveLength(7);
    const digest = /^latest: digest: (sha256:[0-9a-f]{64}) size: (\d+)$/m.exec(first.stdout);
    expect(digest).not.toBeNull();

    const second = h.run('docker push localhost:5000/app');
    expect(layerLines(second.stdout).filter((l) => l.endsWith(': Pushed'))).toEqual([]);
    expect(
      layerLines(second.stdout).filter((l) => l.endsWith(': Layer already exists')),
    ).toHaveLength(7);
    // The same content has the same manifest digest.
    expect(second.stdout).toContain(`latest: digest: ${digest?.[1]} size: ${digest?.[2]}`);
    const inspect = h.run('docker image inspect -f "{{json .RepoDigests}}" app');
    expect(inspect.stdout).toBe(`["localhost:5000/app@${digest?.[1]}"]\n`);
    const listed = h.run('docker images --digests localhost:5000/app').stdout.split('\n');
    expect(listed[0]).toMatch(/^REPOSITORY +TAG +DIGEST +IMAGE ID +CREATED +SIZE$/);
    expect(listed[1]).toMatch(new RegExp(`^localhost:5000/app +latest +${digest?.[1]} `));
  });

  it('after a change to app.js, only the layers from its COPY on are pushed', () => {
    const h = withApp();
    h.run(RUN_REGISTRY, 20_000);
    h.run('docker push localhost:5000/app');
    h.run("echo 'console.log(42)' > /root/app/app.js");
    expect(h.run('docker build -t localhost:5000/app /root/app', 20_000).status).toBe(0);
    const r = h.run('docker push localhost:5000/app');
    expect(r.status).toBe(0);
    // COPY app.js is the only step after the cache miss that adds a layer (EXPOSE, CMD add none).
    expect(layerLines(r.stdout).filter((l) => l.endsWith(': Pushed'))).toHaveLength(1);
    expect(layerLines(r.stdout).filter((l) => l.endsWith(': Layer already exists'))).toHaveLength(
      6,
    );
    const pushedId = layerLines(r.stdout)
      .find((l) => l.endsWith(': Pushed'))
      ?.slice(0, 12);
    const preparing = layerLines(r.stdout).filter((l) => l.endsWith(': Preparing'));
    // Layers are listed top first: the pushed one is the top layer.
    expect(preparing[0]).toBe(`${pushedId}: Preparing`);
  });

  it('a second repository mounts the blobs the registry has ("Mounted from app")', () => {
    const h = withApp();
    h.run(RUN_REGISTRY, 20_000);
    h.run('docker push localhost:5000/app');
    h.run('docker tag app localhost:5000/copy:v1');
    const r = h.run('docker push localhost:5000/copy:v1');
    expect(r.stdout).not.toContain('Using default tag');
    expect(layerLines(r.stdout).filter((l) => l.endsWith(': Mounted from app'))).toHaveLength(7);
    expect(r.stdout).toMatch(/^v1: digest: sha256:[0-9a-f]{64} size: \d+$/m);
  });

  it('-q prints only the reference; a missing tag is dockerd’s error', () => {
    const h = withApp();
    h.run(RUN_REGISTRY, 20_000);
    expect(h.run('docker image push -q localhost:5000/app').stdout).toBe(
      'localhost:5000/app:latest\n',
    );
    const missing = h.run('docker push localhost:5000/app:v9');
    expect(missing.stderr).toBe('tag does not exist: localhost:5000/app:v9\n');
    const none = h.run('docker push localhost:5000/nothing');
    expect(none.stderr).toBe(
      'An image does not exist locally with the tag: localhost:5000/nothing\n',
    );
  });
});

describe('pulling back from the local registry', () => {
  it('after rmi, the base image’s layers "Already exists" and the app’s are pulled', () => {
    const h = withApp();
    h.run(RUN_REGISTRY, 20_000);
    h.run('docker push localhost:5000/app');
    const rmi = h.run('docker rmi app localhost:5000/app');
    expect(rmi.status).toBe(0);
    expect(h.run('docker images -q localhost:5000/app').stdout).toBe('');

    const pull = h.run('docker pull localhost:5000/app');
    expect(pull.status).toBe(0);
    const lines = pull.stdout.split('\n');
    expect(lines).toContain('latest: Pulling from app');
    // node:20-alpine is still here: its four layers are not downloaded again.
    expect(lines.filter((l) => l.endsWith(': Already exists'))).toHaveLength(4);
    expect(lines.filter((l) => l.endsWith(': Pull complete'))).toHaveLength(3);
    expect(lines).toContainEqual(expect.stringMatching(/^Digest: sha256:[0-9a-f]{64}$/));
    expect(lines).toContain('Status: Downloaded newer image for localhost:5000/app:latest');
    expect(lines).toContain('localhost:5000/app:latest');
    // The pulled image is the pushed one: same ID, and it runs.
    expect(h.run('docker run -d --name hello localhost:5000/app').status).toBe(0);
  });

  it('an unknown repository is "manifest unknown"', () => {
    const h = new ShellHarness();
    h.run(RUN_REGISTRY, 20_000);
    expect(h.run('docker pull localhost:5000/nope').stderr).toBe(
      'Error response from daemon: manifest for localhost:5000/nope:latest not found: manifest unknown: manifest unknown\n',
    );
  });

  it('the registry’s storage goes with its container, unless a named volume keeps it', () => {
    const h = withApp();
    h.run(RUN_REGISTRY, 20_000);
    h.run('docker push localhost:5000/app');
    h.run('docker rm -f registry');
    h.run(RUN_REGISTRY, 20_000);
    expect(h.run('docker pull localhost:5000/app').stderr).toContain('manifest unknown');
    h.run('docker rm -f registry');

    const withVolume =
      'docker run -d -p 5000:5000 -v regdata:/var/lib/registry --name registry registry:2';
    h.run(withVolume, 20_000);
    h.run('docker push localhost:5000/app');
    h.run('docker rm -f registry');
    h.run(withVolume, 20_000);
    h.run('docker rmi app localhost:5000/app');
    expect(h.run('docker pull localhost:5000/app').status).toBe(0);
  });
});
