/**
 * `docker ps` / `docker container ls`: `GET /containers/json` (`all`, `limit`, `size`,
 * `filters`), printed in the CLI's table with CREATED computed by the client from `Created`
 * and STATUS printed as the daemon wrote it.
 */
import { query, failed } from '../client';
import type { DockerCommand } from '../command';
import { boolOf, flagOf, listOf } from '../flags';
import { printList } from '../format/list';
import { ago, ellipsis, portsText, shortId } from '../format/values';

interface Summary {
  Id: string;
  Names?: string[];
  Image?: string;
  Command?: string;
  Created?: number;
  State?: string;
  Status?: string;
  Ports?: { IP?: string; PrivatePort?: number; PublicPort?: number; Type?: string }[];
  Labels?: Record<string, string>;
  Mounts?: { Name?: string; Source?: string }[];
  NetworkSettings?: { Networks?: Record<string, unknown> };
  SizeRw?: number;
}

const HEADERS = {
  ID: 'CONTAINER ID',
  Image: 'IMAGE',
  Command: 'COMMAND',
  CreatedAt: 'CREATED AT',
  RunningFor: 'CREATED',
  Ports: 'PORTS',
  State: 'STATE',
  Status: 'STATUS',
  Size: 'SIZE',
  Names: 'NAMES',
  Labels: 'LABELS',
  Mounts: 'MOUNTS',
  Networks: 'NETWORKS',
  LocalVolumes: 'LOCAL VOLUMES',
};

const TABLE =
  'table {{.ID}}\t{{.Image}}\t{{.Command}}\t{{.RunningFor}}\t{{.Status}}\t{{.Ports}}\t{{.Names}}';

/** Go's time.Time String(): `2026-11-28 09:00:00 +0000 UTC`. */
function goTime(unixSeconds: number): string {
  return `${new Date(unixSeconds * 1000).toISOString().replace('T', ' ').slice(0, 19)} +0000 UTC`;
}

export function containerRow(c: Summary, nowMs: number, trunc: boolean): Record<string, string> {
  const names = (c.Names ?? []).map((n) => n.replace(/^\//, '')).filter((n) => !n.includes('/'));
  const command = c.Command ?? '';
  const image = c.Image ?? '';
  return {
    ID: trunc ? shortId(c.Id) : c.Id,
    Image: trunc && image.startsWith('sha256:') ? shortId(image) : image,
    Command: JSON.stringify(trunc ? ellipsis(command, 20) : command),
    CreatedAt: goTime(c.Created ?? 0),
    RunningFor: ago(c.Created ?? 0, nowMs),
    Ports: portsText(c.Ports ?? []),
    State: c.State ?? '',
    Status: c.Status ?? '',
    Size: c.SizeRw === undefined ? '' : `${c.SizeRw}B (virtual 0B)`,
    Names: names.join(','),
    Labels: Object.entries(c.Labels ?? {})
      .map(([k, v]) => `${k}=${v}`)
      .join(','),
    Mounts: (c.Mounts ?? [])
      .map((m) => (m.Name ? ellipsis(m.Name, 15) : (m.Source ?? '')))
      .join(','),
    Networks: Object.keys(c.NetworkSettings?.Networks ?? {}).join(','),
    LocalVolumes: String((c.Mounts ?? []).filter((m) => m.Name).length),
  };
}

/** `-f key=value` filters, sent as the JSON map dockerd expects. */
export function filtersQuery(filters: readonly string[]): string | undefined {
  if (filters.length === 0) return undefined;
  const map: Record<string, Record<string, boolean>> = {};
  for (const f of filters) {
    const eq = f.indexOf('=');
    const key = eq === -1 ? f : f.slice(0, eq);
    const value = eq === -1 ? '' : f.slice(eq + 1);
    (map[key] ??= {})[value] = true;
  }
  return JSON.stringify(map);
}

export const ps: DockerCommand = {
  path: 'ps',
  args: { kind: 'none' },
  run: ({ ctx, client, flags }) => {
    const filters = listOf(flags, 'filter');
    for (const f of filters) {
      if (!f.includes('=')) {
        ctx.err(
          `invalid argument "${f}" for "-f, --filter" flag: bad format of filter (expected name=value)\n`,
        );
        return 125;
      }
    }
    const latest = boolOf(flags, 'latest');
    const last = Number(flagOf(flags, 'last') ?? -1);
    const limit = latest ? 1 : last;
    const all = boolOf(flags, 'all') || limit > 0;
    const response = client.get(
      `/containers/json${query({
        all,
        limit: limit > 0 ? limit : undefined,
        size: boolOf(flags, 'size'),
        filters: filtersQuery(filters),
      })}`,
    );
    if (failed(ctx, response)) return 1;
    const summaries = (response.body as Summary[] | undefined) ?? [];
    const trunc = !boolOf(flags, 'no-trunc');
    const nowMs = ctx.host.world.epochMs + ctx.host.now;
    const rows = summaries.map((c) => containerRow(c, nowMs, trunc));
    const format = boolOf(flags, 'quiet') ? '{{.ID}}' : flagOf(flags, 'format');
    return printList(ctx, rows, format, { table: TABLE, headers: HEADERS });
  },
};
