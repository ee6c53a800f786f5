/**
 * One node of the Kubernetes cluster as a card: name, role, what `kubectl get nodes` says
 * (Ready, NotReady, SchedulingDisabled) and, apart, what the machine really is (powered off,
 * booting, cut off); then its pods as badges with kubectl's status. The card is one button
 * that selects the node; its accessible name says everything the card shows.
 * Contract: renders only its KubeNodeCard.
 */
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { KubeNodeCard as Card } from './kubeModel';
import { PodBadges } from './PodBadges';

export function nodeStatusText(card: Card, t: TFunction): string {
  const parts = [t(`kube.status.${card.status}`)];
  if (card.cordoned) parts.push(t('kube.status.cordoned'));
  if (card.machine !== 'on') parts.push(t(`kube.machine.${card.machine}`));
  return parts.join(', ');
}

export function nodeLabel(card: Card, t: TFunction): string {
  const pods = card.pods.map((p) =>
    t('kube.podSay', { name: p.name, phase: t(`kube.phase.${p.phase}`) }),
  );
  return [
    t('kube.nodeSay', { name: card.name, role: t(`kube.role.${card.role}`) }),
    nodeStatusText(card, t),
    pods.length === 0
      ? t('kube.noPods')
      : t('kube.podsSay', { count: pods.length, list: pods.join('; ') }),
    t('kube.systemPodsSay', { count: card.systemPods.length }),
  ].join('. ');
}

interface Props {
  readonly card: Card;
  readonly selected: boolean;
  readonly onSelect: (name: string) => void;
}

export function KubeNodeCard({ card, selected, onSelect }: Props) {
  const { t } = useTranslation();
  const bad = card.machine === 'off' || card.status === 'NotReady';
  const frame = selected
    ? 'border-sky-700 ring-2 ring-sky-700 dark:border-sky-300 dark:ring-sky-300'
    : bad
      ? 'border-dashed border-red-700 dark:border-red-400'
      : card.cordoned || card.machine !== 'on'
        ? 'border-dashed border-amber-600 dark:border-amber-400'
        : 'border-slate-400 dark:border-slate-500';
  return (
    <li className="min-w-0">
      <button
        type="button"
        data-kube-node={card.name}
        aria-pressed={selected}
        aria-label={nodeLabel(card, t)}
        onClick={() => onSelect(card.name)}
        className={`flex h-full w-full flex-col gap-1 rounded-lg border-2 p-2 text-left shadow-sm focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-sky-700 dark:focus-visible:outline-sky-300 ${
          card.machine === 'off' ? 'bg-slate-100 dark:bg-slate-800' : 'bg-white dark:bg-slate-900'
        } ${frame}`}
      >
        <span className="flex flex-wrap items-baseline justify-between gap-x-2">
          <span className="min-w-0 font-mono text-sm font-semibold break-words text-slate-900 dark:text-slate-50">
            {card.name}
          </span>
          <span className="text-muted shrink-0 text-[11px] tracking-wide uppercase">
            {t(`kube.role.${card.role}`)}
          </span>
        </span>
        <span
          data-status={card.status}
          className={`text-xs ${
            bad ? 'text-red-800 dark:text-red-300' : 'text-emerald-800 dark:text-emerald-300'
          }`}
        >
          <span aria-hidden="true">{bad ? '✕ ' : '✓ '}</span>
          {nodeStatusText(card, t)}
        </span>
        <PodBadges pods={card.pods} />
        <span className="text-muted text-[11px]">
          {t('kube.systemPods', { count: card.systemPods.length })}
        </span>
      </button>
    </li>
  );
}
