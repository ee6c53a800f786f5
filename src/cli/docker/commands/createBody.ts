/**
 * `docker run` / `docker create` flags turned into the create request's JSON, as the CLI
 * builds it (ContainerConfig, HostConfig, NetworkingConfig), with the CLI's own errors for
 * what it rejects before asking the daemon (`invalid containerPort: abc`).
 */
import { boolOf, flagOf, listOf, type FlagValues } from '../flags';

export type BodyResult = { ok: true; body: Record<string, unknown> } | { ok: false; error: string };

interface PortSpec {
  readonly key: string;
  readonly hostIp: string;
  readonly hostPort: string;
}

const PORT = /^\d{1,5}(-\d{1,5})?$/;

/** `-p [ip:][hostPort:]containerPort[/proto]`. */
function parsePort(spec: string): PortSpec | string {
  const [addr = '', proto = 'tcp'] = spec.split('/');
  const parts = addr.split(':');
  const containerPort = parts.pop() ?? '';
  const hostPort = parts.pop() ?? '';
  const hostIp = parts.join(':');
  if (!PORT.test(containerPort)) return `invalid containerPort: ${containerPort}`;
  if (hostPort !== '' && !PORT.test(hostPort)) return `invalid hostPort: ${hostPort}`;
  if (!['tcp', 'udp', 'sctp'].includes(proto)) return `invalid proto: ${proto}`;
  return { key: `${containerPort}/${proto}`, hostIp, hostPort };
}

/** `--restart no|always|unless-stopped|on-failure[:N]`. */
function restartPolicy(
  value: string | undefined,
): { Name: string; MaximumRetryCount: number } | string {
  if (!value) return { Name: 'no', MaximumRetryCount: 0 };
  const [name = '', count] = value.split(':');
  if (count === undefined) return { Name: name, MaximumRetryCount: 0 };
  if (!/^-?\d+$/.test(count))
    return `invalid restart policy format: maximum retry count must be an integer`;
  return { Name: name, MaximumRetryCount: Number(count) };
}

export function createBody(
  flags: FlagValues,
  image: string,
  command: readonly string[],
  env: Readonly<Record<string, string>>,
  attached: boolean,
): BodyResult {
  const portBindings: Record<string, { HostIp: string; HostPort: string }[]> = {};
  const exposed: Record<string, object> = {};
  for (const spec of listOf(flags, 'publish')) {
    const port = parsePort(spec);
    if (typeof port === 'string') return { ok: false, error: port };
    (portBindings[port.key] ??= []).push({ HostIp: port.hostIp, HostPort: port.hostPort });
    exposed[port.key] = {};
  }
  for (const spec of listOf(flags, 'expose'))
    exposed[spec.includes('/') ? spec : `${spec}/tcp`] = {};
  const restart = restartPolicy(flagOf(flags, 'restart'));
  if (typeof restart === 'string') return { ok: false, error: restart };

  const binds: string[] = [];
  const volumes: Record<string, object> = {};
  for (const spec of listOf(flags, 'volume')) {
    if (spec.includes(':')) binds.push(spec);
    else volumes[spec] = {};
  }
  // `-e NAME` takes the value from the client's environment, or is dropped when unset there.
  const envList = listOf(flags, 'env').flatMap((e) =>
    e.includes('=') ? [e] : env[e] !== undefined ? [`${e}=${env[e]}`] : [],
  );
  const interactive = boolOf(flags, 'interactive');
  const tty = boolOf(flags, 'tty');
  const network = flagOf(flags, 'network') ?? 'default';
  const entrypoint = flagOf(flags, 'entrypoint');
  const stopTimeout = flagOf(flags, 'stop-timeout');
  const labels = Object.fromEntries(
    listOf(flags, 'label').map((l) => {
      const eq = l.indexOf('=');
      return eq === -1 ? [l, ''] : [l.slice(0, eq), l.slice(eq + 1)];
    }),
  );
  return {
    ok: true,
    body: {
      Hostname: flagOf(flags, 'hostname') ?? '',
      Domainname: '',
      User: flagOf(flags, 'user') ?? '',
      AttachStdin: attached && interactive,
      AttachStdout: attached,
      AttachStderr: attached,
      ...(Object.keys(exposed).length > 0 ? { ExposedPorts: exposed } : {}),
      Tty: tty,
      OpenStdin: interactive,
      StdinOnce: attached && interactive,
      Env: envList.length > 0 ? envList : null,
      Cmd: command.length > 0 ? [...command] : null,
      Image: image,
      Volumes: volumes,
      WorkingDir: flagOf(flags, 'workdir') ?? '',
      Entrypoint: entrypoint === undefined ? null : entrypoint === '' ? [''] : [entrypoint],
      OnBuild: null,
      Labels: labels,
      ...(stopTimeout !== undefined ? { StopTimeout: Number(stopTimeout) } : {}),
      ...(flagOf(flags, 'stop-signal') ? { StopSignal: flagOf(flags, 'stop-signal') } : {}),
      HostConfig: {
        Binds: binds.length > 0 ? binds : null,
        ContainerIDFile: '',
        LogConfig: { Type: '', Config: {} },
        NetworkMode: network,
        PortBindings: portBindings,
        RestartPolicy: restart,
        AutoRemove: boolOf(flags, 'rm'),
        VolumeDriver: '',
        VolumesFrom: null,
        ConsoleSize: [0, 0],
        ...(boolOf(flags, 'init') ? { Init: true } : {}),
        PublishAllPorts: boolOf(flags, 'publish-all'),
        Privileged: boolOf(flags, 'privileged'),
      },
      NetworkingConfig: { EndpointsConfig: network === 'default' ? {} : { [network]: {} } },
    },
  };
}
