/**
 * Words for a host part: its status ("running", "exited (137)") and the short line under its
 * name (PID, image, counts). Used by the node view and by its accessible name, so what a
 * screen reader says is what the node shows.
 */
import type { TFunction } from 'i18next';
import type { HostNodeData } from './hostGraph';

export function statusText(data: HostNodeData, t: TFunction): string {
  if (data.placeholder) return t('status.absent');
  const { part } = data;
  if (part.status === 'exited') return t('status.exited', { code: part.detail['exitCode'] ?? 0 });
  return t(`status.${part.status}`);
}

export function detailText(data: HostNodeData, t: TFunction): string {
  const { part } = data;
  if (data.placeholder)
    return part.role === 'shim' ? t('host.placeholderShim') : t('host.placeholderRunc');
  switch (part.role) {
    case 'user':
      return t('host.userNote');
    case 'systemd':
      return t('host.systemdNote');
    case 'container': {
      const image = String(part.detail['image'] ?? '');
      if (part.pid !== null) return t('host.pidInContainer', { pid: part.pid });
      if (part.status === 'down') return t('host.noProcess');
      return image ? t('host.imageOf', { image }) : t('host.orphan');
    }
    case 'runc':
      return t('host.runcOperation', { operation: String(part.detail['operation'] ?? '') });
    case 'dockerd': {
      // 1.10 had no live-restore; its containers were the daemon's own children.
      const extra = data.note
        ? t(`notes.${data.note.key}`, data.note.values)
        : t('host.liveRestore', { value: String(part.detail['liveRestore']) });
      return part.pid !== null ? `${t('host.pid', { pid: part.pid })} · ${extra}` : extra;
    }
    case 'containerd': {
      const note = data.note ? t(`notes.${data.note.key}`, data.note.values) : '';
      return part.pid !== null ? `${t('host.pid', { pid: part.pid })} · ${note}` : note;
    }
    case 'images': {
      const counts = {
        count: Number(part.detail['images'] ?? 0),
        layers: Number(part.detail['layers'] ?? 0),
      };
      const step = part.detail['buildStep'];
      return typeof step === 'number'
        ? t('host.imagesBuilding', { ...counts, step, total: Number(part.detail['buildTotal']) })
        : t('host.images', counts);
    }
    case 'networks':
      return t('host.networks', { count: Number(part.detail['networks'] ?? 0) });
    case 'volumes':
      return t('host.volumes', { count: Number(part.detail['volumes'] ?? 0) });
    default:
      if (part.pid !== null) return t('host.pid', { pid: part.pid });
      return data.note ? t(`notes.${data.note.key}`, data.note.values) : '';
  }
}

/** "web (nginx), container, running, PID 1210 · PID 1 inside": name, role, state, detail. */
export function nodeAccessibleName(data: HostNodeData, t: TFunction): string {
  const status = statusText(data, t);
  const detail = detailText(data, t);
  const name =
    data.part.role === 'container' && data.part.detail['image']
      ? `${data.part.name} (${String(data.part.detail['image'])})`
      : data.part.name;
  return [name, t(`components.${data.part.role}`), status, detail].filter(Boolean).join(', ');
}
