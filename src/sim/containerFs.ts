/**
 * What a program inside a container sees of its filesystem, as overlayfs and the mounts merge
 * it: the image's read-only layers (the modelled base files of src/sim/baseImageFs.ts, then the
 * files COPY, ADD and commits put in layers), the container's writable layer above them (a
 * whiteout hides what is below, an opaque directory hides a lower directory's entries), the
 * files Docker writes for every container (/etc/hostname, /etc/hosts, /etc/resolv.conf), and
 * volume and bind mounts over everything. Pure reads of the world; src/sim/writableLayer.ts
 * computes writes.
 */
import { ancestors, baseFs, type BaseFs, type Userland } from './baseImageFs';
import { imageFiles } from './build/layerFiles';
import type { DockerHost } from './host';
import { CATALOGUE_BASES } from './images/catalogue';
import type { Container, Image, Mount, RwEntry, World } from './types';

export type { Userland } from './baseImageFs';

/**
 * What the container has written, beside its image: its writable layer (Container.rw), the
 * files of the volumes it mounts (Volume.files, by volume name; a key ending in `/` is an empty
 * directory) and the host's own files, which bind mounts show (World.files).
 */
export interface FsState {
  readonly rw: Readonly<Record<string, RwEntry>>;
  readonly volumes: Readonly<Record<string, Readonly<Record<string, string>>>>;
  readonly host: Readonly<Record<string, string>>;
}

/** Everything the canned programs need to know about the container they run in. */
export interface ContainerView {
  readonly userland: Userland;
  readonly hostname: string;
  readonly binaries: readonly string[];
  readonly hostsFile: string;
  readonly resolvConf: string;
  /** The image's base layers as modelled, and the files its other layers hold. */
  readonly base: BaseFs;
  readonly layers: ReadonlyMap<string, string>;
  /** Whiteouts in the image's own layers: base files they delete. */
  readonly whiteouts: ReadonlySet<string>;
  readonly mounts: readonly Mount[];
  /** The configured working directory, which Docker creates when it is missing. */
  readonly workingDir: string;
  readonly fs: FsState;
}

export type FsNode = { readonly kind: 'file'; readonly text: string } | { readonly kind: 'dir' };

const DIR: FsNode = { kind: 'dir' };

/** The files Docker bind-mounts into every container: not in its layer, not in `docker diff`. */
export const DOCKER_FILES: readonly string[] = ['/etc/hostname', '/etc/hosts', '/etc/resolv.conf'];

/**
 * The simulated host's own /etc/resolv.conf: a plain file (no systemd-resolved stub), which
 * dockerd copies for containers on the default bridge and uses as the embedded DNS server's
 * upstream on user-defined networks.
 */
export const HOST_NAMESERVERS: readonly string[] = ['192.168.1.1'];

export function userlandOf(image: Image | undefined): Userland {
  if (!image) return 'scratch';
  const base = CATALOGUE_BASES.find((b) => b.layer.digest === image.layers[0]);
  if (base) return base.name;
  // Images outside the catalogue are derived from Alpine (images/catalogue.ts); hello-world has
  // no userland at all.
  return image.binaries.includes('sh') ? 'alpine' : 'scratch';
}

/** The container's hostname: the first 12 hex digits of its ID (no `--hostname` in the sim). */
export function hostnameOf(c: Container): string {
  return c.id.slice(0, 12);
}

/** Paths the image's layers delete with a whiteout and no later layer brings back. */
function layerWhiteouts(world: World, digests: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const digest of digests)
    for (const f of world.layers[digest]?.files ?? [])
      if (f.whiteout) out.add(f.path);
      else out.delete(f.path);
  return out;
}

export function containerView(h: DockerHost, c: Container): ContainerView {
  const world = h.world;
  const image = world.images[c.imageId];
  const userland = userlandOf(image);
  const binaries = image?.binaries ?? [];
  const digests = image?.layers ?? [];
  const volumes: Record<string, Readonly<Record<string, string>>> = {};
  for (const m of c.mounts)
    if (m.type === 'volume') volumes[m.source] = world.volumes[m.source]?.files ?? {};
  return {
    userland,
    hostname: hostnameOf(c),
    binaries,
    hostsFile: etcHosts(world, c),
    resolvConf: etcResolvConf(world, c),
    base: baseFs(userland, binaries),
    layers: imageFiles(world.layers, digests),
    whiteouts: layerWhiteouts(world, digests),
    mounts: c.mounts,
    workingDir: c.config.workingDir,
    fs: { rw: c.rw ?? {}, volumes, host: world.files },
  };
}

