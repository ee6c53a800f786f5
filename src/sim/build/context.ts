/**
 * The build context as the daemon receives it: files by path (the transport unpacks the tar),
 * less what `.dockerignore` excludes; and what COPY/ADD sources pick out of it, with the
 * checksum of their contents that the build cache compares.
 */
import { digestOf } from '../digest';

export type BuildContext = Readonly<Record<string, string>>;

/** A `.dockerignore` or COPY pattern as a regular expression over slash paths. */
export function patternRegExp(pattern: string): RegExp {
  const clean = pattern.replace(/^\.?\/+/, '').replace(/\/+$/, '');
  let re = '';
  for (let i = 0; i < clean.length; i++) {
    const c = clean[i] ?? '';
    if (c === '*' && clean[i + 1] === '*') {
      re += '.*';
      i++;
      if (clean[i + 1] === '/') i++;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  // A pattern names a file or a whole directory below it.
  return new RegExp(`^${re}(/.*)?$`);
}

/** Applies `.dockerignore` (last matching line wins; `!` re-includes), as the CLI does. */
export function applyDockerignore(context: BuildContext): BuildContext {
  const ignore = context['.dockerignore'];
  if (ignore === undefined) return context;
  const rules = ignore
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'))
    .map((l) => ({ keep: l.startsWith('!'), re: patternRegExp(l.replace(/^!/, '')) }));
  const kept: Record<string, string> = {};
  for (const [path, content] of Object.entries(context)) {
    let excluded = false;
    for (const rule of rules) if (rule.re.test(path)) excluded = !rule.keep;
    // The Dockerfile and .dockerignore always reach the daemon (it needs them to build).
    if (!excluded || path === 'Dockerfile' || path === '.dockerignore') kept[path] = content;
  }
  return kept;
}

export type Picked = { ok: true; files: [string, string][] } | { ok: false; missing: string };

/** The files a COPY/ADD source list picks: `.`, a file, a directory, or a glob. */
export function pickSources(context: BuildContext, sources: readonly string[]): Picked {
  const files = new Map<string, string>();
  for (const source of sources) {
    const all = source === '.' || source === './' || source === '/';
    const re = patternRegExp(source);
    const matched = Object.entries(context).filter(
      ([path]) => path !== '.dockerignore' && (all || re.test(path)),
    );
    if (matched.length === 0) return { ok: false, missing: source.replace(/^\.\//, '') };
    for (const [path, content] of matched) files.set(path, content);
  }
  return { ok: true, files: [...files.entries()].sort(([a], [b]) => (a < b ? -1 : 1)) };
}

/** What the cache compares for COPY/ADD: the paths and contents, not their timestamps. */
export function checksumOf(files: readonly (readonly [string, string])[]): string {
  return digestOf(files.map(([path, content]) => `${path}\0${content}`).join('\0'));
}

/** Bytes in the context, as "Sending build context to Docker daemon  3.072kB" counts them. */
export function contextBytes(context: BuildContext): number {
  return Object.values(context).reduce((sum, c) => sum + new TextEncoder().encode(c).length, 0);
}
