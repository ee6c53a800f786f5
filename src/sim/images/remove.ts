/**
 * `docker rmi` (`DELETE /images/{name}`), following dockerd's image service (daemon/images/
 * image_delete.go, graphdriver store):
 *
 * - By reference (`app`, `app:v2`): that reference is untagged; if it was the image's last
 *   tag in its repository, the repository's digest references go too. If no reference is left
 *   the image is deleted, quietly: a conflict (a container, a child image) just keeps it.
 *   Untagging the only reference of an image a container uses needs `-f`.
 * - By ID: all references are untagged if they are one repository's, then the image is deleted.
 * - Deleting an image also deletes its untagged parents (the classic builder's intermediate
 *   images) unless `--no-prune`, and each layer no image uses any more, by chain ID, top first.
 *
 * Conflicts are dockerd's: "image has dependent child images" and "image is being used by
 * running container" cannot be forced; a stopped container or references in several
 * repositories must be forced. Contract: pure, changes through `h.change` only.
 */
import { fail, ok, type Result } from '../daemon/result';
import { digestOf, shortId } from '../digest';
import type { DockerHost } from '../host';
import type { Image } from '../types';
import { familiarName, familiarTagged, parseReference } from './reference';

export type DeleteItem = { readonly Untagged: string } | { readonly Deleted: string };

const CHILD = 1;
const RUNNING = 2;
const REFERENCED = 4;
const STOPPED = 8;
const HARD = CHILD | RUNNING;
const SOFT = REFERENCED | STOPPED;

interface Conflict {
  readonly hard: boolean;
  /** A container uses the image (a quiet delete ignores these even for a dangling image). */
  readonly used: boolean;
  readonly message: string;
}

const refsOf = (image: Image): string[] => [...image.repoTags, ...image.repoDigests];
const isCanonical = (ref: string): boolean => ref.includes('@');
const nameOf = (ref: string): string =>
  isCanonical(ref) ? ref.slice(0, ref.indexOf('@')) : ref.slice(0, ref.lastIndexOf(':'));

/** All references are one repository's, with at most one tag (moby's isSingleReference). */
function isSingleReference(refs: readonly string[]): boolean {
  if (refs.length <= 1) return refs.length === 1;
  const tags = refs.filter((r) => !isCanonical(r));
  if (tags.length > 1) return false;
  const canonicalNames = new Set(refs.filter(isCanonical).map(nameOf));
  const single = tags[0] ?? refs[0] ?? '';
  return canonicalNames.size === 1 && canonicalNames.has(nameOf(single));
}

function isImageIdPrefix(id: string, ref: string): boolean {
  return id.startsWith(ref) || id.slice('sha256:'.length).startsWith(ref);
}

/** Layer chain IDs: the first layer's DiffID, then sha256 of "parent-chain-id diff-id". */
export function chainIds(diffIds: readonly string[]): string[] {
  const chains: string[] = [];
  for (const diffId of diffIds) {
    const parent = chains.at(-1);
    chains.push(parent ? digestOf(`${parent} ${diffId}`) : diffId);
  }
  return chains;
}

function conflictOf(h: DockerHost, image: Image, mask: number): Conflict | null {
  const images = Object.values(h.world.images);
  if (mask & CHILD && images.some((i) => i.parent === image.id))
    return { hard: true, used: false, message: 'image has dependent child images' };
  const users = Object.values(h.world.containers).filter((c) => c.imageId === image.id);
  // dockerd's IsRunning: a paused or restarting container still counts as running.
  const isRunning = (state: string) => ['running', 'paused', 'restarting'].includes(state);
  const running = users.find((c) => isRunning(c.state));
  if (mask & RUNNING && running) {
    const message = `image is being used by running container ${shortId(running.id)}`;
    return { hard: true, used: true, message };
  }
  if (mask & REFERENCED && refsOf(image).length > 0)
    return { hard: false, used: false, message: 'image is referenced in multiple repositories' };
  const stopped = users.find((c) => !isRunning(c.state));
  if (mask & STOPPED && stopped) {
    const message = `image is being used by stopped container ${shortId(stopped.id)}`;
    return { hard: false, used: true, message };
  }
  return null;
}

function conflictError(image: Image, conflict: Conflict): Result<never> {
  const forced = conflict.hard ? 'cannot be forced' : 'must be forced';
  return fail(
    409,
    `conflict: unable to delete ${shortId(image.id)} (${forced}) - ${conflict.message}`,
  );
}

function imageEvent(h: DockerHost, image: Image, action: 'untag' | 'delete'): void {
  h.change(
    {
      op: 'event',
      event: {
        type: 'image',
        action,
        actorId: image.id,
        attributes: { name: image.id },
        time: h.now,
      },
    },
    'dockerd',
    `event image ${action}`,
  );
}

