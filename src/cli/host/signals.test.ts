import { describe, expect, it } from 'vitest';
import { hostWith, sh } from './testing';

describe('kill', () => {
  it('speaks like the bash builtin', () => {
    const d = hostWith('modern');
    expect(sh(d, 'kill 4242')).toEqual({
      out: '',
      err: 'bash: kill: (4242) - No such process\n',
      status: 1,
    });
    expect(sh(d, 'kill -SIGFOO 845').err).toBe(
      'bash: kill: SIGFOO: invalid signal specification\n',
    );
    expect(sh(d, 'kill abc').err).toBe('bash: kill: abc: arguments must be process or job IDs\n');
    const usage = sh(d, 'kill');
    expect([usage.status, usage.err]).toEqual([
      2,
      'kill: usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]\n',
    ]);
  });

  it('kill -l lists the signals five to a line, and names an exit status of 137', () => {
    const d = hostWith('modern');
    const table = sh(d, 'kill -l').out.split('\n');
    expect(table[0]).toBe(' 1) SIGHUP\t 2) SIGINT\t 3) SIGQUIT\t 4) SIGILL\t 5) SIGTRAP');
    expect(table[12]).toBe('63) SIGRTMAX-1\t64) SIGRTMAX\t');
    expect(sh(d, 'kill -l 137').out).toBe('KILL\n');
    expect(sh(d, 'kill -l TERM').out).toBe('15\n');
  });

  it('kill -9 on the container`s host PID stops it, as the kernel would', () => {
    const d = hostWith('modern');
    const web = d.container('web');
    expect(sh(d, `kill -9 ${web.pid}`).status).toBe(0);
    d.advance(100);
    expect(d.container('web').state).toBe('exited');
    expect(d.container('web').exitCode).toBe(137);
  });

  it('does not let a signal end the terminal`s own session', () => {
    const d = hostWith('modern');
    expect(sh(d, 'kill 1187').status).toBe(0);
    expect(sh(d, 'kill -9 1187').err).toBe(
      'bash: kill: (1187) - not ending the terminal session of this simulation\n',
    );
  });
});

describe('pkill, killall, pidof, pgrep', () => {
  it('pkill -9 dockerd takes the service down while the containers keep running', () => {
    const d = hostWith('modern');
    const web = d.container('web');
    expect(sh(d, 'pkill -9 dockerd').status).toBe(0);
    expect(d.sim.world.services.dockerd.pid).toBeNull();
    expect(d.sim.world.processes[web.pid]?.name).toBe('nginx');
    expect(sh(d, 'pidof dockerd').status).toBe(1);
    expect(sh(d, 'systemctl is-active docker').out).toBe('activating\n');
  });

  it('systemctl start docker brings it back after a stop', () => {
    const d = hostWith('modern');
    sh(d, 'systemctl stop docker');
    expect(sh(d, 'systemctl is-active docker')).toEqual({ out: 'inactive\n', err: '', status: 3 });
    expect(sh(d, 'systemctl start docker').status).toBe(0);
    expect(sh(d, 'systemctl is-active docker').out).toBe('active\n');
    expect(sh(d, 'pidof dockerd').out).toMatch(/^\d+\n$/);
  });

  it('pkill matches comm, which is cut to 15 characters, and says so', () => {
    const d = hostWith('modern');
    const r = sh(d, 'pkill containerd-shim-runc-v2');
    expect(r.status).toBe(1);
    expect(r.err).toBe(
      "pkill: pattern that searches for process name longer than 15 characters will result in zero matches\nTry `pkill -f' option to match against the complete command line.\n",
    );
    expect(sh(d, 'pgrep -f containerd-shim-runc-v2').out).toMatch(/^\d+\n$/);
    expect(sh(d, 'pkill nothing-like-this').status).toBe(1);
  });

  it('pidof prints the newest PID first; killall names what it did not find', () => {
    const d = hostWith('modern');
    const pids = Object.values(d.sim.world.processes)
      .filter((p) => p.name === 'nginx')
      .map((p) => p.pid)
      .sort((a, b) => b - a);
    expect(sh(d, 'pidof nginx').out).toBe(`${pids.join(' ')}\n`);
    expect(sh(d, 'pidof nothing')).toEqual({ out: '', err: '', status: 1 });
    expect(sh(d, 'killall nothing')).toEqual({
      out: '',
      err: 'nothing: no process found\n',
      status: 1,
    });
    expect(sh(d, 'killall -FOO nginx').err).toBe(
      'FOO: unknown signal; killall -l lists signals.\n',
    );
  });

  it('killall matches a long name against the command line, as psmisc does', () => {
    const d = hostWith('modern');
    const shim = d.sim.world.tasks[d.container('web').id]?.shimPid ?? 0;
    const r = sh(d, 'killall -v -KILL containerd-shim-runc-v2');
    expect(r.err).toBe(`Killed containerd-shim(${shim}) with signal 9\n`);
    expect(d.sim.world.processes[shim]).toBeUndefined();
  });
});
