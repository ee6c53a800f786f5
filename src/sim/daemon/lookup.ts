/**
 * Finding things by what users type: a container by name, full ID or unique ID prefix; an
 * image by reference, ID or ID prefix. Errors use dockerd's wording.
 */
import type { DockerHost } from '../host';
import { familiarTagged, parseReference } from '../images/reference';
import type { Container, Image } from '../types';
import { fail, ok, type Result } from './result';

export function findContainer(h: DockerHost, ref: string): Result<Container> {
  const all = Object.values(h.world.containers);
  const name = ref.startsWith('/') ? ref.slice(1) : ref;
  const exact = all.find((c) => c.id === ref || c.name === name);
  if (exact) return ok(exact);
  const byPrefix = ref.length > 0 ? all.filter((c) => c.id.startsWith(ref)) : [];
  if (byPrefix.length === 1 && byPrefix[0]) return ok(byPrefix[0]);
  if (byPrefix.length > 1) return fail(400, `multiple IDs found with provided prefix: ${ref}`);
  return fail(404, `No such container: ${ref}`);
}

export function findImage(h: DockerHost, ref: string): Image | undefined {
  const all = Object.values(h.world.images);
  const hex = ref.replace(/^sha256:/, '');
  if (/^[a-f0-9]{4,64}$/.test(hex)) {
    const byId = all.filter((i) => i.id.slice(7).startsWith(hex));
    if (byId.length === 1) return byId[0];
  }
  const parsed = parseReference(ref);
  if (!parsed.ok) return undefined;
  const tagged = familiarTagged(parsed.ref);
  if (parsed.ref.digest) {
    return all.find((i) => i.repoDigests.some((d) => d.endsWith(`@${parsed.ref.digest}`)));
  }
  return all.find((i) => i.repoTags.includes(tagged));
}

/** The short `name:tag` form Docker uses in messages ("No such image: nginx:latest"). */
export function displayReference(ref: string): string {
  const parsed = parseReference(ref);
  return parsed.ok ? familiarTagged(parsed.ref) : ref;
}
