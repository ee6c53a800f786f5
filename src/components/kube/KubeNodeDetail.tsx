/**
 * The selected node: its faults and drain as one-click buttons, what really runs on it as a
 * process tree (kubelet and containerd, one shim per pod with pause and the app, no dockerd),
 * and its pods with a Delete button each (which runs `kubectl delete pod` in the terminal).
 * Contract: renders the card and the machine it is given; acts only through its callbacks.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Machine } from '../../sim/kube/types';
import { nodeStatusText } from './KubeNodeCard';
import { canAct, KUBE_NODE_ACTIONS, type KubeNodeAction, type KubeNodeCard } from './kubeModel';
import { runtimeTree, type TreeProcess } from './runtimeTree';

const BUTTON = 'btn px-2 py-0.5 text-sm disabled:cursor-not-allowed disabled:opacity-60';

function ProcessLine({ p }: { readonly p: TreeProcess }) {
  const { t } = useTranslation();
  const pod = p.pod ? p.pod.slice(p.pod.indexOf('/') + 1) : '';
  return (
    <li data-process={p.kind}>
      <span className="font-mono">
        {p.name} <span className="text-muted">({p.pid})</span>
      </span>{' '}
      <span className="text-muted">
        {t(`kube.detail.process.${p.kind}`, { pod, ip: p.ip ?? '' })}
      </span>
      {p.children.length > 0 && (
        <ul className="ml-3 border-l border-slate-400 pl-2 dark:border-slate-500">
          {p.children.map((c) => (
            <ProcessLine key={c.pid} p={c} />
          ))}
        </ul>
      )}
    </li>
  );
}

interface Props {
  readonly card: KubeNodeCard | null;
  readonly machine: Machine | null;
  readonly onAction: (card: KubeNodeCard, action: KubeNodeAction) => void;
  readonly onDeletePod: (name: string) => void;
}

export function KubeNodeDetail({ card, machine, onAction, onDeletePod }: Props) {
  const { t } = useTranslation();
  const headingId = useId();
  const treeId = useId();
  if (!card) return <p className="text-muted text-sm">{t('kube.detail.none')}</p>;
  const tree = machine ? runtimeTree(machine) : [];
  return (
    <section
      aria-labelledby={headingId}
      className="flex min-w-0 flex-col gap-2 text-sm"
      data-kube-detail={card.name}
    >
      <h3 id={headingId} className="font-semibold">
        {t('kube.detail.heading', { name: card.name })}
      </h3>
      <p className="text-muted text-xs">
        {[t(`kube.role.${card.role}`), nodeStatusText(card, t), card.address].join(' · ')}
      </p>
      <div
        role="group"
        aria-label={t('kube.detail.actions', { name: card.name })}
        className="flex flex-wrap gap-1"
      >
        {KUBE_NODE_ACTIONS.map((action) => (
          <button
            key={action}
            type="button"
            className={BUTTON}
            disabled={!canAct(card, action)}
            onClick={() => onAction(card, action)}
          >
            {t(`kube.detail.${action}`)}
          </button>
        ))}
      </div>
      <h4 id={treeId} className="font-semibold">
        {t('kube.detail.processes')}
      </h4>
      {tree.length === 0 ? (
        <p className="text-muted">{t('kube.detail.nothingRuns')}</p>
      ) : (
        <ul aria-labelledby={treeId} className="text-xs">
          {tree.map((p) => (
            <ProcessLine key={p.pid} p={p} />
          ))}
        </ul>
      )}
      <p className="text-muted text-xs">{t('kube.detail.noDockerd')}</p>
      {card.pods.length > 0 && (
        <ul className="flex flex-col gap-1">
          {card.pods.map((pod) => (
            <li key={pod.key} className="flex items-center justify-between gap-2">
              <span className="min-w-0 truncate font-mono text-xs">
                {pod.name} <span className="text-muted">{t(`kube.phase.${pod.phase}`)}</span>
              </span>
              <button
                type="button"
                className={BUTTON}
                disabled={pod.phase === 'Terminating'}
                aria-label={t('kube.detail.deletePodLabel', { name: pod.name })}
                onClick={() => onDeletePod(pod.name)}
              >
                {t('kube.detail.deletePod')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
