/**
 * The machines as a wrapping grid of cards (CSS grid, no diagram library: 50 cards stay cheap).
 * One Tab stop for the whole grid (roving tabindex): arrow keys move between cards the way
 * they are laid out, Home and End jump to the ends, Enter or Space selects.
 * Contract: renders the cards it is given, in their order; selection is the caller's.
 */
import { useCallback, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { NodeCard } from './clusterModel';
import { NodeCardView } from './NodeCardView';

/** The card to move to from `from` for an arrow key, by where the cards are drawn. */
function neighbour(buttons: HTMLElement[], from: number, key: string): number {
  const here = buttons[from];
  if (!here) return from;
  if (key === 'Home') return 0;
  if (key === 'End') return buttons.length - 1;
  if (key === 'ArrowRight') return Math.min(from + 1, buttons.length - 1);
  if (key === 'ArrowLeft') return Math.max(from - 1, 0);
  // Up and down: the nearest card in the next row above or below, by horizontal distance.
  const down = key === 'ArrowDown';
  const rows = buttons
    .map((b, index) => ({ index, top: b.offsetTop, left: b.offsetLeft }))
    .filter((b) => (down ? b.top > here.offsetTop : b.top < here.offsetTop));
  if (rows.length === 0) return from;
  const rowTop = down ? Math.min(...rows.map((b) => b.top)) : Math.max(...rows.map((b) => b.top));
  const row = rows.filter((b) => b.top === rowTop);
  row.sort((a, b) => Math.abs(a.left - here.offsetLeft) - Math.abs(b.left - here.offsetLeft));
  return row[0]?.index ?? from;
}

const KEYS = new Set(['ArrowRight', 'ArrowLeft', 'ArrowUp', 'ArrowDown', 'Home', 'End']);

interface Props {
  readonly cards: readonly NodeCard[];
  readonly selected: string | null;
  readonly onSelect: (id: string) => void;
}

export function NodeGrid({ cards, selected, onSelect }: Props) {
  const { t } = useTranslation();
  const list = useRef<HTMLUListElement>(null);
  const helpId = useId();
  // The tab stop: the card last moved to by arrow keys, else the selected one, else the first.
  const [moved, setMoved] = useState<string | null>(null);
  const has = (id: string | null) => id !== null && cards.some((c) => c.id === id);
  const focusable = has(moved) ? moved : has(selected) ? selected : (cards[0]?.id ?? null);
  const select = useCallback(
    (id: string) => {
      setMoved(id);
      onSelect(id);
    },
    [onSelect],
  );

  const onKeyDown = useCallback((event: KeyboardEvent<HTMLButtonElement>, id: string) => {
    if (!KEYS.has(event.key)) return;
    const buttons = [...(list.current?.querySelectorAll<HTMLElement>('button[data-node]') ?? [])];
    const from = buttons.findIndex((b) => b.dataset['node'] === id);
    const target = buttons[neighbour(buttons, from, event.key)];
    event.preventDefault();
    if (!target || target === buttons[from]) return;
    // The tab stop moves with the focus, so Tab out and back returns here.
    setMoved(target.dataset['node'] ?? null);
    target.focus();
  }, []);

  return (
    <>
      <p id={helpId} className="sr-only">
        {t('cluster.nodes.help')}
      </p>
      <ul
        ref={list}
        aria-label={t('cluster.nodes.list')}
        aria-describedby={helpId}
        className="grid grid-cols-[repeat(auto-fill,minmax(10.5rem,1fr))] gap-2"
      >
        {cards.map((card) => (
          <NodeCardView
            key={card.id}
            card={card}
            selected={card.id === selected}
            tabbable={card.id === focusable}
            onSelect={select}
            onKeyDown={onKeyDown}
          />
        ))}
      </ul>
    </>
  );
}
