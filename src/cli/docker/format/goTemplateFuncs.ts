/**
 * Values in the Go text/template subset of ./goTemplate.ts: field lookup, how Go prints a
 * value (`%v`, `json`), what counts as true, and docker's template functions.
 */

export class TemplateError extends Error {}

/** The functions a template may call. */
export const FUNCS = new Set([
  'json',
  'upper',
  'lower',
  'title',
  'join',
  'split',
  'index',
  'len',
  'println',
  'print',
  'printf',
  'truncate',
  'pad',
  'eq',
  'ne',
  'not',
  'and',
  'or',
  'lt',
  'le',
  'gt',
  'ge',
]);

export const NO_VALUE = Symbol('no value');

export function lookup(value: unknown, path: readonly string[]): unknown {
  let v: unknown = value;
  for (const key of path) {
    if (key === '') continue;
    if (v === null || typeof v !== 'object' || !(key in v)) return NO_VALUE;
    v = (v as Record<string, unknown>)[key];
  }
  return v;
}

/** Go's %v formatting of decoded JSON values. */
export function goString(v: unknown): string {
  if (v === NO_VALUE) return '<no value>';
  if (v === null || v === undefined) return '<nil>';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[${v.map(goString).join(' ')}]`;
  const entries = Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1));
  return `map[${entries.map(([k, x]) => `${k}:${goString(x)}`).join(' ')}]`;
}

/** Go's json.Marshal: compact, with <, > and & escaped. */
export function goJson(v: unknown): string {
  return (JSON.stringify(v === NO_VALUE ? null : v) ?? 'null')
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026');
}

export function truthy(v: unknown): boolean {
  if (v === NO_VALUE || v === null || v === undefined || v === false || v === 0 || v === '')
    return false;
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === 'object') return Object.keys(v as object).length > 0;
  return true;
}

function printf(format: string, args: unknown[]): string {
  let i = 0;
  return format.replace(
    /%([-+ #0]*\d*(?:\.\d+)?)?([svdqt%])/g,
    (_m, _flags: string | undefined, verb: string) => {
      if (verb === '%') return '%';
      const a = args[i++];
      if (verb === 'q') return JSON.stringify(goString(a));
      return goString(a);
    },
  );
}

export function callFunc(name: string, args: unknown[]): unknown {
  const s = (i: number): string => goString(args[i]);
  switch (name) {
    case 'json':
      return goJson(args[0]);
    case 'upper':
      return s(0).toUpperCase();
    case 'lower':
      return s(0).toLowerCase();
    case 'title':
      return s(0).replace(/\b\w/g, (c) => c.toUpperCase());
    case 'join':
      return Array.isArray(args[0]) ? args[0].map(goString).join(s(1)) : s(0);
    case 'split':
      return s(0).split(s(1));
    case 'index': {
      let v = args[0];
      for (const key of args.slice(1)) v = lookup(v, [String(key)]);
      return v === NO_VALUE ? null : v;
    }
    case 'len':
      return Array.isArray(args[0])
        ? args[0].length
        : typeof args[0] === 'string'
          ? args[0].length
          : args[0] && typeof args[0] === 'object'
            ? Object.keys(args[0]).length
            : 0;
    case 'println':
      return `${args.map(goString).join(' ')}\n`;
    case 'print':
      return args.map(goString).join('');
    case 'printf':
      return printf(s(0), args.slice(1));
    case 'truncate':
      return [...s(0)].slice(0, Number(args[1])).join('');
    case 'pad':
      return `${' '.repeat(Number(args[1]))}${s(0)}${' '.repeat(Number(args[2]))}`;
    case 'eq':
      return args.slice(1).some((a) => a === args[0]);
    case 'ne':
      return args[0] !== args[1];
    case 'lt':
      return Number(args[0]) < Number(args[1]);
    case 'le':
      return Number(args[0]) <= Number(args[1]);
    case 'gt':
      return Number(args[0]) > Number(args[1]);
    case 'ge':
      return Number(args[0]) >= Number(args[1]);
    case 'not':
      return !truthy(args[0]);
    case 'and':
      return args.find((a) => !truthy(a)) ?? args.at(-1);
    case 'or':
      return args.find((a) => truthy(a)) ?? args.at(-1);
    default:
      throw new TemplateError(`function "${name}" not defined`);
  }
}
