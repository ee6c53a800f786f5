import { describe, expect, it } from 'vitest';
import { hostWith, sh } from './testing';

describe('cat', () => {
  it('prints daemon.json, and says so when it does not exist', () => {
    const d = hostWith('modern');
    expect(sh(d, 'cat /etc/docker/daemon.json').out).toBe('{}\n');
    d.writeDaemonJson('');
    expect(sh(d, 'cat /etc/docker/daemon.json')).toEqual({
      out: '',
      err: 'cat: /etc/docker/daemon.json: No such file or directory\n',
      status: 1,
    });
  });

  it('/proc/PID/status shows the container init as PID 1 in its namespace', () => {
    const d = hostWith('modern');
    const web = d.container('web');
    const status = sh(d, `cat /proc/${web.pid}/status`).out;
    expect(status).toContain('Name:\tnginx\n');
    expect(status).toContain(`NSpid:\t${web.pid}\t1\n`);
    expect(status).toContain('CapEff:\t00000000a80425fb\n');
    expect(sh(d, 'cat /proc/845/status').out).toContain('NSpid:\t845\n');
  });

  it('/proc/PID/cmdline holds NUL-separated arguments; cat -A shows them', () => {
    const d = hostWith('modern');
    expect(sh(d, 'cat /proc/812/cmdline').out).toBe('/usr/bin/containerd\0');
    expect(sh(d, 'cat -A /proc/845/cmdline').out).toBe(
      '/usr/bin/dockerd^@-H^@unix:///var/run/docker.sock^@--containerd=/run/containerd/containerd.sock^@',
    );
  });

  it('/proc/PID/cgroup and /sys/fs/cgroup show where systemd and Docker put each process', () => {
    const d = hostWith('modern');
    const web = d.container('web');
    const shim = d.sim.world.tasks[web.id]?.shimPid ?? 0;
    expect(sh(d, `cat /proc/${shim}/cgroup`).out).toBe('0::/system.slice/containerd.service\n');
    expect(sh(d, `cat /proc/${web.pid}/cgroup`).out).toBe(
      `0::/system.slice/docker-${web.id}.scope\n`,
    );
    expect(
      sh(d, `cat /sys/fs/cgroup/system.slice/docker-${web.id}.scope/cgroup.procs`).out,
    ).toMatch(new RegExp(`^${web.pid}\\n`));
  });

  it('answers as cat does for other paths', () => {
    const d = hostWith('modern');
    expect(sh(d, 'cat /etc/nothing').err).toBe('cat: /etc/nothing: No such file or directory\n');
    expect(sh(d, 'cat /etc').err).toBe('cat: /etc: Is a directory\n');
    expect(sh(d, 'cat /run/docker.sock').err).toBe(
      'cat: /run/docker.sock: No such device or address\n',
    );
    expect(sh(d, 'cat /etc/hostname').out).toBe('docker-host\n');
    expect(sh(d, 'cat /etc/os-release').out).toContain(
      'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\n',
    );
  });
});

describe('ls', () => {
  it('/run/containerd holds the sockets and the v2 task bundles', () => {
    const d = hostWith('modern');
    const web = d.container('web');
    expect(sh(d, 'ls -1 /run/containerd').out).toBe(
      'containerd.sock\ncontainerd.sock.ttrpc\nio.containerd.runtime.v1.linux\nio.containerd.runtime.v2.task\ns\n',
    );
    expect(sh(d, 'ls /run/containerd/io.containerd.runtime.v2.task/moby').out).toBe(`${web.id}\n`);
    expect(
      sh(d, `cat /run/containerd/io.containerd.runtime.v2.task/moby/${web.id}/init.pid`).out,
    ).toBe(String(web.pid));
  });

  it('a SIGKILLed daemon leaves its socket; a clean stop removes it', () => {
    const d = hostWith('modern');
    sh(d, 'pkill -9 -x containerd');
    expect(sh(d, 'ls /run/containerd').out).toContain('containerd.sock');
    d.advance(6_000);
    sh(d, 'systemctl stop containerd');
    expect(sh(d, 'ls /run/containerd').out).not.toContain('containerd.sock');
  });

  it('-l prints the long format with total; a missing path is exit 2', () => {
    const d = hostWith('modern');
    const out = sh(d, 'ls -l /run').out;
    expect(out.split('\n')[0]).toMatch(/^total \d+$/);
    expect(out).toMatch(/^srw-rw---- 1 root docker +0 Jan 12 09:00 docker.sock$/m);
    expect(sh(d, 'ls /nope')).toEqual({
      out: '',
      err: "ls: cannot access '/nope': No such file or directory\n",
      status: 2,
    });
    expect(sh(d, 'ls -z').err).toBe(
      "ls: invalid option -- 'z'\nTry 'ls --help' for more information.\n",
    );
  });

  it('follows the era', () => {
    expect(sh(hostWith('monolith'), 'ls /run').out).toBe('docker  docker.pid  docker.sock\n');
    expect(sh(hostWith('split'), 'ls /run/containerd').status).toBe(2);
    expect(sh(hostWith('split'), 'ls /run/docker/containerd').out).toContain(
      'docker-containerd.sock',
    );
  });
});
