/**
 * System routes: `/_ping`, `/version`, `/info`, `/events`, `/system/df`.
 */
import { ERA_INFO } from '../eras';
import type { DockerHost } from '../host';
import type { DockerEvent } from '../types';
import { containerSummary } from './containerJson';
import { includesEvent } from './eventFilter';
import { parseFilters } from './filters';
import { apiError, isoTime, json, type Handler } from './http';

/** The host's kernel release and name: the API reports them, and the host's tools print them. */
export const KERNEL = '6.1.0-sim';
export const HOSTNAME = 'docker-host';

export function serverHeaders(h: DockerHost): Record<string, string> {
  const era = ERA_INFO[h.world.settings.era];
  return {
    'Api-Version': era.apiVersion,
    'Docker-Experimental': 'false',
    Ostype: 'linux',
    Server: `Docker/${era.serverVersion} (linux)`,
    // The classic builder: BuildKit's /session and /grpc streams are not simulated.
    'Builder-Version': '1',
  };
}

export const ping: Handler = (ctx) => ({
  status: 200,
  headers: {
    ...serverHeaders(ctx.h),
    'Content-Type': 'text/plain; charset=utf-8',
    'Cache-Control': 'no-cache, no-store, must-revalidate',
    Pragma: 'no-cache',
  },
  body: 'OK',
});

/** When the simulated engine was built: `Built:` in `docker version`, in dockerd's format. */
const BUILD_TIME = '2025-10-08T12:00:00.000000000+00:00';

/**
 * The engine's own facts, as dockerd reports them twice in `GET /version`: at the top level
 * and as the Engine component's `Details` (strings only there), which is what the CLI's
 * `docker version` template prints as the Server's "Go version", "Git commit", "Built",
 * "OS/Arch" and "Experimental". Built once, so that the two can never disagree.
 */
function engineFacts(h: DockerHost) {
  const era = ERA_INFO[h.world.settings.era];
  return {
    ApiVersion: era.apiVersion,
    Arch: 'amd64',
    BuildTime: BUILD_TIME,
    Experimental: 'false',
    GitCommit: 'sim',
    GoVersion: era.goVersion,
    KernelVersion: KERNEL,
    MinAPIVersion: era.minApiVersion,
    Os: 'linux',
  };
}

interface VersionComponent {
  readonly Name: string;
  readonly Version: string;
  readonly Details: Readonly<Record<string, string>>;
}

export const version: Handler = (ctx) => {
  const era = ERA_INFO[ctx.h.world.settings.era];
  const engine = engineFacts(ctx.h);
  const components: VersionComponent[] = [
    { Name: 'Engine', Version: era.serverVersion, Details: engine },
  ];
  if (era.binaries.containerd)
    components.push({
      Name: 'containerd',
      Version: era.era === 'modern' ? '1.7.28' : '1.1.2',
      Details: { GitCommit: 'sim' },
    });
  if (era.binaries.runc)
    components.push({
      Name: 'runc',
      Version: era.era === 'modern' ? '1.3.0' : '1.0.0-rc5',
      Details: { GitCommit: 'sim' },
    });
  const { Experimental: _experimental, ...topLevel } = engine;
  return json(200, {
    Platform: { Name: 'Docker Engine - Community (simulated)' },
    Components: components,
    Version: era.serverVersion,
    ...topLevel,
  });
};

export const info: Handler = (ctx) => {
  const h = ctx.h;
  const era = ERA_INFO[h.world.settings.era];
  const cs = Object.values(h.world.containers);
  return json(200, {
    ID: 'SIM0:0000:0000:0000:0000:0000:0000:0000',
    Containers: cs.length,
    ContainersRunning: cs.filter((c) => c.state === 'running' || c.state === 'restarting').length,
    ContainersPaused: cs.filter((c) => c.state === 'paused').length,
    ContainersStopped: cs.filter(
      (c) => c.state === 'exited' || c.state === 'created' || c.state === 'dead',
    ).length,
    Images: Object.keys(h.world.images).length,
    Driver: 'overlay2',
    DriverStatus: [['Backing Filesystem', 'extfs']],
    Plugins: {
      Volume: ['local'],
      Network: ['bridge', 'host', 'ipvlan', 'macvlan', 'null', 'overlay'],
      Log: ['json-file', 'local'],
    },
    LoggingDriver: 'json-file',
    CgroupDriver: 'systemd',
    CgroupVersion: '2',
    KernelVersion: KERNEL,
    OperatingSystem: 'Debian GNU/Linux 12 (bookworm) (simulated)',
    OSType: 'linux',
    Architecture: 'x86_64',
    NCPU: 2,
    MemTotal: 8 * 1024 ** 3,
    DockerRootDir: '/var/lib/docker',
    Name: HOSTNAME,
    ServerVersion: era.serverVersion,
    Runtimes: { runc: { path: era.binaries.runc ?? 'runc' } },
    DefaultRuntime: 'runc',
    InitBinary: 'docker-init',
    ContainerdCommit: { ID: 'sim' },
    RuncCommit: { ID: 'sim' },
    InitCommit: { ID: 'sim' },
    SecurityOptions: ['name=seccomp,profile=builtin', 'name=cgroupns'],
    LiveRestoreEnabled: h.world.daemonConfig.liveRestore,
    Swarm: {
      NodeID: '',
      NodeAddr: '',
      LocalNodeState: 'inactive',
      ControlAvailable: false,
      Error: '',
      RemoteManagers: null,
    },
    RegistryConfig: {
      IndexConfigs: {
        'docker.io': { Name: 'docker.io', Mirrors: [], Secure: true, Official: true },
      },
      InsecureRegistryCIDRs: ['::1/128', '127.0.0.0/8'],
    },
    Warnings: null,
  });
};

