/**
 * The catalogue's larger official images, step by step from their Dockerfiles: nginx
 * (nginxinc/docker-nginx), redis, node (nodejs/docker-node) and the `registry:2` image that
 * runs a local registry (distribution/distribution-library-image). Long RUN commands are
 * shortened with `...`; the steps, their order and which of them add a layer are the real ones.
 */
import {
  ALPINE_STEPS,
  BUILDPACK_STEPS,
  buildkitSteps,
  catalogueImage,
  DEBIAN_STEPS,
  imageConfig,
  layer,
  MB,
  type Step,
} from './catalogueSteps';
import type { Layer } from '../types';

/** nginx's entrypoint and the four scripts it runs from /docker-entrypoint.d, one COPY each. */
function nginxTail(variant: string, created: string): Step[] {
  const copy = (file: string, to: string, size: number): [string, Layer] => [
    `COPY ${file} ${to} # buildkit`,
    layer(`${variant} ${file}`, size),
  ];
  return buildkitSteps(created, [
    copy('docker-entrypoint.sh', '/', 628),
    copy('10-listen-on-ipv6-by-default.sh', '/docker-entrypoint.d', 956),
    copy('15-local-resolvers.envsh', '/docker-entrypoint.d', 404),
    copy('20-envsubst-on-templates.sh', '/docker-entrypoint.d', 1_210),
    copy('30-tune-worker-processes.sh', '/docker-entrypoint.d', 1_400),
    ['ENTRYPOINT ["/docker-entrypoint.sh"]', null],
    ['EXPOSE map[80/tcp:{}]', null],
    ['STOPSIGNAL SIGQUIT', null],
    ['CMD ["nginx" "-g" "daemon off;"]', null],
  ]);
}

const NGINX_CONFIG = {
  entrypoint: ['/docker-entrypoint.sh'],
  cmd: ['nginx', '-g', 'daemon off;'],
  exposedPorts: ['80/tcp'],
  // The official nginx image asks for a graceful shutdown with SIGQUIT.
  stopSignal: 'SIGQUIT',
};

/** An nginx image: its base, the maintainer label and version, the package RUN, the tail. */
function nginxImage(
  variant: string,
  tags: readonly string[],
  created: string,
  base: readonly Step[],
  install: [string, Layer],
) {
  return catalogueImage(
    'library/nginx',
    tags,
    created,
    [
      ...base,
      ...buildkitSteps(created, [
        ['LABEL maintainer=NGINX Docker Maintainers <docker-maint@nginx.com>', null],
        ['ENV NGINX_VERSION=1.29.2', null],
        install,
      ]),
      ...nginxTail(variant, created),
    ],
    imageConfig({ ...NGINX_CONFIG, env: ['NGINX_VERSION=1.29.2'] }),
  );
}

export const NGINX = nginxImage(
  'nginx',
  ['latest', '1.29', 'stable'],
  '2025-10-07T17:54:50Z',
  DEBIAN_STEPS,
  [
    'RUN /bin/sh -c set -x     && groupadd --system --gid 101 nginx     && useradd --system --gid nginx --no-create-home --home /nonexistent --comment "nginx user" --shell /bin/false --uid 101 nginx     && apt-get update ...     && apt-get install --no-install-recommends --no-install-suggests -y $nginxPackages gettext-base curl ...     && ln -sf /dev/stdout /var/log/nginx/access.log     && ln -sf /dev/stderr /var/log/nginx/error.log     && mkdir /docker-entrypoint.d # buildkit',
    layer('nginx 1.29 packages', Math.round(33.2 * MB)),
  ],
);

export const NGINX_ALPINE = nginxImage(
  'nginx-alpine',
  ['alpine', '1.29-alpine'],
  '2025-10-08T18:02:11Z',
  ALPINE_STEPS,
  [
    'RUN /bin/sh -c set -x     && addgroup -g 101 -S nginx     && adduser -S -D -H -u 101 -h /var/cache/nginx -s /sbin/nologin -G nginx -g nginx nginx     && apkArch="$(cat /etc/apk/arch)" ...     && apk add --no-cache tzdata     && ln -sf /dev/stdout /var/log/nginx/access.log     && ln -sf /dev/stderr /var/log/nginx/error.log     && mkdir /docker-entrypoint.d # buildkit',
    layer('nginx 1.29 alpine packages', Math.round(17.1 * MB)),
  ],
);

