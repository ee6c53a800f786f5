import { describe, expect, it } from 'vitest';
import { hostWith, sh } from './testing';

describe('systemctl', () => {
  it('status docker has the real layout: Loaded, Active, Main PID, CGroup, journal', () => {
    const d = hostWith('modern');
    const r = sh(d, 'systemctl status docker');
    expect(r.status).toBe(0);
    const lines = r.out.split('\n').map((l) => l.replace(/; \d+s ago$/, '; 8s ago'));
    expect(lines.slice(0, 7)).toEqual([
      '● docker.service - Docker Application Container Engine',
      '     Loaded: loaded (/lib/systemd/system/docker.service; enabled; preset: enabled)',
      '     Active: active (running) since Mon 2026-01-12 09:00:00 UTC; 8s ago',
      '       Docs: https://docs.docker.com',
      '   Main PID: 845 (dockerd)',
      '     CGroup: /system.slice/docker.service',
      '             └─845 /usr/bin/dockerd -H unix:///var/run/docker.sock --containerd=/run/containerd/containerd.sock',
    ]);
    expect(lines[8]).toBe(
      'Jan 12 09:00:00 docker-host systemd[1]: Starting docker.service - Docker Application Container Engine...',
    );
  });

  it('the shims live in containerd.service`s cgroup, not docker.service`s', () => {
    const d = hostWith('modern');
    const shim = d.sim.world.tasks[d.container('web').id]?.shimPid ?? 0;
    const containerd = sh(d, 'systemctl status containerd').out;
    expect(containerd).toContain('     CGroup: /system.slice/containerd.service\n');
    expect(containerd).toMatch(
      new RegExp(`├─ 812 /usr/bin/containerd\\n +└─${shim} /usr/bin/containerd-shim-runc-v2`),
    );
    expect(sh(d, 'systemctl status docker').out).not.toContain('containerd-shim');
  });

  it('ellipsizes long lines to the terminal width unless --full', () => {
    const d = hostWith('modern');
    const narrow = sh(d, 'systemctl status containerd', 80).out.split('\n');
    // systemd cuts the CGroup and journal lines; the header lines are left to wrap.
    expect(narrow.filter((l) => /^ {13}[├└]|^Jan/.test(l)).every((l) => l.length <= 80)).toBe(true);
    expect(narrow.some((l) => l.endsWith('…'))).toBe(true);
    expect(sh(d, 'systemctl status containerd -l', 80).out).toContain(
      '/run/containerd/containerd.sock\n',
    );
  });

  it('a crashed dockerd: failed result, Process and Main PID lines, exit 3', () => {
    const d = hostWith('modern');
    d.sim.apply({ kind: 'signal', target: { service: 'dockerd' }, signal: 'SIGKILL' });
    const r = sh(d, 'systemctl status docker');
    expect(r.status).toBe(3);
    expect(r.out).toContain('     Active: activating (auto-restart) (Result: signal) since');
    expect(r.out).toContain('   Main PID: 845 (code=killed, signal=KILL)');
    expect(r.out).toContain("systemd[1]: docker.service: Failed with result 'signal'.");
  });

  it('unknown units get systemd`s words and exit codes', () => {
    const d = hostWith('modern');
    expect(sh(d, 'systemctl status nginx')).toEqual({
      out: '',
      err: 'Unit nginx.service could not be found.\n',
      status: 4,
    });
    expect(sh(d, 'systemctl start nginx')).toEqual({
      out: '',
      err: 'Failed to start nginx.service: Unit nginx.service not found.\n',
      status: 5,
    });
    expect(sh(d, 'systemctl frobnicate docker').err).toBe("Unknown command verb 'frobnicate'.\n");
  });

  it('has no containerd.service before the 18.09 packaging split', () => {
    const d = hostWith('split');
    expect(sh(d, 'systemctl status containerd').status).toBe(4);
    const status = sh(d, 'systemctl status docker').out;
    expect(status).toMatch(/├─ 861 docker-containerd --config/);
    expect(status).toMatch(/└─\d+ docker-containerd-shim -namespace moby/);
  });

  it('reload asks dockerd to re-read daemon.json', () => {
    const d = hostWith('modern');
    d.writeDaemonJson('{"live-restore": true}\n');
    expect(sh(d, 'systemctl reload docker').status).toBe(0);
    expect(d.sim.world.daemonConfig.liveRestore).toBe(true);
  });

  it('systemctl kill signals every process of the unit`s cgroup, the shims included', () => {
    const d = hostWith('modern');
    const web = d.container('web');
    const shim = d.sim.world.tasks[web.id]?.shimPid ?? 0;
    expect(sh(d, 'systemctl kill -s KILL containerd').status).toBe(0);
    expect(d.sim.world.processes[shim]).toBeUndefined();
    expect(sh(d, 'systemctl kill --kill-whom=main docker').status).toBe(0);
  });
});