export function eventJson(h: DockerHost, e: DockerEvent): Record<string, unknown> {
  const timeNano = (h.world.epochMs + e.time) * 1_000_000;
  return {
    status: e.action,
    id: e.actorId,
    from: e.attributes['image'],
    Type: e.type,
    Action: e.action,
    Actor: { ID: e.actorId, Attributes: e.attributes },
    scope: 'local',
    time: Math.floor((h.world.epochMs + e.time) / 1000),
    timeNano,
  };
}

/**
 * Past events in [since, until] (Unix seconds) that pass the `filters` (./eventFilter.ts), as
 * `docker events --since ... --until ... --filter ...` asks. Following new ones is the
 * transport's job, which must let through only what `includesEvent` accepts too.
 */
export const events: Handler = (ctx) => {
  const h = ctx.h;
  const filters = parseFilters(ctx.query.get('filters'));
  if (!filters.ok) return apiError(400, filters.error);
  const since = Number(ctx.query.get('since') ?? NaN);
  const until = Number(ctx.query.get('until') ?? NaN);
  const toUnix = (t: number): number => (h.world.epochMs + t) / 1000;
  const past = Number.isFinite(since)
    ? h.world.events.filter(
        (e) =>
          toUnix(e.time) >= since &&
          (!Number.isFinite(until) || toUnix(e.time) <= until) &&
          includesEvent(filters.args, e),
      )
    : [];
  return {
    status: 200,
    headers: { 'Content-Type': 'application/json' },
    stream: past.map((e) => eventJson(h, e)),
  };
};

export const diskUsage: Handler = (ctx) => {
  const h = ctx.h;
  const layersSize = Object.values(h.world.layers).reduce(
    (sum, l) => sum + Math.round(l.size * 2.3),
    0,
  );
  return json(200, {
    LayersSize: layersSize,
    Images: Object.values(h.world.images).map((i) => ({
      Id: i.id,
      RepoTags: i.repoTags,
      Size: i.size,
      SharedSize: -1,
      Containers: Object.values(h.world.containers).filter((c) => c.imageId === i.id).length,
      Created: Math.floor(Date.parse(i.created) / 1000),
    })),
    Containers: Object.values(h.world.containers).map((c) => ({
      ...containerSummary(h, c),
      SizeRw: 0,
      SizeRootFs: h.world.images[c.imageId]?.size ?? 0,
    })),
    Volumes: Object.values(h.world.volumes).map((v) => ({
      Name: v.name,
      Driver: 'local',
      Mountpoint: v.mountpoint,
      CreatedAt: isoTime(h, v.created),
      UsageData: {
        Size: 0,
        RefCount: Object.values(h.world.containers).filter((c) =>
          c.mounts.some((m) => m.source === v.name),
        ).length,
      },
    })),
    BuildCache: [],
  });
};

/** What dockerd answers to a swarm request on a node that is in no swarm. */
export const NOT_SWARM_MANAGER =
  'This node is not a swarm manager. Use "docker swarm init" or "docker swarm join" to connect this node to swarm and try again.';

export const notSwarmManager: Handler = () => apiError(503, NOT_SWARM_MANAGER);

/** Swarm mode is not part of this single simulated host; say so plainly. */
export const swarmNotSimulated: Handler = () =>
  apiError(
    501,
    'Swarm mode is not simulated on this single host: the cluster view and its lessons are where Swarm lives.',
  );