const REDIS_CREATED = '2025-10-03T09:12:37Z';
export const REDIS = catalogueImage(
  'library/redis',
  ['latest', '8', '8.2'],
  REDIS_CREATED,
  [
    ...DEBIAN_STEPS,
    ...buildkitSteps(REDIS_CREATED, [
      [
        'RUN /bin/sh -c set -eux; \tgroupadd -r -g 999 redis; \tuseradd -r -g redis -u 999 redis # buildkit',
        layer('redis user', 4_480),
      ],
      [
        'RUN /bin/sh -c set -eux; ... make -C /usr/src/redis -j "$(nproc)" all; \tmake -C /usr/src/redis install; ... \tredis-cli --version; \tredis-server --version # buildkit',
        layer('redis 8.2 server', Math.round(16.4 * MB)),
      ],
      [
        'RUN /bin/sh -c mkdir /data && chown redis:redis /data # buildkit',
        layer('redis /data', 96),
      ],
      ['VOLUME [/data]', null],
      ['WORKDIR /data', null],
      [
        'COPY docker-entrypoint.sh /usr/local/bin/ # buildkit',
        layer('redis docker-entrypoint.sh', 1_840),
      ],
      ['ENTRYPOINT ["docker-entrypoint.sh"]', null],
      ['EXPOSE map[6379/tcp:{}]', null],
      ['CMD ["redis-server"]', null],
    ]),
  ],
  imageConfig({
    entrypoint: ['docker-entrypoint.sh'],
    cmd: ['redis-server'],
    exposedPorts: ['6379/tcp'],
    workingDir: '/data',
    volumes: ['/data'],
  }),
);

const YARN = 'ENV YARN_VERSION=1.22.22';
const NODE_TAIL: [string, null][] = [
  ['ENTRYPOINT ["docker-entrypoint.sh"]', null],
  ['CMD ["node"]', null],
];

const NODE_CREATED = '2025-10-02T20:31:05Z';
export const NODE = catalogueImage(
  'library/node',
  ['latest', '22', 'lts'],
  NODE_CREATED,
  [
    ...DEBIAN_STEPS,
    ...BUILDPACK_STEPS,
    ...buildkitSteps(NODE_CREATED, [
      ['ENV NODE_VERSION=22.20.0', null],
      [
        'RUN /bin/sh -c ARCH= && dpkgArch="$(dpkg --print-architecture)" ... && curl -fsSLO --compressed "https://nodejs.org/dist/v$NODE_VERSION/node-v$NODE_VERSION-linux-$ARCH.tar.xz" ... && node --version   && npm --version # buildkit',
        layer('node 22 binaries', Math.round(49.3 * MB)),
      ],
      [YARN, null],
      [
        'RUN /bin/sh -c set -ex   && export GNUPGHOME="$(mktemp -d)" ... && tar -xzf yarn-v$YARN_VERSION.tar.gz -C /opt/ ... && yarn --version # buildkit',
        layer('yarn', Math.round(1.3 * MB)),
      ],
      [
        'COPY docker-entrypoint.sh /usr/local/bin/ # buildkit',
        layer('node docker-entrypoint.sh', 450),
      ],
      ...NODE_TAIL,
    ]),
  ],
  imageConfig({
    entrypoint: ['docker-entrypoint.sh'],
    cmd: ['node'],
    env: ['NODE_VERSION=22.20.0', 'YARN_VERSION=1.22.22'],
  }),
);

