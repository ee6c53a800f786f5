/**
 * Containers as the Engine API shows them: the `GET /containers/json` summary and the
 * `GET /containers/{id}/json` inspect document, in the shapes the real CLI reads.
 */
import { liveExecIds } from '../daemon/execStore';
import type { DockerHost } from '../host';
import type { Container } from '../types';
import { humanDuration } from './humanize';
import { isoTime, unixSeconds } from './http';

export function statusText(h: DockerHost, c: Container): string {
  const since = (t: number | null): string => humanDuration(h.now - (t ?? h.now));
  switch (c.state) {
    case 'running':
      return `Up ${since(c.startedAt)}`;
    case 'paused':
      return `Up ${since(c.startedAt)} (Paused)`;
    case 'restarting':
      return `Restarting (${c.exitCode}) ${since(c.finishedAt)} ago`;
    case 'exited':
      return `Exited (${c.exitCode}) ${since(c.finishedAt)} ago`;
    case 'created':
      return 'Created';
    case 'removing':
      return 'Removal In Progress';
    case 'dead':
      return 'Dead';
  }
}

function commandOf(c: Container): string {
  return [c.path, ...c.args].map((a) => (/\s/.test(a) ? `'${a}'` : a)).join(' ');
}

function portsOf(c: Container): Record<string, unknown>[] {
  const ports: Record<string, unknown>[] = [];
  const published = new Set<string>();
  const active = c.state === 'running' || c.state === 'paused';
  for (const [key, bindings] of Object.entries(c.hostConfig.portBindings)) {
    const [port = '0', type = 'tcp'] = key.split('/');
    if (!active) continue;
    published.add(key);
    for (const b of bindings) {
      const ips = b.hostIp ? [b.hostIp] : ['0.0.0.0', '::'];
      for (const ip of ips)
        ports.push({
          IP: ip,
          PrivatePort: Number(port),
          PublicPort: Number(b.hostPort),
          Type: type,
        });
    }
  }
  for (const key of c.config.exposedPorts) {
    if (published.has(key)) continue;
    const [port = '0', type = 'tcp'] = key.split('/');
    ports.push({ PrivatePort: Number(port), Type: type });
  }
  return ports;
}

export function containerSummary(h: DockerHost, c: Container): Record<string, unknown> {
  const image = h.world.images[c.imageId];
  return {
    Id: c.id,
    Names: [`/${c.name}`],
    Image: c.config.image,
    ImageID: c.imageId,
    Command: commandOf(c),
    Created: unixSeconds(h, c.created),
    Ports: portsOf(c),
    Labels: c.config.labels,
    State: c.state,
    Status: statusText(h, c),
    HostConfig: { NetworkMode: c.hostConfig.networkMode },
    NetworkSettings: { Networks: networksOf(h, c) },
    Mounts: mountsOf(c),
    SizeRw: image ? 0 : undefined,
  };
}

function networksOf(h: DockerHost, c: Container): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, e] of Object.entries(c.networks)) {
    out[name] = {
      IPAMConfig: null,
      Links: null,
      Aliases: h.world.networks[e.networkId]?.dns ? e.aliases : null,
      MacAddress: e.macAddress,
      NetworkID: e.networkId,
      EndpointID: e.networkId.slice(0, 8) + c.id.slice(0, 56),
      Gateway: e.gateway,
      IPAddress: e.ipAddress,
      IPPrefixLen: 16,
      IPv6Gateway: '',
      GlobalIPv6Address: '',
      GlobalIPv6PrefixLen: 0,
      DriverOpts: null,
      DNSNames: h.world.networks[e.networkId]?.dns ? [c.name, c.id.slice(0, 12)] : null,
    };
  }
  return out;
}

function mountsOf(c: Container): Record<string, unknown>[] {
  return c.mounts.map((m) =>
    m.type === 'volume'
      ? {
          Type: 'volume',
          Name: m.source,
          Source: `/var/lib/docker/volumes/${m.source}/_data`,
          Destination: m.destination,
          Driver: 'local',
          Mode: 'z',
          RW: true,
          Propagation: '',
        }
      : {
          Type: 'bind',
          Source: m.source,
          Destination: m.destination,
          Mode: '',
          RW: true,
          Propagation: 'rprivate',
        },
  );
}

