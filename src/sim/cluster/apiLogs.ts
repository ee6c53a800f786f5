/**
 * `GET /services/{id}/logs` (`docker service logs`): the logs of every task's container, read
 * from each node's dockerd and merged in time order, as a multiplexed stream. With
 * `details=1` (the CLI always asks) each line starts with the task's swarm attributes,
 * `com.docker.swarm.node.id=...,com.docker.swarm.service.id=...,com.docker.swarm.task.id=...`,
 * which the CLI turns into its `web.1.<task>@node-1 |` prefix. `tail` applies to each task.
 */
import { apiError, flag, type RouteContext } from '../api/http';
import type { ApiResponse } from '../api/types';
import { iso } from './apiJson';
import { findService } from './lookup';
import type { ClusterRuntime } from './runtime';
import type { LogLine } from '../types';

export function serviceLogs(
  rt: ClusterRuntime,
  ctx: Pick<RouteContext, 'params' | 'query'>,
): ApiResponse {
  const found = findService(rt.world, ctx.params[0] ?? '');
  if (!found.ok) return apiError(found.refusal.status, found.refusal.message);
  const stdout = flag(ctx.query, 'stdout');
  const stderr = flag(ctx.query, 'stderr');
  if (!stdout && !stderr)
    return apiError(400, 'Bad parameters: you must choose at least one stream');
  const tail = ctx.query.get('tail') ?? 'all';
  const details = flag(ctx.query, 'details');
  const stamps = flag(ctx.query, 'timestamps');
  const lines: { line: LogLine; prefix: string }[] = [];
  for (const t of rt.tasksOf(found.value.id)) {
    if (!t.nodeId || !t.containerId) continue;
    const c = rt.machine(t.nodeId).sim.world.containers[t.containerId];
    if (!c) continue;
    let own = c.logs.filter((l) => (l.stream === 'stdout' ? stdout : stderr));
    if (/^\d+$/.test(tail)) own = Number(tail) === 0 ? [] : own.slice(-Number(tail));
    const node = rt.world.nodes[t.nodeId]?.swarmId ?? '';
    const attrs = `com.docker.swarm.node.id=${node},com.docker.swarm.service.id=${t.serviceId},com.docker.swarm.task.id=${t.id}`;
    for (const line of own) lines.push({ line, prefix: details ? `${attrs} ` : '' });
  }
  lines.sort((a, b) => a.line.t - b.line.t);
  return {
    status: 200,
    headers: { 'Content-Type': 'application/vnd.docker.multiplexed-stream' },
    frames: lines.map(({ line, prefix }) => ({
      stream: line.stream,
      data: `${stamps ? `${iso(rt.world, line.t)} ` : ''}${prefix}${line.text}\n`,
    })),
  };
}
