/**
 * `docker network ls|create|rm` and `docker volume ls|create|rm` (inspect lives in
 * ./inspect.ts): the same list formatting as `ps`, and the daemon's messages on failure.
 */
import { query, segment, failed } from '../client';
import { forEachName, type DockerCommand } from '../command';
import { boolOf, flagOf, listOf } from '../flags';
import { printList } from '../format/list';
import { shortId } from '../format/values';
import { filtersQuery } from './ps';

interface NetworkJson {
  Id: string;
  Name?: string;
  Driver?: string;
  Scope?: string;
  Internal?: boolean;
}

export const networkLs: DockerCommand = {
  path: 'network ls',
  args: { kind: 'none' },
  run: ({ ctx, client, flags }) => {
    const response = client.get(
      `/networks${query({ filters: filtersQuery(listOf(flags, 'filter')) })}`,
    );
    if (failed(ctx, response)) return 1;
    const trunc = !boolOf(flags, 'no-trunc');
    const rows = ((response.body as NetworkJson[] | undefined) ?? [])
      .slice()
      .sort((a, b) => ((a.Name ?? '') < (b.Name ?? '') ? -1 : 1))
      .map((n) => ({
        ID: trunc ? shortId(n.Id) : n.Id,
        Name: n.Name ?? '',
        Driver: n.Driver ?? '',
        Scope: n.Scope ?? '',
        Internal: String(n.Internal ?? false),
      }));
    const format = boolOf(flags, 'quiet') ? '{{.ID}}' : flagOf(flags, 'format');
    return printList(ctx, rows, format, {
      table: 'table {{.ID}}\t{{.Name}}\t{{.Driver}}\t{{.Scope}}',
      headers: {
        ID: 'NETWORK ID',
        Name: 'NAME',
        Driver: 'DRIVER',
        Scope: 'SCOPE',
        Internal: 'INTERNAL',
      },
    });
  },
};

export const networkCreate: DockerCommand = {
  path: 'network create',
  args: { kind: 'exact', n: 1 },
  run: ({ ctx, client, flags, args }) => {
    const response = client.post('/networks/create', {
      Name: args[0] ?? '',
      Driver: flagOf(flags, 'driver') ?? 'bridge',
      Internal: boolOf(flags, 'internal'),
      Attachable: boolOf(flags, 'attachable'),
      Options: {},
      Labels: {},
      ...(listOf(flags, 'subnet').length > 0
        ? {
            IPAM: {
              Driver: 'default',
              Config: listOf(flags, 'subnet').map((Subnet) => ({ Subnet })),
            },
          }
        : {}),
    });
    if (failed(ctx, response)) return 1;
    ctx.out(`${(response.body as { Id: string }).Id}\n`);
    return 0;
  },
};

export const networkRm: DockerCommand = {
  path: 'network rm',
  args: { kind: 'min', n: 1 },
  run: (call) => forEachName(call, (ref) => call.client.delete(`/networks/${segment(ref)}`)),
};

interface VolumeJson {
  Name: string;
  Driver?: string;
  Mountpoint?: string;
}

export const volumeLs: DockerCommand = {
  path: 'volume ls',
  args: { kind: 'none' },
  run: ({ ctx, client, flags }) => {
    const response = client.get(
      `/volumes${query({ filters: filtersQuery(listOf(flags, 'filter')) })}`,
    );
    if (failed(ctx, response)) return 1;
    const rows = ((response.body as { Volumes?: VolumeJson[] } | undefined)?.Volumes ?? [])
      .slice()
      .sort((a, b) => (a.Name < b.Name ? -1 : 1))
      .map((v) => ({ Driver: v.Driver ?? 'local', Name: v.Name, Mountpoint: v.Mountpoint ?? '' }));
    const format = boolOf(flags, 'quiet') ? '{{.Name}}' : flagOf(flags, 'format');
    return printList(ctx, rows, format, {
      table: 'table {{.Driver}}\t{{.Name}}',
      headers: { Driver: 'DRIVER', Name: 'VOLUME NAME', Mountpoint: 'MOUNTPOINT' },
    });
  },
};

export const volumeCreate: DockerCommand = {
  path: 'volume create',
  args: { kind: 'max', n: 1 },
  run: ({ ctx, client, flags, args }) => {
    const name = args[0] ?? flagOf(flags, 'name') ?? '';
    const response = client.post('/volumes/create', {
      Name: name,
      Driver: flagOf(flags, 'driver') ?? 'local',
      DriverOpts: {},
      Labels: {},
    });
    if (failed(ctx, response)) return 1;
    ctx.out(`${(response.body as VolumeJson).Name}\n`);
    return 0;
  },
};

export const volumeRm: DockerCommand = {
  path: 'volume rm',
  args: { kind: 'min', n: 1 },
  run: (call) =>
    forEachName(call, (ref) =>
      call.client.delete(
        `/volumes/${segment(ref)}${query({ force: boolOf(call.flags, 'force') })}`,
      ),
    ),
};
