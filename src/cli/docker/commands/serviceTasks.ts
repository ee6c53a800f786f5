/**
 * Task lists, as `docker service ps` and `docker node ps` print them (docker/cli's task
 * printer): names `web.1` (or `web.<node ID>` for a global service), each slot's older tasks
 * under the newest as ` \_ web.1`, NODE by hostname, CURRENT STATE `Running 2 minutes ago`,
 * ERROR quoted and cut to 30 characters. Service and node names are looked up one request per
 * ID (`GET /services/{id}`, `GET /nodes/{id}`), remembered for the rest of the list.
 *
 * `docker service ps SERVICE...` finds the services by full ID, then name, then ID prefix
 * (`GET /services?filters={"id":...}` and `{"name":...}`), then asks `GET /tasks` for them.
 */
import { humanDuration } from '../../../sim/api/humanize';
import type { CommandContext } from '../../shell/types';
import { failed, isError, query, segment, type EngineClient } from '../client';
import type { DockerCommand } from '../command';
import { boolOf, flagOf, listOf } from '../flags';
import { printList } from '../format/list';
import { ellipsis } from '../format/values';
import { nodeReference } from './swarm';
import type { ApiNode, ApiService, ApiTask } from './swarmApi';
import {
  filtersJson,
  imageWithoutDigest,
  naturalCompare,
  parseFilterFlags,
  pretty,
  sinceMs,
} from './swarmApi';
import { usageError } from './swarmCli';

const TABLE =
  'table {{.ID}}\t{{.Name}}\t{{.Image}}\t{{.Node}}\t{{.DesiredState}}\t{{.CurrentState}}\t{{.Error}}\t{{.Ports}}';
const HEADERS = {
  ID: 'ID',
  Name: 'NAME',
  Image: 'IMAGE',
  Node: 'NODE',
  DesiredState: 'DESIRED STATE',
  CurrentState: 'CURRENT STATE',
  Error: 'ERROR',
  Ports: 'PORTS',
};

/** docker/cli's idresolver: IDs to names, one request per ID; a failed lookup keeps the ID. */
class IdResolver {
  private readonly cache = new Map<string, string>();

  constructor(
    private readonly client: EngineClient,
    private readonly noResolve: boolean,
  ) {}

  service(id: string): string {
    return this.resolve(id, () => {
      const r = this.client.get(`/services/${segment(id)}${query({ insertDefaults: 'false' })}`);
      return isError(r) ? id : (r.body as ApiService).Spec?.Name || id;
    });
  }

  node(id: string): string {
    // The client refuses an empty ID without asking: an unassigned task has no node.
    if (id === '') return '';
    return this.resolve(id, () => {
      const r = this.client.get(`/nodes/${segment(id)}`);
      if (isError(r)) return id;
      const node = r.body as ApiNode;
      return node.Spec?.Name || node.Description?.Hostname || id;
    });
  }

  private resolve(id: string, lookup: () => string): string {
    if (this.noResolve) return id;
    const cached = this.cache.get(id);
    if (cached !== undefined) return cached;
    const name = lookup();
    this.cache.set(id, name);
    return name;
  }
}

export interface TaskPrintOptions {
  readonly noTrunc: boolean;
  readonly noResolve: boolean;
  readonly quiet: boolean;
  readonly format: string | undefined;
}

