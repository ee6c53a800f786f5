/**
 * The managers' Raft group in two lines: term and leader, then whether the quorum holds
 * (`2 of 3 managers reachable — quorum holds`) and what this many managers tolerate.
 * Contract: renders a RaftSummary; the quorum state shows as a word and a symbol.
 */
import { useTranslation } from 'react-i18next';
import type { QuorumState, RaftSummary } from './quorum';
import { quorumText, toleranceText } from './clusterText';

const STATE_LOOK: Readonly<Record<QuorumState, { symbol: string; classes: string }>> = {
  none: { symbol: '○', classes: 'text-muted' },
  holds: { symbol: '●', classes: 'text-emerald-800 dark:text-emerald-300' },
  electing: { symbol: '◐', classes: 'text-amber-800 dark:text-amber-300' },
  lost: { symbol: '✕', classes: 'text-red-800 dark:text-red-300' },
};

export function RaftPanel({
  raft,
  headingId,
}: {
  readonly raft: RaftSummary;
  readonly headingId: string;
}) {
  const { t } = useTranslation();
  const look = STATE_LOOK[raft.state];
  return (
    <section aria-labelledby={headingId} className="min-w-0 text-sm" data-quorum={raft.state}>
      <h3 id={headingId} className="font-semibold">
        {t('cluster.raft.heading')}
        {raft.state !== 'none' && (
          <span className="text-muted font-normal">
            {' · '}
            {t('cluster.raft.term', { term: raft.term })}
            {' · '}
            {raft.leaderHostname ? (
              <span className="font-mono text-slate-900 dark:text-slate-50">
                <span aria-hidden="true">{t('cluster.leaderSymbol')} </span>
                {t('cluster.raft.leaderIs', { name: raft.leaderHostname })}
              </span>
            ) : (
              t('cluster.raft.noLeader')
            )}
          </span>
        )}
      </h3>
      <p className={look.classes}>
        <span aria-hidden="true">{look.symbol} </span>
        {quorumText(raft, t)}
      </p>
      {raft.state !== 'none' && <p className="text-muted text-xs">{toleranceText(raft, t)}</p>}
    </section>
  );
}
