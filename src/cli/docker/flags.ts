/**
 * Command-line flags as the docker CLI parses them (spf13/pflag under cobra): `--name web`,
 * `--name=web`, `-e A=1`, `-eA=1`, grouped booleans `-itd`, `--rm=false`, `--` to end flags,
 * and, for commands that run a program (`run`, `create`, `exec`), no flags after the first
 * positional word, so that `docker run alpine ls -l` passes `-l` to `ls`. Errors are pflag's
 * own sentences, which the real CLI prints.
 */
import type { FlagSpec } from './reference';

export type FlagValues = ReadonlyMap<string, readonly string[]>;

export interface ParsedArgs {
  /** Values by long name; booleans hold "true"/"false"; repeated flags keep every value. */
  readonly flags: FlagValues;
  readonly args: readonly string[];
}

export type ParseResult = { ok: true; value: ParsedArgs } | { ok: false; error: string };

const TRUE = new Set(['1', 't', 'T', 'TRUE', 'true', 'True']);
const FALSE = new Set(['0', 'f', 'F', 'FALSE', 'false', 'False']);

function describe(flag: FlagSpec): string {
  return flag.short ? `-${flag.short}, --${flag.long}` : `--${flag.long}`;
}

function invalid(flag: FlagSpec, value: string, why: string): string {
  return `invalid argument ${JSON.stringify(value)} for ${JSON.stringify(describe(flag))} flag: ${why}`;
}

/** Go's time.ParseDuration, for whole and fractional units. */
const DURATION = /^[+-]?((\d+(\.\d*)?|\.\d+)(ns|us|µs|ms|s|m|h))+$|^0$/;

/** Checks a value as pflag's typed flags do, with strconv's and time's messages. */
function check(flag: FlagSpec, value: string): string | null {
  switch (flag.type) {
    case 'bool':
      return TRUE.has(value) || FALSE.has(value)
        ? null
        : invalid(
            flag,
            value,
            `strconv.ParseBool: parsing ${JSON.stringify(value)}: invalid syntax`,
          );
    case 'int':
      return /^[+-]?(0[xX][0-9a-fA-F]+|0[oO]?[0-7]*|[1-9]\d*|0[bB][01]+)$/.test(value) &&
        value.length < 20
        ? null
        : invalid(
            flag,
            value,
            `strconv.ParseInt: parsing ${JSON.stringify(value)}: invalid syntax`,
          );
    case 'uint':
    case 'uint16':
      return /^\d{1,19}$/.test(value) && (flag.type === 'uint' || Number(value) < 65536)
        ? null
        : invalid(
            flag,
            value,
            `strconv.ParseUint: parsing ${JSON.stringify(value)}: ${/^\d+$/.test(value) ? 'value out of range' : 'invalid syntax'}`,
          );
    case 'duration':
      return DURATION.test(value)
        ? null
        : invalid(flag, value, `time: invalid duration ${JSON.stringify(value)}`);
    default:
      return null;
  }
}

/**
 * Parses `argv` against `specs`. With `interspersed` false (run, create, exec), the first
 * positional word ends the flags.
 */
export function parseFlags(
  specs: readonly FlagSpec[],
  argv: readonly string[],
  interspersed = true,
): ParseResult {
  const flags = new Map<string, string[]>();
  const args: string[] = [];
  const set = (flag: FlagSpec, value: string): string | null => {
    const problem = check(flag, value);
    if (problem) return problem;
    const stored = flag.type === 'bool' ? String(TRUE.has(value)) : value;
    flags.set(flag.long, [...(flags.get(flag.long) ?? []), stored]);
    return null;
  };
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i] ?? '';
    if (word === '--') {
      args.push(...argv.slice(i + 1));
      break;
    }
    if (word.startsWith('--') && word.length > 2) {
      const eq = word.indexOf('=');
      const name = word.slice(2, eq === -1 ? undefined : eq);
      const flag = specs.find((f) => f.long === name);
      if (!flag) return { ok: false, error: `unknown flag: --${name}` };
      let value: string;
      if (eq !== -1) value = word.slice(eq + 1);
      else if (flag.type === 'bool') value = 'true';
      else if (i + 1 < argv.length) value = argv[++i] ?? '';
      else return { ok: false, error: `flag needs an argument: --${name}` };
      const problem = set(flag, value);
      if (problem) return { ok: false, error: problem };
      continue;
    }
    if (word.startsWith('-') && word.length > 1) {
      const shorthands = word.slice(1);
      for (let j = 0; j < shorthands.length; j++) {
        const c = shorthands[j] ?? '';
        const flag = specs.find((f) => f.short === c);
        if (!flag) return { ok: false, error: `unknown shorthand flag: '${c}' in -${shorthands}` };
        const rest = shorthands.slice(j + 1);
        let value: string;
        if (flag.type === 'bool') {
          if (!rest.startsWith('=')) {
            const problem = set(flag, 'true');
            if (problem) return { ok: false, error: problem };
            continue;
          }
          value = rest.slice(1);
        } else if (rest.length > 0) value = rest.startsWith('=') ? rest.slice(1) : rest;
        else if (i + 1 < argv.length) value = argv[++i] ?? '';
        else return { ok: false, error: `flag needs an argument: '${c}' in -${shorthands}` };
        const problem = set(flag, value);
        if (problem) return { ok: false, error: problem };
        break;
      }
      continue;
    }
    if (!interspersed) {
      args.push(...argv.slice(i));
      break;
    }
    args.push(word);
  }
  return { ok: true, value: { flags, args } };
}

/** Typed reads of parsed flags. */
export function flagOf(values: FlagValues, long: string): string | undefined {
  return values.get(long)?.at(-1);
}

export function boolOf(values: FlagValues, long: string): boolean {
  return flagOf(values, long) === 'true';
}

export function listOf(values: FlagValues, long: string): readonly string[] {
  return values.get(long) ?? [];
}
