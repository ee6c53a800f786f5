/**
 * Turns React Flow's selection changes into the one selected component the store keeps.
 * Contract: returns the new selection, or undefined when the changes do not touch it, so the
 * store stays the single owner of what is selected.
 */
import type { NodeChange } from '@xyflow/react';
import type { Node } from '@xyflow/react';

export function selectionFromChanges(
  changes: readonly NodeChange<Node>[],
  current: string | null,
): string | null | undefined {
  let next: string | null | undefined;
  for (const change of changes) {
    if (change.type !== 'select') continue;
    // A click on B while A is selected arrives as "A off, B on": the "on" wins.
    if (change.selected) next = change.id;
    else if (!change.selected && change.id === current && next === undefined) next = null;
  }
  return next;
}
