/**
 * Turns React Flow's selection changes into the one selected component the store keeps.
 * Contract: returns the new selection, or undefined when the changes do not touch it, so the
 * store stays the single owner of what is selected.
 */
import type { NodeChange } from '@xyflow/react';
import { isHostRole, type HostRole } from './componentCatalog';
import type { HostNode } from './hostGraph';

export function selectionFromChanges(
  changes: readonly NodeChange<HostNode>[],
  current: string | null,
): HostRole | null | undefined {
  let next: HostRole | null | undefined;
  for (const change of changes) {
    if (change.type !== 'select') continue;
    // A click on B while A is selected arrives as "A off, B on": the "on" wins.
    if (change.selected && isHostRole(change.id)) next = change.id;
    else if (!change.selected && change.id === current && next === undefined) next = null;
  }
  return next;
}
