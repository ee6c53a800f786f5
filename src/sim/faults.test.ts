/**
 * Every fault row of FACTS.md §3 and the list, checked on the world and the trace.
 */
import { describe, expect, it } from 'vitest';
import { Driver } from './testing/driver';

const noAutoRestart = { systemdRestart: false } as const;

describe('dockerd SIGKILLed (modern era)', () => {
  it('leaves the container running under its shim while dockerd is down', () => {
    const d = new Driver(noAutoRestart);
    d.run('nginx', { name: 'web' });
    const pid = d.container('web').pid;
    d.signal({ service: 'dockerd' }, 'SIGKILL');
    expect(d.isDockerdUp()).toBe(false);
    expect(d.process(pid)?.name).toBe('nginx');
    expect(d.sim.world.processes[d.process(pid)!.ppid]?.name).toBe('containerd-shim-runc-v2');
    expect(d.api('GET', '/containers/json').connectionRefused).toBe(true);
  });

  it('without live-restore: the restarted dockerd shuts the container down and marks it exited', () => {
    const d = new Driver(noAutoRestart);
    d.run('nginx', { name: 'web' });
    const pid = d.container('web').pid;
    d.signal({ service: 'dockerd' }, 'SIGKILL');
    d.systemctl('start', 'docker');
    expect(d.isDockerdUp()).toBe(true);
    expect(d.process(pid)).toBeUndefined();
    expect(d.container('web').state).toBe('exited');
    expect(d.messages()).toContain('Tasks.Get');
    expect(d.processes('containerd-shim-runc-v2')).toHaveLength(0);
  });

  it('a restart policy starts the container again after the restore', () => {
    const d = new Driver(noAutoRestart);
    d.run('nginx', { name: 'web', restart: 'always' });
    const oldPid = d.container('web').pid;
    d.signal({ service: 'dockerd' }, 'SIGKILL');
    d.systemctl('start', 'docker');
    d.advance(1000);
    const web = d.container('web');
    expect(web.state).toBe('running');
    expect(web.pid).not.toBe(oldPid);
  });

  it('a program that ignores SIGTERM is SIGKILLed after the stop timeout on restore: exit 137', () => {
    const d = new Driver(noAutoRestart);
    d.run('alpine', { name: 'sleeper', cmd: ['sleep', '3600'] });
    d.signal({ service: 'dockerd' }, 'SIGKILL');
    const before = d.sim.now;
    d.systemctl('start', 'docker');
    expect(d.container('sleeper').exitCode).toBe(137);
    expect(d.sim.now - before).toBeGreaterThanOrEqual(10_000);
  });

  it('with live-restore: the restarted dockerd reconnects and the container keeps its PID', () => {
    const d = new Driver({ ...noAutoRestart, liveRestore: true });
    d.run('nginx', { name: 'web' });
    const pid = d.container('web').pid;
    d.signal({ service: 'dockerd' }, 'SIGKILL');
    d.systemctl('start', 'docker');
    expect(d.container('web').state).toBe('running');
    expect(d.container('web').pid).toBe(pid);
    expect(d.process(pid)?.name).toBe('nginx');
    expect(d.messages().some((m) => m.startsWith('live-restore: reconnected'))).toBe(true);
  });

  it('systemd restarts a crashed dockerd after RestartSec=2s (Restart=always)', () => {
    const d = new Driver();
    d.run('nginx', { name: 'web' });
    d.signal({ service: 'dockerd' }, 'SIGKILL');
    d.advance(1900);
    expect(d.isDockerdUp()).toBe(false);
    expect(d.sim.world.services.dockerd.state).toBe('restarting');
    d.advance(1000);
    expect(d.isDockerdUp()).toBe(true);
  });

  it('gives up after three crashes in a minute (StartLimitBurst=3)', () => {
    const d = new Driver();
    for (let i = 0; i < 3; i++) {
      d.signal({ service: 'dockerd' }, 'SIGKILL');
      d.advance(2500);
      expect(d.isDockerdUp()).toBe(true);
    }
    d.signal({ service: 'dockerd' }, 'SIGKILL');
    d.advance(5000);
    expect(d.sim.world.services.dockerd.state).toBe('down');
    expect(d.sim.world.journal.map((j) => j.text)).toContain(
      "docker.service: Failed with result 'start-limit-hit'.",
    );
  });
});