/**
 * /etc/hosts as libnetwork writes it (moby libnetwork/etchosts: `IP\tnames` lines, the
 * defaults first, then the container's own address with its hostname).
 */
export function etcHosts(world: World, c: Container): string {
  const lines = [
    '127.0.0.1\tlocalhost',
    '::1\tlocalhost ip6-localhost ip6-loopback',
    'fe00::0\tip6-localnet',
    'ff00::0\tip6-mcastprefix',
    'ff02::1\tip6-allnodes',
    'ff02::2\tip6-allrouters',
  ];
  const first = Object.values(c.networks)[0];
  if (first && world.networks[first.networkId]) lines.push(`${first.ipAddress}\t${hostnameOf(c)}`);
  return `${lines.join('\n')}\n`;
}

/**
 * /etc/resolv.conf as dockerd generates it since Engine 25 (moby libnetwork/internal/resolvconf):
 * on a user-defined network the embedded DNS server 127.0.0.11 with the host's servers as its
 * upstream ("internal resolver"); elsewhere a copy of the host's file ("legacy").
 */
export function etcResolvConf(world: World, c: Container): string {
  const header = [
    '# Generated by Docker Engine.',
    '# This file can be edited; Docker Engine will not make further changes once it',
    '# has been modified.',
    '',
  ];
  const embedded = Object.values(c.networks).some((e) => world.networks[e.networkId]?.dns);
  const body = embedded
    ? [
        'nameserver 127.0.0.11',
        'options ndots:0',
        '',
        "# Based on host file: '/etc/resolv.conf' (internal resolver)",
        `# ExtServers: [${HOST_NAMESERVERS.join(' ')}]`,
        '# Overrides: []',
        '# Option ndots from: internal',
      ]
    : [
        ...HOST_NAMESERVERS.map((ns) => `nameserver ${ns}`),
        '',
        "# Based on host file: '/etc/resolv.conf' (legacy)",
        '# Overrides: []',
      ];
  return `${[...header, ...body].join('\n')}\n`;
}

