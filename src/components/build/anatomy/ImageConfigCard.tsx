/**
 * The image config as `docker inspect` shows its Config: what a container of this image runs
 * (Entrypoint, Cmd), in which directory, with which environment, and the ports it documents.
 * Lists print as the JSON arrays Docker stores them as; an unset field says so in words.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImageConfig } from '../../../sim/types';

function Value({ values, json }: { values: readonly string[] | null; json?: boolean }) {
  const { t } = useTranslation();
  if (values === null || values.length === 0 || (values.length === 1 && values[0] === ''))
    return <span className="text-muted italic">{t('anatomy.config.unset')}</span>;
  if (json) return <code className="break-all">{JSON.stringify(values)}</code>;
  return (
    <ul>
      {values.map((value) => (
        <li key={value}>
          <code className="break-all">{value}</code>
        </li>
      ))}
    </ul>
  );
}

export function ImageConfigCard({ config }: { config: ImageConfig }) {
  const { t } = useTranslation();
  const fields: [string, ReactNode][] = [
    ['Entrypoint', <Value key="e" values={config.entrypoint} json />],
    ['Cmd', <Value key="c" values={config.cmd} json />],
    ['WorkingDir', <Value key="w" values={config.workingDir ? [config.workingDir] : null} />],
    ['Env', <Value key="v" values={config.env} />],
    ['ExposedPorts', <Value key="p" values={config.exposedPorts} />],
  ];
  return (
    <div className="flex flex-col gap-1">
      <p className="text-muted text-xs">{t('anatomy.config.about')}</p>
      {/* Field names are Docker's own (docker inspect), so they are not translated. */}
      <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-1 rounded-md border border-slate-300 p-2 text-xs dark:border-slate-600">
        {fields.map(([name, value]) => (
          <div key={name} className="contents">
            <dt className="font-mono font-semibold">{name}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
