/**
 * One row per service: its name in its badge colour, running vs desired (`5/6`, and
 * "converging" while the orchestrator is still at work), mode, image, published ports, update
 * status, and − / + to scale it (`docker service scale`, sent as the CLI sends it).
 * Contract: renders ServiceLines; scaling goes through `onScale` and is never guessed here:
 * with the quorum lost the daemon refuses, and the caller shows its error.
 */
import { useTranslation } from 'react-i18next';
import type { ServiceLine } from './clusterModel';
import { serviceCountText } from './clusterText';
import { serviceClasses } from './serviceLook';

interface Props {
  readonly services: readonly ServiceLine[];
  readonly headingId: string;
  readonly onScale: (service: ServiceLine, replicas: number) => void;
}

const SMALL_BUTTON = 'btn px-2 py-0 text-sm leading-5';

export function ServiceSummary({ services, headingId, onScale }: Props) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby={headingId} className="min-w-0 text-sm">
      <h3 id={headingId} className="font-semibold">
        {t('cluster.service.heading')}
      </h3>
      {services.length === 0 ? (
        <p className="text-muted">{t('cluster.service.none')}</p>
      ) : (
        <ul className="flex flex-col gap-1">
          {services.map((service) => (
            <li
              key={service.id}
              data-service={service.name}
              className="flex flex-wrap items-center gap-x-2 gap-y-0.5"
            >
              <span
                className={`rounded border px-1 font-mono text-xs font-semibold ${serviceClasses(service.colour)}`}
              >
                {service.name}
              </span>
              <span
                className={
                  service.converging
                    ? 'text-amber-800 dark:text-amber-300'
                    : 'text-emerald-800 dark:text-emerald-300'
                }
              >
                <span aria-hidden="true">{service.converging ? '◐ ' : '● '}</span>
                <span className="font-mono font-semibold">{serviceCountText(service, t)}</span>
              </span>
              <span className="text-muted text-xs">
                {t(`cluster.service.mode.${service.mode}`)} · {service.image} ·{' '}
                {service.ports.length > 0 ? service.ports.join(', ') : t('cluster.service.noPorts')}
                {service.update && ` · ${t(`cluster.service.update.${service.update}`)}`}
              </span>
              {service.mode === 'replicated' && (
                <span className="flex gap-1">
                  <button
                    type="button"
                    className={SMALL_BUTTON}
                    disabled={service.desired === 0}
                    aria-label={t('cluster.service.scaleDown', {
                      name: service.name,
                      replicas: service.desired - 1,
                    })}
                    onClick={() => onScale(service, service.desired - 1)}
                  >
                    −
                  </button>
                  <button
                    type="button"
                    className={SMALL_BUTTON}
                    aria-label={t('cluster.service.scaleUp', {
                      name: service.name,
                      replicas: service.desired + 1,
                    })}
                    onClick={() => onScale(service, service.desired + 1)}
                  >
                    +
                  </button>
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
