/**
 * Host part ids are the trace's endpoint ids: `dockerd`, `containerd`, `shim:<container id>`,
 * `runc:<container id>`, `container:<container id>`... These helpers read them.
 */
import type { PartRole } from './hostParts';

const ROLES: readonly PartRole[] = [
  'user',
  'systemd',
  'cli',
  'api',
  'dockerd',
  'containerd',
  'shim',
  'runc',
  'container',
  'registry',
  'images',
  'networks',
  'volumes',
];

/** The role of a part id; ids we do not draw (the kernel) count as the host shell. */
export function partRoleOf(id: string): PartRole {
  const head = id.split(':', 1)[0] ?? '';
  return (ROLES as readonly string[]).includes(head) ? (head as PartRole) : 'user';
}

/** The container a per-container part belongs to, or null. */
export function containerOf(id: string): string | null {
  const colon = id.indexOf(':');
  return colon > 0 ? id.slice(colon + 1) : null;
}
