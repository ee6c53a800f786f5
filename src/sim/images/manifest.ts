/**
 * The image manifest, built as dockerd builds it for a push (distribution's schema 2 builder):
 * a config descriptor and the layer descriptors, base first, marshalled with three-space
 * indentation. Its digest is the SHA-256 of exactly those bytes, so the same image always has
 * the same manifest digest: content addressing, computed for real.
 *
 * Contract: pure; the JSON text is the manifest's canonical form (its length is the `size:`
 * that `docker push` prints).
 */
import { rfc3339NanoOf } from '../api/goTime';
import { digestOf } from '../digest';
import type { ImageConfig, ImageHistory, Layer } from '../types';

export const MANIFEST_MEDIA_TYPE = 'application/vnd.docker.distribution.manifest.v2+json';
const CONFIG_MEDIA_TYPE = 'application/vnd.docker.container.image.v1+json';
const LAYER_MEDIA_TYPE = 'application/vnd.docker.image.rootfs.diff.tar.gzip';

export interface ManifestInput {
  /** Digest and size of the image config blob. */
  readonly config: { readonly digest: string; readonly size: number };
  readonly layers: readonly Pick<Layer, 'digest' | 'size'>[];
}

export interface BuiltManifest {
  readonly json: string;
  readonly digest: string;
  readonly size: number;
}

export function buildManifest(input: ManifestInput): BuiltManifest {
  // Key order as distribution's structs marshal them: schemaVersion, mediaType, config, layers;
  // each descriptor mediaType, size, digest.
  const manifest = {
    schemaVersion: 2,
    mediaType: MANIFEST_MEDIA_TYPE,
    config: { mediaType: CONFIG_MEDIA_TYPE, size: input.config.size, digest: input.config.digest },
    layers: input.layers.map((l) => ({
      mediaType: LAYER_MEDIA_TYPE,
      size: l.size,
      digest: l.digest,
    })),
  };
  const json = JSON.stringify(manifest, null, 3);
  return { json, digest: digestOf(json), size: new TextEncoder().encode(json).length };
}

/**
 * The image config blob as JSON (the shape of the image spec's config: architecture, config,
 * created, history, os, rootfs), for its size in the manifest. The simulation addresses the
 * config by the image ID it already has; the text only has to be the right length.
 */
export function configJson(image: {
  readonly created: string;
  readonly config: ImageConfig;
  readonly history?: readonly ImageHistory[];
  readonly diffIds: readonly string[];
}): string {
  const c = image.config;
  return JSON.stringify({
    architecture: 'amd64',
    config: {
      Env: c.env,
      Entrypoint: c.entrypoint,
      Cmd: c.cmd,
      WorkingDir: c.workingDir,
      ...(c.exposedPorts.length
        ? { ExposedPorts: Object.fromEntries(c.exposedPorts.map((p) => [p, {}])) }
        : {}),
      ...(c.volumes.length ? { Volumes: Object.fromEntries(c.volumes.map((v) => [v, {}])) } : {}),
      ...(c.stopSignal && c.stopSignal !== 'SIGTERM' ? { StopSignal: c.stopSignal } : {}),
    },
    created: rfc3339NanoOf(image.created),
    history: (image.history ?? []).map((h) => ({
      created: rfc3339NanoOf(h.created),
      created_by: h.createdBy,
      ...(h.comment ? { comment: h.comment } : {}),
      ...(h.emptyLayer ? { empty_layer: true } : {}),
    })),
    os: 'linux',
    rootfs: { type: 'layers', diff_ids: image.diffIds },
  });
}
