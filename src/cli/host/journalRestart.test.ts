/** systemd's own lines around a crash and its automatic restart, in systemd's order. */
import { describe, expect, it } from 'vitest';
import { ShellHarness } from '../shell/testing';

describe('journalctl after kill -9 dockerd', () => {
  it('shows the exit, the failure once, then the restart counter before the new start', () => {
    const t = new ShellHarness();
    t.run('pkill -9 dockerd');
    t.advance(3000);
    const lines = t
      .run('journalctl -u docker --no-pager')
      .stdout.split('\n')
      .map((l) => l.replace(/^.*?\]: /, ''))
      .filter((l) => l.startsWith('docker.service') || /^(Stopped|Starting|Started) /.test(l));
    expect(lines.slice(2)).toEqual([
      'docker.service: Main process exited, code=killed, status=9/KILL',
      "docker.service: Failed with result 'signal'.",
      'docker.service: Scheduled restart job, restart counter is at 1.',
      'Stopped docker.service - Docker Application Container Engine.',
      'Starting docker.service - Docker Application Container Engine...',
      'Started docker.service - Docker Application Container Engine.',
    ]);
  });
});
