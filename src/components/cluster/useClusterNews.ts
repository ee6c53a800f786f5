/**
 * Says cluster news once through the live region: a node down or back, a new leader and its
 * term, quorum lost or regained, a service converged. Several changes in one tick become one
 * announcement (a new one would replace the last before it is read).
 * Contract: compares each new snapshot with the one before (clusterNews) while the view is
 * mounted; a new cluster (set up, reset) starts without news.
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { useAnnouncementStore } from '../../store/announcementStore';
import { clusterNews, type ClusterNews, type ClusterSnapshot } from './clusterChanges';

export function newsText(news: ClusterNews, t: TFunction): string {
  switch (news.key) {
    case 'nodeDown':
    case 'nodeReady':
      return t(`cluster.announce.${news.key}`, { name: news.name });
    case 'leader':
      return t('cluster.announce.leader', { name: news.name, term: news.term });
    case 'quorumLost':
    case 'quorumRegained':
      return t(`cluster.announce.${news.key}`);
    case 'converged':
      return t('cluster.announce.converged', {
        name: news.name,
        running: news.running,
        desired: news.desired,
      });
  }
}

/** `identity` changes when the cluster is replaced: its first snapshot is not news. */
export function useClusterNews(snapshot: ClusterSnapshot, identity: unknown): void {
  const { t } = useTranslation();
  const announce = useAnnouncementStore((s) => s.announce);
  const previous = useRef<{ identity: unknown; snapshot: ClusterSnapshot } | null>(null);
  useEffect(() => {
    const last = previous.current;
    const before = last && last.identity === identity ? last.snapshot : null;
    previous.current = { identity, snapshot };
    const news = clusterNews(before, snapshot);
    if (news.length > 0) announce(news.map((n) => newsText(n, t)).join(' '));
  }, [snapshot, identity, announce, t]);
}
