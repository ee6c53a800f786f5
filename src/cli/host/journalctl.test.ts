import { describe, expect, it } from 'vitest';
import { isJob } from '../shell/types';
import { hostWith, sh } from './testing';

describe('journalctl', () => {
  it('reads the unit`s lines in short format, with the daemon`s PID and logrus fields', () => {
    const d = hostWith('modern');
    d.sim.apply({ kind: 'systemctl', action: 'restart', unit: 'docker' });
    const r = sh(d, 'journalctl -u docker --no-pager');
    expect(r.status).toBe(0);
    const lines = r.out.trimEnd().split('\n');
    expect(lines[0]).toBe(
      'Jan 12 09:00:00 docker-host systemd[1]: Starting docker.service - Docker Application Container Engine...',
    );
    expect(r.out).toMatch(
      /^Jan 12 09:00:0\d docker-host dockerd\[845\]: time="2026-01-12T09:00:0\d\.\d{9}Z" level=info msg="Processing signal 'terminated'"$/m,
    );
    expect(r.out).toContain(
      'systemd[1]: Stopping docker.service - Docker Application Container Engine...',
    );
    expect(r.out).toContain('systemd[1]: docker.service: Deactivated successfully.');
    expect(r.out).toMatch(
      /dockerd\[\d+\]: .*msg="API listen on \/var\/run\/docker.sock"\n.*Started docker.service/,
    );
  });

  it('-n limits, also written -n 3; an unknown unit has no entries', () => {
    const d = hostWith('modern');
    expect(sh(d, 'journalctl -u docker -n 1').out.trimEnd().split('\n')).toHaveLength(1);
    expect(sh(d, 'journalctl -u docker -n1').out.trimEnd().split('\n')).toHaveLength(1);
    expect(sh(d, 'journalctl -u nginx')).toEqual({ out: '-- No entries --\n', err: '', status: 0 });
    expect(sh(d, 'journalctl -xeu docker.service').status).toBe(0);
    expect(sh(d, 'journalctl --bogus').err).toBe("journalctl: unrecognized option '--bogus'\n");
  });

  it('-f keeps printing new lines until Ctrl-C', () => {
    const d = hostWith('modern');
    const r = sh(d, 'journalctl -u docker -f');
    if (!isJob(r.status)) throw new Error('expected a job');
    const before = r.out;
    expect(r.status.poll()).toBeNull();
    expect(r.out).toBe(before);
    d.sim.apply({ kind: 'signal', target: { service: 'dockerd' }, signal: 'SIGKILL' });
    expect(r.status.poll()).toBeNull();
    expect(r.out.slice(before.length)).toContain(
      'docker.service: Main process exited, code=killed, status=9/KILL',
    );
    expect(r.status.interrupt()).toBe(130);
  });

  it('shows the shims systemd finds left over when containerd restarts', () => {
    const d = hostWith('modern');
    const shim = d.sim.world.tasks[d.container('web').id]?.shimPid ?? 0;
    sh(d, 'pkill -9 -x containerd');
    d.advance(6_000);
    expect(sh(d, 'journalctl -u containerd').out).toContain(
      `systemd[1]: containerd.service: Found left-over process ${shim} (containerd-shim) in control group while starting unit. Ignoring.`,
    );
  });
});
