/**
 * The name a screen reader announces for a diagram node: "dockerd, daemon".
 * Contract: name first (what the student types and sees in `ps`), then the role; the
 * simulated state ("running") will be appended here once nodes carry it.
 */
import type { TFunction } from 'i18next';
import type { HostNodeData } from './hostGraph';

export function nodeAccessibleName(data: HostNodeData, t: TFunction): string {
  return `${data.name}, ${t(`components.${data.role}`)}`;
}
