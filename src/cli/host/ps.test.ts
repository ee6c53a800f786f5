import { describe, expect, it } from 'vitest';
import { hostWith, sh } from './testing';

function rowOf(out: string, pid: number): string[] {
  const line = out.split('\n').find((l) => l.trim().split(/\s+/)[1] === String(pid));
  if (!line) throw new Error(`no row for ${pid} in\n${out}`);
  return line.trim().split(/\s+/);
}

describe('ps', () => {
  it('ps -ef lists the shim under PID 1 with its command line and nginx under the shim', () => {
    const d = hostWith('modern');
    const web = d.container('web');
    const shimPid = d.sim.world.tasks[web.id]?.shimPid ?? 0;
    const r = sh(d, 'ps -efww');
    expect(r.status).toBe(0);
    expect(r.out.split('\n')[0]).toBe('UID          PID    PPID  C STIME TTY          TIME CMD');
    const shim = rowOf(r.out, shimPid);
    expect(shim[2]).toBe('1');
    expect(shim.slice(7).join(' ')).toBe(
      `/usr/bin/containerd-shim-runc-v2 -namespace moby -id ${web.id} -address /run/containerd/containerd.sock`,
    );
    const nginx = rowOf(r.out, web.pid);
    expect(nginx[2]).toBe(String(shimPid));
    expect(nginx.slice(7).join(' ')).toBe('nginx: master process nginx -g daemon off;');
    expect(r.out).toMatch(/^root\s+845\s+1 .* \/usr\/bin\/dockerd -H /m);
    expect(r.out).toMatch(/^root\s+812\s+1 .* \/usr\/bin\/containerd$/m);
  });

  it('cuts lines at the terminal width like procps on a tty, and ww lifts the limit', () => {
    const d = hostWith('modern');
    const narrow = sh(d, 'ps -ef', 80);
    expect(narrow.out.split('\n').every((l) => l.length <= 80)).toBe(true);
    expect(sh(d, 'ps -efww', 80).out).toContain('-address /run/containerd/containerd.sock');
  });

  it('plain ps shows the terminal session: login, bash and ps itself', () => {
    const d = hostWith('modern');
    const r = sh(d, 'ps');
    const lines = r.out.trimEnd().split('\n');
    expect(lines[0]).toBe('    PID TTY          TIME CMD');
    expect(lines.slice(1).map((l) => l.trim().split(/\s+/).slice(1).join(' '))).toEqual([
      'tty1 00:00:00 login',
      'tty1 00:00:00 bash',
      'tty1 00:00:00 ps',
    ]);
  });

  it('ps aux has the BSD user format and the session states', () => {
    const d = hostWith('modern');
    const r = sh(d, 'ps aux');
    expect(r.out.split('\n')[0]).toBe(
      'USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND',
    );
    expect(r.out).toMatch(/ Ssl +09:00 +0:00 \/usr\/bin\/dockerd/);
    expect(r.out).toMatch(/ R\+ +09:00 +0:00 ps aux\n/);
  });

  it('ps -eo pid,ppid,comm prints comm cut to 15 characters', () => {
    const d = hostWith('modern');
    const r = sh(d, 'ps -eo pid,ppid,comm');
    expect(r.out.split('\n')[0]).toBe('    PID    PPID COMMAND');
    expect(r.out).toMatch(/^\s+\d+\s+1 containerd-shim$/m);
    expect(r.out).not.toContain('containerd-shim-runc-v2');
  });

  it('ps -p PID -o comm= prints just the name', () => {
    const d = hostWith('modern');
    expect(sh(d, 'ps -p 845 -o comm=').out).toBe('dockerd\n');
    expect(sh(d, 'ps -p 99999 -o comm=').status).toBe(1);
  });

  it('ps -ef --forest draws the shim above its container', () => {
    const d = hostWith('modern');
    const out = sh(d, 'ps -ef --forest').out;
    expect(out).toMatch(/containerd-shim-runc-v2 .*\n.* \\_ nginx: master process/);
    expect(out).toMatch(/ {6}\\_ nginx: worker process/);
  });

  it('answers bad options as procps does', () => {
    const d = hostWith('modern');
    const bsd = sh(d, 'ps z');
    expect(bsd.status).toBe(1);
    expect(bsd.err).toMatch(
      /^error: unsupported option \(BSD syntax\)\n\nUsage:\n ps \[options\]\n/,
    );
    expect(sh(d, 'ps -z').err).toMatch(/^error: unsupported SysV option\n/);
    expect(sh(d, 'ps --bogus').err).toMatch(/^error: unknown gnu long option\n/);
    expect(sh(d, 'ps -o nope').err).toMatch(/^error: unknown user-defined format specifier "nope"/);
  });

  it('follows the era: docker-containerd is dockerd`s child in 17.x, containers the daemon`s in 1.10', () => {
    const split = hostWith('split');
    expect(sh(split, 'ps -ef').out).toMatch(/^root\s+861\s+845 .* docker-containerd --config/m);
    const mono = hostWith('monolith');
    const web = mono.container('web');
    expect(rowOf(sh(mono, 'ps -ef').out, web.pid)[2]).toBe('845');
    expect(sh(mono, 'ps -ef').out).toContain('/usr/bin/docker daemon -H');
  });
});
