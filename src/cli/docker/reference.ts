/**
 * The real docker CLI's own help texts (captured from docker 28 by
 * scripts/capture-docker-cli.ts), and what the in-app CLI reads from them: the usage line and
 * every flag with its shorthand and type. Taking flags from the real help means an option the
 * real CLI accepts is never called unknown here, and an unknown one gets the real error.
 */
import reference from './reference/help.json';

export type FlagType =
  'bool' | 'string' | 'int' | 'uint' | 'uint16' | 'duration' | 'list' | 'other';

export interface FlagSpec {
  readonly long: string;
  readonly short?: string;
  readonly type: FlagType;
}

export interface CommandReference {
  /** `docker run`, `docker network create`. */
  readonly path: string;
  readonly help: string;
  /** `Usage:  docker run [OPTIONS] IMAGE [COMMAND] [ARG...]` */
  readonly usage: string;
  readonly flags: readonly FlagSpec[];
}

const HELP: Readonly<Record<string, string>> = reference.help;

/** The version of the CLI whose help texts these are. */
export const CAPTURED_FROM = reference.version;

const FLAG_LINE = /^ {2}(?:-(\w), | {4})--([\w-]+)(?: ([a-zA-Z][\w-]*))?(?: {2,}|$)/;

function flagType(word: string | undefined): FlagType {
  if (word === undefined) return 'bool';
  if (word === 'string' || word === 'int' || word === 'uint' || word === 'uint16') return word;
  if (word === 'duration') return 'duration';
  if (word === 'list' || word === 'strings' || word === 'filter' || word === 'map') return 'list';
  return 'other';
}

function parseFlags(help: string): FlagSpec[] {
  const flags: FlagSpec[] = [];
  let inOptions = false;
  for (const line of help.split('\n')) {
    if (/^(Global )?Options:$/.test(line)) inOptions = true;
    else if (/^\S/.test(line)) inOptions = false;
    if (!inOptions) continue;
    const m = FLAG_LINE.exec(line);
    if (!m?.[2]) continue;
    flags.push({ long: m[2], ...(m[1] ? { short: m[1] } : {}), type: flagType(m[3]) });
  }
  // Every command takes --help; cobra adds it without listing it under Options.
  if (!flags.some((f) => f.long === 'help')) flags.push({ long: 'help', type: 'bool' });
  return flags;
}

const cache = new Map<string, CommandReference>();

/** The reference for a command path (`''` for docker itself, `'network ls'`), if captured. */
export function commandReference(path: string): CommandReference | undefined {
  const cached = cache.get(path);
  if (cached) return cached;
  const help = HELP[path];
  if (help === undefined) return undefined;
  const usage = help.split('\n').find((l) => l.startsWith('Usage:')) ?? `Usage:  docker ${path}`;
  const ref = { path: `docker${path ? ` ${path}` : ''}`, help, usage, flags: parseFlags(help) };
  cache.set(path, ref);
  return ref;
}

/** Subcommand names listed in a help text (`docker network` -> connect, create, ...). */
export function listedCommands(path: string): string[] {
  const help = HELP[path] ?? '';
  return [...help.matchAll(/^ {2}([a-z][\w-]*)\s{2,}\S/gm)].map((m) => m[1] ?? '');
}
