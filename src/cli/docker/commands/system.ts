/**
 * `docker version`, `docker info`, `docker events` and `docker system df`, laid out as the
 * real CLI prints them (cli-transcript.txt). The client half of `version` and `info` is the
 * era's CLI; the server half is whatever the daemon answers, or the "Cannot connect" error.
 */
import { CANNOT_CONNECT } from '../../../sim/api/types';
import { ERA_INFO } from '../../../sim/eras';
import type { CommandOutcome, Job } from '../../shell/types';
import { errorText, isError, query, failed } from '../client';
import type { DockerCommand } from '../command';
import { flagOf, listOf } from '../flags';
import { parseTemplate, TemplateError } from '../format/goTemplate';
import { printList } from '../format/list';
import { bytesSize, humanSize } from '../../../sim/api/humanize';
import { filtersQuery } from './ps';

/** The client's build facts per era: `docker version` prints them before the server's. */
const CLIENT = {
  monolith: {
    version: '1.10.3',
    commit: '20f81dd',
    built: 'Thu Mar 10 15:54:52 2016',
  },
  split: {
    version: '18.06.3-ce',
    commit: 'd7080c1',
    built: 'Wed Feb 20 02:28:17 2019',
  },
  modern: {
    version: '28.5.2',
    commit: 'ecc6942',
    built: 'Wed Nov  5 14:43:21 2025',
  },
} as const;

function pad(label: string, width: number): string {
  return `${label}:`.padEnd(width);
}

interface VersionJson {
  Version?: string;
  ApiVersion?: string;
  MinAPIVersion?: string;
  GitCommit?: string;
  GoVersion?: string;
  Os?: string;
  Arch?: string;
  BuildTime?: string;
  Platform?: { Name?: string };
  Components?: { Name: string; Version: string; Details?: Record<string, string> }[];
}

export const version: DockerCommand = {
  path: 'version',
  args: { kind: 'none' },
  run: ({ ctx, client, flags }) => {
    const era = client.era;
    const c = CLIENT[era];
    const response = client.get('/version');
    const server = isError(response) ? null : (response.body as VersionJson);
    const format = flagOf(flags, 'format');
    if (format) {
      try {
        const data = {
          Client: {
            Version: c.version,
            ApiVersion: ERA_INFO[era].apiVersion,
            GoVersion: ERA_INFO[era].goVersion,
            GitCommit: c.commit,
            Os: 'linux',
            Arch: 'amd64',
          },
          Server: server,
        };
        ctx.out(`${parseTemplate(format).execute(data)}\n`);
      } catch (e) {
        if (!(e instanceof TemplateError)) throw e;
        ctx.err(`template parsing error: ${e.message}\n`);
        return 1;
      }
      return server ? 0 : 1;
    }
    const lines = [
      'Client:',
      ` ${pad('Version', 19)}${c.version}`,
      ` ${pad('API version', 19)}${ERA_INFO[era].apiVersion}`,
      ` ${pad('Go version', 19)}${ERA_INFO[era].goVersion}`,
      ` ${pad('Git commit', 19)}${c.commit}`,
      ` ${pad('Built', 19)}${c.built}`,
      ` ${pad('OS/Arch', 19)}linux/amd64`,
      ...(era === 'modern' ? [` ${pad('Context', 19)}default`] : []),
    ];
    ctx.out(`${lines.join('\n')}\n`);
    if (!server) {
      ctx.err(`${errorText(response)}\n`);
      return 1;
    }
    const out = ['', `Server: ${server.Platform?.Name ?? ''}`.trimEnd(), ' Engine:'];
    out.push(`  ${pad('Version', 18)}${server.Version ?? ''}`);
    out.push(
      `  ${pad('API version', 18)}${server.ApiVersion ?? ''} (minimum version ${server.MinAPIVersion ?? ''})`,
    );
    out.push(`  ${pad('Go version', 18)}${server.GoVersion ?? ''}`);
    out.push(`  ${pad('Git commit', 18)}${server.GitCommit ?? ''}`);
    out.push(`  ${pad('Built', 18)}${server.BuildTime ?? ''}`);
    out.push(`  ${pad('OS/Arch', 18)}${server.Os ?? ''}/${server.Arch ?? ''}`);
    out.push(`  ${pad('Experimental', 18)}false`);
    for (const component of server.Components ?? []) {
      if (component.Name === 'Engine') continue;
      out.push(` ${component.Name}:`);
      out.push(`  ${pad('Version', 18)}${component.Version}`);
      out.push(`  ${pad('GitCommit', 18)}${component.Details?.['GitCommit'] ?? ''}`);
    }
    ctx.out(`${out.join('\n')}\n`);
    return 0;
  },
};

