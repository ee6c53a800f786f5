/**
 * The Engine API exchanges in a trace, paired request with response, each under the command
 * line that caused it: what the API panel lists. Pure: the trace in, rows out.
 */
import type { TraceEntry } from '../../sim/trace';
import { viaText } from '../host/packetLabel';

export interface ApiExchange {
  /** Trace position of the request (CLI -> API socket): where "show" seeks to. */
  readonly seq: number;
  readonly method: string;
  readonly path: string;
  readonly requestBody?: unknown;
  readonly refused: boolean;
  readonly status?: number;
  readonly statusLine?: string;
  readonly response?: Readonly<Record<string, unknown>>;
  /** The typed line this request belongs to, when it came from the terminal. */
  readonly command?: string;
  /** For a request from the real docker CLI over the bridge: its port (`tcp 2375, plain`). */
  readonly via?: string;
}

export function apiExchanges(
  trace: readonly TraceEntry[],
  upTo: number,
  limit = 200,
): ApiExchange[] {
  const out: ApiExchange[] = [];
  let command: string | undefined;
  let open: { index: number } | null = null;
  const end = Math.min(upTo, trace.length - 1);
  for (let i = 0; i <= end; i++) {
    const e = trace[i];
    if (!e) continue;
    if (e.kind === 'input' && e.from === 'user' && e.to === 'cli' && e.label.startsWith('$ ')) {
      command = e.label.slice(2);
    } else if (e.kind === 'http-request' && e.from === 'cli') {
      const d = e.detail ?? {};
      const [method = '', path = ''] = e.label.split(' ');
      const via = d['via'] as Parameters<typeof viaText>[0] | undefined;
      out.push({
        seq: e.seq,
        method,
        path,
        ...(d['body'] !== undefined ? { requestBody: d['body'] } : {}),
        refused: d['refused'] === true,
        // The real CLI's requests belong to no line typed here.
        ...(via ? { via: viaText(via) } : command !== undefined ? { command } : {}),
      });
      open = { index: out.length - 1 };
    } else if (e.kind === 'http-response' && e.to === 'cli' && open) {
      const request = out[open.index];
      if (request) {
        const d = e.detail ?? {};
        out[open.index] = {
          ...request,
          statusLine: e.label,
          ...(typeof d['status'] === 'number' ? { status: d['status'] } : {}),
          response: d,
        };
      }
      open = null;
    }
  }
  return out.slice(-limit);
}

/** Headers worth showing: the ones the CLI acts on. */
export function headersThatMatter(
  response: Readonly<Record<string, unknown>> | undefined,
): [string, string][] {
  const headers = response?.['headers'];
  if (!headers || typeof headers !== 'object') return [];
  return Object.entries(headers as Record<string, unknown>)
    .filter(([k]) =>
      /^(api-version|content-type|upgrade|connection|docker-experimental|ostype)$/i.test(k),
    )
    .map(([k, v]) => [k, String(v)]);
}
