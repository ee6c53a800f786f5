/**
 * The build context's files as tabs over the editor (WAI-ARIA tabs, automatic activation):
 * Tab enters at the open file, the arrow keys, Home and End move and open, the tab panel is the
 * editor. Contract: shows `files` and reports a choice; which file is open is the caller's.
 */
import { useRef, type KeyboardEvent } from 'react';
import type { ContextFile } from './contextFiles';

interface Props {
  readonly label: string;
  readonly files: readonly ContextFile[];
  readonly selected: string;
  readonly onSelect: (path: string) => void;
  /** The id of the tab panel the tabs control. */
  readonly panelId: string;
  readonly tabId: (path: string) => string;
}

const TAB =
  'rounded-t-md border border-b-0 border-transparent px-2.5 py-1 font-mono text-xs whitespace-nowrap hover:bg-slate-100 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-sky-700 aria-selected:border-slate-300 aria-selected:bg-white aria-selected:font-semibold dark:hover:bg-slate-800 dark:focus-visible:outline-sky-300 dark:aria-selected:border-slate-600 dark:aria-selected:bg-slate-900';

/** The tab a key moves to (wrapping around), or null for a key tabs do not use. */
function moveTo(key: string, index: number, count: number): number | null {
  switch (key) {
    case 'ArrowRight':
      return (index + 1) % count;
    case 'ArrowLeft':
      return (index - 1 + count) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}

export function FileTabs({ label, files, selected, onSelect, panelId, tabId }: Props) {
  const list = useRef<HTMLDivElement>(null);

  const onKeyDown = (event: KeyboardEvent) => {
    const target = moveTo(
      event.key,
      files.findIndex((f) => f.path === selected),
      files.length,
    );
    const file = target === null ? undefined : files[target];
    if (target === null || !file) return;
    event.preventDefault();
    onSelect(file.path);
    list.current?.querySelectorAll<HTMLElement>('[role="tab"]')[target]?.focus();
  };

  return (
    <div
      ref={list}
      role="tablist"
      aria-label={label}
      className="flex min-w-0 flex-wrap gap-0.5 border-b border-slate-300 dark:border-slate-600"
    >
      {files.map((file) => (
        <button
          key={file.path}
          id={tabId(file.path)}
          type="button"
          role="tab"
          aria-selected={file.path === selected}
          aria-controls={panelId}
          tabIndex={file.path === selected ? 0 : -1}
          onClick={() => onSelect(file.path)}
          onKeyDown={onKeyDown}
          className={TAB}
        >
          {file.name}
        </button>
      ))}
    </div>
  );
}
