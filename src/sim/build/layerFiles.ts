/**
 * Where COPY and ADD put the files they pick, as the Dockerfile reference describes it: a
 * relative destination is under WORKDIR; `.` or a directory source copies its contents (paths
 * below it kept); a single file to a destination without a trailing slash is that file; any
 * other source lands in the destination directory under its base name. Pure.
 */
import type { LayerFile } from '../types';
import { patternRegExp } from './context';

const bytes = (text: string) => new TextEncoder().encode(text).length;

function join(dir: string, rest: string): string {
  return `${dir.replace(/\/+$/, '')}/${rest.replace(/^\/+/, '')}`.replace(/\/{2,}/g, '/');
}

/** The absolute destination of a COPY, resolved against the stage's WORKDIR. */
export function destinationOf(dest: string, workingDir: string): string {
  if (dest.startsWith('/')) return dest;
  const base = workingDir || '/';
  if (dest === '.' || dest === './') return `${base.replace(/\/+$/, '')}/`;
  return join(base, dest);
}

/**
 * The layer's files for `COPY sources dest`: `picked` are the context (or earlier stage)
 * paths each source matched, relative and sorted.
 */
export function copiedFiles(
  sources: readonly string[],
  picked: readonly (readonly [string, string])[],
  dest: string,
  workingDir: string,
): LayerFile[] {
  const target = destinationOf(dest, workingDir);
  const intoDir = target.endsWith('/') || sources.length > 1 || picked.length > 1;
  const out = new Map<string, LayerFile>();
  for (const [path, content] of picked) {
    const source = sources.find((s) => underSource(path, s)) ?? '';
    const dirSource = isAll(source) || path.startsWith(`${stripDot(source).replace(/\/$/, '')}/`);
    const relative = dirSource
      ? isAll(source)
        ? path
        : path.slice(stripDot(source).replace(/\/$/, '').length + 1)
      : (path.split('/').at(-1) ?? path);
    const at = intoDir || dirSource ? join(target, relative) : target;
    out.set(at, { path: at, size: bytes(content), content });
  }
  return [...out.values()].sort((a, b) => (a.path < b.path ? -1 : 1));
}

const isAll = (source: string) => source === '.' || source === './' || source === '/';
const stripDot = (source: string) => source.replace(/^\.\//, '');

function underSource(path: string, source: string): boolean {
  return isAll(source) || patternRegExp(source).test(path);
}

/**
 * The files an image's layers hold where the simulation knows them, lower layers first, a
 * later layer's file or whiteout winning: the merged view overlayfs gives a container.
 */
export function imageFiles(
  layers: Readonly<Record<string, { readonly files?: readonly LayerFile[] }>>,
  digests: readonly string[],
): Map<string, string> {
  const merged = new Map<string, string>();
  for (const digest of digests)
    for (const file of layers[digest]?.files ?? []) {
      if (file.whiteout) {
        for (const path of [...merged.keys()])
          if (path === file.path || path.startsWith(`${file.path}/`)) merged.delete(path);
      } else merged.set(file.path, file.content ?? '');
    }
  return merged;
}
