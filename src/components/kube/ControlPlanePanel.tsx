/**
 * The control plane at a glance: is the API server answering, and which of its four parts
 * (etcd, kube-apiserver, kube-scheduler, kube-controller-manager) run on the control-plane
 * node right now, read from that machine's containers rather than from the API (which cannot
 * report its own absence). While it is down the workers' pods keep running; nothing changes.
 * Contract: renders the machine it is given.
 */
import { useTranslation } from 'react-i18next';
import type { Machine } from '../../sim/kube/types';

const PARTS = ['etcd', 'kube-apiserver', 'kube-scheduler', 'kube-controller-manager'] as const;

function runs(machine: Machine | null, part: string): boolean {
  const sandbox = machine?.sandboxes[`kube-system/${part}-control-plane`];
  return !!sandbox?.containers.some((c) => c.state === 'CONTAINER_RUNNING');
}

interface Props {
  readonly machine: Machine | null;
  readonly apiUp: boolean;
  readonly headingId: string;
}

export function ControlPlanePanel({ machine, apiUp, headingId }: Props) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-1 text-sm">
      <h3 id={headingId} className="font-semibold">
        {t('kube.controlPlane.heading')}
      </h3>
      <p
        data-api={apiUp ? 'up' : 'down'}
        className={
          apiUp ? 'text-emerald-800 dark:text-emerald-300' : 'text-red-800 dark:text-red-300'
        }
      >
        <span aria-hidden="true">{apiUp ? '✓ ' : '✕ '}</span>
        {t(apiUp ? 'kube.controlPlane.up' : 'kube.controlPlane.down')}
      </p>
      <ul className="flex flex-wrap gap-x-3 text-xs">
        {PARTS.map((part) => {
          const up = runs(machine, part);
          return (
            <li key={part} className={up ? '' : 'text-red-800 dark:text-red-300'}>
              <span aria-hidden="true">{up ? '● ' : '○ '}</span>
              <span className="font-mono">{part}</span>{' '}
              {t(up ? 'kube.controlPlane.running' : 'kube.controlPlane.stopped')}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