interface InfoJson {
  [key: string]: unknown;
  Containers?: number;
  ContainersRunning?: number;
  ContainersPaused?: number;
  ContainersStopped?: number;
  Images?: number;
  ServerVersion?: string;
  Driver?: string;
  DriverStatus?: [string, string][];
  LoggingDriver?: string;
  CgroupDriver?: string;
  CgroupVersion?: string;
  Plugins?: { Volume?: string[]; Network?: string[]; Log?: string[] };
  Swarm?: { LocalNodeState?: string };
  Runtimes?: Record<string, unknown>;
  DefaultRuntime?: string;
  InitBinary?: string;
  SecurityOptions?: string[];
  KernelVersion?: string;
  OperatingSystem?: string;
  OSType?: string;
  Architecture?: string;
  NCPU?: number;
  MemTotal?: number;
  Name?: string;
  ID?: string;
  DockerRootDir?: string;
  LiveRestoreEnabled?: boolean;
}

export const info: DockerCommand = {
  path: 'info',
  args: { kind: 'none' },
  run: ({ ctx, client, flags }) => {
    const response = client.get('/info');
    const format = flagOf(flags, 'format');
    if (format) {
      if (failed(ctx, response)) return 1;
      try {
        ctx.out(`${parseTemplate(format).execute(response.body)}\n`);
        return 0;
      } catch (e) {
        if (!(e instanceof TemplateError)) throw e;
        ctx.err(`template parsing error: ${e.message}\n`);
        return 1;
      }
    }
    ctx.out(
      `Client:\n Version:    ${CLIENT[client.era].version}\n Context:    default\n Debug Mode: false\n\nServer:\n`,
    );
    if (isError(response)) {
      ctx.err(`${response.connectionRefused ? CANNOT_CONNECT : errorText(response)}\n`);
      return 1;
    }
    const i = response.body as InfoJson;
    const lines = [
      ` Containers: ${i.Containers ?? 0}`,
      `  Running: ${i.ContainersRunning ?? 0}`,
      `  Paused: ${i.ContainersPaused ?? 0}`,
      `  Stopped: ${i.ContainersStopped ?? 0}`,
      ` Images: ${i.Images ?? 0}`,
      ` Server Version: ${i.ServerVersion ?? ''}`,
      ` Storage Driver: ${i.Driver ?? ''}`,
      ...(i.DriverStatus ?? []).map(([k, v]) => `  ${k}: ${v}`),
      ` Logging Driver: ${i.LoggingDriver ?? ''}`,
      ` Cgroup Driver: ${i.CgroupDriver ?? ''}`,
      ` Cgroup Version: ${i.CgroupVersion ?? ''}`,
      ' Plugins:',
      `  Volume: ${(i.Plugins?.Volume ?? []).join(' ')}`,
      `  Network: ${(i.Plugins?.Network ?? []).join(' ')}`,
      `  Log: ${(i.Plugins?.Log ?? []).join(' ')}`,
      ` Swarm: ${i.Swarm?.LocalNodeState ?? 'inactive'}`,
      ` Runtimes: ${Object.keys(i.Runtimes ?? {}).join(' ')}`,
      ` Default Runtime: ${i.DefaultRuntime ?? ''}`,
      ` Init Binary: ${i.InitBinary ?? ''}`,
      ' Security Options:',
      ...(i.SecurityOptions ?? []).flatMap((o) => {
        const parts = Object.fromEntries(
          o.split(',').map((kv) => kv.split('=') as [string, string]),
        );
        return [
          `  ${parts['name'] ?? o}`,
          ...(parts['profile'] ? [`   Profile: ${parts['profile']}`] : []),
        ];
      }),
      ` Kernel Version: ${i.KernelVersion ?? ''}`,
      ` Operating System: ${i.OperatingSystem ?? ''}`,
      ` OSType: ${i.OSType ?? ''}`,
      ` Architecture: ${i.Architecture ?? ''}`,
      ` CPUs: ${i.NCPU ?? 0}`,
      ` Total Memory: ${bytesSize(i.MemTotal ?? 0)}`,
      ` Name: ${i.Name ?? ''}`,
      ` ID: ${i.ID ?? ''}`,
      ` Docker Root Dir: ${i.DockerRootDir ?? ''}`,
      ' Debug Mode: false',
      ' Experimental: false',
      ' Insecure Registries:',
      '  ::1/128',
      '  127.0.0.0/8',
      ` Live Restore Enabled: ${i.LiveRestoreEnabled ? 'true' : 'false'}`,
    ];
    ctx.out(`${lines.join('\n')}\n`);
    return 0;
  },
};

