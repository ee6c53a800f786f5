/**
 * `docker rmi` as dockerd answers it: Untagged lines, then Deleted for the image, its
 * untagged parents and every layer no image holds any more (by chain ID, top first), and the
 * conflicts in dockerd's words.
 */
import { describe, expect, it } from 'vitest';
import { ShellHarness } from '../shell/testing';

const short = (h: ShellHarness, ref: string) => h.run(`docker images -q ${ref}`).stdout.trim();

describe('docker rmi', () => {
  it('untags, deletes the image, then its layers top first (the last is the base DiffID)', () => {
    const h = new ShellHarness();
    h.run('docker pull nginx');
    const layers = JSON.parse(
      h.run("docker image inspect -f '{{json .RootFS.Layers}}' nginx").stdout,
    ) as string[];
    const r = h.run('docker rmi nginx');
    expect(r.status).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('Untagged: nginx:latest');
    expect(lines[1]).toMatch(/^Untagged: nginx@sha256:[0-9a-f]{64}$/);
    expect(lines[2]).toMatch(/^Deleted: sha256:[0-9a-f]{64}$/);
    expect(lines.slice(3)).toHaveLength(layers.length);
    expect(lines.at(-1)).toBe(`Deleted: ${layers[0]}`);
  });

  it('keeps a layer another image still uses (the shared Debian base)', () => {
    const h = new ShellHarness();
    h.run('docker pull nginx');
    h.run('docker pull redis');
    const redisLayers = JSON.parse(
      h.run("docker image inspect -f '{{json .RootFS.Layers}}' redis").stdout,
    ) as string[];
    const lines = h.run('docker rmi redis').stdout.trimEnd().split('\n');
    const deleted = lines.filter((l) => l.startsWith('Deleted: '));
    expect(deleted).toHaveLength(1 + redisLayers.length - 1);
    expect(lines).not.toContain(`Deleted: ${redisLayers[0]}`);
  });

  it('deletes a built image with its intermediate images, not its tagged base', () => {
    const h = new ShellHarness();
    h.run('docker build -t app /root/app', 20_000);
    const r = h.run('docker rmi app');
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('Untagged: app:latest');
    // Six step images, and the three layers their RUN and COPY steps made.
    expect(lines.filter((l) => l.startsWith('Deleted: '))).toHaveLength(6 + 3);
    expect(short(h, 'node:20-alpine')).toMatch(/^[0-9a-f]{12}$/);
  });

  it('refuses to untag the only name of an image a container uses, unless forced', () => {
    const h = new ShellHarness();
    h.run('docker pull alpine');
    const cid = h.run('docker create --name box alpine').stdout.trim();
    const id = short(h, 'alpine');
    const r = h.run('docker rmi alpine');
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(
      `Error response from daemon: conflict: unable to remove repository reference "alpine" (must force) - container ${cid.slice(0, 12)} is using its referenced image ${id}\n`,
    );
    expect(h.run(`docker rmi ${id}`).stderr).toBe(
      `Error response from daemon: conflict: unable to delete ${id} (must be forced) - image is being used by stopped container ${cid.slice(0, 12)}\n`,
    );
  });

  it('cannot delete an image a running container uses; -f by name only untags it', () => {
    const h = new ShellHarness();
    const cid = h.run('docker run -d --name web nginx', 20_000).stdout.trim();
    const id = short(h, 'nginx');
    expect(h.run(`docker rmi -f ${id}`).stderr).toBe(
      `Error response from daemon: conflict: unable to delete ${id} (cannot be forced) - image is being used by running container ${cid.slice(0, 12)}\n`,
    );
    const forced = h.run('docker rmi -f nginx');
    expect(forced.status).toBe(0);
    expect(forced.stdout).toMatch(
      /^Untagged: nginx:latest\nUntagged: nginx@sha256:[0-9a-f]{64}\n$/,
    );
    expect(h.run('docker images').stdout).toMatch(new RegExp(`^<none> +<none> +${id} `, 'm'));
  });

  it('an image with children cannot be deleted by ID; by name only its tag goes', () => {
    const h = new ShellHarness();
    h.run('docker build -t app /root/app', 20_000);
    const base = short(h, 'node:20-alpine');
    expect(h.run(`docker rmi ${base}`).stderr).toBe(
      `Error response from daemon: conflict: unable to delete ${base} (cannot be forced) - image has dependent child images\n`,
    );
    const byName = h.run('docker rmi node:20-alpine');
    expect(byName.status).toBe(0);
    expect(byName.stdout).toMatch(
      /^Untagged: node:20-alpine\nUntagged: node@sha256:[0-9a-f]{64}\n$/,
    );
    expect(h.run('docker images -a -q').stdout).toContain(base);
  });

  it('by ID, names in several repositories must be forced', () => {
    const h = new ShellHarness();
    h.run('docker pull alpine');
    h.run('docker tag alpine localhost:5000/alpine');
    const id = short(h, 'alpine');
    expect(h.run(`docker rmi ${id}`).stderr).toBe(
      `Error response from daemon: conflict: unable to delete ${id} (must be forced) - image is referenced in multiple repositories\n`,
    );
    const forced = h.run(`docker rmi -f ${id}`).stdout;
    expect(forced).toContain('Untagged: alpine:latest\n');
    expect(forced).toContain('Untagged: localhost:5000/alpine:latest\n');
    expect(forced).toMatch(/^Deleted: sha256:/m);
  });
});
