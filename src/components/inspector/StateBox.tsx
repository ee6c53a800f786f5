/**
 * One state of a statechart: a box placed by the layout, with the state's name and its mark
 * (current state, initial, final) in words. It is a button so the keyboard can reach every
 * state: its description (read on focus) is what the state means and where it can go.
 */
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChartState } from './statechart';
import type { Box } from './statechartLayout';

export interface StateMarks {
  /** The mark a state shows under its name ('' for none). */
  readonly of: (state: ChartState) => string;
  /** Length of the longest mark, so every box is laid out with room for it. */
  readonly longest: number;
}

export function useStateMarks(): StateMarks {
  const { t } = useTranslation();
  const current = t('inspector.chart.current');
  const initial = t('inspector.chart.initial');
  const final = t('inspector.chart.final');
  const of = useCallback(
    (state: ChartState) =>
      state.isCurrent ? current : state.isFinal ? final : state.isInitial ? initial : '',
    [current, initial, final],
  );
  return useMemo(
    () => ({ of, longest: Math.max(current.length, initial.length, final.length) }),
    [of, current, initial, final],
  );
}

function boxClass(state: ChartState): string {
  if (state.isCurrent)
    return 'border-sky-800 bg-sky-700 text-white ring-2 ring-sky-700 ring-offset-2 ring-offset-white dark:border-sky-200 dark:bg-sky-300 dark:text-slate-950 dark:ring-sky-300 dark:ring-offset-slate-950';
  return 'border-slate-500 bg-white text-slate-900 dark:border-slate-400 dark:bg-slate-900 dark:text-slate-100';
}

interface Props {
  readonly state: ChartState;
  readonly box: Box | undefined;
  readonly exits: readonly { event: string; to: string }[];
  readonly mark: string;
  readonly descriptionId: string;
  readonly onShow: (state: string | null) => void;
}

export function StateBox({ state, box, exits, mark, descriptionId, onShow }: Props) {
  const { t } = useTranslation();
  if (!box) return null;
  const moves = exits.map(({ event, to }) => t('inspector.chart.transition', { event, to }));
  const show = () => onShow(state.id);
  const hide = () => onShow(null);
  return (
    <li
      className="absolute"
      style={{ left: box.x, top: box.y, width: box.width, height: box.height }}
    >
      <button
        type="button"
        aria-describedby={descriptionId}
        aria-current={state.isCurrent ? 'true' : undefined}
        onMouseEnter={show}
        onMouseLeave={hide}
        onFocus={show}
        onBlur={hide}
        onClick={show}
        className={`flex h-full w-full flex-col items-center justify-center rounded-md font-mono leading-4 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-700 dark:focus-visible:outline-sky-300 ${state.isFinal ? 'border-4 border-double' : 'border'} ${boxClass(state)}`}
      >
        <span className="text-xs font-semibold">{state.id}</span>
        <span className="text-[10px] leading-3.5">{mark}</span>
      </button>
      <span id={descriptionId} hidden>
        {[
          // Read aloud: the backticks marking commands in the machine's text are not.
          state.description.replaceAll('`', ''),
          moves.length > 0
            ? t('inspector.chart.transitions', { list: moves.join('; ') })
            : t('inspector.chart.noTransitions'),
        ].join(' ')}
      </span>
    </li>
  );
}
