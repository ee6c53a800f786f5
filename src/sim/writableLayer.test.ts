/**
 * A container's files as a user meets them through `docker exec` and `docker diff`: the image's
 * layers read-only below, the container's writable layer on top (copy-up, whiteouts, opaque
 * directories), volumes and bind mounts beside it, and what `docker rm` keeps and drops.
 */
import { describe, expect, it } from 'vitest';
import { DEMO_APP } from './world';
import { Driver } from './testing/driver';
import { execIn, shIn } from './testing/execHelper';

type Change = { Path: string; Kind: number };

function changes(d: Driver, ref: string): Change[] | null {
  return d.api('GET', `/containers/${ref}/changes`).body as Change[] | null;
}

/** `docker diff` as text: `C /etc` lines. */
function diff(d: Driver, ref: string): string[] {
  return (changes(d, ref) ?? []).map((c) => `${'CAD'[c.Kind] ?? '?'} ${c.Path}`);
}

function withBox(): Driver {
  const d = new Driver();
  d.run('alpine', { name: 'box', cmd: ['sleep', '3600'] });
  return d;
}

describe('the writable layer: copy-up, whiteouts, A/C/D', () => {
  it('a new file lands in the container’s layer, listed under its directory; the image is untouched', () => {
    const d = withBox();
    expect(shIn(d, 'box', 'echo hello > /tmp/a.txt; cat /tmp/a.txt').stdout).toBe('hello\n');
    expect(execIn(d, 'box', ['ls', '/tmp']).stdout).toBe('a.txt\n');
    expect(diff(d, 'box')).toEqual(['C /tmp', 'A /tmp/a.txt']);
    d.run('alpine', { name: 'other', cmd: ['sleep', '3600'] });
    expect(execIn(d, 'other', ['cat', '/tmp/a.txt']).stderr).toBe(
      "cat: can't open '/tmp/a.txt': No such file or directory\n",
    );
    expect(changes(d, 'other')).toBeNull();
  });

  it('changing a file an image layer holds copies it up first: C, with the lower text kept', () => {
    const d = withBox();
    const before = execIn(d, 'box', ['cat', '/etc/os-release']).stdout;
    shIn(d, 'box', 'echo EDITED=1 >> /etc/os-release');
    expect(execIn(d, 'box', ['cat', '/etc/os-release']).stdout).toBe(`${before}EDITED=1\n`);
    expect(diff(d, 'box')).toEqual(['C /etc', 'C /etc/os-release']);
    expect(d.container('box').rw?.['/etc/os-release']).toMatchObject({ kind: 'C' });
  });

  it('deleting a lower file leaves a whiteout (D); deleting the container’s own file leaves nothing', () => {
    const d = withBox();
    expect(execIn(d, 'box', ['rm', '/etc/alpine-release']).exitCode).toBe(0);
    shIn(d, 'box', 'touch /tmp/scratch && rm /tmp/scratch');
    expect(diff(d, 'box')).toEqual(['C /etc', 'D /etc/alpine-release']);
    expect(execIn(d, 'box', ['ls', '/etc']).stdout).not.toContain('alpine-release');
  });

  it('mkdir -p adds each new directory; the walk lists parents first, in name order', () => {
    const d = withBox();
    shIn(d, 'box', 'mkdir -p /srv/app/logs && touch /srv/app/logs/a.log && echo x > /srv/app-b');
    expect(diff(d, 'box')).toEqual([
      'C /srv',
      'A /srv/app',
      'A /srv/app/logs',
      'A /srv/app/logs/a.log',
      'A /srv/app-b',
    ]);
  });

  it('a directory removed and made again hides what the image had in it (opaque)', () => {
    const d = new Driver();
    d.run('nginx', { name: 'web' });
    shIn(d, 'web', 'rm -r /etc/nginx/conf.d && mkdir /etc/nginx/conf.d');
    expect(execIn(d, 'web', ['ls', '/etc/nginx/conf.d']).stdout).toBe('');
    expect(diff(d, 'web')).toContain('C /etc/nginx/conf.d');
    expect(diff(d, 'web')).not.toContain('C /etc/nginx/conf.d/default.conf');
  });

  it('a fresh nginx container already has changes: its entrypoint and nginx write as they start', () => {
    const d = new Driver();
    d.run('nginx', { name: 'web' });
    expect(diff(d, 'web')).toEqual([
      'C /etc',
      'C /etc/nginx',
      'C /etc/nginx/conf.d',
      'C /etc/nginx/conf.d/default.conf',
      'C /run',
      'A /run/nginx.pid',
      'C /var',
      'C /var/cache',
      'C /var/cache/nginx',
      'A /var/cache/nginx/client_temp',
      'A /var/cache/nginx/fastcgi_temp',
      'A /var/cache/nginx/proxy_temp',
      'A /var/cache/nginx/scgi_temp',
      'A /var/cache/nginx/uwsgi_temp',
    ]);
    expect(execIn(d, 'web', ['cat', '/etc/nginx/conf.d/default.conf']).stdout).toContain(
      '    listen       80;\n    listen  [::]:80;\n',
    );
  });

  it('the files Docker writes for the container are mounts: never in the diff', () => {
    const d = withBox();
    shIn(d, 'box', 'echo "10.0.0.9 db" >> /etc/hosts');
    expect(execIn(d, 'box', ['cat', '/etc/hosts']).stdout).toContain('10.0.0.9 db\n');
    expect(changes(d, 'box')).toBeNull();
    expect(execIn(d, 'box', ['rm', '/etc/hosts']).stderr).toBe(
      "rm: can't remove '/etc/hosts': Resource busy\n",
    );
  });
});

