/**
 * `docker diff` and `docker commit` in the terminal: the requests they send and what they
 * print, as the real CLI does; and the lesson they are for, end to end.
 */
import { describe, expect, it } from 'vitest';
import { ShellHarness } from '../../shell/testing';

function withBox(): ShellHarness {
  const h = new ShellHarness();
  h.run('docker run -d --name box alpine sleep 3600', 5000);
  return h;
}

describe('docker diff', () => {
  it('prints one "KIND /path" line per change, parents first', () => {
    const h = withBox();
    h.run(`docker exec box sh -c 'echo hi > /root/note; rm /etc/alpine-release'`);
    const r = h.run('docker diff box');
    expect(r.requests).toEqual(['HEAD /_ping', 'GET /v1.51/containers/box/changes']);
    expect(r.stdout).toBe('C /etc\nD /etc/alpine-release\nC /root\nA /root/note\n');
    expect(r.status).toBe(0);
  });

  it('prints nothing for an unchanged container; the daemon’s error for an unknown one', () => {
    const h = withBox();
    expect(h.run('docker diff box')).toMatchObject({ stdout: '', stderr: '', status: 0 });
    expect(h.run('docker container diff nope')).toMatchObject({
      stderr: 'Error response from daemon: No such container: nope\n',
      status: 1,
    });
  });
});

describe('docker commit', () => {
  it('sends one POST /commit with the query the real CLI builds, and prints the image ID', () => {
    const h = withBox();
    const r = h.run(`docker commit -m 'first try' -a me -c 'ENV A=1' box myapp`);
    expect(r.requests).toEqual([
      'HEAD /_ping',
      'POST /v1.51/commit?author=me&changes=ENV+A%3D1&comment=first+try&container=box&repo=myapp&tag=latest',
    ]);
    expect(r.stdout).toMatch(/^sha256:[0-9a-f]{64}\n$/);
    expect(r.status).toBe(0);
    const images = h.run('docker images myapp').stdout;
    expect(images).toContain(`myapp        latest    ${r.stdout.slice(7, 19)}`);
  });

  it('--pause=false sends pause=0; no reference sends empty repo and tag', () => {
    const h = withBox();
    expect(h.run('docker commit --pause=false box').requests.at(-1)).toBe(
      'POST /v1.51/commit?author=&comment=&container=box&pause=0&repo=&tag=',
    );
  });

  it('the CLI refuses a bad reference itself; the daemon refuses a --change that is not config', () => {
    const h = withBox();
    const upper = h.run('docker commit box UPPER');
    expect(upper).toMatchObject({
      stderr: 'invalid reference format: repository name (library/UPPER) must be lowercase\n',
      status: 1,
    });
    expect(upper.requests.some((r) => r.includes('/commit'))).toBe(false);
    expect(h.run(`docker commit box repo@sha256:${'a'.repeat(64)}`).stderr).toBe(
      'refusing to create a tag with a digest reference\n',
    );
    expect(h.run('docker commit -c "RUN true" box').stderr).toBe(
      'Error response from daemon: run is not a valid change command\n',
    );
  });
});

describe('the layers lesson, end to end', () => {
  it('changes copied up, committed into a layer, kept by a volume after rm, dropped with the container', () => {
    const h = new ShellHarness();
    h.run('docker run -d --name web -v site:/data nginx', 5000);
    h.run(`docker exec web sh -c 'echo "<h1>v2</h1>" > /usr/share/nginx/html/index.html'`);
    h.run(`docker exec web sh -c 'echo kept > /data/visits'`);
    const diff = h.run('docker diff web').stdout;
    expect(diff).toContain('C /usr/share/nginx/html/index.html\n');
    expect(diff).not.toContain('/data');
    h.run('docker commit web web:v2');
    h.run('docker rm -f web');
    h.run('docker run -d --name web2 web:v2', 5000);
    expect(h.run('docker exec web2 cat /usr/share/nginx/html/index.html').stdout).toBe(
      '<h1>v2</h1>\n',
    );
    h.run('docker run -d --name web3 nginx', 5000);
    expect(h.run('docker exec web3 cat /usr/share/nginx/html/index.html').stdout).toContain(
      '<title>Welcome to nginx!</title>',
    );
    expect(h.run('docker run --rm -v site:/data alpine cat /data/visits', 5000).stdout).toBe(
      'kept\n',
    );
  });
});
