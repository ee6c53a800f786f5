/**
 * Deployments: desired vs ready pods per deployment, with − and + to scale, and a button that
 * creates the `web` deployment. Each button runs the kubectl command in the terminal, so the
 * learner sees what was typed on their behalf.
 * Contract: renders its lines; acts only through `onRun` (a kubectl line).
 */
import { useTranslation } from 'react-i18next';
import type { DeploymentLine } from './kubeModel';

const BUTTON = 'btn px-2 py-0.5 text-sm disabled:cursor-not-allowed disabled:opacity-60';
export const CREATE_WEB = 'kubectl create deployment web --image=nginx --replicas=3';

interface Props {
  readonly lines: readonly DeploymentLine[];
  readonly headingId: string;
  readonly onRun: (line: string) => void;
}

export function DeploymentPanel({ lines, headingId, onRun }: Props) {
  const { t } = useTranslation();
  const scale = (name: string, replicas: number) =>
    onRun(`kubectl scale deployment ${name} --replicas=${replicas}`);
  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-1 text-sm">
      <h3 id={headingId} className="font-semibold">
        {t('kube.deployments.heading')}
      </h3>
      {lines.length === 0 && <p className="text-muted">{t('kube.deployments.none')}</p>}
      <ul className="flex flex-col gap-1">
        {lines.map((d) => (
          <li key={d.name} data-deployment={d.name} className="flex flex-wrap items-center gap-2">
            <span className="font-mono font-semibold">{d.name}</span>
            <span
              data-ready={`${d.ready}/${d.desired}`}
              className={d.ready === d.desired ? '' : 'text-amber-800 dark:text-amber-300'}
            >
              {t('kube.deployments.ready', { ready: d.ready, desired: d.desired })}
            </span>
            <button
              type="button"
              className={BUTTON}
              disabled={d.desired === 0}
              aria-label={t('kube.deployments.scaleTo', { name: d.name, replicas: d.desired - 1 })}
              onClick={() => scale(d.name, d.desired - 1)}
            >
              −
            </button>
            <button
              type="button"
              className={BUTTON}
              aria-label={t('kube.deployments.scaleTo', { name: d.name, replicas: d.desired + 1 })}
              onClick={() => scale(d.name, d.desired + 1)}
            >
              +
            </button>
            {d.pendingReason && (
              <span className="text-xs text-amber-800 dark:text-amber-300">
                {t('kube.deployments.pending', { count: d.pending, reason: d.pendingReason })}
              </span>
            )}
          </li>
        ))}
      </ul>
      {!lines.some((d) => d.name === 'web') && (
        <button type="button" className={`${BUTTON} self-start`} onClick={() => onRun(CREATE_WEB)}>
          {t('kube.deployments.createWeb')}
        </button>
      )}
    </section>
  );
}