describe('files from the image’s COPY layers', () => {
  it('cat and ls inside a container of the built app see what COPY put in /app', () => {
    const d = new Driver();
    const context = Object.fromEntries(
      Object.entries(DEMO_APP).map(([path, text]) => [path.replace('/root/app/', ''), text]),
    );
    d.sim.request({ method: 'POST', path: '/v1.51/build?t=hello', body: { context } });
    d.run('hello', { name: 'web' });
    expect(d.container('web').state).toBe('running');
    expect(execIn(d, 'web', ['cat', '/app/app.js']).stdout).toBe(DEMO_APP['/root/app/app.js']);
    expect(execIn(d, 'web', ['ls', '/app']).stdout).toBe('app.js\nindex.html\npackage.json\n');
    // The working directory is WORKDIR /app: relative paths start there.
    expect(execIn(d, 'web', ['cat', 'index.html']).stdout).toBe(
      '<h1>Hello from a container</h1>\n',
    );
    shIn(d, 'web', 'echo "<h1>changed</h1>" > index.html');
    expect(diff(d, 'web')).toEqual(['C /app', 'C /app/index.html']);
  });
});

describe('docker rm and volumes', () => {
  it('docker rm drops the writable layer: a new container from the same image starts clean', () => {
    const d = withBox();
    shIn(d, 'box', 'echo gone > /root/note');
    expect(d.rm('box', { force: true }).status).toBe(204);
    d.run('alpine', { name: 'box', cmd: ['sleep', '3600'] });
    expect(changes(d, 'box')).toBeNull();
    expect(execIn(d, 'box', ['cat', '/root/note']).exitCode).toBe(1);
  });

  it('a write under a named volume goes to the volume, which outlives docker rm', () => {
    const d = new Driver();
    d.run('alpine', { name: 'writer', cmd: ['sleep', '3600'], volumes: ['notes:/data'] });
    shIn(d, 'writer', 'mkdir /data/logs && echo kept > /data/logs/n.txt');
    // Not in the container's layer, so not in its diff.
    expect(changes(d, 'writer')).toBeNull();
    expect(d.sim.world.volumes['notes']?.files).toEqual({ 'logs/': '', 'logs/n.txt': 'kept\n' });
    d.rm('writer', { force: true, volumes: true });
    expect(d.sim.world.volumes['notes']).toBeDefined();
    d.run('alpine', { name: 'reader', cmd: ['sleep', '3600'], volumes: ['notes:/srv'] });
    expect(execIn(d, 'reader', ['cat', '/srv/logs/n.txt']).stdout).toBe('kept\n');
    expect(execIn(d, 'reader', ['ls', '/srv']).stdout).toBe('logs\n');
  });

  it('the mount point itself cannot be removed', () => {
    const d = new Driver();
    d.run('nginx', { name: 'web', volumes: ['site:/usr/share/nginx/html'] });
    expect(execIn(d, 'web', ['rm', '-r', '/usr/share/nginx/html']).stderr).toBe(
      "rm: cannot remove '/usr/share/nginx/html': Device or resource busy\n",
    );
  });

  it('a bind mount writes the host’s own files', () => {
    const d = new Driver();
    d.run('alpine', { name: 'dev', cmd: ['sleep', '3600'], volumes: ['/root/app:/src'] });
    expect(execIn(d, 'dev', ['cat', '/src/index.html']).stdout).toBe(
      DEMO_APP['/root/app/index.html'],
    );
    shIn(d, 'dev', 'echo "<p>from the container</p>" >> /src/index.html && rm /src/.dockerignore');
    expect(d.sim.world.files['/root/app/index.html']).toBe(
      '<h1>Hello from a container</h1>\n<p>from the container</p>\n',
    );
    expect(d.sim.world.files['/root/app/.dockerignore']).toBeUndefined();
    expect(changes(d, 'dev')).toBeNull();
  });
});

describe('docker run with a command that writes', () => {
  it('sh -c writes to the layer as the container starts, and its output is the log', () => {
    const d = new Driver();
    d.run('alpine', { name: 'job', cmd: ['sh', '-c', 'echo made > /root/x; cat /root/x'] });
    d.advance(100);
    expect(d.container('job').logs.map((l) => l.text)).toEqual(['made']);
    expect(diff(d, 'job')).toEqual(['C /root', 'A /root/x']);
  });

  it('cat as the command reads a volume another container filled', () => {
    const d = new Driver();
    d.run('alpine', {
      name: 'writer',
      cmd: ['sh', '-c', 'echo saved > /data/v'],
      volumes: ['vol:/data'],
    });
    d.run('alpine', { name: 'reader', cmd: ['cat', '/data/v'], volumes: ['vol:/data'] });
    d.advance(100);
    expect(d.container('reader').logs.map((l) => l.text)).toEqual(['saved']);
  });
});

describe('replay', () => {
  it('the world rebuilt from the trace has the same layers and volume files', () => {
    const d = new Driver({ seed: 3 });
    d.run('alpine', { name: 'box', cmd: ['sleep', '3600'], volumes: ['vol:/v'] });
    shIn(d, 'box', 'echo a > /v/a; echo b > /b; rm /etc/os-release');
    const rebuilt = d.sim.worldAt(d.sim.trace.length - 1);
    expect(rebuilt.containers).toEqual(d.sim.world.containers);
    expect(rebuilt.volumes).toEqual(d.sim.world.volumes);
  });
});
