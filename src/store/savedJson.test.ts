import { describe, expect, it } from 'vitest';
import { firstIssue, otherVersion, parseJsonText } from './savedJson';

describe('savedJson', () => {
  it('refuses text too long before reading it, and says when it is not JSON', () => {
    expect(parseJsonText('{"a":1}'.padEnd(100), 50, 'the file is too large')).toEqual({
      ok: false,
      reason: 'the file is too large',
    });
    expect(parseJsonText('{"a":', 50, 'too large')).toEqual({
      ok: false,
      reason: 'it is not JSON',
    });
    expect(parseJsonText('{"a":1}', 50, 'too large')).toEqual({ ok: true, json: { a: 1 } });
  });

  it('names the version another build saved, and lets unversioned or matching data through', () => {
    expect(otherVersion({ version: 7 }, 2)).toBe('it was saved by another version (7)');
    expect(otherVersion({ version: 2 }, 2)).toBeNull();
    expect(otherVersion(null, 2)).toBeNull();
    expect(otherVersion({ version: 'x' }, 2)).toBeNull();
  });

  it('says where the first schema problem is, naming the whole when it is at the root', () => {
    const at = (path: PropertyKey[]) => ({ issues: [{ path, message: 'Invalid input' }] });
    expect(firstIssue(at(['log', 3, 'input']), 'it')).toBe('log.3.input: Invalid input');
    expect(firstIssue(at([]), 'the file')).toBe('the file: Invalid input');
    expect(firstIssue(at([Symbol('key')]), 'it')).toBe('Symbol(key): Invalid input');
    expect(firstIssue({ issues: [] }, 'it')).toBe('it: invalid');
  });
});