function untag(h: DockerHost, id: string, refs: readonly string[], records: DeleteItem[]): void {
  for (const ref of refs) {
    const image = h.world.images[id];
    if (!image) return;
    h.change(
      {
        op: 'image.update',
        id,
        patch: {
          repoTags: image.repoTags.filter((t) => t !== ref),
          repoDigests: image.repoDigests.filter((d) => d !== ref),
        },
      },
      'dockerd',
      `untag ${ref}`,
    );
    imageEvent(h, image, 'untag');
    records.push({ Untagged: ref });
  }
}

export function deleteImage(
  h: DockerHost,
  name: string,
  image: Image,
  force: boolean,
  prune: boolean,
): Result<DeleteItem[]> {
  const records: DeleteItem[] = [];
  const refs = refsOf(image);
  let quiet = false;
  if (!isImageIdPrefix(image.id, name)) {
    const user = Object.values(h.world.containers).find((c) => c.imageId === image.id);
    if (!force && isSingleReference(refs) && user) {
      return fail(
        409,
        `conflict: unable to remove repository reference "${name}" (must force) - container ${shortId(user.id)} is using its referenced image ${shortId(image.id)}`,
      );
    }
    const parsed = parseReference(name);
    if (!parsed.ok) return fail(400, parsed.error);
    const ref = parsed.ref.digest
      ? `${familiarName(parsed.ref)}@${parsed.ref.digest}`
      : familiarTagged(parsed.ref);
    untag(h, image.id, [ref], records);
    let remaining = refs.filter((r) => r !== ref);
    // The repository's last tag gone: its digest references go with it.
    if (!isCanonical(ref) && !remaining.some((r) => !isCanonical(r) && nameOf(r) === nameOf(ref))) {
      const digests = remaining.filter((r) => isCanonical(r) && nameOf(r) === nameOf(ref));
      untag(h, image.id, digests, records);
      remaining = remaining.filter((r) => !digests.includes(r));
    }
    if (remaining.length > 0) return ok(records);
    quiet = true;
  } else if (isSingleReference(refs)) {
    const conflict = conflictOf(h, image, HARD | (force ? 0 : STOPPED));
    if (conflict) return conflictError(image, conflict);
    untag(h, image.id, refs, records);
  }
  const deleted = deleteHelper(h, image.id, records, force, prune, quiet);
  return deleted.ok ? ok(records) : deleted;
}

function isDangling(h: DockerHost, image: Image): boolean {
  const hasChild = Object.values(h.world.images).some((i) => i.parent === image.id);
  return refsOf(image).length === 0 && !hasChild;
}

function deleteHelper(
  h: DockerHost,
  id: string,
  records: DeleteItem[],
  force: boolean,
  prune: boolean,
  quiet: boolean,
): Result<undefined> {
  const image = h.world.images[id];
  if (!image) return ok(undefined);
  const conflict = conflictOf(h, image, HARD | (force ? 0 : SOFT));
  if (conflict) {
    if (quiet && (!isDangling(h, image) || conflict.used)) return ok(undefined);
    return conflictError(image, conflict);
  }
  untag(h, id, refsOf(image), records);
  // A container still on this image (a forced delete) keeps its layers mounted.
  const pinned = Object.values(h.world.containers).some((c) => c.imageId === id);
  h.change({ op: 'image.remove', id }, 'dockerd', `image ${shortId(id)} deleted`);
  imageEvent(h, image, 'delete');
  records.push({ Deleted: id });
  if (!pinned) releaseLayers(h, image, records);
  const parent = image.parent;
  if (!prune || !parent || !h.world.images[parent]) return ok(undefined);
  return deleteHelper(h, parent, records, false, true, true);
}

/** The layer store's release: top layer first, while no other image's chain holds it. */
function releaseLayers(h: DockerHost, image: Image, records: DeleteItem[]): void {
  const others = Object.values(h.world.images);
  const chains = chainIds(image.layers.map((d) => h.world.layers[d]?.diffId ?? d));
  for (let k = image.layers.length - 1; k >= 0; k--) {
    const prefix = image.layers.slice(0, k + 1);
    if (others.some((o) => prefix.every((d, i) => o.layers[i] === d))) return;
    records.push({ Deleted: chains[k] ?? '' });
    const digest = image.layers[k] ?? '';
    if (h.world.layers[digest] && !others.some((o) => o.layers.includes(digest)))
      h.change({ op: 'layer.remove', digest }, 'dockerd', `layer ${shortId(digest)} deleted`);
  }
}
