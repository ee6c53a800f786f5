/**
 * Which images the anatomy view offers, what it calls them, and which one it opens on.
 * Contract: pure functions of the world at the cursor. The picker lists what `docker images`
 * would (tagged images and dangling ones) plus anything a container uses or a build is
 * working on; the classic builder's intermediate step images stay out of it, as they stay
 * out of `docker images` without `-a`.
 */
import { shortId } from '../../../sim/digest';
import type { BuildRecord, Image, World } from '../../../sim/types';

/** `app:latest`, or the 12-hex short ID for an untagged image, as `docker images` names it. */
export function imageLabel(image: Image): string {
  return image.repoTags[0] ?? shortId(image.id);
}

/** `sha256:2c1a006b7190…`: enough to tell digests apart, with the algorithm still named. */
export function shortDigest(digest: string): string {
  return `sha256:${shortId(digest)}…`;
}

/** The newest build (World.builds is kept newest last), or null before the first. */
export function newestBuild(world: World): BuildRecord | null {
  return world.builds.at(-1) ?? null;
}

/** A build the builder is still running: no image, no error, not finished. */
export function isRunning(build: BuildRecord): boolean {
  return build.imageId === null && build.error === null && build.finishedAt === null;
}

/**
 * The image a build has got to: its final image, or while it runs (or after it failed) the
 * image of its last finished step, which is where the stack grows from.
 */
export function buildImageId(world: World, build: BuildRecord): string | null {
  const id = build.imageId ?? build.steps.at(-1)?.imageId ?? null;
  return id !== null && world.images[id] ? id : null;
}

/** Images worth picking, newest first. `keep` (the one shown) is listed whatever it is. */
export function listedImages(world: World, keep: string | null = null): Image[] {
  const images = Object.values(world.images);
  const parents = new Set(images.map((i) => i.parent).filter(Boolean));
  const used = new Set(Object.values(world.containers).map((c) => c.imageId));
  return images
    .filter((i) => i.id === keep || i.repoTags.length > 0 || !parents.has(i.id) || used.has(i.id))
    .sort(
      (a, b) =>
        Date.parse(b.created) - Date.parse(a.created) || imageLabel(a).localeCompare(imageLabel(b)),
    );
}

/**
 * The image the view opens on: a build in progress (its stack is what is changing), else the
 * selected container's image, else the newest build's, else the newest listed image.
 */
export function defaultImageId(world: World, selectedContainer: string | null): string | null {
  const build = newestBuild(world);
  if (build && isRunning(build)) {
    const building = buildImageId(world, build);
    if (building) return building;
  }
  const container = selectedContainer ? world.containers[selectedContainer] : undefined;
  if (container && world.images[container.imageId]) return container.imageId;
  const built = build ? buildImageId(world, build) : null;
  return built ?? listedImages(world)[0]?.id ?? null;
}
