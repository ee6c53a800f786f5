/**
 * The selected part's last messages up to the playback cursor: when, to or from whom, and
 * what (the label as it travelled, long IDs shortened). Reads the session store.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSessionStore } from '../../store/sessionStore';
import { containerNames, endpointName, formatTime, shortenIds } from '../panels/traceFormat';
import { recentMessages, touchesPart } from './recentMessages';

export function RecentMessages({ partId }: { partId: string }) {
  const { t } = useTranslation();
  const sim = useSessionStore((state) => state.sim);
  const cursor = useSessionStore((state) => state.cursor);
  const length = useSessionStore((state) => state.sim.trace.length);
  const trace = sim.trace;
  // Entries up to the cursor never change, so the trace growing beyond it changes nothing here.
  const messages = useMemo(() => recentMessages(trace, cursor, partId), [trace, cursor, partId]);
  const names = useMemo(() => containerNames(trace, length, sim.world), [trace, length, sim]);

  if (messages.length === 0) return <p className="text-muted">{t('inspector.noMessages')}</p>;
  return (
    <ol className="flex flex-col gap-1 text-xs">
      {messages.map((entry) => {
        const sent = touchesPart(entry.from, partId);
        const other = sent ? entry.to : entry.from;
        const peer = endpointName(other, names);
        const within = touchesPart(entry.from, partId) && touchesPart(entry.to, partId);
        const direction = within
          ? t('inspector.within')
          : sent
            ? t('inspector.sentTo', { peer })
            : t('inspector.receivedFrom', { peer });
        return (
          <li key={entry.seq} className="grid grid-cols-[auto_1fr] gap-x-2">
            <span className="text-muted font-mono tabular-nums">
              {t('eventLog.time', { time: formatTime(entry.t) })}
            </span>
            <span className="min-w-0">
              <span className="text-muted">{direction}</span>{' '}
              <span className="font-mono break-all">{shortenIds(entry.label)}</span>
            </span>
          </li>
        );
      })}
    </ol>
  );
}
