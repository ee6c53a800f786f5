/**
 * The simulated registry's catalogue: a few official images with their layers, sizes and
 * configs. Layers are described once and shared between images (nginx, redis, postgres,
 * node and python share a Debian base; their alpine variants share Alpine's), so a student
 * sees "Already exists" for a layer that was pulled before. Digests are computed from the
 * layer descriptions, so they are stable across sessions, as content digests are.
 *
 * A well-formed name outside the catalogue still pulls: a small image is derived from the
 * name alone (an Alpine base plus one layer of its own), deterministically.
 */
import { digestOf } from '../digest';
import type { ImageConfig, Layer } from '../types';
import type { ImageReference } from './reference';
import { familiarName } from './reference';

export interface CatalogueImage {
  /** Repository path on Docker Hub, e.g. `library/nginx`. */
  readonly path: string;
  readonly tags: readonly string[];
  readonly created: string;
  readonly layers: readonly Layer[];
  readonly config: ImageConfig;
}

const MB = 1024 * 1024;

function layer(description: string, size: number): Layer {
  return { digest: digestOf(`blob:${description}`), diffId: digestOf(`diff:${description}`), size };
}

const base = {
  debian: layer('debian:bookworm-slim rootfs', Math.round(28.2 * MB)),
  alpine: layer('alpine:3.22 rootfs', Math.round(3.8 * MB)),
  busybox: layer('busybox:1.37 rootfs', Math.round(2.2 * MB)),
};

/** Base layers, so that an image's userland (which programs it has) can be told from its first layer. */
export const CATALOGUE_BASES: readonly { name: 'debian' | 'alpine' | 'busybox'; layer: Layer }[] = [
  { name: 'debian', layer: base.debian },
  { name: 'alpine', layer: base.alpine },
  { name: 'busybox', layer: base.busybox },
];

function config(partial: Partial<ImageConfig>): ImageConfig {
  return {
    cmd: null,
    entrypoint: null,
    env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'],
    exposedPorts: [],
    workingDir: '',
    stopSignal: 'SIGTERM',
    volumes: [],
    ...partial,
  };
}

function entrypointLayers(name: string): Layer[] {
  return [
    layer(`${name} docker-entrypoint.sh`, 1_280),
    layer(`${name} entrypoint.d scripts`, 4_620),
  ];
}