/** Prints tasks as the CLI's task printer does; returns the exit status. */
export function printTasks(
  ctx: CommandContext,
  client: EngineClient,
  tasks: readonly ApiTask[],
  options: TaskPrintOptions,
): number {
  const resolver = new IdResolver(client, options.noResolve);
  const named = tasks.map((task) => {
    const service = resolver.service(task.ServiceID ?? '');
    return {
      task,
      name: task.Slot ? `${service}.${task.Slot}` : `${service}.${task.NodeID ?? ''}`,
    };
  });
  // Same name together, newest first: older tasks of a slot are its history.
  named.sort(
    (a, b) =>
      naturalCompare(a.name, b.name) ||
      Date.parse(b.task.CreatedAt ?? '') - Date.parse(a.task.CreatedAt ?? ''),
  );
  const format = options.quiet && !options.format ? '{{.ID}}' : options.format;
  const table = format === undefined || format === '' || format.startsWith('table');
  const trunc = !(options.noTrunc || options.quiet);
  const nowMs = ctx.host.world.epochMs + ctx.host.now;
  const rows = named.map(({ task, name }, i) => {
    const error = task.Status?.Err ?? '';
    const shown = trunc ? ellipsis(error, 30) : error;
    const image = task.Spec?.ContainerSpec?.Image ?? '';
    return {
      ID: trunc ? task.ID.slice(0, 12) : task.ID,
      Name: table && i > 0 && named[i - 1]?.name === name ? ` \\_ ${name}` : name,
      Image: trunc ? imageWithoutDigest(image) : image,
      Node: resolver.node(task.NodeID ?? ''),
      DesiredState: pretty(task.DesiredState),
      CurrentState: `${pretty(task.Status?.State)} ${humanDuration(sinceMs(task.Status?.Timestamp, nowMs)).toLowerCase()} ago`,
      Error: shown ? `"${shown}"` : '',
      Ports: (task.Status?.PortStatus?.Ports ?? [])
        .map((p) => `*:${p.PublishedPort ?? 0}->${p.TargetPort ?? 0}/${p.Protocol ?? 'tcp'}`)
        .join(','),
    };
  });
  return printList(ctx, rows, format, { table: TABLE, headers: HEADERS });
}

export const servicePs: DockerCommand = {
  path: 'service ps',
  args: { kind: 'min', n: 1 },
  run: (call) => {
    const { ctx, client, flags, args } = call;
    const parsed = parseFilterFlags(listOf(flags, 'filter'));
    if (!parsed.ok) return usageError(call, 'service ps', parsed.error);
    const list = (key: string): ApiService[] | null => {
      const r = client.get(
        `/services${query({ filters: filtersJson(args.map((a) => [key, a] as const)) })}`,
      );
      return failed(ctx, r) ? null : ((r.body as ApiService[] | undefined) ?? []);
    };
    const byId = list('id');
    if (!byId) return 1;
    const byName = list('name');
    if (!byName) return 1;
    const filters = parsed.pairs.filter(([k]) => k !== 'node');
    const notFound: string[] = [];
    for (const ref of args) {
      const match =
        byId.find((s) => s.ID === ref) ?? byName.find((s) => s.Spec?.Name === ref) ?? null;
      const prefixed = match ? [match] : byId.filter((s) => s.ID.startsWith(ref));
      if (prefixed.length > 1) {
        ctx.err(`multiple services found with provided prefix: ${ref}\n`);
        return 1;
      }
      if (prefixed[0]) filters.push(['service', prefixed[0].ID]);
      else notFound.push(`no such service: ${ref}`);
    }
    if (notFound.length === args.length) {
      ctx.err(`${notFound.join('\n')}\n`);
      return 1;
    }
    for (const [, node] of parsed.pairs.filter(([k]) => k === 'node')) {
      const ref = nodeReference(client, node);
      if (!ref.ok) {
        ctx.err(`${ref.error}\n`);
        return 1;
      }
      filters.push(['node', ref.id]);
    }
    const tasks = client.get(`/tasks${query({ filters: filtersJson(filters) })}`);
    if (failed(ctx, tasks)) return 1;
    const status = printTasks(ctx, client, (tasks.body as ApiTask[] | undefined) ?? [], {
      noTrunc: boolOf(flags, 'no-trunc'),
      noResolve: boolOf(flags, 'no-resolve'),
      quiet: boolOf(flags, 'quiet'),
      format: flagOf(flags, 'format'),
    });
    if (notFound.length > 0) {
      ctx.err(`${notFound.join('\n')}\n`);
      return 1;
    }
    return status;
  },
};
