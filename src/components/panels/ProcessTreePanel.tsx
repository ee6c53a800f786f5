/**
 * Processes: the host's process table at the playback cursor, drawn like `pstree -p`.
 * Contract: renders `buildProcessTree(worldAtCursor(session))` and nothing else, so every
 * change it shows (runc appearing and exiting, runc init re-parented to the shim, dockerd
 * gone while containers run on) is the simulation's. A keyboard-navigable ARIA tree (one tab
 * stop; arrows move, Right/Left open and close); Enter or a click inspects the process's part.
 * It announces nothing: the diagram speaks for changes.
 */
import {
  useCallback,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
} from 'react';
import { useTranslation } from 'react-i18next';
import { useSessionStore, worldAtCursor } from '../../store/sessionStore';
import { useUiStore } from '../../store/uiStore';
import type { Pid } from '../../sim/types';
import {
  buildProcessTree,
  partIdOf,
  representsPart,
  visibleRows,
  type TreeRow,
} from './processTree';
import { ProcessNotes, useProcessNotes } from './ProcessNotes';
import { treeMove } from './treeNavigation';

export function ProcessTreePanel() {
  const { t } = useTranslation();
  const world = useSessionStore(worldAtCursor);
  const selectPart = useUiStore((state) => state.selectPart);
  const selectedPart = useUiStore((state) => state.selectedPart);
  const notesOf = useProcessNotes();
  const roots = useMemo(() => buildProcessTree(world), [world]);
  const [collapsed, setCollapsed] = useState<ReadonlySet<Pid>>(() => new Set());
  const rows = useMemo(() => visibleRows(roots, collapsed), [roots, collapsed]);
  const [focusedPid, setFocusedPid] = useState<Pid | null>(null);
  // The remembered process may have exited: the first row takes the tab stop then.
  const focused =
    focusedPid !== null && rows.some((r) => r.node.pid === focusedPid)
      ? focusedPid
      : rows[0]?.node.pid;
  const items = useRef(new Map<Pid, HTMLLIElement>());
  const [hasFocus, setHasFocus] = useState(false);
  const hintId = useId();

  // Keyboard focus follows the tab stop, also when the focused process exits under it.
  useLayoutEffect(() => {
    const element = focused === undefined ? undefined : items.current.get(focused);
    if (hasFocus && element && document.activeElement !== element) element.focus();
  }, [focused, hasFocus, rows]);

  const toggle = useCallback((pid: Pid, expand: boolean) => {
    setCollapsed((previous) => {
      const next = new Set(previous);
      if (expand) next.delete(pid);
      else next.add(pid);
      return next;
    });
  }, []);

  const inspect = (row: TreeRow) => {
    const part = partIdOf(row.node);
    if (part) selectPart(part);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLLIElement>, row: TreeRow) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      inspect(row);
      return;
    }
    const move = treeMove(rows, row.node.pid, event.key);
    if (!move) return;
    event.preventDefault();
    if (move.type === 'focus') setFocusedPid(move.pid);
    else toggle(move.pid, move.type === 'expand');
  };

  if (rows.length === 0) return <p className="text-muted">{t('processTree.empty')}</p>;
  return (
    <div className="flex flex-col gap-2">
      <ul
        role="tree"
        aria-label={t('processTree.label')}
        aria-describedby={hintId}
        onFocus={() => setHasFocus(true)}
        onBlur={(event) => {
          if (!event.currentTarget.contains(event.relatedTarget)) setHasFocus(false);
        }}
        className="font-mono text-xs"
      >
        {rows.map((row) => {
          const { node } = row;
          const notes = notesOf(node);
          // Selected: the process that stands for the part the inspector shows.
          const selected = representsPart(node) && partIdOf(node) === selectedPart;
          return (
            <li
              key={node.pid}
              ref={(element) => {
                if (element) items.current.set(node.pid, element);
                else items.current.delete(node.pid);
              }}
              role="treeitem"
              aria-level={row.level}
              aria-setsize={row.setSize}
              aria-posinset={row.posInSet}
              aria-expanded={row.expanded ?? undefined}
              aria-selected={selected}
              aria-label={[
                t('processTree.item', { name: node.name, pid: node.pid }),
                ...notes.map((note) => note.text),
              ].join(', ')}
              tabIndex={node.pid === focused ? 0 : -1}
              onClick={(event) => {
                setFocusedPid(node.pid);
                // The twisty opens and closes; anywhere else on the line inspects the part.
                const onTwisty = (event.target as HTMLElement).dataset['twisty'] !== undefined;
                if (onTwisty && row.expanded !== null) toggle(node.pid, !row.expanded);
                else inspect(row);
              }}
              // A click focuses the row first: it becomes the tab stop before any refocusing.
              onFocus={() => setFocusedPid(node.pid)}
              onKeyDown={(event) => onKeyDown(event, row)}
              // py-1: rows 24 px tall, the least a pointer target may be (WCAG 2.2, 2.5.8).
              className={`flex cursor-default items-baseline gap-1 rounded px-1 py-1 whitespace-nowrap ${selected ? 'bg-sky-100 font-semibold dark:bg-sky-950' : ''} hover:bg-slate-100 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-sky-700 dark:hover:bg-slate-800 dark:focus-visible:outline-sky-300`}
            >
              <span
                aria-hidden="true"
                className="whitespace-pre text-slate-500 dark:text-slate-400"
              >
                {row.guide}
                {row.expanded === null ? (
                  row.level > 1 && '─'
                ) : (
                  <span data-twisty="">{row.expanded ? '▾' : '▸'}</span>
                )}
              </span>
              <span>
                {node.name}
                <span className="text-muted">({node.pid})</span>
              </span>
              <ProcessNotes notes={notes} />
            </li>
          );
        })}
      </ul>
      {/* After the tree, which matters more when the panel is short. */}
      <p className="text-muted text-xs">{t('processTree.legend')}</p>
      <p id={hintId} className="sr-only">
        {t('processTree.hint')}
      </p>
    </div>
  );
}
