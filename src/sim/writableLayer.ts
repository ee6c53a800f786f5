/**
 * Writes inside a container, as overlayfs and the mounts take them: a file changed that an
 * image layer holds is first copied up into the writable layer (C), a new one is added there
 * (A), deleting a lower file leaves a whiteout (D) and deleting one the container made drops
 * its entry; a directory deleted and made again is opaque (the lower entries stay hidden).
 * Under a mount point the write goes to the volume (or, for a bind mount, the host's file)
 * instead, which is why a named volume outlives `docker rm` and the layer does not.
 *
 * Pure: each operation takes the merged view and returns the next FsState or an errno with the
 * path it concerns; `saveFs` turns a changed FsState into the world's Changes. The host model
 * keeps files, not empty directories, so `mkdir` below a bind mount leaves nothing on the host.
 */
import { ancestors } from './baseImageFs';
import {
  DOCKER_FILES,
  fsNode,
  listDir,
  lowerNode,
  mountFiles,
  mountOf,
  type ContainerView,
  type FsState,
} from './containerFs';
import type { DockerHost } from './host';
import type { Container, RwEntry } from './types';

export type FsErrno = 'ENOENT' | 'ENOTDIR' | 'EISDIR' | 'EEXIST' | 'EBUSY';

export type FsOutcome =
  | { readonly ok: true; readonly fs: FsState }
  | { readonly ok: false; readonly errno: FsErrno; readonly path: string };

const bytes = (text: string): number => new TextEncoder().encode(text).length;
const fail = (errno: FsErrno, path: string): FsOutcome => ({ ok: false, errno, path });
const done = (fs: FsState): FsOutcome => ({ ok: true, fs });

/** The view after a write, for the next command to read. */
export function withFs(view: ContainerView, fs: FsState): ContainerView {
  return { ...view, fs };
}

/** Why a path's directory cannot hold it: a missing or non-directory component. */
function parentProblem(view: ContainerView, path: string): { errno: FsErrno; at: string } | null {
  for (const dir of ancestors(path)) {
    const node = fsNode(view, dir);
    if (!node) return { errno: 'ENOENT', at: dir };
    if (node.kind === 'file') return { errno: 'ENOTDIR', at: dir };
  }
  return null;
}

/** Paths nothing may remove: mount points and the files Docker bind-mounts. */
function busyPaths(view: ContainerView): string[] {
  return [
    ...view.mounts.map((m) => m.destination),
    ...(view.userland === 'scratch' ? [] : DOCKER_FILES),
  ];
}

function setMountKey(view: ContainerView, path: string, text: string | null): FsState {
  const at = mountOf(view, path);
  if (!at) return view.fs;
  const { mount, rel } = at;
  if (mount.type === 'volume') {
    const files = { ...mountFiles(view, mount) };
    if (text === null) delete files[rel];
    else files[rel] = text;
    return { ...view.fs, volumes: { ...view.fs.volumes, [mount.source]: files } };
  }
  if (rel.endsWith('/')) return view.fs; // an empty directory on the host is not modelled
  const host = { ...view.fs.host };
  const hostPath = `${mount.source.replace(/\/+$/, '')}/${rel}`;
  if (text === null) delete host[hostPath];
  else host[hostPath] = text;
  return { ...view.fs, host };
}

function setRw(view: ContainerView, path: string, entry: RwEntry | null): FsState {
  const rw = { ...view.fs.rw };
  if (entry === null) delete rw[path];
  else rw[path] = entry;
  return { ...view.fs, rw };
}

/** Puts a file's text where a write to it goes: the mount, or the layer (copied up if lower). */
function put(view: ContainerView, path: string, text: string): FsState {
  if (mountOf(view, path)) return setMountKey(view, path, text);
  const kind = lowerNode(view, path) || DOCKER_FILES.includes(path) ? 'C' : 'A';
  return setRw(view, path, { kind, content: text, size: bytes(text) });
}

/** `> path` (truncate) or `>> path` (append): the text ends up in the file, made if missing. */
export function writeFile(
  view: ContainerView,
  path: string,
  text: string,
  append: boolean,
): FsOutcome {
  const problem = parentProblem(view, path);
  if (problem) return fail(problem.errno, path);
  const node = fsNode(view, path);
  if (node?.kind === 'dir') return fail('EISDIR', path);
  const before = append && node?.kind === 'file' ? node.text : '';
  return done(put(view, path, before + text));
}

/** `touch`: a new empty file, or (metadata changed) an existing lower one copied up. */
export function touchFile(view: ContainerView, path: string): FsOutcome {
  const problem = parentProblem(view, path);
  if (problem) return fail(problem.errno, path);
  const node = fsNode(view, path);
  if (!node) return done(put(view, path, ''));
  if (mountOf(view, path) || view.fs.rw[path] || DOCKER_FILES.includes(path)) return done(view.fs);
  return done(
    node.kind === 'dir'
      ? setRw(view, path, { kind: 'C', size: 0, dir: true })
      : put(view, path, node.text),
  );
}

function makeOne(view: ContainerView, path: string): FsState {
  if (mountOf(view, path)) return setMountKey(view, `${path}/`, '');
  const lower = lowerNode(view, path) !== null;
  // Made again where a whiteout hid a lower directory: overlayfs marks it opaque.
  const opaque = lower && view.fs.rw[path]?.kind === 'D';
  return setRw(view, path, {
    kind: lower ? 'C' : 'A',
    size: 0,
    dir: true,
    ...(opaque ? { opaque: true } : {}),
  });
}