/** node:N-alpine (docker-node's alpine3.22 Dockerfile): node, yarn and the entrypoint on Alpine. */
function nodeAlpine(major: string, version: string, tags: string[], created: string, seed: string) {
  return catalogueImage(
    'library/node',
    tags,
    created,
    [
      ...ALPINE_STEPS,
      ...buildkitSteps(created, [
        [`ENV NODE_VERSION=${version}`, null],
        [
          'RUN /bin/sh -c addgroup -g 1000 node     && adduser -u 1000 -G node -s /bin/sh -D node     && apk add --no-cache         libstdc++     && apk add --no-cache --virtual .build-deps         curl ... && apk del .build-deps   && node --version   && npm --version   && rm -rf /tmp/* # buildkit',
          layer(seed, Math.round((major === '20' ? 42.7 : 51.2) * MB)),
        ],
        [YARN, null],
        [
          'RUN /bin/sh -c apk add --no-cache --virtual .build-deps-yarn curl gnupg tar   && export GNUPGHOME="$(mktemp -d)" ... && apk del .build-deps-yarn   && yarn --version   && rm -rf /tmp/* # buildkit',
          layer(major === '20' ? 'yarn alpine' : `yarn alpine ${major}`, Math.round(1.3 * MB)),
        ],
        [
          'COPY docker-entrypoint.sh /usr/local/bin/ # buildkit',
          layer(`node ${major} alpine docker-entrypoint.sh`, 450),
        ],
        ...NODE_TAIL,
      ]),
    ],
    imageConfig({
      entrypoint: ['docker-entrypoint.sh'],
      cmd: ['node'],
      env: [`NODE_VERSION=${version}`, 'YARN_VERSION=1.22.22'],
    }),
  );
}

export const NODE_ALPINE = [
  nodeAlpine(
    '20',
    '20.19.5',
    ['20-alpine', '20-alpine3.22'],
    '2025-10-09T20:40:44Z',
    'node alpine binaries',
  ),
  nodeAlpine(
    '22',
    '22.20.0',
    ['22-alpine', 'alpine', 'lts-alpine'],
    '2025-10-09T20:52:10Z',
    'node 22 alpine binaries',
  ),
];

/** registry:2 (2.8.3), on its own Alpine 3.18 base. */
const REGISTRY_BASE = layer('alpine:3.18 rootfs', 3_416_401);
const REGISTRY_CREATED = '2023-10-02T18:42:41Z';
export const REGISTRY = {
  base: REGISTRY_BASE,
  image: catalogueImage(
    'library/registry',
    ['2', '2.8', '2.8.3', 'latest'],
    REGISTRY_CREATED,
    buildkitSteps(REGISTRY_CREATED, [
      ['ADD alpine-minirootfs-3.18.9-x86_64.tar.gz / # buildkit', REGISTRY_BASE],
      ['CMD ["/bin/sh"]', null],
      [
        'RUN /bin/sh -c apk add --no-cache ca-certificates # buildkit',
        layer('registry ca-certificates', 293_379),
      ],
      [
        'RUN /bin/sh -c set -eux; \tversion=\'2.8.3\'; ... \twget -O registry.tar.gz "https://github.com/distribution/distribution/releases/download/v${version}/registry_${version}_linux_${arch}.tar.gz"; ... \ttar --extract --verbose --file registry.tar.gz --directory /bin/ registry; \trm registry.tar.gz; \tregistry --version # buildkit',
        layer('registry 2.8.3 binary', 6_403_784),
      ],
      [
        'COPY ./config-example.yml /etc/docker/registry/config.yml # buildkit',
        layer('registry config.yml', 369),
      ],
      ['VOLUME [/var/lib/registry]', null],
      ['EXPOSE map[5000/tcp:{}]', null],
      ['COPY docker-entrypoint.sh /entrypoint.sh # buildkit', layer('registry entrypoint.sh', 214)],
      ['ENTRYPOINT ["/entrypoint.sh"]', null],
      ['CMD ["/etc/docker/registry/config.yml"]', null],
    ]),
    imageConfig({
      entrypoint: ['/entrypoint.sh'],
      cmd: ['/etc/docker/registry/config.yml'],
      exposedPorts: ['5000/tcp'],
      volumes: ['/var/lib/registry'],
    }),
  ),
};
