/**
 * "Just now": the cluster's last few messages (heartbeats missed, a leader elected, the
 * scheduler assigning a task), newest first, so reconciliation can be followed as it happens.
 * Contract: reads the tail of a cluster's trace (Swarm or Kubernetes) at `revision`; labels are the trace's own.
 */
import { useTranslation } from 'react-i18next';
import type { TraceEntryOf } from '../../sim/trace';
import type { SeqTrace } from '../../sim/traceWindow';
import { recentEvents } from './recentEvents';

/** How many of the latest messages are listed. */
const SHOWN = 6;

export function ClusterEvents({
  trace,
  revision,
}: {
  readonly trace: SeqTrace<TraceEntryOf<string, unknown>>;
  readonly revision: number;
}) {
  const { t } = useTranslation();
  const events = recentEvents(trace, SHOWN);
  return (
    <section className="text-sm" data-revision={revision}>
      <h3 className="font-semibold">{t('cluster.events.heading')}</h3>
      {events.length === 0 ? (
        <p className="text-muted">{t('cluster.events.none')}</p>
      ) : (
        <ol className="flex flex-col gap-0.5 font-mono text-xs">
          {events.map((event) => (
            <li key={event.seq} className="break-words">
              <span className="text-muted tabular-nums">
                {t('cluster.events.at', { seconds: (event.t / 1000).toFixed(1) })}{' '}
              </span>
              {event.text}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
