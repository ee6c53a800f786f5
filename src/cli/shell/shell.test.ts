/** The shell as a student meets it: Tab completion, sudo, and pipes that behave like pipes. */
import { describe, expect, it } from 'vitest';
import { ShellHarness } from './testing';

function complete(t: ShellHarness, line: string) {
  return t.shell.complete(line, line.length);
}

describe('Tab completion', () => {
  it('completes command names, docker subcommands and the long forms', () => {
    const t = new ShellHarness();
    expect(complete(t, 'dock').candidates).toContain('docker');
    expect(complete(t, 'docker ru').candidates).toEqual(['run']);
    expect(complete(t, 'docker net')).toEqual({ from: 7, candidates: ['network'] });
    expect(complete(t, 'docker network ').candidates).toEqual([
      'create',
      'inspect',
      'list',
      'ls',
      'remove',
      'rm',
    ]);
  });

  it("completes flags from the real CLI's reference", () => {
    const t = new ShellHarness();
    expect(complete(t, 'docker run --rest').candidates).toEqual(['--restart']);
    expect(complete(t, 'docker ps --no').candidates).toEqual(['--no-trunc']);
  });

  it('completes container names for container commands, images for run', () => {
    const t = new ShellHarness();
    t.run('docker run -d --name web nginx');
    t.run('docker run -d --name worker nginx');
    expect(complete(t, 'docker stop w').candidates).toEqual(['web', 'worker']);
    expect(complete(t, 'docker run -d ngi').candidates).toEqual(['nginx']);
    expect(complete(t, 'docker ps; docker logs we').candidates).toEqual(['web']);
  });
});

describe('sudo', () => {
  it('runs docker too, as root already is', () => {
    const t = new ShellHarness();
    const r = t.run('sudo docker ps');
    expect(r.stdout).toMatch(/^CONTAINER ID/);
    expect(r.status).toBe(0);
  });
});

describe('pipes', () => {
  it('a piped ps keeps whole lines, as procps does when stdout is not a terminal', () => {
    const t = new ShellHarness();
    t.shell.columns = 40;
    t.run('docker run -d --name web nginx');
    expect(t.run('ps -ef').stdout).not.toContain('containerd-shim-runc-v2 -namespace');
    expect(t.run('ps -ef | grep shim').stdout).toContain(
      '/usr/bin/containerd-shim-runc-v2 -namespace moby -id',
    );
  });
});
