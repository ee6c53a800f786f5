/**
 * Keyboard moves in the process tree, after the WAI-ARIA tree view pattern: Up/Down walk the
 * visible rows, Right opens a closed process or enters an open one, Left closes an open one
 * or goes to the parent, Home/End jump to the ends. Pure: the panel applies the result.
 */
import type { Pid } from '../../sim/types';
import type { TreeRow } from './processTree';

export type TreeMove =
  | { readonly type: 'focus'; readonly pid: Pid }
  | { readonly type: 'expand' | 'collapse'; readonly pid: Pid }
  | null;

export function treeMove(rows: readonly TreeRow[], focused: Pid, key: string): TreeMove {
  const index = rows.findIndex((row) => row.node.pid === focused);
  const row = rows[index];
  if (!row) return null;
  const focusAt = (i: number): TreeMove => {
    const target = rows[Math.max(0, Math.min(i, rows.length - 1))];
    return target && target.node.pid !== focused ? { type: 'focus', pid: target.node.pid } : null;
  };
  switch (key) {
    case 'ArrowDown':
      return focusAt(index + 1);
    case 'ArrowUp':
      return focusAt(index - 1);
    case 'Home':
      return focusAt(0);
    case 'End':
      return focusAt(rows.length - 1);
    case 'ArrowRight':
      if (row.expanded === false) return { type: 'expand', pid: row.node.pid };
      return row.expanded ? focusAt(index + 1) : null;
    case 'ArrowLeft':
      if (row.expanded) return { type: 'collapse', pid: row.node.pid };
      return row.parentPid === null ? null : { type: 'focus', pid: row.parentPid };
    default:
      return null;
  }
}