/** Normalises an absolute or relative path against the working directory. */
export function resolvePath(cwd: string, path: string): string {
  const parts: string[] = [];
  for (const part of (path.startsWith('/') ? path : `${cwd}/${path}`).split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return `/${parts.join('/')}`;
}

const under = (key: string, dir: string): boolean =>
  dir === '/' ? key !== '/' : key.startsWith(`${dir}/`);

/** The mount a path lies in (the deepest destination above it) and the path inside it. */
export function mountOf(view: ContainerView, path: string): { mount: Mount; rel: string } | null {
  let best: Mount | null = null;
  for (const m of view.mounts)
    if (
      (path === m.destination || under(path, m.destination)) &&
      m.destination.length >= (best?.destination.length ?? 0)
    )
      best = m;
  return best ? { mount: best, rel: path.slice(best.destination.length + 1) } : null;
}

/** A mount's files by path inside it: the volume's, or the host's below the bind source. */
export function mountFiles(view: ContainerView, m: Mount): Readonly<Record<string, string>> {
  if (m.type === 'volume') return view.fs.volumes[m.source] ?? {};
  const prefix = `${m.source.replace(/\/+$/, '')}/`;
  const out: Record<string, string> = {};
  for (const [path, text] of Object.entries(view.fs.host))
    if (path.startsWith(prefix)) out[path.slice(prefix.length)] = text;
  return out;
}

function treeNode(files: Readonly<Record<string, string>>, rel: string): FsNode | null {
  if (rel === '') return DIR;
  const text = files[rel];
  if (text !== undefined) return { kind: 'file', text };
  if (files[`${rel}/`] !== undefined) return DIR;
  return Object.keys(files).some((k) => k.startsWith(`${rel}/`)) ? DIR : null;
}

const hidden = (view: ContainerView, path: string): boolean =>
  view.whiteouts.has(path) || ancestors(path).some((a) => view.whiteouts.has(a));

/** What the image's read-only layers hold at a path, without the container's changes. */
export function lowerNode(view: ContainerView, path: string): FsNode | null {
  if (path === '/') return DIR;
  const text = view.layers.get(path);
  if (text !== undefined) return { kind: 'file', text };
  if (!hidden(view, path)) {
    const base = view.base.files.get(path);
    if (base !== undefined) return { kind: 'file', text: base };
    if (view.base.dirs.has(path)) return DIR;
  }
  for (const key of view.layers.keys()) if (under(key, path)) return DIR;
  return null;
}

/** Directories that exist whatever the layers say: mount points and the working directory. */
function madeByDocker(view: ContainerView, path: string): boolean {
  return [...view.mounts.map((m) => m.destination), view.workingDir].some(
    (p) => p !== '' && (p === path || under(p, path)),
  );
}

/** The merged view at a path: a file with its text, a directory, or null when absent. */
export function fsNode(view: ContainerView, path: string): FsNode | null {
  const inMount = mountOf(view, path);
  if (inMount) return treeNode(mountFiles(view, inMount.mount), inMount.rel);
  const rw = view.fs.rw;
  let opaque = false;
  for (const a of ancestors(path)) {
    const e = rw[a];
    if (e && (e.kind === 'D' || !e.dir)) return null;
    if (e?.opaque) opaque = true;
  }
  const own = rw[path];
  if (own)
    return own.kind === 'D' ? null : own.dir ? DIR : { kind: 'file', text: own.content ?? '' };
  if (view.userland !== 'scratch') {
    if (path === '/etc/hostname') return { kind: 'file', text: `${view.hostname}\n` };
    if (path === '/etc/hosts') return { kind: 'file', text: view.hostsFile };
    if (path === '/etc/resolv.conf') return { kind: 'file', text: view.resolvConf };
  }
  if (madeByDocker(view, path)) return DIR;
  if (Object.keys(rw).some((k) => rw[k]?.kind !== 'D' && under(k, path))) return DIR;
  return opaque ? null : lowerNode(view, path);
}

/** The text of a file, or null when it does not exist (or is a directory). */
export function readFile(view: ContainerView, path: string): string | null {
  const node = fsNode(view, path);
  return node?.kind === 'file' ? node.text : null;
}

/** The first path segment of `key` below `dir`, if `key` is below it. */
function childName(key: string, dir: string): string | null {
  if (!under(key, dir)) return null;
  return key.slice(dir === '/' ? 1 : dir.length + 1).split('/')[0] || null;
}

/**
 * The entries of a directory, sorted as `ls` sorts them in the C locale; null when the path
 * does not exist. A file lists as itself.
 */
export function listDir(view: ContainerView, path: string): string[] | null {
  const node = fsNode(view, path);
  if (!node) return null;
  if (node.kind === 'file') return [path];
  const names = new Set<string>();
  const add = (key: string, dir: string): void => {
    const name = childName(key, dir);
    if (name) names.add(name);
  };
  const inMount = mountOf(view, path);
  if (inMount) {
    const rel = inMount.rel === '' ? '' : `${inMount.rel}/`;
    for (const key of Object.keys(mountFiles(view, inMount.mount)))
      if (key.startsWith(rel)) names.add(key.slice(rel.length).split('/')[0] ?? '');
    names.delete('');
  } else {
    const candidates = [
      ...view.layers.keys(),
      ...view.base.files.keys(),
      ...view.base.dirs,
      ...Object.keys(view.fs.rw),
      ...view.mounts.map((m) => m.destination),
      view.workingDir,
      ...(view.userland === 'scratch' ? [] : DOCKER_FILES),
    ];
    for (const key of candidates) add(key, path);
  }
  const join = (name: string): string => (path === '/' ? `/${name}` : `${path}/${name}`);
  return [...names].filter((name) => fsNode(view, join(name)) !== null).sort();
}