describe('clean stop of dockerd', () => {
  it('without live-restore: stops every container first (stop signal, then exit)', () => {
    const d = new Driver();
    d.run('nginx', { name: 'web' });
    d.systemctl('stop', 'docker');
    expect(d.isDockerdUp()).toBe(false);
    expect(d.processes('nginx')).toHaveLength(0);
    expect(d.container('web').state).toBe('exited');
    expect(d.container('web').exitCode).toBe(0);
    expect(d.messages()).toContain('Tasks.Kill SIGQUIT');
  });

  it('with live-restore: leaves containers running, and systemd does not restart a stopped unit', () => {
    const d = new Driver({ liveRestore: true });
    d.run('nginx', { name: 'web' });
    d.systemctl('stop', 'docker');
    d.advance(10_000);
    expect(d.isDockerdUp()).toBe(false);
    expect(d.processes('nginx').length).toBeGreaterThan(0);
  });

  it('SIGTERM to dockerd is a clean shutdown, and Restart=always starts it again', () => {
    const d = new Driver();
    d.run('redis', { name: 'cache' });
    d.signal({ service: 'dockerd' }, 'SIGTERM');
    expect(d.container('cache').state).toBe('exited');
    d.advance(2500);
    expect(d.isDockerdUp()).toBe(true);
  });

  it('live-restore is read from daemon.json on reload, not when the file is written', () => {
    const d = new Driver(noAutoRestart);
    d.run('nginx', { name: 'web' });
    d.writeDaemonJson('{ "live-restore": true }');
    expect(d.sim.world.daemonConfig.liveRestore).toBe(false);
    d.systemctl('reload', 'docker');
    expect(d.sim.world.daemonConfig.liveRestore).toBe(true);
    d.systemctl('stop', 'docker');
    expect(d.processes('nginx').length).toBeGreaterThan(0);
  });

  it('a daemon.json that is not JSON keeps dockerd from starting, with its message in the journal', () => {
    const d = new Driver(noAutoRestart);
    d.writeDaemonJson('{ "live-restore": tru }');
    d.systemctl('stop', 'docker');
    const message = d.systemctl('start', 'docker');
    expect(message).toMatch(/^Job for docker.service failed/);
    expect(d.sim.world.journal.at(-2)?.text).toMatch(
      /^unable to configure the Docker daemon with file \/etc\/docker\/daemon.json/,
    );
  });
});

describe('containerd', () => {
  it('killed: containers keep running; on start it reconnects to the shims', () => {
    const d = new Driver(noAutoRestart);
    d.run('nginx', { name: 'web' });
    const pid = d.container('web').pid;
    d.signal({ service: 'containerd' }, 'SIGKILL');
    expect(d.process(pid)?.name).toBe('nginx');
    expect(d.isDockerdUp()).toBe(true);
    const failed = d.run.bind(d);
    expect(() => failed('alpine', { name: 'xx', cmd: ['true'] })).toThrow(/connection refused/);
    d.systemctl('start', 'containerd');
    expect(d.messages()).toContain('Connect (bootstrap.json)');
    expect(d.container('web').state).toBe('running');
    expect(d.stop('web').status).toBe(204);
    expect(d.container('web').exitCode).toBe(0);
  });

  it('an exit while containerd is down is reported when it reconnects', () => {
    const d = new Driver(noAutoRestart);
    d.run('alpine', { name: 'short', cmd: ['sleep', '5'] });
    d.signal({ service: 'containerd' }, 'SIGKILL');
    d.advance(6000);
    expect(d.container('short').state).toBe('running');
    d.systemctl('start', 'containerd');
    expect(d.container('short').state).toBe('exited');
    expect(d.container('short').exitCode).toBe(0);
  });
});

describe('the shim', () => {
  it('killed: containerd runs `shim delete` and the container is killed (137)', () => {
    const d = new Driver();
    d.run('nginx', { name: 'web' });
    const pid = d.container('web').pid;
    d.signal({ shim: 'web' }, 'SIGKILL');
    expect(d.process(pid)).toBeUndefined();
    expect(d.container('web').state).toBe('exited');
    expect(d.container('web').exitCode).toBe(137);
    expect(d.messages()).toContain('runc delete --force');
  });

  it('killed while containerd is down: the orphan runs under PID 1 until containerd cleans up', () => {
    const d = new Driver(noAutoRestart);
    d.run('nginx', { name: 'web' });
    const pid = d.container('web').pid;
    d.signal({ service: 'containerd' }, 'SIGKILL');
    d.signal({ shim: 'web' }, 'SIGKILL');
    expect(d.process(pid)?.ppid).toBe(1);
    d.systemctl('start', 'containerd');
    expect(d.process(pid)).toBeUndefined();
    expect(d.container('web').exitCode).toBe(137);
  });
});

