/**
 * kubectl's flags as spf13/pflag parses them: `--name=value`, `--name value`, `-n value`,
 * `-nvalue`, `-n=value`, bundled booleans (`-Aw`), `--` ending the flags, and flags anywhere
 * among the arguments. Errors are pflag's own words (`unknown flag: --foo`, `flag needs an
 * argument: --image`, `invalid argument "x" for "--replicas" flag: ...`); the caller adds
 * kubectl's `error: ` and `See 'kubectl get --help' for usage.`
 */

export type FlagKind = 'bool' | 'string' | 'int' | 'int32';

export interface FlagDef {
  readonly long: string;
  readonly short?: string;
  readonly kind: FlagKind;
  /** A real kubectl flag that this simulation does not model: parsed, then refused honestly. */
  readonly unsupported?: boolean;
}

export type FlagValue = string | number | boolean;

export interface ParsedFlags {
  readonly positional: readonly string[];
  /** Values by long name; only flags that were given. */
  readonly values: ReadonlyMap<string, FlagValue>;
  /** Long names of the unsupported flags that were given, in order. */
  readonly unsupported: readonly string[];
}

export type FlagResult =
  | { readonly ok: true; readonly flags: ParsedFlags }
  | { readonly ok: false; readonly error: string };

/** Flags every kubectl command takes (kubectl's persistent flags). */
export const GLOBAL_FLAGS: readonly FlagDef[] = [
  { long: 'namespace', short: 'n', kind: 'string' },
  { long: 'help', short: 'h', kind: 'bool' },
  { long: 'kubeconfig', kind: 'string', unsupported: true },
  { long: 'context', kind: 'string', unsupported: true },
  { long: 'cluster', kind: 'string', unsupported: true },
  { long: 'user', kind: 'string', unsupported: true },
  { long: 'server', short: 's', kind: 'string', unsupported: true },
  { long: 'token', kind: 'string', unsupported: true },
  { long: 'request-timeout', kind: 'string', unsupported: true },
  { long: 'v', short: 'v', kind: 'int', unsupported: true },
];

function flagName(def: FlagDef): string {
  return def.short ? `-${def.short}, --${def.long}` : `--${def.long}`;
}

/** strconv.ParseBool. */
function parseBool(text: string): boolean | null {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(text)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(text)) return false;
  return null;
}

/** strconv.ParseInt(text, 0, bits): decimal, 0x, 0o, 0b, or a leading 0 for octal. */
function parseInt64(text: string, bits: 32 | 64): number | string {
  const syntax = `strconv.ParseInt: parsing ${JSON.stringify(text)}: invalid syntax`;
  const m = /^([+-]?)(0[xX][0-9a-fA-F]+|0[bB][01]+|0[oO][0-7]+|0[0-7]*|[1-9][0-9]*)$/.exec(text);
  if (!m) return syntax;
  const digits = m[2] ?? '0';
  const octal = /^0[0-7]+$/.test(digits) ? `0o${digits.slice(1)}` : digits;
  let value = BigInt(octal.replace(/^0O/, '0o').replace(/^0X/, '0x').replace(/^0B/, '0b'));
  if (m[1] === '-') value = -value;
  const limit = 1n << BigInt(bits - 1);
  if (value >= limit || value < -limit)
    return `strconv.ParseInt: parsing ${JSON.stringify(text)}: value out of range`;
  return Number(value);
}

function convert(def: FlagDef, text: string): FlagValue | { error: string } {
  const invalid = (why: string) => ({
    error: `invalid argument ${JSON.stringify(text)} for "${flagName(def)}" flag: ${why}`,
  });
  switch (def.kind) {
    case 'string':
      return text;
    case 'bool': {
      const b = parseBool(text);
      return b ?? invalid(`strconv.ParseBool: parsing ${JSON.stringify(text)}: invalid syntax`);
    }
    case 'int':
    case 'int32': {
      const n = parseInt64(text, def.kind === 'int' ? 64 : 32);
      return typeof n === 'number' ? n : invalid(n);
    }
  }
}

export function parseFlags(args: readonly string[], defs: readonly FlagDef[]): FlagResult {
  const byLong = new Map(defs.map((d) => [d.long, d]));
  const byShort = new Map(defs.filter((d) => d.short).map((d) => [d.short ?? '', d]));
  const positional: string[] = [];
  const values = new Map<string, FlagValue>();
  const unsupported: string[] = [];
  const set = (def: FlagDef, text: string): string | null => {
    const value = convert(def, text);
    if (typeof value === 'object') return value.error;
    values.set(def.long, value);
    if (def.unsupported && !unsupported.includes(def.long)) unsupported.push(def.long);
    return null;
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '--') {
      positional.push(...args.slice(i + 1));
      break;
    }
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
      const def = byLong.get(name);
      if (!def) return { ok: false, error: `unknown flag: --${name}` };
      let text: string;
      if (eq >= 0) text = arg.slice(eq + 1);
      else if (def.kind === 'bool') text = 'true';
      else {
        const next = args[i + 1];
        if (next === undefined) return { ok: false, error: `flag needs an argument: ${arg}` };
        text = next;
        i++;
      }
      const problem = set(def, text);
      if (problem) return { ok: false, error: problem };
      continue;
    }
    if (arg.startsWith('-') && arg.length > 1) {
      // Shorthands, possibly bundled: booleans take no value; the first other flag takes the
      // rest of the word (after an optional `=`) or else the next argument.
      for (let j = 1; j < arg.length; j++) {
        const c = arg[j] ?? '';
        const def = byShort.get(c);
        if (!def) return { ok: false, error: `unknown shorthand flag: '${c}' in ${arg}` };
        const rest = arg.slice(j + 1);
        let text: string;
        if (rest.startsWith('=')) text = rest.slice(1);
        else if (def.kind === 'bool') text = 'true';
        else if (rest !== '') text = rest;
        else {
          const next = args[i + 1];
          if (next === undefined)
            return { ok: false, error: `flag needs an argument: '${c}' in -${c}` };
          text = next;
          i++;
        }
        const problem = set(def, text);
        if (problem) return { ok: false, error: problem };
        if (rest.startsWith('=') || def.kind !== 'bool') break;
      }
      continue;
    }
    positional.push(arg);
  }
  return { ok: true, flags: { positional, values, unsupported } };
}

export function flagString(flags: ParsedFlags, long: string): string | undefined {
  const v = flags.values.get(long);
  return typeof v === 'string' ? v : undefined;
}

export function flagBool(flags: ParsedFlags, long: string, fallback = false): boolean {
  const v = flags.values.get(long);
  return typeof v === 'boolean' ? v : fallback;
}

export function flagInt(flags: ParsedFlags, long: string): number | undefined {
  const v = flags.values.get(long);
  return typeof v === 'number' ? v : undefined;
}

/**
 * Where the subcommand is among kubectl's arguments: the first word that is neither a flag nor
 * the value of a global flag written apart (`kubectl -n kube-system get pods`).
 */
export function findCommand(args: readonly string[]): number {
  const valued = new Set(
    GLOBAL_FLAGS.filter((d) => d.kind !== 'bool').flatMap((d) =>
      d.short ? [`--${d.long}`, `-${d.short}`] : [`--${d.long}`],
    ),
  );
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '--') return i + 1 < args.length ? i + 1 : -1;
    if (!arg.startsWith('-') || arg === '-') return i;
    if (valued.has(arg)) i++;
  }
  return -1;
}
