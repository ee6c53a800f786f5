/**
 * `docker network ls|create|rm` and `docker volume ls|create|rm` (inspect lives in
 * ./inspect.ts): the same list formatting as `ps`, and the daemon's messages on failure.
 */
import { errorText, isError, query, segment } from '../client';
import type { DockerCommand } from '../command';
import { boolOf, flagOf, listOf } from '../flags';
import { renderList } from '../format/list';
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
    if (isError(response)) {
      ctx.err(`${errorText(response)}\n`);
      return 1;
    }
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
    const rendered = renderList(rows, format, {
      table: 'table {{.ID}}\t{{.Name}}\t{{.Driver}}\t{{.Scope}}',
      headers: {
        ID: 'NETWORK ID',
        Name: 'NAME',
        Driver: 'DRIVER',
        Scope: 'SCOPE',
        Internal: 'INTERNAL',
      },
    });
    if (!rendered.ok) {
      ctx.err(`${rendered.error}\n`);
      return 1;
    }
    ctx.out(rendered.text);
    return 0;
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
    if (isError(response)) {
      ctx.err(`${errorText(response)}\n`);
      return 1;
    }
    ctx.out(`${(response.body as { Id: string }).Id}\n`);
    return 0;
  },
};

export const networkRm: DockerCommand = {
  path: 'network rm',
  args: { kind: 'min', n: 1 },
  run: ({ ctx, client, args }) => {
    let status = 0;
    for (const ref of args) {
      const response = client.delete(`/networks/${segment(ref)}`);
      if (isError(response)) {
        ctx.err(`${errorText(response)}\n`);
        status = 1;
      } else ctx.out(`${ref}\n`);
    }
    return status;
  },
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
    if (isError(response)) {
      ctx.err(`${errorText(response)}\n`);
      return 1;
    }
    const rows = ((response.body as { Volumes?: VolumeJson[] } | undefined)?.Volumes ?? [])
      .slice()
      .sort((a, b) => (a.Name < b.Name ? -1 : 1))
      .map((v) => ({ Driver: v.Driver ?? 'local', Name: v.Name, Mountpoint: v.Mountpoint ?? '' }));
    const format = boolOf(flags, 'quiet') ? '{{.Name}}' : flagOf(flags, 'format');
    const rendered = renderList(rows, format, {
      table: 'table {{.Driver}}\t{{.Name}}',
      headers: { Driver: 'DRIVER', Name: 'VOLUME NAME', Mountpoint: 'MOUNTPOINT' },
    });
    if (!rendered.ok) {
      ctx.err(`${rendered.error}\n`);
      return 1;
    }
    ctx.out(rendered.text);
    return 0;
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
    if (isError(response)) {
      ctx.err(`${errorText(response)}\n`);
      return 1;
    }
    ctx.out(`${(response.body as VolumeJson).Name}\n`);
    return 0;
  },
};

export const volumeRm: DockerCommand = {
  path: 'volume rm',
  args: { kind: 'min', n: 1 },
  run: ({ ctx, client, flags, args }) => {
    let status = 0;
    for (const ref of args) {
      const response = client.delete(
        `/volumes/${segment(ref)}${query({ force: boolOf(flags, 'force') })}`,
      );
      if (isError(response)) {
        ctx.err(`${errorText(response)}\n`);
        status = 1;
      } else ctx.out(`${ref}\n`);
    }
    return status;
  },
};
