/**
 * Says Kubernetes news once through the live region: a node NotReady or Ready again, a
 * machine powered off or back, a deployment with all its pods ready, a pod replaced. Several
 * in one tick become one announcement.
 * Contract: `kubeNews` is pure (before and after snapshots); the hook compares each new
 * snapshot with the one before while the view is mounted; a new cluster starts without news.
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { useAnnouncementStore } from '../../store/announcementStore';
import type { DeploymentLine, KubeNodeCard } from './kubeModel';

export interface KubeSnapshot {
  readonly cards: readonly KubeNodeCard[];
  readonly deployments: readonly DeploymentLine[];
}

export type KubeNewsItem =
  | { readonly key: 'notReady' | 'ready' | 'off' | 'on'; readonly name: string }
  | { readonly key: 'converged'; readonly name: string; readonly ready: number }
  | { readonly key: 'newPods'; readonly names: readonly string[] };

export function kubeNews(before: KubeSnapshot | null, after: KubeSnapshot): KubeNewsItem[] {
  if (!before) return [];
  const news: KubeNewsItem[] = [];
  for (const card of after.cards) {
    const old = before.cards.find((c) => c.name === card.name);
    if (!old) continue;
    if (old.machine !== 'off' && card.machine === 'off') news.push({ key: 'off', name: card.name });
    if (old.machine === 'off' && card.machine !== 'off') news.push({ key: 'on', name: card.name });
    if (old.status !== card.status)
      news.push({ key: card.status === 'Ready' ? 'ready' : 'notReady', name: card.name });
  }
  const oldPods = new Set(before.cards.flatMap((c) => c.pods.map((p) => p.key)));
  const fresh = after.cards.flatMap((c) => c.pods).filter((p) => !oldPods.has(p.key));
  if (fresh.length > 0 && fresh.length <= 5)
    news.push({ key: 'newPods', names: fresh.map((p) => p.name) });
  for (const d of after.deployments) {
    const old = before.deployments.find((o) => o.name === d.name);
    if (d.ready === d.desired && (!old || old.ready !== d.ready || old.desired !== d.desired))
      news.push({ key: 'converged', name: d.name, ready: d.ready });
  }
  return news;
}

export function kubeNewsText(item: KubeNewsItem, t: TFunction): string {
  switch (item.key) {
    case 'newPods':
      return t('kube.announce.newPods', { count: item.names.length, names: item.names.join(', ') });
    case 'converged':
      return t('kube.announce.converged', { name: item.name, count: item.ready });
    default:
      return t(`kube.announce.${item.key}`, { name: item.name });
  }
}

export function useKubeNews(
  cards: readonly KubeNodeCard[],
  deployments: readonly DeploymentLine[],
  identity: unknown,
): void {
  const { t } = useTranslation();
  const announce = useAnnouncementStore((s) => s.announce);
  const previous = useRef<{ identity: unknown; snapshot: KubeSnapshot } | null>(null);
  useEffect(() => {
    const snapshot = { cards, deployments };
    const last = previous.current;
    const before = last && last.identity === identity ? last.snapshot : null;
    previous.current = { identity, snapshot };
    const news = kubeNews(before, snapshot);
    if (news.length > 0) announce(news.map((n) => kubeNewsText(n, t)).join(' '));
  }, [cards, deployments, identity, announce, t]);
}
