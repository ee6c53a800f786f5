/**
 * Image references as the docker CLI and dockerd parse them (distribution/reference):
 * `[registry[:port]/]path[:tag][@sha256:digest]`, normalised so that `nginx` means
 * `docker.io/library/nginx:latest`. Malformed references get Docker's own error text.
 */

export interface ImageReference {
  /** Registry host, e.g. `docker.io`. */
  readonly domain: string;
  /** Repository path on the registry, e.g. `library/nginx`. */
  readonly path: string;
  readonly tag: string | null;
  readonly digest: string | null;
}

export type ParsedReference = { ok: true; ref: ImageReference } | { ok: false; error: string };

const DEFAULT_DOMAIN = 'docker.io';
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const DOMAIN =
  /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)(?:\.(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?))*(?::[0-9]+)?$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^sha256:[a-f0-9]{64}$/;
const NAME_TOTAL_LENGTH_MAX = 255;

export const INVALID_REFERENCE = 'invalid reference format';

/** Parses a reference as `docker pull`/`docker run` do, with Docker's normalisation. */
export function parseReference(input: string): ParsedReference {
  let rest = input;
  let digest: string | null = null;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST.test(digest)) return { ok: false, error: INVALID_REFERENCE };
  }
  let tag: string | null = null;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG.test(tag)) return { ok: false, error: INVALID_REFERENCE };
  }
  if (rest === '') return { ok: false, error: INVALID_REFERENCE };

  let domain = DEFAULT_DOMAIN;
  let path = rest;
  const slash = rest.indexOf('/');
  if (slash >= 0) {
    const first = rest.slice(0, slash);
    const looksLikeDomain =
      first.includes('.') ||
      first.includes(':') ||
      first === 'localhost' ||
      first !== first.toLowerCase();
    if (looksLikeDomain) {
      if (!DOMAIN.test(first)) return { ok: false, error: INVALID_REFERENCE };
      domain = first;
      path = rest.slice(slash + 1);
    }
  }
  if (domain === DEFAULT_DOMAIN && !path.includes('/')) path = `library/${path}`;

  const components = path.split('/');
  if (components.some((c) => c.toLowerCase() !== c && PATH_COMPONENT.test(c.toLowerCase()))) {
    return {
      ok: false,
      error: `${INVALID_REFERENCE}: repository name (${path}) must be lowercase`,
    };
  }
  if (!components.every((c) => PATH_COMPONENT.test(c)))
    return { ok: false, error: INVALID_REFERENCE };
  if (domain.length + 1 + path.length > NAME_TOTAL_LENGTH_MAX) {
    return {
      ok: false,
      error: `${INVALID_REFERENCE}: repository name must not be more than ${NAME_TOTAL_LENGTH_MAX} characters`,
    };
  }
  return { ok: true, ref: { domain, path, tag: tag ?? (digest ? null : 'latest'), digest } };
}

/** The short name Docker shows: `nginx` for docker.io/library/nginx, `me/app` for docker.io/me/app. */
export function familiarName(ref: Pick<ImageReference, 'domain' | 'path'>): string {
  if (ref.domain !== DEFAULT_DOMAIN) return `${ref.domain}/${ref.path}`;
  return ref.path.startsWith('library/') ? ref.path.slice('library/'.length) : ref.path;
}

/** `nginx:latest`, as in RepoTags. */
export function familiarTagged(ref: ImageReference): string {
  return `${familiarName(ref)}:${ref.tag ?? 'latest'}`;
}

/** `docker.io/library/nginx`, as in the pull query (`fromImage=`). */
export function fullName(ref: Pick<ImageReference, 'domain' | 'path'>): string {
  return `${ref.domain}/${ref.path}`;
}
