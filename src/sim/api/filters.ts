/**
 * The `filters` query parameter as dockerd reads it (moby api/types/filters): JSON, either the
 * map form the CLI sends (`{"type":{"container":true}}`) or the legacy list form
 * (`{"type":["container"]}`); anything else is dockerd's 400 "invalid filter".
 *
 * Matching follows filters.Args: a key that was not given lets everything through;
 * `exactMatch` is set membership, `fuzzyMatch` also accepts a value the source starts with
 * (so `container=web` matches `web` and `web2`, as in dockerd), `matchKVList` checks `k` or
 * `k=v` against a map (labels).
 *
 * Contract: pure; parsing never throws.
 */

/** Per key, the values given and the boolean each maps to (always true in the list form). */
export type FilterArgs = ReadonlyMap<string, ReadonlyMap<string, boolean>>;

export type ParsedFilters = { ok: true; args: FilterArgs } | { ok: false; error: string };

/** dockerd's message for filters it cannot decode (filters.invalidFilter with no field). */
export const INVALID_FILTER = 'invalid filter';

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** One key's values in either form, or null when Go's json.Unmarshal would reject them. */
function valuesOf(value: unknown): Map<string, boolean> | null {
  if (value === null) return new Map();
  if (Array.isArray(value))
    return value.every((v) => typeof v === 'string')
      ? new Map(value.map((v: string) => [v, true]))
      : null;
  if (isPlainObject(value)) {
    const entries = Object.entries(value);
    return entries.every(([, v]) => typeof v === 'boolean')
      ? new Map(entries as [string, boolean][])
      : null;
  }
  return null;
}

export function parseFilters(raw: string | null): ParsedFilters {
  if (raw === null || raw === '') return { ok: true, args: new Map() };
  let decoded: unknown;
  try {
    decoded = JSON.parse(raw);
  } catch {
    return { ok: false, error: INVALID_FILTER };
  }
  if (decoded === null) return { ok: true, args: new Map() };
  if (!isPlainObject(decoded)) return { ok: false, error: INVALID_FILTER };
  const args = new Map<string, Map<string, boolean>>();
  for (const [key, value] of Object.entries(decoded)) {
    const values = valuesOf(value);
    if (!values) return { ok: false, error: INVALID_FILTER };
    args.set(key, values);
  }
  return { ok: true, args };
}

/** The values given for a key (Args.Get). */
export function filterValues(args: FilterArgs, key: string): string[] {
  return [...(args.get(key)?.keys() ?? [])];
}

function given(args: FilterArgs, key: string): boolean {
  return (args.get(key)?.size ?? 0) > 0;
}

/** Args.ExactMatch: no values for the key, or `source` is one of them. */
export function exactMatch(args: FilterArgs, key: string, source: string): boolean {
  if (!given(args, key)) return true;
  return args.get(key)?.get(source) === true;
}

/** Args.FuzzyMatch: an exact match, or `source` starts with one of the values. */
export function fuzzyMatch(args: FilterArgs, key: string, source: string): boolean {
  if (exactMatch(args, key, source)) return true;
  return filterValues(args, key).some((prefix) => source.startsWith(prefix));
}

/** Args.MatchKVList: every `k` or `k=v` value is in `sources` (labels, event attributes). */
export function matchKVList(
  args: FilterArgs,
  key: string,
  sources: Readonly<Record<string, string>>,
): boolean {
  if (!given(args, key)) return true;
  if (Object.keys(sources).length === 0) return false;
  return filterValues(args, key).every((value) => {
    const eq = value.indexOf('=');
    const k = eq >= 0 ? value.slice(0, eq) : value;
    if (!Object.hasOwn(sources, k)) return false;
    return eq < 0 || sources[k] === value.slice(eq + 1);
  });
}
