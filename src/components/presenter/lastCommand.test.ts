/** The banner's line: the last typed command in a trace, up to the playback cursor. */
import { describe, expect, it } from 'vitest';
import { ShellHarness } from '../../cli/shell/testing';
import { lastCommand } from './lastCommand';

describe('lastCommand', () => {
  it('is null before anything was typed', () => {
    expect(lastCommand(new ShellHarness().sim.trace)).toBeNull();
    expect(lastCommand([])).toBeNull();
  });

  it('is the last line typed, without its prompt, whatever messages followed it', () => {
    const t = new ShellHarness();
    t.run('docker run -d --name web nginx');
    t.run('docker ps');
    expect(lastCommand(t.sim.trace)).toBe('docker ps');
  });

  it('counts only the entries up to the cursor (a session stepped back)', () => {
    const t = new ShellHarness();
    t.run('docker run -d --name web nginx');
    const before = t.sim.trace.length;
    t.run('docker ps');
    expect(lastCommand(t.sim.trace, before - 1)).toBe('docker run -d --name web nginx');
    expect(lastCommand(t.sim.trace, -1)).toBeNull();
  });

  it('skips inputs that were not typed (faults, a setting written)', () => {
    const trace = [
      { kind: 'input', from: 'user', label: '$ kubectl get pods' },
      { kind: 'http-request', from: 'cli', label: '$ not typed' },
      { kind: 'input', from: 'user', label: 'power off worker-1' },
    ];
    expect(lastCommand(trace)).toBe('kubectl get pods');
  });
});
