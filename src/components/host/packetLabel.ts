/**
 * What a packet says: the trace entry's own label, and for a request that came over TCP
 * (the real docker CLI through the bridge) the port it came on, plain or TLS with the client
 * certificate's name, so 2375 and 2376 can be told apart as they fly.
 * Contract: pure; reads only the entry.
 */
import type { ApiVia } from '../../sim/api/types';
import type { TraceEntry } from '../../sim/trace';

function isVia(value: unknown): value is ApiVia {
  const via = value as Partial<ApiVia> | null;
  return !!via && typeof via.port === 'number' && typeof via.tls === 'boolean';
}

export function viaText(via: ApiVia): string {
  if (!via.tls) return `tcp ${via.port}, plain`;
  return via.client ? `tcp ${via.port}, TLS, ${via.client}` : `tcp ${via.port}, TLS`;
}

export function packetLabel(entry: Pick<TraceEntry, 'label' | 'detail'>): string {
  const via = entry.detail?.['via'];
  return isVia(via) ? `${entry.label} · ${viaText(via)}` : entry.label;
}
