/**
 * `GET /distribution/{name}/json`: dockerd asks the registry what a reference names, without
 * pulling it. The CLI asks before `docker service create` and `docker service update --image`
 * to pin the service to `nginx:latest@sha256:...`; dockerd answers it itself, swarm or not.
 *
 * As moby's api/server/router/distribution/distribution_routes.go does it: a tag is resolved
 * with `HEAD /v2/<name>/manifests/<tag>` (a digest reference skips that), the manifest is
 * fetched by digest, and for a schema 2 manifest the platform is read from the config blob.
 * The descriptor is the manifest's, so its digest is the `Digest:` that `docker pull` prints
 * for the same reference and registry state.
 *
 * Errors, in dockerd's words and statuses:
 * - a full image ID (`sha256:...` or 64 hex): 500 "no manifest found for full image ID";
 * - a malformed reference: 400 with the reference parser's message;
 * - a registry that refuses the connection: 500 with the dial error, as `docker pull` says;
 * - a tag or digest the registry does not have: the registry's 404 MANIFEST_UNKNOWN, which
 *   dockerd passes on as 404 "manifest unknown: manifest unknown" (its status comes from the
 *   error code, api/server/httpstatus statusCodeFromDistributionError, moby PR #37534).
 *   Docker Hub answers a repository that does not exist (or is private) with `errors:\ndenied:
 *   requested access to the resource is denied\nunauthorized: authentication required\n`
 *   instead, a 403 (DENIED comes first); the simulated Hub has no such repositories, since any
 *   well-formed name pulls (./catalogue.ts).
 *
 * Contract: reads the world and writes only trace messages; stores nothing.
 */
import { fail, ok, type Result } from '../daemon/result';
import { shortId } from '../digest';
import type { DockerHost } from '../host';
import { MANIFEST_MEDIA_TYPE } from './manifest';
import { findRemote, pingRegistry } from './pull';
import { parseReference } from './reference';
import { registryNode, resolveEndpoint } from './registryEndpoint';

/** registry.DistributionInspect: an OCI descriptor of the manifest and the platforms it is for. */
export interface DistributionInspect {
  readonly Descriptor: {
    readonly mediaType: string;
    readonly digest: string;
    readonly size: number;
  };
  readonly Platforms: readonly { readonly architecture: string; readonly os: string }[];
}

/** Every image here is built for linux/amd64; its config blob says so (./manifest.ts). */
const PLATFORM = { architecture: 'amd64', os: 'linux' } as const;

/** A bare image ID or digest, which reference.ParseAnyReference takes for a digest reference. */
const FULL_ID = /^(?:sha256:)?[a-f0-9]{64}$/;

/** The registry's MANIFEST_UNKNOWN, as dockerd passes it on (errcode.Error: "code: message"). */
export const MANIFEST_UNKNOWN = 'manifest unknown: manifest unknown';

export function inspectDistribution(h: DockerHost, name: string): Result<DistributionInspect> {
  if (FULL_ID.test(name)) return fail(500, 'no manifest found for full image ID');
  const parsed = parseReference(name);
  if (!parsed.ok) return fail(400, parsed.error);
  const ref = parsed.ref;
  const endpoint = resolveEndpoint(h, ref.domain);
  const pinged = pingRegistry(h, endpoint);
  if (!pinged.ok) return pinged;
  const node = registryNode(endpoint);
  const ask = (label: string): void => {
    h.emit('registry', 'dockerd', node, label, { registry: ref.domain });
    h.elapse(h.jitter(20, 60));
  };

  ask(
    ref.digest
      ? `GET /v2/${ref.path}/manifests/${ref.digest}`
      : `HEAD /v2/${ref.path}/manifests/${ref.tag ?? 'latest'}`,
  );
  const found = findRemote(h, endpoint, ref);
  if (!found || (ref.digest !== null && ref.digest !== found.manifestDigest)) {
    h.emit('registry', node, 'dockerd', '404 manifest unknown', {});
    return fail(404, MANIFEST_UNKNOWN);
  }
  h.emit('registry', node, 'dockerd', `200 ${shortId(found.manifestDigest)}`, {
    digest: found.manifestDigest,
  });
  if (!ref.digest) {
    ask(`GET /v2/${ref.path}/manifests/${found.manifestDigest}`);
    h.emit('registry', node, 'dockerd', '200 manifest', { digest: found.manifestDigest });
  }
  ask(`GET /v2/${ref.path}/blobs/${shortId(found.id)}`);
  h.emit('registry', node, 'dockerd', `200 config (${PLATFORM.os}/${PLATFORM.architecture})`, {
    digest: found.id,
  });
  return ok({
    Descriptor: {
      mediaType: MANIFEST_MEDIA_TYPE,
      digest: found.manifestDigest,
      size: found.manifestSize,
    },
    Platforms: [{ ...PLATFORM }],
  });
}
