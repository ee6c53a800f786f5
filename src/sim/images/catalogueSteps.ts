/**
 * The building blocks of the catalogue: layers described once (their digests computed from
 * the description, so stable across sessions and shared between images that really share
 * them), and the Dockerfile steps that made each official image, as `docker history` shows
 * them. Official images are built with BuildKit, which records `RUN /bin/sh -c ... # buildkit`
 * and the comment `buildkit.dockerfile.v0`; Debian's rootfs comes from debuerreotype.
 *
 * Contract: an image's layers are exactly the layers of its steps, in order, so its history
 * and its RootFS always line up (one non-empty history entry per layer).
 */
import { digestOf } from '../digest';
import type { ImageConfig, ImageHistory, Layer } from '../types';

export const MB = 1024 * 1024;

/** Unpacked layers take roughly 2.3 times their compressed size. */
export function unpacked(layer: Layer): number {
  return Math.round(layer.size * 2.3);
}

export function layer(description: string, size: number): Layer {
  return { digest: digestOf(`blob:${description}`), diffId: digestOf(`diff:${description}`), size };
}

/** One Dockerfile step of an official image: the text `docker history` shows, and its layer. */
export interface Step {
  readonly createdBy: string;
  readonly layer: Layer | null;
  readonly created: string;
  readonly comment: string;
}

const BUILDKIT = 'buildkit.dockerfile.v0';

/** Steps made at one time (one image's own build): `fs` for a step with a layer, `meta` without. */
export function buildkitSteps(
  created: string,
  steps: readonly (readonly [string, Layer | null])[],
): Step[] {
  return steps.map(([createdBy, l]) => ({ createdBy, layer: l, created, comment: BUILDKIT }));
}

export const base = {
  debian: layer('debian:bookworm-slim rootfs', Math.round(28.2 * MB)),
  alpine: layer('alpine:3.22 rootfs', Math.round(3.8 * MB)),
  busybox: layer('busybox:1.37 rootfs', Math.round(2.2 * MB)),
};

/** debian:bookworm-slim, made by debuerreotype from a snapshot of the Debian archive. */
export const DEBIAN_STEPS: readonly Step[] = [
  {
    createdBy: "# debian.sh --arch 'amd64' out/ 'bookworm' '@1759104000'",
    layer: base.debian,
    created: '2025-09-29T00:00:00Z',
    comment: 'debuerreotype 0.16',
  },
];

export const ALPINE_STEPS: readonly Step[] = buildkitSteps('2025-10-08T11:04:54Z', [
  ['ADD alpine-minirootfs-3.22.2-x86_64.tar.gz / # buildkit', base.alpine],
  ['CMD ["/bin/sh"]', null],
]);

/** buildpack-deps:bookworm-curl and -scm, under node's and python's full images. */
export const BUILDPACK_STEPS: readonly Step[] = buildkitSteps('2025-09-30T02:11:35Z', [
  [
    'RUN /bin/sh -c set -eux; apt-get update; apt-get install -y --no-install-recommends ca-certificates curl gnupg netbase sq wget; rm -rf /var/lib/apt/lists/* # buildkit',
    layer('buildpack-deps curl', Math.round(23.6 * MB)),
  ],
  [
    'RUN /bin/sh -c set -eux; apt-get update; apt-get install -y --no-install-recommends git mercurial openssh-client subversion procps; rm -rf /var/lib/apt/lists/* # buildkit',
    layer('buildpack-deps scm', Math.round(63.9 * MB)),
  ],
]);

/** History entries for steps, as the image config records them. */
export function historyOf(steps: readonly Step[]): ImageHistory[] {
  return steps.map((s) => ({
    created: s.created,
    createdBy: s.createdBy,
    size: s.layer ? unpacked(s.layer) : 0,
    emptyLayer: s.layer === null,
    comment: s.comment,
  }));
}

export function layersOf(steps: readonly Step[]): Layer[] {
  return steps.flatMap((s) => (s.layer ? [s.layer] : []));
}

export interface CatalogueImage {
  /** Repository path on Docker Hub, e.g. `library/nginx`. */
  readonly path: string;
  readonly tags: readonly string[];
  readonly created: string;
  /** The image's steps, base image's first; its layers are those of its steps. */
  readonly steps: readonly Step[];
  readonly layers: readonly Layer[];
  readonly config: ImageConfig;
}

const PATH_ENV = 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

export function imageConfig(partial: Partial<ImageConfig>): ImageConfig {
  return {
    cmd: null,
    entrypoint: null,
    env: [PATH_ENV],
    exposedPorts: [],
    workingDir: '',
    stopSignal: 'SIGTERM',
    volumes: [],
    ...partial,
    ...(partial.env ? { env: [PATH_ENV, ...partial.env] } : {}),
  };
}

export function catalogueImage(
  path: string,
  tags: readonly string[],
  created: string,
  steps: readonly Step[],
  config: ImageConfig,
): CatalogueImage {
  return { path, tags, created, steps, layers: layersOf(steps), config };
}
