/**
 * The right-click (or Shift+F10, or the Menu key) menu of a diagram node: the faults and
 * commands nodeActions() offers for that part. A WAI-ARIA menu: arrow keys move, Enter acts,
 * Escape closes and gives focus back.
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { NodeAction } from './nodeActions';

export interface NodeMenuProps {
  readonly title: string;
  readonly actions: readonly NodeAction[];
  readonly x: number;
  readonly y: number;
  readonly onAct: (action: NodeAction) => void;
  readonly onClose: () => void;
}

export function NodeMenu({ title, actions, x, y, onAct, onClose }: NodeMenuProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.querySelector<HTMLButtonElement>('[role="menuitem"]')?.focus();
  }, []);
  const onKeyDown = (event: React.KeyboardEvent) => {
    const items = [
      ...(ref.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? []),
    ];
    const index = items.indexOf(document.activeElement as HTMLButtonElement);
    if (event.key === 'Escape' || event.key === 'Tab') onClose();
    else if (event.key === 'ArrowDown') items[(index + 1) % items.length]?.focus();
    else if (event.key === 'ArrowUp') items[(index - 1 + items.length) % items.length]?.focus();
    else if (event.key === 'Home') items[0]?.focus();
    else if (event.key === 'End') items.at(-1)?.focus();
    else return;
    event.preventDefault();
    event.stopPropagation();
  };
  return (
    <div
      ref={ref}
      role="menu"
      aria-label={title}
      tabIndex={-1}
      onKeyDown={onKeyDown}
      onBlur={(event) => {
        if (!ref.current?.contains(event.relatedTarget as Node | null)) onClose();
      }}
      style={{ left: x, top: y }}
      className="absolute z-20 min-w-56 rounded-md border border-slate-400 bg-white p-1 text-sm shadow-lg dark:bg-slate-900"
    >
      <p className="text-muted px-2 py-1 font-mono text-xs" aria-hidden="true">
        {title}
      </p>
      {actions.map((action) => (
        <button
          key={action.key}
          type="button"
          role="menuitem"
          tabIndex={-1}
          className="block w-full rounded px-2 py-1 text-left hover:bg-slate-100 focus:bg-sky-100 focus:outline-none dark:hover:bg-slate-800 dark:focus:bg-sky-900"
          onClick={() => onAct(action)}
        >
          {t(`nodeMenu.${action.key}`)}
        </button>
      ))}
    </div>
  );
}
