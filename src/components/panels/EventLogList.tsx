/**
 * The event log's rows: a windowed list of trace entries (only the rows in sight exist in the
 * DOM, so 20,000 entries scroll smoothly). The entry at the cursor is marked `aria-current`
 * and kept in view as playback moves, unless the reader is moving through the list with the
 * keyboard. One tab stop; arrows, Page Up/Down, Home and End move it; Enter or a click seeks.
 */
import { useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TraceEntry } from '../../sim/trace';
import { rowAtCursor } from './eventLog';
import { EventLogRow } from './EventLogRow';
import type { ContainerNames } from './traceFormat';
import { useElementSize } from './useElementSize';
import { rowWindow, scrollToShow } from './windowing';

/** Fixed row height in px (two lines of text-xs): windowing needs every row the same. */
export const ROW_HEIGHT = 40;
/** Assumed height until the list is measured (jsdom never measures). */
const FIRST_VIEWPORT = 480;

interface Props {
  readonly trace: readonly TraceEntry[];
  /** Positions (seq) of the entries listed, ascending. */
  readonly positions: readonly number[];
  readonly cursor: number;
  readonly names: ContainerNames;
  readonly onSeek: (seq: number) => void;
  readonly describedBy?: string;
}

function clamp(value: number, low: number, high: number): number {
  return Math.max(low, Math.min(value, high));
}

export function EventLogList({ trace, positions, cursor, names, onSeek, describedBy }: Props) {
  const { t } = useTranslation();
  const scroller = useRef<HTMLDivElement>(null);
  const buttons = useRef(new Map<number, HTMLButtonElement>());
  const [scrollTop, setScrollTop] = useState(0);
  const viewport = useElementSize(scroller)?.height ?? FIRST_VIEWPORT;
  // The row with keyboard focus; null while focus is elsewhere (then the list follows playback).
  const [focusRow, setFocusRow] = useState<number | null>(null);
  const current = rowAtCursor(positions, cursor);
  const last = positions.length - 1;
  const tabStop = clamp(focusRow ?? Math.max(current, 0), 0, last);

  // Follow the cursor; the scroll event then moves the window.
  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element || focusRow !== null || current < 0) return;
    const top = scrollToShow(element.scrollTop, element.clientHeight, ROW_HEIGHT, current);
    if (top !== null) element.scrollTop = top;
  }, [current, focusRow, positions]);

  // Keyboard moves put focus on the new row once it is rendered.
  useLayoutEffect(() => {
    if (focusRow !== null) buttons.current.get(focusRow)?.focus();
  }, [focusRow]);

  const moveTo = (row: number) => {
    const target = clamp(row, 0, last);
    const element = scroller.current;
    if (element) {
      const top = scrollToShow(element.scrollTop, element.clientHeight, ROW_HEIGHT, target);
      if (top !== null) element.scrollTop = top;
    }
    setFocusRow(target);
  };

  const onKeyDown = (event: KeyboardEvent, row: number) => {
    const page = Math.max(1, Math.floor(viewport / ROW_HEIGHT) - 1);
    const moves: Record<string, number> = {
      ArrowDown: row + 1,
      ArrowUp: row - 1,
      PageDown: row + page,
      PageUp: row - page,
      Home: 0,
      End: last,
    };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    moveTo(target);
  };

  const { start, end } = rowWindow(scrollTop, viewport, ROW_HEIGHT, positions.length);
  const rows: number[] = [];
  // The tab stop is always rendered, so Tab can enter the list wherever it is scrolled.
  if (tabStop < start) rows.push(tabStop);
  for (let row = start; row < end; row++) rows.push(row);
  if (tabStop >= end && tabStop <= last) rows.push(tabStop);

  return (
    <div
      ref={scroller}
      onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
      className="min-h-0 flex-1 overflow-y-auto"
    >
      <ol
        aria-label={t('eventLog.label')}
        aria-describedby={describedBy}
        className="relative"
        style={{ height: positions.length * ROW_HEIGHT }}
        onBlur={(event) => {
          if (!event.currentTarget.contains(event.relatedTarget)) setFocusRow(null);
        }}
      >
        {rows.map((row) => {
          const seq = positions[row] ?? 0;
          const entry = trace[seq];
          if (!entry) return null;
          return (
            <EventLogRow
              key={seq}
              entry={entry}
              names={names}
              row={row}
              setSize={positions.length}
              height={ROW_HEIGHT}
              isCurrent={row === current}
              isFuture={seq > cursor}
              isTabStop={row === tabStop}
              buttonRef={(element) => {
                if (element) buttons.current.set(row, element);
                else buttons.current.delete(row);
              }}
              onFocus={() => setFocusRow(row)}
              onKeyDown={(event) => onKeyDown(event, row)}
              onSeek={onSeek}
            />
          );
        })}
      </ol>
    </div>
  );
}
