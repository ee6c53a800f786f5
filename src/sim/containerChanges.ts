/**
 * What `docker diff` lists and what `docker commit` packs, from a container's writable layer.
 * dockerd compares the layer with the image (moby pkg/archive changes.go): every file or
 * directory in it is Added, or Changed when a lower layer has the path; a whiteout is Deleted;
 * and the directory holding an added or deleted entry is listed as Changed before it. Its
 * order is that of its walk (with overlay2's naive diff, Go map order: it varies, parents
 * always first); here it is parents first and names in byte order, `/a/x` before `/a-b`, one
 * of the orders dockerd prints. Docker's own files (/etc/hostname, /etc/hosts,
 * /etc/resolv.conf) are bind mounts, never in the layer. Pure.
 */
import { ancestors } from './baseImageFs';
import { DOCKER_FILES } from './containerFs';
import type { LayerFile, RwEntry } from './types';

export type ChangeKind = 'C' | 'A' | 'D';

export interface FsChange {
  readonly path: string;
  readonly kind: ChangeKind;
}

/** The Engine API's numbers for a change (moby archive.ChangeType). */
export const CHANGE_KIND_CODE: Readonly<Record<ChangeKind, number>> = { C: 0, A: 1, D: 2 };

/** The order of a directory walk: component by component, each in byte order. */
export function comparePaths(a: string, b: string): number {
  const x = a.split('/');
  const y = b.split('/');
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const p = x[i] ?? '';
    const q = y[i] ?? '';
    if (p !== q) return p < q ? -1 : 1;
  }
  return x.length - y.length;
}

function layerEntries(rw: Readonly<Record<string, RwEntry>>): [string, RwEntry][] {
  return Object.entries(rw)
    .filter(([path]) => !DOCKER_FILES.includes(path))
    .sort(([a], [b]) => comparePaths(a, b));
}

/** `docker diff`: the layer's entries with the directories above them, in walk order. */
export function changesOf(rw: Readonly<Record<string, RwEntry>>): FsChange[] {
  const entries = layerEntries(rw);
  const listed = new Map<string, ChangeKind>();
  for (const [path, entry] of entries) {
    for (const dir of ancestors(path)) if (!rw[dir] && !listed.has(dir)) listed.set(dir, 'C');
    listed.set(path, entry.kind);
  }
  return [...listed.entries()]
    .map(([path, kind]) => ({ path, kind }))
    .sort((a, b) => comparePaths(a.path, b.path));
}

/**
 * The layer `docker commit` makes: each added or changed file with its text, a whiteout for
 * each deletion, and for a directory made again over a deleted one a whiteout first (the
 * layer's own files below it then come back). Empty directories are not carried: the layer
 * model lists files.
 */
export function committedFiles(rw: Readonly<Record<string, RwEntry>>): LayerFile[] {
  const files: LayerFile[] = [];
  for (const [path, entry] of layerEntries(rw)) {
    if (entry.kind === 'D' || entry.opaque) files.push({ path, size: 0, whiteout: true });
    else if (!entry.dir) files.push({ path, size: entry.size, content: entry.content ?? '' });
  }
  return files;
}
