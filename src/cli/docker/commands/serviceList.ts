/**
 * `docker service ls [-q] [--format] [-f key=value]`: `GET /services?status=true` (without
 * `status` for `-q`), the table sorted by name (ID, NAME, MODE, REPLICAS `3/3`, IMAGE without
 * its digest, PORTS `*:8080->80/tcp`). A daemon that leaves `ServiceStatus` out is asked for
 * the tasks and nodes instead, as the CLI does for old API versions.
 */
import { failed, query, type EngineClient } from '../client';
import type { CommandContext } from '../../shell/types';
import type { DockerCommand } from '../command';
import { boolOf, flagOf } from '../flags';
import { printList } from '../format/list';
import type { ApiNode, ApiPort, ApiService, ApiTask } from './swarmApi';
import { filtersJson, imageWithoutDigest, naturalCompare, truncateId } from './swarmApi';
import { listWithFilters } from './swarmCli';

const TABLE = 'table {{.ID}}\t{{.Name}}\t{{.Mode}}\t{{.Replicas}}\t{{.Image}}\t{{.Ports}}';
const HEADERS = {
  ID: 'ID',
  Name: 'NAME',
  Mode: 'MODE',
  Replicas: 'REPLICAS',
  Image: 'IMAGE',
  Ports: 'PORTS',
};

/**
 * The PORTS column: ingress ports by protocol and published port, consecutive ones grouped
 * (`*:80-81->80-81/tcp`); ports published in host mode are not on the routing mesh.
 */
export function servicePorts(ports: readonly ApiPort[]): string {
  const ingress = ports
    .filter((p) => (p.PublishMode ?? 'ingress') === 'ingress')
    .map((p) => ({
      protocol: p.Protocol ?? 'tcp',
      published: p.PublishedPort ?? 0,
      target: p.TargetPort ?? 0,
    }))
    .sort((a, b) =>
      a.protocol === b.protocol ? a.published - b.published : a.protocol < b.protocol ? -1 : 1,
    );
  const ranges: { p0: number; p1: number; t0: number; t1: number; protocol: string }[] = [];
  for (const port of ingress) {
    const last = ranges.at(-1);
    const extends_ =
      last !== undefined &&
      last.protocol === port.protocol &&
      port.published - last.p1 <= 1 &&
      port.target - last.t1 <= 1 &&
      !(last.t1 !== last.t0 && port.target <= last.t1);
    if (last && extends_) {
      last.p1 = port.published;
      last.t1 = port.target;
    } else
      ranges.push({
        p0: port.published,
        p1: port.published,
        t0: port.target,
        t1: port.target,
        protocol: port.protocol,
      });
  }
  const span = (a: number, b: number): string => (b > a ? `${a}-${b}` : `${a}`);
  return ranges
    .filter((r) => r.p0 > 0)
    .map((r) => `*:${span(r.p0, r.p1)}->${span(r.t0, r.t1)}/${r.protocol}`)
    .join(', ');
}

function mode(service: ApiService): string {
  if (service.Spec?.Mode?.Global) return 'global';
  if (service.Spec?.Mode?.Replicated) return 'replicated';
  return '';
}

/** Running and desired tasks counted from the tasks, for a daemon that does not send them. */
function appendStatus(
  ctx: CommandContext,
  client: EngineClient,
  services: ApiService[],
): ApiService[] | null {
  const missing = services.filter((s) => !s.ServiceStatus && mode(s) !== '');
  if (missing.length === 0) return services;
  const filters = filtersJson(missing.map((s) => ['service', s.ID] as const));
  const tasks = client.get(`/tasks${query({ filters })}`);
  if (failed(ctx, tasks)) return null;
  const list = (tasks.body as ApiTask[] | undefined) ?? [];
  if (list.length === 0) return services;
  const nodes = client.get('/nodes');
  if (failed(ctx, nodes)) return null;
  const active = new Set(
    ((nodes.body as ApiNode[] | undefined) ?? [])
      .filter((n) => n.Status?.State !== 'down')
      .map((n) => n.ID),
  );
  return services.map((s) => {
    if (s.ServiceStatus || mode(s) === '') return s;
    const own = list.filter((t) => t.ServiceID === s.ID);
    return {
      ...s,
      ServiceStatus: {
        DesiredTasks: own.filter((t) => t.DesiredState !== 'shutdown').length,
        RunningTasks: own.filter((t) => active.has(t.NodeID ?? '') && t.Status?.State === 'running')
          .length,
      },
    };
  });
}

export const serviceLs: DockerCommand = {
  path: 'service ls',
  args: { kind: 'none' },
  run: (call) => {
    const { ctx, client, flags } = call;
    const quiet = boolOf(flags, 'quiet');
    const listed = listWithFilters<ApiService>(call, 'service ls', '/services', !quiet);
    if (!listed.ok) return listed.status;
    let services = listed.items;
    if (!quiet) {
      const completed = appendStatus(ctx, client, services);
      if (completed === null) return 1;
      services = completed;
    }
    const rows = [...services]
      .sort((a, b) => naturalCompare(a.Spec?.Name ?? '', b.Spec?.Name ?? ''))
      .map((s) => ({
        ID: truncateId(s.ID),
        Name: s.Spec?.Name ?? '',
        Mode: mode(s),
        Replicas: `${s.ServiceStatus?.RunningTasks ?? 0}/${s.ServiceStatus?.DesiredTasks ?? 0}`,
        Image: imageWithoutDigest(s.Spec?.TaskTemplate?.ContainerSpec?.Image ?? ''),
        Ports: servicePorts(s.Endpoint?.Ports ?? []),
      }));
    return printList(ctx, rows, quiet ? '{{.ID}}' : flagOf(flags, 'format'), {
      table: TABLE,
      headers: HEADERS,
    });
  },
};
