/**
 * kubectl's flag parsing, as spf13/pflag does it: every spelling of a flag, bundles, `--`,
 * and pflag's error texts for unknown flags, missing values and bad numbers.
 */
import { describe, expect, it } from 'vitest';
import { findCommand, flagBool, flagInt, flagString, parseFlags, type FlagDef } from './flags';

const DEFS: readonly FlagDef[] = [
  { long: 'namespace', short: 'n', kind: 'string' },
  { long: 'output', short: 'o', kind: 'string' },
  { long: 'all-namespaces', short: 'A', kind: 'bool' },
  { long: 'watch', short: 'w', kind: 'bool' },
  { long: 'replicas', kind: 'int' },
  { long: 'small', kind: 'int32' },
];

function ok(args: string[]) {
  const r = parseFlags(args, DEFS);
  if (!r.ok) throw new Error(r.error);
  return r.flags;
}

function error(args: string[]): string {
  const r = parseFlags(args, DEFS);
  return r.ok ? '' : r.error;
}

describe('parseFlags', () => {
  it('takes values joined, apart, attached and after =', () => {
    for (const args of [
      ['--namespace=kube-system'],
      ['--namespace', 'kube-system'],
      ['-n', 'kube-system'],
      ['-nkube-system'],
      ['-n=kube-system'],
    ])
      expect(flagString(ok(args), 'namespace')).toBe('kube-system');
  });

  it('finds flags anywhere among the arguments, and stops at --', () => {
    const flags = ok(['pods', '-o', 'wide', 'web', '--', '-A']);
    expect(flags.positional).toEqual(['pods', 'web', '-A']);
    expect(flagString(flags, 'output')).toBe('wide');
    expect(flagBool(flags, 'all-namespaces')).toBe(false);
  });

  it('bundles booleans, and lets the last of a bundle take a value', () => {
    const flags = ok(['-Aw', '-Ao', 'wide']);
    expect(flagBool(flags, 'all-namespaces')).toBe(true);
    expect(flagBool(flags, 'watch')).toBe(true);
    expect(flagString(flags, 'output')).toBe('wide');
  });

  it('reads booleans as strconv.ParseBool does', () => {
    expect(flagBool(ok(['--watch=false']), 'watch', true)).toBe(false);
    expect(flagBool(ok(['--watch=T']), 'watch')).toBe(true);
    expect(error(['--watch=maybe'])).toBe(
      'invalid argument "maybe" for "-w, --watch" flag: strconv.ParseBool: parsing "maybe": invalid syntax',
    );
  });

  it('reads integers as strconv.ParseInt with base 0 does', () => {
    expect(flagInt(ok(['--replicas=3']), 'replicas')).toBe(3);
    expect(flagInt(ok(['--replicas', '-1']), 'replicas')).toBe(-1);
    expect(flagInt(ok(['--replicas=0x10']), 'replicas')).toBe(16);
    expect(flagInt(ok(['--replicas=010']), 'replicas')).toBe(8);
    expect(error(['--replicas=three'])).toBe(
      'invalid argument "three" for "--replicas" flag: strconv.ParseInt: parsing "three": invalid syntax',
    );
    expect(error(['--small=3000000000'])).toBe(
      'invalid argument "3000000000" for "--small" flag: strconv.ParseInt: parsing "3000000000": value out of range',
    );
  });

  it("refuses with pflag's words", () => {
    expect(error(['--foo'])).toBe('unknown flag: --foo');
    expect(error(['--foo=bar'])).toBe('unknown flag: --foo');
    expect(error(['-x'])).toBe("unknown shorthand flag: 'x' in -x");
    expect(error(['-Ax'])).toBe("unknown shorthand flag: 'x' in -Ax");
    expect(error(['--namespace'])).toBe('flag needs an argument: --namespace');
    expect(error(['-n'])).toBe("flag needs an argument: 'n' in -n");
  });

  it('takes a lone dash as an argument', () => {
    expect(ok(['-']).positional).toEqual(['-']);
  });
});

describe('findCommand', () => {
  it('skips global flags and their values', () => {
    expect(findCommand(['get', 'pods'])).toBe(0);
    expect(findCommand(['-n', 'kube-system', 'get', 'pods'])).toBe(2);
    expect(findCommand(['--namespace=kube-system', 'get'])).toBe(1);
    expect(findCommand(['--help'])).toBe(-1);
    expect(findCommand([])).toBe(-1);
  });
});