export const CATALOGUE: readonly CatalogueImage[] = [
  {
    path: 'library/alpine',
    tags: ['latest', '3.22', '3'],
    created: '2025-10-08T11:04:54Z',
    layers: [base.alpine],
    config: config({ cmd: ['/bin/sh'] }),
  },
  {
    path: 'library/busybox',
    tags: ['latest', '1.37'],
    created: '2024-09-26T21:31:42Z',
    layers: [base.busybox],
    config: config({ cmd: ['sh'] }),
  },
  {
    path: 'library/hello-world',
    tags: ['latest'],
    created: '2025-08-13T22:18:00Z',
    layers: [layer('hello-world /hello', 2_496)],
    config: config({ cmd: ['/hello'] }),
  },
  {
    path: 'library/nginx',
    tags: ['latest', '1.29', 'stable'],
    created: '2025-10-07T17:54:50Z',
    layers: [
      base.debian,
      layer('nginx 1.29 packages', Math.round(41.6 * MB)),
      ...entrypointLayers('nginx'),
    ],
    config: config({
      entrypoint: ['/docker-entrypoint.sh'],
      cmd: ['nginx', '-g', 'daemon off;'],
      exposedPorts: ['80/tcp'],
      // The official nginx image asks for a graceful shutdown with SIGQUIT.
      stopSignal: 'SIGQUIT',
      env: [
        'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
        'NGINX_VERSION=1.29.2',
      ],
    }),
  },
  {
    path: 'library/nginx',
    tags: ['alpine', '1.29-alpine'],
    created: '2025-10-07T18:02:11Z',
    layers: [
      base.alpine,
      layer('nginx 1.29 alpine packages', Math.round(17.1 * MB)),
      ...entrypointLayers('nginx-alpine'),
    ],
    config: config({
      entrypoint: ['/docker-entrypoint.sh'],
      cmd: ['nginx', '-g', 'daemon off;'],
      exposedPorts: ['80/tcp'],
      stopSignal: 'SIGQUIT',
    }),
  },
  {
    path: 'library/redis',
    tags: ['latest', '8', '8.2'],
    created: '2025-10-03T09:12:37Z',
    layers: [
      base.debian,
      layer('redis 8.2 user and gosu', 1_150_000),
      layer('redis 8.2 server', Math.round(16.4 * MB)),
      layer('redis docker-entrypoint.sh', 1_840),
    ],
    config: config({
      entrypoint: ['docker-entrypoint.sh'],
      cmd: ['redis-server'],
      exposedPorts: ['6379/tcp'],
      workingDir: '/data',
      volumes: ['/data'],
    }),
  },
  {
    path: 'library/postgres',
    tags: ['latest', '18', '17'],
    created: '2025-09-26T14:40:19Z',
    layers: [
      base.debian,
      layer('postgres locales', Math.round(6.2 * MB)),
      layer('postgres 18 packages', Math.round(112.5 * MB)),
      layer('postgres docker-entrypoint.sh', 4_210),
    ],
    config: config({
      entrypoint: ['docker-entrypoint.sh'],
      cmd: ['postgres'],
      exposedPorts: ['5432/tcp'],
      // postgres asks for a fast shutdown with SIGINT.
      stopSignal: 'SIGINT',
      volumes: ['/var/lib/postgresql/data'],
    }),
  },
  {
    path: 'library/node',
    tags: ['latest', '22', 'lts'],
    created: '2025-10-02T20:31:05Z',
    layers: [
      base.debian,
      layer('buildpack-deps curl', Math.round(23.6 * MB)),
      layer('buildpack-deps scm', Math.round(63.9 * MB)),
      layer('node 22 binaries', Math.round(49.3 * MB)),
      layer('yarn', Math.round(1.3 * MB)),
    ],
    config: config({ entrypoint: ['docker-entrypoint.sh'], cmd: ['node'] }),
  },
  {
    path: 'library/node',
    tags: ['20-alpine', '22-alpine', 'alpine'],
    created: '2025-10-02T20:40:44Z',
    layers: [
      base.alpine,
      layer('node alpine binaries', Math.round(42.7 * MB)),
      layer('yarn alpine', Math.round(1.3 * MB)),
    ],
    config: config({ entrypoint: ['docker-entrypoint.sh'], cmd: ['node'] }),
  },
  {
    path: 'library/python',
    tags: ['latest', '3', '3.13'],
    created: '2025-10-09T18:20:58Z',
    layers: [
      base.debian,
      layer('buildpack-deps curl', Math.round(23.6 * MB)),
      layer('buildpack-deps scm', Math.round(63.9 * MB)),
      layer('python 3.13', Math.round(25.4 * MB)),
    ],
    config: config({ cmd: ['python3'] }),
  },
  {
    path: 'library/python',
    tags: ['3.13-slim', 'slim'],
    created: '2025-10-09T18:25:33Z',
    layers: [base.debian, layer('python 3.13 slim', Math.round(14.2 * MB))],
    config: config({ cmd: ['python3'] }),
  },
];

/**
 * The image a reference names: from the catalogue, or derived from the name for any other
 * well-formed reference. Returns null only for a tag the catalogue knows the repository of
 * but not the tag (the registry answers "manifest unknown").
 */
export function lookupCatalogue(ref: ImageReference): CatalogueImage | null {
  const tag = ref.tag ?? 'latest';
  const entries = CATALOGUE.filter(
    (image) => image.path === ref.path && ref.domain === 'docker.io',
  );
  if (entries.length > 0) return entries.find((image) => image.tags.includes(tag)) ?? null;
  return derivedImage(ref, tag);
}

function derivedImage(ref: ImageReference, tag: string): CatalogueImage {
  const name = `${ref.domain}/${ref.path}:${tag}`;
  return {
    path: ref.path,
    tags: [tag],
    created: '2025-06-01T12:00:00Z',
    layers: [
      base.alpine,
      layer(`derived ${name}`, 1_000_000 + (parseInt(digestOf(name).slice(7, 13), 16) % (30 * MB))),
    ],
    config: config({ cmd: ['sh'] }),
  };
}

/** A stable image config digest (the image ID) for a catalogue image. */
export function imageIdOf(image: CatalogueImage): string {
  return digestOf(
    `config:${image.path}:${image.tags[0] ?? ''}:${image.layers.map((l) => l.diffId).join(',')}`,
  );
}

/** The manifest digest (RepoDigests, "Digest: sha256:..." in pull output). */
export function manifestDigestOf(image: CatalogueImage): string {
  return digestOf(`manifest:${imageIdOf(image)}`);
}

export function repositoryLabel(image: CatalogueImage): string {
  return familiarName({ domain: 'docker.io', path: image.path });
}