/** `mkdir [-p]`: with -p the missing parents too, and an existing directory is no error. */
export function makeDir(view: ContainerView, path: string, parents: boolean): FsOutcome {
  const node = fsNode(view, path);
  if (node) return parents && node.kind === 'dir' ? done(view.fs) : fail('EEXIST', path);
  if (!parents) {
    const problem = parentProblem(view, path);
    return problem ? fail(problem.errno, path) : done(makeOne(view, path));
  }
  let current = view;
  for (const dir of [...ancestors(path), path]) {
    const at = fsNode(current, dir);
    if (at?.kind === 'file') return fail(dir === path ? 'EEXIST' : 'ENOTDIR', path);
    if (!at) current = withFs(current, makeOne(current, dir));
  }
  return done(current.fs);
}

/** `rm [-r] [-f]`: a whiteout for what an image layer holds, the entry dropped for the rest. */
export function removePath(
  view: ContainerView,
  path: string,
  options: { recursive: boolean; force: boolean },
): FsOutcome {
  const node = fsNode(view, path);
  if (!node) return options.force ? done(view.fs) : fail('ENOENT', path);
  if (node.kind === 'dir' && !options.recursive) return fail('EISDIR', path);
  const busy = busyPaths(view).find((p) => p === path || p.startsWith(`${path}/`));
  if (busy !== undefined || path === '/') return fail('EBUSY', busy ?? path);
  const inMount = mountOf(view, path);
  if (inMount) {
    const { mount, rel } = inMount;
    let fs = view.fs;
    for (const key of Object.keys(mountFiles(view, mount)))
      if (key === rel || key === `${rel}/` || key.startsWith(`${rel}/`))
        fs = setMountKey(withFs(view, fs), `${mount.destination}/${key}`, null);
    return done(fs);
  }
  const rw = { ...view.fs.rw };
  for (const key of Object.keys(rw)) if (key === path || key.startsWith(`${path}/`)) delete rw[key];
  if (lowerNode(view, path)) rw[path] = { kind: 'D', size: 0 };
  return done({ ...view.fs, rw });
}

/** Every entry below a directory, parents first: [path, text] for files, [path, null] for dirs. */
function walk(view: ContainerView, dir: string): [string, string | null][] {
  const out: [string, string | null][] = [];
  for (const name of listDir(view, dir) ?? []) {
    const path = dir === '/' ? `/${name}` : `${dir}/${name}`;
    const node = fsNode(view, path);
    if (node?.kind === 'file') out.push([path, node.text]);
    else if (node) out.push([path, null], ...walk(view, path));
  }
  return out;
}

/**
 * `cp [-r] SRC DEST` and `mv SRC DEST`: a file or (recursive) a directory copied to DEST, or
 * into it when DEST is a directory; `mv` then removes the source. A directory without -r is
 * omitted (OMIT), as cp says.
 */
export function copyPath(
  view: ContainerView,
  from: string,
  to: string,
  options: { recursive: boolean; move: boolean },
): FsOutcome | { readonly ok: false; readonly errno: 'OMIT'; readonly path: string } {
  const source = fsNode(view, from);
  if (!source) return fail('ENOENT', from);
  if (source.kind === 'dir' && !options.recursive && !options.move)
    return { ok: false, errno: 'OMIT', path: from };
  const target = fsNode(view, to);
  const dest =
    target?.kind === 'dir' ? `${to === '/' ? '' : to}/${from.split('/').at(-1) ?? ''}` : to;
  if (dest === from || dest.startsWith(`${from}/`)) return fail('EBUSY', from);
  let current = view;
  const step = (outcome: FsOutcome): FsOutcome | null => {
    if (!outcome.ok) return outcome;
    current = withFs(current, outcome.fs);
    return null;
  };
  if (source.kind === 'file') {
    const failed = step(writeFile(current, dest, source.text, false));
    if (failed) return failed;
  } else {
    const made = fsNode(current, dest) ? null : step(makeDir(current, dest, false));
    if (made) return made;
    for (const [path, text] of walk(view, from)) {
      const at = `${dest}${path.slice(from.length)}`;
      const failed = step(
        text === null ? makeDir(current, at, true) : writeFile(current, at, text, false),
      );
      if (failed) return failed;
    }
  }
  if (!options.move) return done(current.fs);
  return removePath(current, from, { recursive: true, force: false });
}

/** Records what a program changed: the container's layer, its volumes' files, host files. */
export function saveFs(h: DockerHost, c: Container, before: FsState, after: FsState): void {
  if (after.rw !== before.rw) {
    const n = Object.keys(after.rw).length;
    h.change(
      { op: 'container.update', id: c.id, patch: { rw: { ...after.rw } } },
      'dockerd',
      `${c.name}: writable layer, ${n} change${n === 1 ? '' : 's'}`,
    );
  }
  for (const [name, files] of Object.entries(after.volumes))
    if (files !== before.volumes[name])
      h.change(
        { op: 'volume.files', name, files: { ...files } },
        'dockerd',
        `volume ${name.slice(0, 12)}: files written`,
      );
  if (after.host === before.host) return;
  for (const [path, text] of Object.entries(after.host))
    if (before.host[path] !== text)
      h.change({ op: 'file.write', path, content: text }, 'dockerd', `bind mount: ${path} written`);
  for (const path of Object.keys(before.host))
    if (after.host[path] === undefined)
      h.change({ op: 'file.remove', path }, 'dockerd', `bind mount: ${path} removed`);
}
