/**
 * The selected machine: its faults and availability as one-click buttons (power off, partition,
 * restore, drain, activate), then the Docker host underneath (its containers, read from the
 * machine's own simulation), and a button that opens that host in the host view.
 * Contract: renders a NodeCard and a host World; acts only through `onAction` and `onOpen`.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { World } from '../../sim/types';
import type { NodeCard } from './clusterModel';
import { markText, nodeMarks, roleText } from './clusterText';
import { canAct, hostContainers, NODE_ACTIONS, type NodeAction } from './hostSummary';

interface Props {
  readonly card: NodeCard | null;
  readonly host: World | null;
  readonly onAction: (card: NodeCard, action: NodeAction) => void;
  /** Opens the machine in the host view (diagram, panels, terminal). */
  readonly onOpen: (card: NodeCard) => void;
}

export function NodeDetail({ card, host, onAction, onOpen }: Props) {
  const { t } = useTranslation();
  const headingId = useId();
  if (!card) {
    return <p className="text-muted text-sm">{t('cluster.detail.none')}</p>;
  }
  const containers = host ? hostContainers(host) : [];
  return (
    <section
      aria-labelledby={headingId}
      className="flex min-w-0 flex-col gap-2 text-sm"
      data-detail={card.id}
    >
      <h3 id={headingId} className="font-semibold">
        {t('cluster.detail.heading', { name: card.hostname })}
      </h3>
      <p className="text-muted text-xs">
        {[
          roleText(card, t),
          ...(card.leader ? [t('cluster.leader')] : []),
          ...nodeMarks(card).map((mark) => markText(mark, t)),
          t('cluster.detail.addr', { addr: card.addr }),
        ].join(' · ')}
      </p>
      <div
        role="group"
        aria-label={t('cluster.detail.actions', { name: card.hostname })}
        className="flex flex-wrap gap-1"
      >
        {NODE_ACTIONS.map((action) => (
          <button
            key={action}
            type="button"
            className="btn px-2 py-0.5 text-sm disabled:cursor-not-allowed disabled:opacity-60"
            disabled={!canAct(card, action)}
            onClick={() => onAction(card, action)}
          >
            {t(`cluster.detail.${action}`)}
          </button>
        ))}
      </div>
      <h4 className="font-semibold">{t('cluster.detail.containers', { name: card.hostname })}</h4>
      {card.machine === 'powered-off' ? (
        <p className="text-muted">{t('cluster.detail.offline')}</p>
      ) : containers.length === 0 ? (
        <p className="text-muted">{t('cluster.detail.noContainers')}</p>
      ) : (
        <ul className="flex flex-col gap-0.5 font-mono text-xs">
          {containers.map((c) => (
            <li key={c.id} className="truncate" title={c.name}>
              {t('cluster.detail.container', {
                name: c.name,
                image: c.image,
                state: c.exitCode === null ? c.state : `${c.state} (${c.exitCode})`,
              })}
              {c.pid !== null && (
                <span className="text-muted"> · {t('host.pid', { pid: c.pid })}</span>
              )}
            </li>
          ))}
        </ul>
      )}
      <p className="text-muted text-xs">{t('cluster.detail.hostNote')}</p>
      <button
        type="button"
        className="btn self-start px-2 py-0.5 text-sm"
        onClick={() => onOpen(card)}
      >
        {t('cluster.detail.open', { name: card.hostname })}
      </button>
    </section>
  );
}
