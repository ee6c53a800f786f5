/**
 * The simulated Docker Hub's catalogue: a few official images with their layers, sizes,
 * configs and the Dockerfile steps that made them (their real steps, as `docker history`
 * shows them, long commands shortened with `...`). Layers are described once and shared
 * between images (nginx, redis, postgres, node and python share a Debian base; their alpine
 * variants share Alpine's), so a student sees "Already exists" for a layer pulled before.
 *
 * A well-formed name outside the catalogue still pulls: a small image is derived from the
 * name alone (an Alpine base plus one layer of its own), deterministically.
 */
import { digestOf } from '../digest';
import type { Layer } from '../types';
import {
  ALPINE_STEPS,
  BUILDPACK_STEPS,
  base,
  buildkitSteps,
  catalogueImage as image,
  DEBIAN_STEPS,
  imageConfig as config,
  layer,
  MB,
  type CatalogueImage,
  type Step,
} from './catalogueSteps';
import { buildManifest, configJson, type BuiltManifest } from './manifest';
import type { ImageReference } from './reference';
import { familiarName } from './reference';
import { NGINX, NGINX_ALPINE, NODE, NODE_ALPINE, REDIS, REGISTRY } from './catalogueImages';

export type { CatalogueImage };

/** Base layers, so that an image's userland (which programs it has) can be told from its first layer. */
export const CATALOGUE_BASES: readonly { name: 'debian' | 'alpine' | 'busybox'; layer: Layer }[] = [
  { name: 'debian', layer: base.debian },
  { name: 'alpine', layer: base.alpine },
  { name: 'busybox', layer: base.busybox },
  { name: 'alpine', layer: REGISTRY.base },
];

/** python's own steps on its base: LANG, Python built from source, `python3` as the command. */
function pythonImage(
  tags: readonly string[],
  created: string,
  baseSteps: readonly Step[],
  built: Layer,
): CatalogueImage {
  return image(
    'library/python',
    tags,
    created,
    [
      ...DEBIAN_STEPS,
      ...baseSteps,
      ...buildkitSteps(created, [
        ['ENV LANG=C.UTF-8', null],
        [
          'RUN /bin/sh -c set -eux; ... ./configure --enable-optimizations ...; make install; ... python3 --version # buildkit',
          built,
        ],
        ['CMD ["python3"]', null],
      ]),
    ],
    config({ cmd: ['python3'] }),
  );
}

