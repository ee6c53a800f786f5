/**
 * `/containers/...` routes of the Engine API, answered by the simulated dockerd.
 */
import { createContainer } from '../daemon/create';
import {
  killContainer,
  pauseContainer,
  removeContainer,
  restartContainer,
  stopContainer,
} from '../daemon/control';
import { findContainer } from '../daemon/lookup';
import { startContainer } from '../daemon/start';
import type { Container } from '../types';
import { containerInspect, containerSummary } from './containerJson';
import { readCreateBody } from './createBody';
import { rfc3339NanoFixed } from './goTime';
import {
  apiError,
  flag,
  fromResult,
  json,
  noContent,
  type Handler,
  type RouteContext,
} from './http';
import type { ApiResponse, PendingWait } from './types';

function withContainer(ctx: RouteContext, act: (c: Container) => ApiResponse): ApiResponse {
  const found = findContainer(ctx.h, ctx.params[0] ?? '');
  return found.ok ? act(found.value) : apiError(found.status, found.message);
}

/** The `t` query (stop timeout, whole seconds), parsed as dockerd does with strconv.Atoi. */
function seconds(
  ctx: RouteContext,
): { ok: true; value: number | null } | { ok: false; error: ApiResponse } {
  const raw = ctx.query.get('t') ?? ctx.query.get('timeout');
  if (raw === null || raw === '') return { ok: true, value: null };
  if (!/^[+-]?\d{1,18}$/.test(raw))
    return { ok: false, error: apiError(400, `strconv.Atoi: parsing "${raw}": invalid syntax`) };
  return { ok: true, value: Number(raw) };
}

export const create: Handler = (ctx) => {
  const name = ctx.query.get('name');
  let ephemeral = 32768 + Object.keys(ctx.h.world.containers).length;
  const spec = readCreateBody(ctx.body, name, () => String(ephemeral++));
  if (!spec.ok) return apiError(spec.status, spec.message);
  return fromResult(createContainer(ctx.h, spec.value), (v) =>
    json(201, { Id: v.id, Warnings: v.warnings }),
  );
};

export const list: Handler = (ctx) => {
  const all = flag(ctx.query, 'all');
  const containers = Object.values(ctx.h.world.containers)
    .filter((c) => all || c.state === 'running' || c.state === 'paused' || c.state === 'restarting')
    .sort((a, b) => b.created - a.created);
  return json(
    200,
    containers.map((c) => containerSummary(ctx.h, c)),
  );
};

export const inspect: Handler = (ctx) =>
  withContainer(ctx, (c) => json(200, containerInspect(ctx.h, c)));

export const start: Handler = (ctx) =>
  withContainer(ctx, (c) =>
    fromResult(startContainer(ctx.h, c), (outcome) =>
      noContent(outcome === 'already-running' ? 304 : 204),
    ),
  );

export const stop: Handler = (ctx) =>
  withContainer(ctx, (c) => {
    const t = seconds(ctx);
    if (!t.ok) return t.error;
    return fromResult(stopContainer(ctx.h, c, t.value), (outcome) =>
      noContent(outcome === 'noop' ? 304 : 204),
    );
  });

export const restart: Handler = (ctx) =>
  withContainer(ctx, (c) => {
    const t = seconds(ctx);
    if (!t.ok) return t.error;
    return fromResult(restartContainer(ctx.h, c, t.value), () => noContent());
  });

export const kill: Handler = (ctx) =>
  withContainer(ctx, (c) =>
    fromResult(killContainer(ctx.h, c, ctx.query.get('signal') || 'SIGKILL', ctx.params[0]), () =>
      noContent(),
    ),
  );

export const pause: Handler = (ctx) =>
  withContainer(ctx, (c) => fromResult(pauseContainer(ctx.h, c, true), () => noContent()));

export const unpause: Handler = (ctx) =>
  withContainer(ctx, (c) => fromResult(pauseContainer(ctx.h, c, false), () => noContent()));

export const remove: Handler = (ctx) =>
  withContainer(ctx, (c) =>
    fromResult(
      removeContainer(ctx.h, c, { force: flag(ctx.query, 'force'), volumes: flag(ctx.query, 'v') }),
      () => noContent(),
    ),
  );

export const wait: Handler = (ctx) =>
  withContainer(ctx, (c) => {
    const raw = ctx.query.get('condition') || 'not-running';
    if (raw !== 'not-running' && raw !== 'next-exit' && raw !== 'removed') {
      return apiError(400, `invalid condition: "${raw}"`);
    }
    const active = c.state === 'running' || c.state === 'paused' || c.state === 'restarting';
    if (raw === 'not-running' && !active) return json(200, { StatusCode: c.exitCode, Error: null });
    const pending: PendingWait = { containerId: c.id, condition: raw, afterSeq: ctx.seq };
    return { status: 200, headers: { 'Content-Type': 'application/json' }, wait: pending };
  });

export const logs: Handler = (ctx) =>
  withContainer(ctx, (c) => {
    const stdout = flag(ctx.query, 'stdout');
    const stderr = flag(ctx.query, 'stderr');
    if (!stdout && !stderr)
      return apiError(400, 'Bad parameters: you must choose at least one stream');
    const tail = ctx.query.get('tail') ?? 'all';
    let lines = c.logs.filter((l) => (l.stream === 'stdout' ? stdout : stderr));
    if (tail !== 'all' && /^\d+$/.test(tail))
      lines = Number(tail) === 0 ? [] : lines.slice(-Number(tail));
    const stamps = flag(ctx.query, 'timestamps');
    return {
      status: 200,
      headers: {
        'Content-Type': c.config.tty
          ? 'application/vnd.docker.raw-stream'
          : 'application/vnd.docker.multiplexed-stream',
      },
      frames: lines.map((l) => ({
        stream: l.stream,
        // dockerd stamps log lines in RFC3339NanoFixed: nine digits, so the columns line up.
        data: `${stamps ? `${rfc3339NanoFixed(ctx.h.world.epochMs + l.t)} ` : ''}${l.text}\n`,
      })),
    };
  });

export const attach: Handler = (ctx) =>
  withContainer(ctx, (c) => ({
    status: 101,
    headers: {
      'Content-Type': c.config.tty
        ? 'application/vnd.docker.raw-stream'
        : 'application/vnd.docker.multiplexed-stream',
      Connection: 'Upgrade',
      Upgrade: 'tcp',
    },
    upgrade: { containerId: c.id, tty: c.config.tty },
  }));

export const top: Handler = (ctx) =>
  withContainer(ctx, (c) => {
    if (c.state !== 'running' && c.state !== 'paused')
      return apiError(409, `container ${c.id} is not running`);
    const processes = Object.values(ctx.h.world.processes)
      .filter((p) => p.containerId === c.id && p.nsPid !== undefined)
      .sort((a, b) => a.pid - b.pid)
      .map((p) => [
        'root',
        String(p.pid),
        String(p.ppid),
        '0',
        '09:00',
        '?',
        '00:00:00',
        p.args.join(' '),
      ]);
    return json(200, {
      Titles: ['UID', 'PID', 'PPID', 'C', 'STIME', 'TTY', 'TIME', 'CMD'],
      Processes: processes,
    });
  });

export const resize: Handler = (ctx) => withContainer(ctx, () => json(200, {}));
