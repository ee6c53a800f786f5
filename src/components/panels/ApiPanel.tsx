/**
 * API: every Engine API request the CLI sent, up to the playback cursor, with its answer:
 * method and path, status, the headers the CLI acts on, JSON bodies pretty-printed, stream
 * lines and stdio frames. Each row can be shown in the diagram (the cursor seeks to it, and
 * the packet is drawn there). Contract: renders `apiExchanges(trace, cursor)`; owns nothing.
 */
import { BridgeControl } from '../controls/BridgeControl';
import { memo, useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useSessionStore } from '../../store/sessionStore';
import { apiExchanges, headersThatMatter, type ApiExchange } from './apiExchanges';

function pretty(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value, null, 2);
}

function statusClass(x: ApiExchange): string {
  if (x.refused || (x.status ?? 0) >= 400) return 'text-red-700 dark:text-red-300';
  return 'text-emerald-800 dark:text-emerald-300';
}

/** One exchange; memoised, since a playback step changes only which row is current. */
const ExchangeRow = memo(
  function ExchangeRow({
    x,
    current,
    onShow,
  }: {
    x: ApiExchange;
    current: boolean;
    onShow: (seq: number) => void;
  }) {
    const { t } = useTranslation();
    const ref = useRef<HTMLLIElement>(null);
    // Follow the playback: the exchange at the cursor stays in view as packets play.
    useEffect(() => {
      if (current) ref.current?.scrollIntoView({ block: 'nearest' });
    }, [current]);
    const response = x.response;
    const stream = response?.['stream'];
    const frames = response?.['frames'];
    const headers = headersThatMatter(response);
    return (
      <li
        ref={ref}
        aria-current={current ? 'step' : undefined}
        className={`rounded border px-2 py-1 ${current ? 'border-sky-600 dark:border-sky-300' : 'border-slate-300 dark:border-slate-600'}`}
      >
        <div className="flex flex-wrap items-baseline gap-x-2">
          <code className="font-semibold">{x.method}</code>
          <code className="min-w-0 flex-1 break-all">{x.path}</code>
          <span className={statusClass(x)}>
            {x.refused ? t('api.refused') : (x.statusLine ?? t('api.pending'))}
          </span>
          <button
            type="button"
            onClick={() => onShow(x.seq)}
            className="rounded border border-slate-400 px-1 text-xs dark:border-slate-500"
          >
            {t('api.show')}
          </button>
        </div>
        {(x.requestBody !== undefined || response) && (
          <details className="mt-1 text-xs">
            <summary className="cursor-pointer">{t('api.details')}</summary>
            {x.requestBody !== undefined && (
              <>
                <p className="mt-1 font-semibold">{t('api.requestBody')}</p>
                <pre className="overflow-x-auto whitespace-pre-wrap">{pretty(x.requestBody)}</pre>
              </>
            )}
            {headers.length > 0 && (
              <>
                <p className="mt-1 font-semibold">{t('api.headers')}</p>
                <pre className="overflow-x-auto">
                  {headers.map(([k, v]) => `${k}: ${v}`).join('\n')}
                </pre>
              </>
            )}
            {response?.['body'] !== undefined && (
              <>
                <p className="mt-1 font-semibold">{t('api.responseBody')}</p>
                <pre className="overflow-x-auto whitespace-pre-wrap">
                  {pretty(response['body'])}
                </pre>
              </>
            )}
            {Array.isArray(stream) && (
              <>
                <p className="mt-1 font-semibold">{t('api.stream')}</p>
                <pre className="overflow-x-auto">
                  {stream.map((line) => JSON.stringify(line)).join('\n')}
                </pre>
              </>
            )}
            {Array.isArray(frames) && (
              <>
                <p className="mt-1 font-semibold">{t('api.frames')}</p>
                <pre className="overflow-x-auto">
                  {(frames as { stream: string; data: string }[])
                    .map((f) => `[${f.stream}] ${f.data}`)
                    .join('')}
                </pre>
              </>
            )}
            {typeof response?.['held'] === 'string' && <p className="mt-1">{t('api.held')}</p>}
          </details>
        )}
      </li>
    );
  },
  // Rows are rebuilt from the trace on every step; an exchange is the same once answered.
  (a, b) =>
    a.current === b.current &&
    a.onShow === b.onShow &&
    a.x.seq === b.x.seq &&
    a.x.statusLine === b.x.statusLine &&
    a.x.command === b.x.command,
);

export function ApiPanel() {
  const { t } = useTranslation();
  const sim = useSessionStore((state) => state.sim);
  const cursor = useSessionStore((state) => state.cursor);
  const revision = useSessionStore((state) => state.revision);
  const seek = useSessionStore((state) => state.seek);
  const exchanges = useMemo(
    () => apiExchanges(sim.trace, cursor),
    // The trace grows in place; the revision says when.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [sim, cursor, revision],
  );
  if (exchanges.length === 0)
    return (
      <div className="flex flex-col gap-2">
        <p className="text-muted">{t('api.empty')}</p>
        <BridgeControl />
      </div>
    );
  // Requests are grouped by what sent them: a typed line, or the real CLI over a port.
  const heading = (x: ApiExchange) =>
    x.via
      ? t('api.realCli', { via: x.via })
      : x.command !== undefined
        ? `$ ${x.command}`
        : t('api.other');
  const groups: { heading: string; rows: ApiExchange[] }[] = [];
  for (const x of exchanges) {
    const last = groups.at(-1);
    if (last && last.heading === heading(x)) last.rows.push(x);
    else groups.push({ heading: heading(x), rows: [x] });
  }
  const currentSeq = exchanges.findLast((x) => x.seq <= cursor)?.seq;
  return (
    <div className="flex flex-col gap-2 text-sm">
      <BridgeControl />
      {groups.map((g) => (
        <section key={g.rows[0]?.seq} aria-label={g.heading}>
          <h3 className="text-muted font-mono text-xs">{g.heading}</h3>
          <ol className="mt-1 flex flex-col gap-1">
            {g.rows.map((x) => (
              <ExchangeRow key={x.seq} x={x} current={x.seq === currentSeq} onShow={seek} />
            ))}
          </ol>
        </section>
      ))}
    </div>
  );
}
