/**
 * Any line at all gets an answer and leaves the terminal working: random lines (docker
 * commands with random flags and names, host commands, shell syntax, control characters,
 * unbalanced quotes, very long lines) never throw, never print an internal error, always end
 * with a status, and the shell accepts the next line. Replaying the log rebuilds the same
 * output and world.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { replayTerminal } from './replay';
import { ShellHarness } from './testing';

const WORDS = [
  'docker',
  'run',
  'ps',
  '-a',
  '-d',
  '--rm',
  '--name',
  'web',
  'nginx',
  'alpine',
  'stop',
  'rm',
  '-f',
  'logs',
  '--tail',
  '2',
  'inspect',
  '-f',
  '{{.State.Status}}',
  'exec',
  'ls',
  'images',
  'pull',
  'rmi',
  'network',
  'volume',
  'create',
  'ls',
  'system',
  'df',
  'container',
  'image',
  'kill',
  '-s',
  'HUP',
  'ps',
  '-ef',
  'pstree',
  '-p',
  'pidof',
  'dockerd',
  'kill',
  '-9',
  'pkill',
  'containerd',
  'systemctl',
  'start',
  'restart',
  'status',
  'docker.service',
  'journalctl',
  '-u',
  'cat',
  '/etc/docker/daemon.json',
  'echo',
  '{"live-restore": true}',
  '>',
  '&&',
  '||',
  ';',
  '|',
  'grep',
  'head',
  '$(pidof dockerd)',
  '"',
  "'",
  '\\',
  '$',
  '(',
  ')',
  '--bogus',
  '-z',
  '--format',
  '{{json .}}',
  'ctr',
  '-n',
  'moby',
  'tasks',
  'runc',
  'list',
  'help',
  'history',
  'clear',
  '\u0007',
  '\u001b[A',
  '8080:80',
  '-p',
  'x',
  '--restart',
  'always',
  'wait',
  'top',
  'events',
  'sleep',
  '1',
  'version',
  'info',
  'tag',
  'a:b',
];

const line = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.array(fc.constantFrom(...WORDS), { maxLength: 8 }).map((w) => w.join(' ')),
  },
  { weight: 2, arbitrary: fc.string({ maxLength: 60 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
);

describe('random terminal lines', () => {
  it('always answer, never break the shell, and replay to the same output', () => {
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 12 }), (lines) => {
        const t = new ShellHarness();
        const output: string[] = [];
        t.shell.subscribe((e) => {
          if (e.type === 'output') output.push(e.chunk.text);
        });
        for (const l of lines) {
          t.run(l, 300);
          if (t.shell.busy) t.interrupt();
          if (t.shell.busy) t.interrupt();
          expect(t.shell.busy).toBe(false);
          expect(Number.isInteger(t.shell.lastStatus)).toBe(true);
        }
        expect(output.join('')).not.toContain('internal error');
        const replayed = replayTerminal(t.sim.options, t.sim.log);
        expect(replayed.divergedAt).toBeNull();
        expect(replayed.output.map((c) => c.text).join('')).toBe(output.join(''));
      }),
      { numRuns: 150 },
    );
  });

  it('a 100 KB line gets the real tool error', () => {
    const t = new ShellHarness();
    const r = t.run(`docker ps ${'a'.repeat(100_000)}`);
    expect(r.stderr.startsWith("docker: 'docker ps' accepts no arguments")).toBe(true);
    expect(r.status).toBe(1);
  });

  it('shell syntax errors read like bash', () => {
    const t = new ShellHarness();
    expect(t.run('echo "unbalanced').stderr).toBe(
      'bash: unexpected EOF while looking for matching `"\'\n',
    );
    expect(t.run('&& ls').stderr).toBe("bash: syntax error near unexpected token `&&'\n");
    expect(t.run('nosuch').stderr).toBe('bash: nosuch: command not found\n');
    expect(t.shell.lastStatus).toBe(127);
  });
});
