/**
 * One trace entry in the event log: virtual time, route (`cli → api`, `shim web → containerd`)
 * and kind on the first line, the label (what really travelled, full IDs shortened) on the
 * second. The current entry is marked by a glyph, weight and colour; its button reads the
 * whole entry aloud, and whether it is still to be played.
 */
import type { KeyboardEvent, Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { TraceEntry } from '../../sim/trace';
import { formatTime, routeOf, shortenIds, type ContainerNames } from './traceFormat';

interface Props {
  readonly entry: TraceEntry;
  readonly names: ContainerNames;
  readonly row: number;
  readonly setSize: number;
  readonly height: number;
  readonly isCurrent: boolean;
  readonly isFuture: boolean;
  readonly isTabStop: boolean;
  readonly buttonRef: Ref<HTMLButtonElement>;
  readonly onFocus: () => void;
  readonly onKeyDown: (event: KeyboardEvent) => void;
  readonly onSeek: (seq: number) => void;
}

function rowClass(isCurrent: boolean, isFuture: boolean): string {
  if (isCurrent)
    return 'border-sky-700 bg-sky-100 font-semibold text-slate-950 dark:border-sky-300 dark:bg-sky-950 dark:text-white';
  return isFuture
    ? 'border-transparent text-slate-600 dark:text-slate-400'
    : 'border-transparent text-slate-900 dark:text-slate-100';
}

export function EventLogRow({
  entry,
  names,
  row,
  setSize,
  height,
  isCurrent,
  isFuture,
  isTabStop,
  buttonRef,
  onFocus,
  onKeyDown,
  onSeek,
}: Props) {
  const { t } = useTranslation();
  const time = formatTime(entry.t);
  const route = routeOf(entry, names);
  const [from = '', to] = route;
  const label = shortenIds(entry.label);
  const spoken = t('eventLog.entry', {
    time,
    route: to === undefined ? from : t('eventLog.route', { from, to }),
    label,
  });
  return (
    <li
      aria-posinset={row + 1}
      aria-setsize={setSize}
      className="absolute inset-x-0"
      style={{ top: row * height, height: height }}
    >
      <button
        ref={buttonRef}
        type="button"
        tabIndex={isTabStop ? 0 : -1}
        aria-current={isCurrent ? 'step' : undefined}
        aria-label={isFuture ? `${spoken} (${t('eventLog.future')})` : spoken}
        title={label === entry.label ? undefined : entry.label}
        onClick={() => onSeek(entry.seq)}
        onFocus={onFocus}
        onKeyDown={onKeyDown}
        className={`flex h-full w-full flex-col justify-center border-l-4 px-1.5 text-left text-xs leading-4 hover:bg-slate-100 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-sky-700 dark:hover:bg-slate-800 dark:focus-visible:outline-sky-300 ${rowClass(isCurrent, isFuture)}`}
      >
        <span className="flex w-full items-baseline gap-2">
          <span aria-hidden="true" className="w-2 shrink-0">
            {isCurrent ? '▶' : ''}
          </span>
          <span className="shrink-0 font-mono tabular-nums">{t('eventLog.time', { time })}</span>
          <span className="min-w-0 truncate font-mono">{route.join(' → ')}</span>
          <span className="ml-auto shrink-0 rounded border border-current px-1 text-[0.65rem] leading-3.5">
            {t(`eventLog.tags.${entry.kind}`)}
          </span>
        </span>
        <span className="block w-full truncate pl-4 font-mono">{label}</span>
      </button>
    </li>
  );
}