describe('a container process killed from the host', () => {
  it('is reaped by the shim, which reports 128+N up to dockerd', () => {
    const d = new Driver();
    d.run('nginx', { name: 'web' });
    d.signal({ container: 'web' }, 'SIGKILL');
    expect(d.container('web').state).toBe('exited');
    expect(d.container('web').exitCode).toBe(137);
    const labels = d.messages();
    expect(labels.indexOf('TaskExit')).toBeLessThan(labels.indexOf('/tasks/exit'));
  });
});

describe('runc killed mid-start', () => {
  it('fails the start with the OCI error and leaves no shim or runc behind', () => {
    const d = new Driver();
    d.pull('alpine');
    d.sim.apply({ kind: 'armFault', fault: 'killRuncOnNextStart' });
    expect(() => d.run('alpine', { name: 'xx', cmd: ['sleep', '60'] })).toThrow(
      /OCI runtime create failed/,
    );
    expect(d.container('xx').state).toBe('created');
    expect(d.processes('runc')).toHaveLength(0);
    expect(d.processes('containerd-shim-runc-v2')).toHaveLength(0);
  });
});

describe('the 1.10 era (monolith)', () => {
  it('a dead daemon takes its containers with it; on start it marks them exited 137', () => {
    const d = new Driver({ era: 'monolith', systemdRestart: false });
    d.run('nginx', { name: 'web' });
    expect(d.parentOfContainer('web')).toBe('docker');
    d.signal({ service: 'dockerd' }, 'SIGKILL');
    expect(d.processes('nginx')).toHaveLength(0);
    // A dead daemon records nothing: until it restarts, its record still says running.
    expect(d.container('web').state).toBe('running');
    d.systemctl('start', 'docker');
    expect(d.container('web').state).toBe('exited');
    expect(d.container('web').exitCode).toBe(137);
  });

  it('live-restore does not exist for it: a clean stop stops the containers', () => {
    const d = new Driver({ era: 'monolith', liveRestore: true });
    d.run('nginx', { name: 'web' });
    d.systemctl('stop', 'docker');
    expect(d.processes('nginx')).toHaveLength(0);
  });
});

describe('the 1.12-18.06 era (split)', () => {
  it('docker-containerd is a child of dockerd and dies with it; the shim survives and is found again', () => {
    const d = new Driver({ era: 'split', systemdRestart: false, liveRestore: true });
    d.run('nginx', { name: 'web' });
    expect(d.processes('docker-containerd')[0]?.ppid).toBe(d.sim.world.services.dockerd.pid);
    expect(d.parentOfContainer('web')).toBe('docker-containerd-shim');
    const pid = d.container('web').pid;
    d.signal({ service: 'dockerd' }, 'SIGKILL');
    expect(d.processes('docker-containerd')).toHaveLength(0);
    expect(d.process(pid)?.name).toBe('nginx');
    d.systemctl('start', 'docker');
    expect(d.processes('docker-containerd')).toHaveLength(1);
    expect(d.container('web').state).toBe('running');
    expect(d.container('web').pid).toBe(pid);
  });

  it('has no containerd.service of its own', () => {
    const d = new Driver({ era: 'split' });
    expect(d.systemctl('stop', 'containerd')).toBe(
      'Failed to stop containerd.service: Unit containerd.service not found.',
    );
  });
});

describe('a graceful shutdown', () => {
  it("nginx's workers finish (exit 0) before the master: no namespace SIGKILL", () => {
    const d = new Driver();
    d.run('nginx', { name: 'web' });
    const from = d.sim.trace.length;
    d.stop('web');
    const exits = d.sim.trace
      .slice(from)
      .filter((e) => e.kind === 'exit' && (e.detail as { name?: string }).name === 'nginx');
    expect(exits.map((e) => e.label)).toEqual(['exit 0', 'exit 0', 'exit 0']);
    expect(d.sim.trace.slice(from).some((e) => e.kind === 'signal' && e.label === 'SIGKILL')).toBe(
      false,
    );
  });

  it('a program killed outright takes the rest of its namespace with it (SIGKILL)', () => {
    const d = new Driver();
    d.run('nginx', { name: 'web' });
    const from = d.sim.trace.length;
    d.kill('web');
    const signals = d.sim.trace
      .slice(from)
      .filter((e) => e.kind === 'signal')
      .map((e) => `${e.from}:${e.label}`);
    expect(signals.filter((s) => s.startsWith('kernel:SIGKILL'))).toHaveLength(2);
  });
});