function portMap(c: Container): Record<string, unknown> {
  const map: Record<string, unknown> = {};
  for (const key of c.config.exposedPorts) map[key] = null;
  if (c.state === 'running' || c.state === 'paused') {
    for (const [key, bindings] of Object.entries(c.hostConfig.portBindings)) {
      map[key] = bindings.flatMap((b) =>
        b.hostIp
          ? [{ HostIp: b.hostIp, HostPort: b.hostPort }]
          : [
              { HostIp: '0.0.0.0', HostPort: b.hostPort },
              { HostIp: '::', HostPort: b.hostPort },
            ],
      );
    }
  }
  return map;
}

export function containerInspect(h: DockerHost, c: Container): Record<string, unknown> {
  const running = c.state === 'running' || c.state === 'paused';
  const execIds = liveExecIds(h, c.id);
  return {
    Id: c.id,
    Created: isoTime(h, c.created),
    Path: c.path,
    Args: c.args,
    State: {
      Status: c.state,
      Running: running,
      Paused: c.state === 'paused',
      Restarting: c.state === 'restarting',
      OOMKilled: false,
      Dead: c.state === 'dead',
      Pid: running ? c.pid : 0,
      ExitCode: c.exitCode,
      Error: c.error,
      StartedAt: isoTime(h, c.startedAt),
      FinishedAt: isoTime(h, c.finishedAt),
    },
    Image: c.imageId,
    ResolvConfPath: `/var/lib/docker/containers/${c.id}/resolv.conf`,
    HostnamePath: `/var/lib/docker/containers/${c.id}/hostname`,
    HostsPath: `/var/lib/docker/containers/${c.id}/hosts`,
    LogPath: `/var/lib/docker/containers/${c.id}/${c.id}-json.log`,
    Name: `/${c.name}`,
    RestartCount: c.restartCount,
    Driver: 'overlay2',
    Platform: 'linux',
    MountLabel: '',
    ProcessLabel: '',
    AppArmorProfile: 'docker-default',
    ExecIDs: execIds.length > 0 ? execIds : null,
    HostConfig: {
      Binds: c.hostConfig.binds.length ? c.hostConfig.binds : null,
      NetworkMode: c.hostConfig.networkMode,
      PortBindings: Object.fromEntries(
        Object.entries(c.hostConfig.portBindings).map(([k, v]) => [
          k,
          v.map((b) => ({ HostIp: b.hostIp, HostPort: b.hostPort })),
        ]),
      ),
      RestartPolicy: {
        Name: c.hostConfig.restartPolicy.name,
        MaximumRetryCount: c.hostConfig.restartPolicy.maximumRetryCount,
      },
      AutoRemove: c.hostConfig.autoRemove,
      Init: c.hostConfig.init || null,
      LogConfig: { Type: 'json-file', Config: {} },
    },
    GraphDriver: {
      Name: 'overlay2',
      Data: {
        LowerDir: `/var/lib/docker/overlay2/${c.id.slice(0, 24)}-init/diff`,
        UpperDir: `/var/lib/docker/overlay2/${c.id.slice(0, 24)}/diff`,
        MergedDir: `/var/lib/docker/overlay2/${c.id.slice(0, 24)}/merged`,
        WorkDir: `/var/lib/docker/overlay2/${c.id.slice(0, 24)}/work`,
      },
    },
    Mounts: mountsOf(c),
    Config: {
      Hostname: c.id.slice(0, 12),
      Domainname: '',
      User: '',
      AttachStdin: false,
      AttachStdout: c.config.attachStdout,
      AttachStderr: c.config.attachStderr,
      ExposedPorts: c.config.exposedPorts.length
        ? Object.fromEntries(c.config.exposedPorts.map((p) => [p, {}]))
        : undefined,
      Tty: c.config.tty,
      OpenStdin: c.config.openStdin,
      StdinOnce: false,
      Env: c.config.env,
      Cmd: c.config.cmd,
      Image: c.config.image,
      Volumes: null,
      WorkingDir: c.config.workingDir,
      Entrypoint: c.config.entrypoint,
      OnBuild: null,
      Labels: c.config.labels,
      StopSignal: c.config.stopSignal,
      ...(c.config.stopTimeout !== null ? { StopTimeout: c.config.stopTimeout } : {}),
    },
    NetworkSettings: {
      Bridge: '',
      SandboxID: running ? c.id.slice(8, 72).padEnd(64, '0') : '',
      SandboxKey: running ? `/var/run/docker/netns/${c.id.slice(0, 12)}` : '',
      Ports: portMap(c),
      Networks: networksOf(h, c),
    },
  };
}
