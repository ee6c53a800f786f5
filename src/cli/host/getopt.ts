/**
 * GNU getopt_long, as the C tools (procps, psmisc, systemd, coreutils) parse their arguments:
 * clustered short options, `-oARG` and `-o ARG`, `--long=ARG` and unique prefixes of long
 * names, permutation (options may follow operands) and `--`. Errors come back worded as glibc
 * words them, without the program name, so each tool prints `prog: <message>`.
 */

export type ArgKind = 'none' | 'required' | 'optional';

export interface LongOption {
  readonly name: string;
  readonly arg: ArgKind;
  /** The key reported for it: usually its short letter. */
  readonly key: string;
}

export interface ParsedOption {
  readonly key: string;
  readonly value?: string;
  /** How it was written (`-n`, `--lines`), for messages. */
  readonly as: string;
}

export type GetoptResult =
  | { readonly ok: true; readonly options: ParsedOption[]; readonly operands: string[] }
  | { readonly ok: false; readonly error: string };

/** Parses a getopt short-option string like `"aAcC:n::"` into letter -> argument kind. */
function shortKinds(spec: string): Map<string, ArgKind> {
  const kinds = new Map<string, ArgKind>();
  for (let i = 0; i < spec.length; i++) {
    const c = spec[i] ?? '';
    if (c === ':' || c === '+' || c === '-') continue;
    let kind: ArgKind = 'none';
    if (spec[i + 1] === ':') kind = spec[i + 2] === ':' ? 'optional' : 'required';
    kinds.set(c, kind);
  }
  return kinds;
}

export function getopt(
  args: readonly string[],
  shortSpec: string,
  longs: readonly LongOption[] = [],
  options: { permute?: boolean } = {},
): GetoptResult {
  const permute = options.permute ?? true;
  const kinds = shortKinds(shortSpec);
  const parsed: ParsedOption[] = [];
  const operands: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '--') {
      operands.push(...args.slice(i + 1));
      break;
    }
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = arg.slice(2, eq < 0 ? undefined : eq);
      const inline = eq < 0 ? undefined : arg.slice(eq + 1);
      const exact = longs.find((l) => l.name === name);
      const prefixed = longs.filter((l) => l.name.startsWith(name));
      const distinct = new Set(prefixed.map((l) => `${l.key}/${l.arg}`));
      const match = exact ?? (distinct.size === 1 ? prefixed[0] : undefined);
      if (!match) {
        if (prefixed.length > 1)
          return {
            ok: false,
            error: `option '--${name}' is ambiguous; possibilities:${prefixed.map((l) => ` '--${l.name}'`).join('')}`,
          };
        return { ok: false, error: `unrecognized option '--${name}'` };
      }
      if (match.arg === 'none') {
        if (inline !== undefined)
          return { ok: false, error: `option '--${match.name}' doesn't allow an argument` };
        parsed.push({ key: match.key, as: `--${match.name}` });
      } else if (inline !== undefined) {
        parsed.push({ key: match.key, value: inline, as: `--${match.name}` });
      } else if (match.arg === 'required') {
        const next = args[i + 1];
        if (next === undefined)
          return { ok: false, error: `option '--${match.name}' requires an argument` };
        parsed.push({ key: match.key, value: next, as: `--${match.name}` });
        i++;
      } else {
        parsed.push({ key: match.key, as: `--${match.name}` });
      }
      continue;
    }
    if (arg.startsWith('-') && arg.length > 1) {
      for (let j = 1; j < arg.length; j++) {
        const c = arg[j] ?? '';
        const kind = kinds.get(c);
        if (kind === undefined) return { ok: false, error: `invalid option -- '${c}'` };
        if (kind === 'none') {
          parsed.push({ key: c, as: `-${c}` });
          continue;
        }
        const rest = arg.slice(j + 1);
        if (rest.length > 0) {
          parsed.push({ key: c, value: rest, as: `-${c}` });
        } else if (kind === 'required') {
          const next = args[i + 1];
          if (next === undefined)
            return { ok: false, error: `option requires an argument -- '${c}'` };
          parsed.push({ key: c, value: next, as: `-${c}` });
          i++;
        } else {
          parsed.push({ key: c, as: `-${c}` });
        }
        break;
      }
      continue;
    }
    if (!permute) {
      operands.push(...args.slice(i));
      break;
    }
    operands.push(arg);
  }
  return { ok: true, options: parsed, operands };
}

/** The last value given for an option key. */
export function lastValue(options: readonly ParsedOption[], key: string): string | undefined {
  return options.filter((o) => o.key === key && o.value !== undefined).at(-1)?.value;
}

export function has(options: readonly ParsedOption[], key: string): boolean {
  return options.some((o) => o.key === key);
}
