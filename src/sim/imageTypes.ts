/**
 * Images as dockerd keeps them: layers (blob digest, DiffID, the files where the simulation knows
 * them), image configs and histories, and the records of builds. Plain, JSON-serialisable data,
 * part of the World (src/sim/types.ts re-exports everything here).
 */

export interface Layer {
  /** Digest of the compressed blob in the registry. */
  readonly digest: string;
  /** Digest of the uncompressed tar (DiffID). */
  readonly diffId: string;
  readonly size: number;
  /**
   * The files the layer adds or changes, by absolute path, where the simulation knows them:
   * COPY and ADD layers carry the build context's files, a committed container layer its
   * writable layer. Absent for base and RUN layers, whose contents are not modelled file by file.
   */
  readonly files?: readonly LayerFile[];
}

/** One entry of a layer's tar: a file with its content, or a whiteout that deletes one below. */
export interface LayerFile {
  readonly path: string;
  readonly size: number;
  /** Text content (absent for a whiteout). */
  readonly content?: string;
  /** A `.wh.` whiteout: the path is deleted in this layer. */
  readonly whiteout?: boolean;
}

/** One step of a build as the builder ran it (World.builds), for the build view. */
export interface BuildStep {
  /** 1-based step number and the instruction as the output shows it (`RUN npm ci`). */
  readonly n: number;
  readonly instruction: string;
  /** Dockerfile line of the instruction (1-based). */
  readonly line: number;
  readonly cached: boolean;
  /** The step's image (the classic builder's intermediate image). */
  readonly imageId: string;
  /** The layer the step added (RUN, COPY, ADD), or null for a config-only step. */
  readonly layer: string | null;
  /** The build stage the step belongs to (0-based) and, for the last stage, true. */
  readonly stage: number;
  /** Virtual time the step finished. */
  readonly at: number;
}

/** A `docker build` as the builder ran it: its steps as they finished, and how it ended. */
export interface BuildRecord {
  readonly id: string;
  readonly startedAt: number;
  readonly tags: readonly string[];
  /** How many steps the Dockerfile has (0 when it could not be read). */
  readonly total: number;
  readonly steps: readonly BuildStep[];
  /** The final image once built; null while running or when the build failed. */
  readonly imageId: string | null;
  /** The first error, with the Dockerfile line when the parser or a step names one. */
  readonly error: { readonly message: string; readonly line: number | null } | null;
  readonly finishedAt: number | null;
}

export interface ImageConfig {
  cmd: string[] | null;
  entrypoint: string[] | null;
  env: string[];
  exposedPorts: string[];
  workingDir: string;
  stopSignal: string;
  volumes: string[];
}

export interface Image {
  /** sha256 of the image config: the image ID. */
  readonly id: string;
  repoTags: string[];
  repoDigests: string[];
  /** Creation time from the registry, ISO 8601. */
  readonly created: string;
  readonly layers: string[];
  readonly config: ImageConfig;
  /** Programs the image's filesystem holds (a simulation detail: what `docker run IMAGE prog` can exec). */
  readonly binaries: string[];
  /** Uncompressed size in bytes (`docker images` SIZE). */
  readonly size: number;
  /** For an image the builder made: the image of the step before (the classic builder's chain). */
  readonly parent?: string;
  /** What made each layer and config change, base image first (`docker history`). */
  readonly history?: readonly ImageHistory[];
  /** For a build step: what the step did, with its inputs (the build cache's key). */
  readonly cacheKey?: string;
}

export interface ImageHistory {
  /** ISO 8601. */
  readonly created: string;
  /** `/bin/sh -c #(nop)  CMD ["node" "app.js"]`, as the classic builder records it. */
  readonly createdBy: string;
  readonly size: number;
  /** Config-only steps (ENV, CMD, ...) add no layer. */
  readonly emptyLayer: boolean;
  /** The builder's note (`buildkit.dockerfile.v0`), the COMMENT column of `docker history`. */
  readonly comment?: string;
}