export const CATALOGUE: readonly CatalogueImage[] = [
  image(
    'library/alpine',
    ['latest', '3.22', '3'],
    '2025-10-08T11:04:54Z',
    ALPINE_STEPS,
    config({ cmd: ['/bin/sh'] }),
  ),
  image(
    'library/busybox',
    ['latest', '1.37'],
    '2024-09-26T21:31:42Z',
    buildkitSteps('2024-09-26T21:31:42Z', [
      ['ADD busybox.tar.xz / # buildkit', base.busybox],
      ['CMD ["sh"]', null],
    ]),
    config({ cmd: ['sh'] }),
  ),
  image(
    'library/hello-world',
    ['latest'],
    '2025-08-13T22:18:00Z',
    buildkitSteps('2025-08-13T22:18:00Z', [
      ['COPY hello / # buildkit', layer('hello-world /hello', 2_496)],
      ['CMD ["/hello"]', null],
    ]),
    config({ cmd: ['/hello'] }),
  ),
  NGINX,
  NGINX_ALPINE,
  REDIS,
  image(
    'library/postgres',
    ['latest', '18', '17'],
    '2025-09-26T14:40:19Z',
    [
      ...DEBIAN_STEPS,
      ...buildkitSteps('2025-09-26T14:40:19Z', [
        [
          'RUN /bin/sh -c set -eux; ... apt-get install -y --no-install-recommends locales; ... localedef -i en_US -c -f UTF-8 -A /usr/share/locale/locale.alias en_US.UTF-8 # buildkit',
          layer('postgres locales', Math.round(6.2 * MB)),
        ],
        ['ENV LANG=en_US.utf8', null],
        [
          'RUN /bin/sh -c set -ex; ... apt-get install -y --no-install-recommends "postgresql-$PG_MAJOR=$PG_VERSION"; ... # buildkit',
          layer('postgres 18 packages', Math.round(112.5 * MB)),
        ],
        ['VOLUME [/var/lib/postgresql/data]', null],
        [
          'COPY docker-entrypoint.sh docker-ensure-initdb.sh /usr/local/bin/ # buildkit',
          layer('postgres docker-entrypoint.sh', 4_210),
        ],
        ['ENTRYPOINT ["docker-entrypoint.sh"]', null],
        ['STOPSIGNAL SIGINT', null],
        ['EXPOSE map[5432/tcp:{}]', null],
        ['CMD ["postgres"]', null],
      ]),
    ],
    config({
      entrypoint: ['docker-entrypoint.sh'],
      cmd: ['postgres'],
      exposedPorts: ['5432/tcp'],
      // postgres asks for a fast shutdown with SIGINT.
      stopSignal: 'SIGINT',
      volumes: ['/var/lib/postgresql/data'],
    }),
  ),
  NODE,
  ...NODE_ALPINE,
  pythonImage(
    ['latest', '3', '3.13'],
    '2025-10-09T18:20:58Z',
    BUILDPACK_STEPS,
    layer('python 3.13', Math.round(25.4 * MB)),
  ),
  pythonImage(
    ['3.13-slim', 'slim'],
    '2025-10-09T18:25:33Z',
    [],
    layer('python 3.13 slim', Math.round(14.2 * MB)),
  ),
  REGISTRY.image,
];

/**
 * The image a reference names: from the catalogue, or derived from the name for any other
 * well-formed reference. Returns null only for a tag the catalogue knows the repository of
 * but not the tag (the registry answers "manifest unknown").
 */
export function lookupCatalogue(ref: ImageReference): CatalogueImage | null {
  const tag = ref.tag ?? 'latest';
  const entries = CATALOGUE.filter(
    (entry) => entry.path === ref.path && ref.domain === 'docker.io',
  );
  if (entries.length > 0) return entries.find((entry) => entry.tags.includes(tag)) ?? null;
  return derivedImage(ref, tag);
}

function derivedImage(ref: ImageReference, tag: string): CatalogueImage {
  const name = `${ref.domain}/${ref.path}:${tag}`;
  const created = '2025-06-01T12:00:00Z';
  const own = layer(
    `derived ${name}`,
    1_000_000 + (parseInt(digestOf(name).slice(7, 13), 16) % (30 * MB)),
  );
  return image(
    ref.path,
    [tag],
    created,
    [
      ...ALPINE_STEPS,
      ...buildkitSteps(created, [
        ['COPY . /app # buildkit', own],
        ['CMD ["sh"]', null],
      ]),
    ],
    config({ cmd: ['sh'] }),
  );
}

/** A stable image config digest (the image ID) for a catalogue image. */
export function imageIdOf(entry: CatalogueImage): string {
  return digestOf(
    `config:${entry.path}:${entry.tags[0] ?? ''}:${entry.layers.map((l) => l.diffId).join(',')}`,
  );
}

/**
 * The schema 2 manifest the simulated Docker Hub serves for a catalogue image; its digest is
 * the one in RepoDigests and in the pull's "Digest: sha256:...", computed for real.
 */
export function manifestOf(entry: CatalogueImage): BuiltManifest {
  const json = configJson({
    created: entry.created,
    config: entry.config,
    diffIds: entry.layers.map((l) => l.diffId),
  });
  return buildManifest({
    config: { digest: imageIdOf(entry), size: json.length },
    layers: entry.layers,
  });
}

export function repositoryLabel(entry: CatalogueImage): string {
  return familiarName({ domain: 'docker.io', path: entry.path });
}
