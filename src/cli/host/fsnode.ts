/**
 * The host filesystem model's building blocks: nodes (directories computed on demand, files
 * whose bytes may be unknown, sockets, FIFOs, symlinks) and path lookup with symlinks, as the
 * kernel resolves them. A directory whose entries are null is one whose contents are not
 * modelled; a file whose content is null likewise. Pure.
 */
import type { World } from '../../sim/types';

export type FsType = 'ext4' | 'tmpfs' | 'proc' | 'sysfs' | 'cgroup';

interface Base {
  /** Permission bits as ls prints them, e.g. `rwx--x--x`. */
  readonly perms: string;
  readonly mtime: number;
  readonly fs: FsType;
  readonly group?: string;
}

export interface DirNode extends Base {
  readonly kind: 'dir';
  /** Entries by name; null when the contents are not simulated. */
  readonly entries: () => Record<string, FsNode> | null;
}
export interface FileNode extends Base {
  readonly kind: 'file';
  /** The bytes; null when they are not simulated. */
  readonly content: () => string | null;
}
export interface SpecialNode extends Base {
  readonly kind: 'socket' | 'fifo';
}
export interface LinkNode extends Base {
  readonly kind: 'link';
  readonly target: string;
}
export type FsNode = DirNode | FileNode | SpecialNode | LinkNode;

export const dir = (
  perms: string,
  fs: FsType,
  entries: () => Record<string, FsNode> | null,
  mtime = 0,
): DirNode => ({ kind: 'dir', perms, fs, entries, mtime });
export const file = (
  perms: string,
  fs: FsType,
  content: () => string | null,
  mtime = 0,
): FileNode => ({
  kind: 'file',
  perms,
  fs,
  content,
  mtime,
});
export const sock = (mtime = 0, group?: string): SpecialNode => ({
  kind: 'socket',
  perms: 'rw-rw----',
  fs: 'tmpfs',
  mtime,
  ...(group ? { group } : {}),
});
export const fifo = (mtime = 0): SpecialNode => ({
  kind: 'fifo',
  perms: 'rw-------',
  fs: 'tmpfs',
  mtime,
});
export const link = (target: string, fs: FsType, mtime = 0): LinkNode => ({
  kind: 'link',
  perms: 'rwxrwxrwx',
  fs,
  target,
  mtime,
});
export const opaque = (perms: string, fs: FsType, mtime = 0): DirNode =>
  dir(perms, fs, () => null, mtime);
export const opaqueFile = (perms: string, fs: FsType, mtime = 0): FileNode =>
  file(perms, fs, () => null, mtime);

export function fromEntries(list: readonly (readonly [string, FsNode])[]): Record<string, FsNode> {
  return Object.fromEntries(list);
}

/** When a service's current process started (for socket and pid-file times). */
export function serviceStart(world: World, service: 'dockerd' | 'containerd'): number {
  const pid = world.services[service].pid;
  return pid === null ? 0 : (world.processes[pid]?.startedAt ?? 0);
}

export function liveTasks(world: World) {
  return Object.values(world.tasks).filter((t) => t.oci !== 'deleted');
}

export function taskStart(world: World, id: string): number {
  const task = world.tasks[id];
  const init = task?.initPid ? world.processes[task.initPid] : undefined;
  return init?.startedAt ?? world.containers[id]?.startedAt ?? 0;
}

export type Lookup =
  | { readonly ok: true; readonly node: FsNode; readonly path: string }
  | { readonly ok: false; readonly error: 'ENOENT' | 'ENOTDIR' | 'ELOOP' };

/** Normalises a path against a working directory (`.`/`..`, repeated slashes). */
export function normalize(path: string, cwd: string): string[] {
  const full = path.startsWith('/') ? path : `${cwd}/${path}`;
  const parts: string[] = [];
  for (const part of full.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return parts;
}

/** Resolves a path; `follow` also follows a symlink in the last component. */
export function lookup(root: DirNode, path: string, cwd: string, follow: boolean): Lookup {
  let parts = normalize(path, cwd);
  let hops = 0;
  for (;;) {
    let node: FsNode = root;
    const walked: string[] = [];
    let restarted = false;
    for (let i = 0; i < parts.length; i++) {
      const name = parts[i] ?? '';
      if (node.kind === 'link') return { ok: false, error: 'ENOENT' };
      if (node.kind !== 'dir') return { ok: false, error: 'ENOTDIR' };
      const entries = node.entries();
      const next: FsNode | undefined =
        entries && Object.hasOwn(entries, name) ? entries[name] : undefined;
      if (!next) return { ok: false, error: 'ENOENT' };
      const last = i === parts.length - 1;
      if (next.kind === 'link' && (!last || follow || path.endsWith('/'))) {
        if (++hops > 40) return { ok: false, error: 'ELOOP' };
        const base = `/${walked.join('/')}`;
        parts = [...normalize(next.target, base), ...parts.slice(i + 1)];
        restarted = true;
        break;
      }
      walked.push(name);
      node = next;
    }
    if (restarted) continue;
    if (path.endsWith('/') && node.kind !== 'dir') return { ok: false, error: 'ENOTDIR' };
    return { ok: true, node, path: `/${walked.join('/')}` };
  }
}
