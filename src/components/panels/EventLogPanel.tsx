/**
 * Events: the trace as a readable, filterable log. Contract: lists the session's trace (steps,
 * and on request state changes) narrowed by a kind and a text, marks the entry at the playback
 * cursor, and seeks there when an entry is chosen. It owns only its filter; the trace belongs
 * to the simulation and the cursor to the session store.
 */
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSessionStore } from '../../store/sessionStore';
import { EVENT_KINDS, filterTrace, type EventKind } from './eventLog';
import { EventLogList } from './EventLogList';
import { containerNames } from './traceFormat';

const CONTROL =
  'rounded border border-slate-400 bg-white px-1.5 py-0.5 text-xs dark:border-slate-500 dark:bg-slate-900 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-sky-700 dark:focus-visible:outline-sky-300';

export function EventLogPanel() {
  const { t } = useTranslation();
  const sim = useSessionStore((state) => state.sim);
  const cursor = useSessionStore((state) => state.cursor);
  const seek = useSessionStore((state) => state.seek);
  // The trace array grows in place: its length says when it changed.
  const trace = sim.trace;
  const length = trace.length;
  const [kind, setKind] = useState<EventKind>('all');
  const [text, setText] = useState('');
  const [showState, setShowState] = useState(false);
  const hintId = useId();

  // Names come from the trace (so removed containers keep theirs) and the live world; they do
  // not depend on the cursor, so playing does not re-filter.
  const names = useMemo(() => containerNames(trace, length, sim.world), [trace, length, sim]);
  // `names` is new whenever the trace grows, so the lists below follow the trace too. Filtered
  // at each keystroke: one linear pass over the trace.
  const positions = useMemo(
    () => filterTrace(trace, { kind, text, showState }, names),
    [trace, kind, text, showState, names],
  );
  const total = useMemo(
    () => filterTrace(trace, { kind: 'all', text: '', showState }, names).length,
    [trace, showState, names],
  );

  if (length === 0) return <p className="text-muted">{t('eventLog.empty')}</p>;
  return (
    <div className="flex h-full min-h-0 flex-col gap-2">
      <div className="flex flex-wrap items-center gap-2">
        <input
          type="search"
          value={text}
          onChange={(event) => setText(event.target.value)}
          aria-label={t('eventLog.filterText')}
          placeholder={t('eventLog.filterPlaceholder')}
          className={`${CONTROL} min-w-24 flex-1`}
        />
        <select
          value={kind}
          onChange={(event) => setKind(event.target.value as EventKind)}
          aria-label={t('eventLog.kindLabel')}
          className={CONTROL}
        >
          {EVENT_KINDS.map((id) => (
            <option key={id} value={id}>
              {t(`eventLog.kinds.${id}`)}
            </option>
          ))}
        </select>
        <label className="flex items-center gap-1 text-xs">
          <input
            type="checkbox"
            checked={showState}
            onChange={(event) => setShowState(event.target.checked)}
            className="accent-sky-700"
          />
          {t('eventLog.showState')}
        </label>
        <span className="text-muted ml-auto text-xs tabular-nums">
          {t('eventLog.count', { shown: positions.length, total })}
        </span>
      </div>
      <p id={hintId} className="sr-only">
        {t('eventLog.hint')}
      </p>
      {positions.length === 0 ? (
        <p className="text-muted">{t('eventLog.noMatch')}</p>
      ) : (
        <EventLogList
          trace={trace}
          positions={positions}
          cursor={cursor}
          names={names}
          onSeek={seek}
          describedBy={hintId}
        />
      )}
    </div>
  );
}
