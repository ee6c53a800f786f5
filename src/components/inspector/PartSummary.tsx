/**
 * What the selected part is at the playback cursor: its role, host PID and status, and the
 * few details hostParts gives (the container a shim or runc serves, image, exit code, the
 * runc operation, dockerd's live-restore). Nothing here is derived beyond the HostPart.
 */
import { useTranslation } from 'react-i18next';
import type { HostPart } from '../host/hostParts';

function Row({ term, value, mono = false }: { term: string; value: string; mono?: boolean }) {
  return (
    <>
      <dt className="text-muted">{term}</dt>
      <dd className={mono ? 'font-mono' : undefined}>{value}</dd>
    </>
  );
}

export function PartSummary({ part, containerName }: { part: HostPart; containerName?: string }) {
  const { t } = useTranslation();
  const { detail } = part;
  const text = (key: string) => {
    const value = detail[key];
    return value === undefined || value === '' ? null : String(value);
  };
  const image = text('image');
  const operation = text('operation');
  const liveRestore = text('liveRestore');
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-3">
      <Row term={t('inspector.role')} value={t(`components.${part.role}`)} />
      <Row
        term={t('inspector.pid')}
        value={part.pid === null ? t('inspector.noPid') : String(part.pid)}
        mono
      />
      <Row term={t('inspector.status')} value={t(`inspector.statuses.${part.status}`)} />
      {part.role !== 'container' && containerName && (
        <Row term={t('inspector.container')} value={containerName} mono />
      )}
      {image && <Row term={t('inspector.image')} value={image} mono />}
      {part.status === 'exited' && (
        <Row term={t('inspector.exitCode')} value={String(detail['exitCode'] ?? '')} mono />
      )}
      {operation && <Row term={t('inspector.operation')} value={`runc ${operation}`} mono />}
      {liveRestore && <Row term={t('inspector.liveRestore')} value={liveRestore} mono />}
    </dl>
  );
}
