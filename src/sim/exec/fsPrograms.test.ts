/**
 * The file programs and the shell's redirections inside a container, in the words of the
 * image's own tools: BusyBox and ash on Alpine, GNU coreutils, dash and bash on Debian (nginx).
 */
import { describe, expect, it } from 'vitest';
import { Driver } from '../testing/driver';
import { execIn, shIn } from '../testing/execHelper';

function both(): Driver {
  const d = new Driver();
  d.run('alpine', { name: 'box', cmd: ['sleep', '3600'] });
  d.run('nginx', { name: 'web' });
  return d;
}

describe('rm, mkdir, touch, cp, mv: their errors', () => {
  it('rm of a missing file: BusyBox "can\'t", GNU "cannot", exit 1; -f is quiet', () => {
    const d = both();
    expect(execIn(d, 'box', ['rm', '/nope'])).toEqual({
      stdout: '',
      stderr: "rm: can't remove '/nope': No such file or directory\n",
      exitCode: 1,
    });
    expect(execIn(d, 'web', ['rm', '/nope']).stderr).toBe(
      "rm: cannot remove '/nope': No such file or directory\n",
    );
    expect(execIn(d, 'box', ['rm', '-f', '/nope'])).toEqual({
      stdout: '',
      stderr: '',
      exitCode: 0,
    });
  });

  it('rm of a directory without -r', () => {
    const d = both();
    expect(execIn(d, 'box', ['rm', '/etc']).stderr).toBe("rm: '/etc' is a directory\n");
    expect(execIn(d, 'web', ['rm', '/etc']).stderr).toBe(
      "rm: cannot remove '/etc': Is a directory\n",
    );
  });

  it('GNU rm refuses to remove / recursively', () => {
    const d = both();
    expect(execIn(d, 'web', ['rm', '-rf', '/']).stderr).toBe(
      "rm: it is dangerous to operate recursively on '/'\n" +
        'rm: use --no-preserve-root to override this failsafe\n',
    );
  });

  it('mkdir of an existing directory or below a missing one; -p makes the parents', () => {
    const d = both();
    expect(execIn(d, 'box', ['mkdir', '/etc']).stderr).toBe(
      "mkdir: can't create directory '/etc': File exists\n",
    );
    expect(execIn(d, 'web', ['mkdir', '/a/b']).stderr).toBe(
      "mkdir: cannot create directory '/a/b': No such file or directory\n",
    );
    expect(execIn(d, 'web', ['mkdir', '-p', '/a/b']).exitCode).toBe(0);
    expect(execIn(d, 'web', ['ls', '/a']).stdout).toBe('b\n');
  });

  it('touch below a missing directory', () => {
    const d = both();
    expect(execIn(d, 'box', ['touch', '/nope/f']).stderr).toBe(
      'touch: /nope/f: No such file or directory\n',
    );
    expect(execIn(d, 'web', ['touch', '/nope/f']).stderr).toBe(
      "touch: cannot touch '/nope/f': No such file or directory\n",
    );
  });

  it('cp and mv: a missing source, a directory without -r; the copy and the move work', () => {
    const d = both();
    expect(execIn(d, 'box', ['cp', '/nope', '/tmp']).stderr).toBe(
      "cp: can't stat '/nope': No such file or directory\n",
    );
    expect(execIn(d, 'web', ['mv', '/nope', '/tmp']).stderr).toBe(
      "mv: cannot stat '/nope': No such file or directory\n",
    );
    expect(execIn(d, 'web', ['cp', '/etc', '/tmp']).stderr).toBe(
      "cp: -r not specified; omitting directory '/etc'\n",
    );
    shIn(d, 'box', 'cp /etc/os-release /tmp && mv /tmp/os-release /root/release');
    expect(execIn(d, 'box', ['ls', '/tmp', '/root']).stdout).toBe('/tmp:\n\n/root:\nrelease\n');
    expect(execIn(d, 'box', ['cat', '/root/release']).stdout).toContain('ID=alpine\n');
  });

  it('GNU missing operands', () => {
    const d = both();
    expect(execIn(d, 'web', ['rm'])).toEqual({
      stdout: '',
      stderr: "rm: missing operand\nTry 'rm --help' for more information.\n",
      exitCode: 1,
    });
  });
});

describe('sh -c: output redirections', () => {
  it('> makes or empties the file, >> appends; the command’s output goes there, not to the terminal', () => {
    const d = both();
    const r = shIn(d, 'box', 'echo one > /tmp/f; echo two >> /tmp/f; echo -n three >> /tmp/f');
    expect(r).toEqual({ stdout: '', stderr: '', exitCode: 0 });
    expect(execIn(d, 'box', ['cat', '/tmp/f']).stdout).toBe('one\ntwo\nthree');
    shIn(d, 'box', 'echo fresh > /tmp/f');
    expect(execIn(d, 'box', ['cat', '/tmp/f']).stdout).toBe('fresh\n');
  });

  it('2> sends errors to a file, >&2 output to stderr, > /dev/null nowhere', () => {
    const d = both();
    const r = shIn(
      d,
      'box',
      'ls /nope 2> /tmp/err; echo warn >&2; echo gone > /dev/null; cat /tmp/err',
    );
    expect(r.stdout).toBe('ls: /nope: No such file or directory\n');
    expect(r.stderr).toBe('warn\n');
  });

  it('a redirection into a missing directory: ash, dash and bash each say it their way', () => {
    const d = both();
    expect(shIn(d, 'box', 'echo hi > /nope/f')).toEqual({
      stdout: '',
      stderr: "sh: can't create /nope/f: nonexistent directory\n",
      exitCode: 1,
    });
    expect(shIn(d, 'web', 'echo hi > /nope/f')).toEqual({
      stdout: '',
      stderr: 'sh: 1: cannot create /nope/f: Directory nonexistent\n',
      exitCode: 2,
    });
    expect(execIn(d, 'web', ['bash', '-c', 'echo hi > /nope/f']).stderr).toBe(
      'bash: line 1: /nope/f: No such file or directory\n',
    );
    expect(shIn(d, 'box', 'echo hi > /etc').stderr).toBe("sh: can't create /etc: Is a directory\n");
  });

  it('cd moves the shell, and relative paths follow it', () => {
    const d = both();
    shIn(d, 'box', 'mkdir /work && cd /work && echo x > here');
    expect(execIn(d, 'box', ['cat', '/work/here']).stdout).toBe('x\n');
  });
});
