/**
 * `docker history` as a user reads it: the build's own steps with their images' IDs, the base
 * image's steps below them, `<missing>` wherever the step's image is not on this host.
 */
import { describe, expect, it } from 'vitest';
import { ShellHarness } from '../shell/testing';

const HEADER = /^IMAGE {10}CREATED +CREATED BY +SIZE +COMMENT$/;

describe('docker history', () => {
  it('a pulled image: its top entry has the image ID, every entry below is <missing>', () => {
    const h = new ShellHarness();
    h.run('docker pull alpine');
    const id = h.run('docker images -q alpine').stdout.trim();
    const r = h.run('docker history alpine');
    expect(r.status).toBe(0);
    const [header, ...rows] = r.stdout.trimEnd().split('\n');
    expect(header).toMatch(HEADER);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatch(
      new RegExp(`^${id} +\\S.* ago +CMD \\["/bin/sh"\\] +0B +buildkit\\.dockerfile\\.v0$`),
    );
    expect(rows[1]).toMatch(
      /^<missing> +.* ago +ADD alpine-minirootfs-3\.22\.2-x86_64\.tar\.gz \/… +\d+(\.\d+)?MB +buildkit\.dockerfile\.v0$/,
    );
  });

  it('a built image: each step’s image, then the base image’s top entry, then <missing>', () => {
    const h = new ShellHarness();
    h.run('docker build -t app /root/app', 20_000);
    const r = h.run('docker history app');
    const rows = r.stdout.trimEnd().split('\n').slice(1);
    const ids = rows.map((row) => row.split(/\s+/)[0]);
    // Six steps after FROM, the base's nine entries; node:20-alpine's top one has its ID.
    expect(rows).toHaveLength(6 + 9);
    expect(ids.slice(0, 7).every((id) => /^[0-9a-f]{12}$/.test(id ?? ''))).toBe(true);
    expect(ids.slice(7).every((id) => id === '<missing>')).toBe(true);
    expect(ids[0]).toBe(h.run('docker images -q app').stdout.trim());
    expect(ids[6]).toBe(h.run('docker images -q node:20-alpine').stdout.trim());
    expect(rows[0]).toContain('/bin/sh -c #(nop)  CMD ["node" "app.js"]');
    expect(rows[3]).toMatch(/\/bin\/sh -c npm install +\d+(\.\d+)?MB +$/);
  });

  it('--no-trunc, -q, -H=false and --format', () => {
    const h = new ShellHarness();
    h.run('docker pull alpine');
    const full = h.run('docker history --no-trunc alpine').stdout;
    expect(full).toMatch(/^sha256:[0-9a-f]{64} /m);
    expect(full).toContain('ADD alpine-minirootfs-3.22.2-x86_64.tar.gz / # buildkit');
    const id = h.run('docker images -q alpine').stdout.trim();
    expect(h.run('docker image history -q alpine').stdout).toBe(`${id}\n<missing>\n`);
    const raw = h.run('docker history -H=false alpine').stdout.split('\n')[2] ?? '';
    expect(raw).toMatch(/^<missing> +2025-10-08T11:04:54Z +ADD .* +\d+ +buildkit/);
    expect(h.run('docker history --format "{{.Size}} {{.CreatedBy}}" alpine').stdout).toMatch(
      /^0B CMD \["\/bin\/sh"\]\n\d+(\.\d+)?MB ADD alpine-minirootfs/,
    );
  });

  it('an unknown image is dockerd’s "No such image"', () => {
    const h = new ShellHarness();
    const r = h.run('docker history nope');
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('Error response from daemon: No such image: nope:latest\n');
  });
});
