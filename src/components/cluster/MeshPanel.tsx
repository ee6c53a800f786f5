/**
 * The routing mesh: for each port published through ingress, what answers a connection on
 * each machine, connection after connection. A machine that runs none of the service's tasks
 * still answers, passing connections to tasks elsewhere; one that is off or out of the swarm
 * does not.
 * Contract: renders MeshPorts (meshModel.ts); no actions.
 */
import { useTranslation } from 'react-i18next';
import type { MeshPort } from './meshModel';

/** Past this many machines, the rest are counted, not listed (50 nodes stay readable). */
const LISTED = 6;

interface Props {
  readonly ports: readonly MeshPort[];
  readonly headingId: string;
}

export function MeshPanel({ ports, headingId }: Props) {
  const { t } = useTranslation();
  if (ports.length === 0) return null;
  return (
    <section aria-labelledby={headingId} className="min-w-0 text-sm @xl:col-span-2">
      <h3 id={headingId} className="font-semibold">
        {t('cluster.mesh.heading')}
      </h3>
      <p className="text-muted text-xs">{t('cluster.mesh.note')}</p>
      {ports.map((port) => (
        <div key={`${port.service}:${port.port}`} data-mesh-port={port.port}>
          <h4 className="font-mono text-xs font-semibold">
            {t('cluster.mesh.port', {
              port: port.port,
              service: port.service,
              target: port.target,
            })}
          </h4>
          <ul className="flex flex-col font-mono text-xs">
            {port.rows.slice(0, LISTED).map((row) => (
              <li key={row.node} data-mesh-node={row.node}>
                {row.answers.length === 0
                  ? t('cluster.mesh.none', { node: row.node, port: port.port })
                  : t('cluster.mesh.row', {
                      node: row.node,
                      port: port.port,
                      answers: row.answers
                        .map((a) =>
                          a.node === row.node
                            ? t('cluster.mesh.here', { task: a.taskName })
                            : t('cluster.mesh.there', { task: a.taskName, on: a.node }),
                        )
                        .join(', '),
                    })}
              </li>
            ))}
          </ul>
          {port.rows.length > LISTED && (
            <p className="text-muted text-xs">
              {t('cluster.mesh.more', {
                count: port.rows.length - LISTED,
                forwarding: port.rows.slice(LISTED).filter((r) => r.forwards).length,
              })}
            </p>
          )}
        </div>
      ))}
    </section>
  );
}
