/**
 * One machine of the cluster as a card: hostname, role (the leader marked with ★ and the word),
 * status markers (word + symbol + colour), address, and its tasks. The whole card is one
 * button that selects the machine; its accessible name says everything the card shows.
 * Contract: renders only its NodeCard. Memoised with sameCard, so a clock tick redraws only the
 * cards whose machine or tasks changed (50 cards, 1,000 tasks).
 */
import { memo, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { NodeCard } from './clusterModel';
import { sameCard } from './clusterChanges';
import { MARK_LOOK, markText, nodeMarks, nodeName, roleText, type NodeMark } from './clusterText';
import { TaskBadges } from './TaskBadges';

const TONE_CLASSES: Readonly<Record<(typeof MARK_LOOK)[NodeMark]['tone'], string>> = {
  ok: 'text-emerald-800 dark:text-emerald-300',
  warn: 'text-amber-800 dark:text-amber-300',
  bad: 'text-red-800 dark:text-red-300',
  info: 'text-sky-800 dark:text-sky-300',
};

/** The frame says the worst of it: gone (dashed red), doubtful (dashed amber), fine (solid). */
function frameClasses(card: NodeCard, selected: boolean): string {
  if (selected) return 'border-sky-700 ring-2 ring-sky-700 dark:border-sky-300 dark:ring-sky-300';
  if (card.machine !== 'up' || card.state === 'down')
    return 'border-dashed border-red-700 dark:border-red-400';
  if (card.role === null) return 'border-dotted border-slate-500';
  if (card.state !== 'ready' || card.unreachable)
    return 'border-dashed border-amber-600 dark:border-amber-400';
  return 'border-slate-400 dark:border-slate-500';
}

interface Props {
  readonly card: NodeCard;
  readonly selected: boolean;
  /** Roving tab stop: only one card of the list is in the Tab order. */
  readonly tabbable: boolean;
  readonly onSelect: (id: string) => void;
  readonly onKeyDown: (event: KeyboardEvent<HTMLButtonElement>, id: string) => void;
}

function NodeCardViewImpl({ card, selected, tabbable, onSelect, onKeyDown }: Props) {
  const { t } = useTranslation();
  const marks = nodeMarks(card);
  const gone = card.machine === 'powered-off';
  return (
    <li className="min-w-0">
      <button
        type="button"
        data-node={card.id}
        aria-pressed={selected}
        aria-label={nodeName(card, t)}
        tabIndex={tabbable ? 0 : -1}
        onClick={() => onSelect(card.id)}
        onKeyDown={(event) => onKeyDown(event, card.id)}
        className={`flex h-full w-full flex-col gap-1 rounded-lg border-2 p-2 text-left shadow-sm focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-sky-700 dark:focus-visible:outline-sky-300 ${
          gone ? 'bg-slate-100 dark:bg-slate-800' : 'bg-white dark:bg-slate-900'
        } ${frameClasses(card, selected)}`}
      >
        <span className="flex items-baseline justify-between gap-2">
          <span className="truncate font-mono text-sm font-semibold text-slate-900 dark:text-slate-50">
            {card.hostname}
          </span>
          <span className="text-muted shrink-0 text-[11px] tracking-wide uppercase">
            {card.leader && (
              <span className="font-semibold text-amber-800 dark:text-amber-300">
                <span aria-hidden="true">{t('cluster.leaderSymbol')} </span>
                {t('cluster.leader')}{' '}
              </span>
            )}
            {roleText(card, t)}
          </span>
        </span>
        <span className="flex flex-wrap gap-x-2 text-xs">
          {marks.map((mark) => (
            <span key={mark} data-mark={mark} className={TONE_CLASSES[MARK_LOOK[mark].tone]}>
              <span aria-hidden="true">{MARK_LOOK[mark].symbol} </span>
              {markText(mark, t)}
            </span>
          ))}
        </span>
        {card.tallies && (
          <span className="text-muted text-[11px]">
            {t('cluster.moreTasks', { count: card.tasks.length })}
          </span>
        )}
        <TaskBadges card={card} />
      </button>
    </li>
  );
}

export const NodeCardView = memo(
  NodeCardViewImpl,
  (a, b) =>
    a.selected === b.selected &&
    a.tabbable === b.tabbable &&
    a.onSelect === b.onSelect &&
    a.onKeyDown === b.onKeyDown &&
    sameCard(a.card, b.card),
);
