import { describe, expect, it } from 'vitest';
import type { NodeChange } from '@xyflow/react';
import type { HostNode } from './hostGraph';
import { selectionFromChanges } from './selection';

const select = (id: string, selected: boolean): NodeChange<HostNode> => ({
  type: 'select',
  id,
  selected,
});

describe('selectionFromChanges', () => {
  it('selects the node that was switched on, even after the old one is switched off', () => {
    expect(selectionFromChanges([select('runc', false), select('shim', true)], 'runc')).toBe(
      'shim',
    );
  });

  it('clears the selection when the selected node is switched off', () => {
    expect(selectionFromChanges([select('runc', false)], 'runc')).toBeNull();
  });

  it('ignores changes that do not concern selection', () => {
    expect(selectionFromChanges([{ type: 'remove', id: 'runc' }], 'runc')).toBeUndefined();
  });

  it('selects any part by its node id, per-container parts included', () => {
    expect(selectionFromChanges([select('shim:abc', true)], null)).toBe('shim:abc');
  });
});