interface EventJson {
  Type?: string;
  Action?: string;
  Actor?: { ID?: string; Attributes?: Record<string, string> };
  timeNano?: number;
}

/** One line of `docker events`: `2026-11-28T19:59:32.126000000Z container create <id> (image=alpine, name=ev)`. */
export function eventLine(e: EventJson): string {
  const nano = e.timeNano ?? 0;
  const ms = Math.floor(nano / 1_000_000);
  const stamp = `${new Date(ms).toISOString().slice(0, 19)}.${String(nano % 1_000_000_000).padStart(9, '0')}Z`;
  const attrs = Object.entries(e.Actor?.Attributes ?? {})
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([k, v]) => `${k}=${v}`)
    .join(', ');
  return `${stamp} ${e.Type ?? ''} ${e.Action ?? ''} ${e.Actor?.ID ?? ''}${attrs ? ` (${attrs})` : ''}\n`;
}

/** `docker events`: the past ones with `--since`, then new ones as they happen, until Ctrl-C. */
export const events: DockerCommand = {
  path: 'events',
  args: { kind: 'none' },
  run: ({ ctx, client, flags }): CommandOutcome => {
    const since = flagOf(flags, 'since');
    const until = flagOf(flags, 'until');
    const response = client.get(
      `/events${query({ since, until, filters: filtersQuery(listOf(flags, 'filter')) })}`,
    );
    if (failed(ctx, response)) return 1;
    for (const e of (response.stream ?? []) as EventJson[]) ctx.out(eventLine(e));
    if (until !== undefined) return 0;
    // New events are read off the trace (the world keeps a bounded list of them).
    let seen = ctx.host.trace.length - 1;
    const job: Job = {
      poll: () => {
        const trace = ctx.host.trace;
        for (let i = seen + 1; i < trace.length; i++) {
          const change = trace[i]?.change;
          if (change?.op !== 'event') continue;
          const e = change.event;
          ctx.out(
            eventLine({
              Type: e.type,
              Action: e.action,
              Actor: { ID: e.actorId, Attributes: e.attributes },
              timeNano: (ctx.host.world.epochMs + e.time) * 1_000_000,
            }),
          );
        }
        seen = trace.length - 1;
        // dockerd going away ends the stream, as the real connection would.
        return ctx.host.world.services.dockerd.state === 'up' ? null : 0;
      },
      interrupt: () => 130,
    };
    return job;
  },
};

export const df: DockerCommand = {
  path: 'system df',
  args: { kind: 'none' },
  run: ({ ctx, client, flags }) => {
    const response = client.get('/system/df');
    if (failed(ctx, response)) return 1;
    const d = response.body as {
      LayersSize?: number;
      Images?: { Containers?: number; Size?: number }[];
      Containers?: { State?: string; SizeRw?: number }[];
      Volumes?: { UsageData?: { Size?: number; RefCount?: number } }[];
    };
    const imgs = d.Images ?? [];
    const cs = d.Containers ?? [];
    const vols = d.Volumes ?? [];
    const reclaim = (total: number, used: number): string =>
      `${humanSize(total - used)} (${total === 0 ? 0 : Math.round(((total - used) * 100) / total)}%)`;
    const layers = d.LayersSize ?? 0;
    const activeImages = imgs.filter((i) => (i.Containers ?? 0) > 0);
    const usedImages = activeImages.reduce((s, i) => s + (i.Size ?? 0), 0);
    const rows = [
      {
        Type: 'Images',
        TotalCount: String(imgs.length),
        Active: String(activeImages.length),
        Size: humanSize(layers),
        Reclaimable: reclaim(layers, Math.min(layers, usedImages)),
      },
      {
        Type: 'Containers',
        TotalCount: String(cs.length),
        Active: String(cs.filter((c) => c.State === 'running').length),
        Size: '0B',
        Reclaimable: '0B (0%)',
      },
      {
        Type: 'Local Volumes',
        TotalCount: String(vols.length),
        Active: String(vols.filter((v) => (v.UsageData?.RefCount ?? 0) > 0).length),
        Size: '0B',
        Reclaimable: '0B (0%)',
      },
      { Type: 'Build Cache', TotalCount: '0', Active: '0', Size: '0B', Reclaimable: '0B' },
    ];
    return printList(ctx, rows, flagOf(flags, 'format'), {
      table: 'table {{.Type}}\t{{.TotalCount}}\t{{.Active}}\t{{.Size}}\t{{.Reclaimable}}',
      headers: {
        Type: 'TYPE',
        TotalCount: 'TOTAL',
        Active: 'ACTIVE',
        Size: 'SIZE',
        Reclaimable: 'RECLAIMABLE',
      },
    });
  },
};
