/**
 * Reads a `POST /containers/create` body (the CLI's ContainerConfig + HostConfig JSON) into
 * the daemon's CreateSpec, with dockerd's validation messages for what it rejects.
 */
import type { CreateSpec } from '../daemon/create';
import { fail, ok, type Result } from '../daemon/result';
import type { PortBinding, RestartPolicyName } from '../types';
import { asNumber, asRecord, asString, asStringArray } from './http';

const POLICIES: readonly RestartPolicyName[] = ['no', 'always', 'on-failure', 'unless-stopped'];

export function readCreateBody(
  body: unknown,
  name: string | null,
  nextEphemeralPort: () => string,
): Result<CreateSpec> {
  const b = asRecord(body);
  const image = asString(b['Image']) ?? '';
  if (image === '') return fail(400, 'invalid reference format');
  const hc = asRecord(b['HostConfig']);
  const rp = asRecord(hc['RestartPolicy']);
  const policyName = (asString(rp['Name']) || 'no') as RestartPolicyName;
  if (!POLICIES.includes(policyName)) {
    return fail(
      400,
      `invalid restart policy: unknown policy '${policyName}'; use one of 'no', 'always', 'on-failure', or 'unless-stopped'`,
    );
  }
  const retries = asNumber(rp['MaximumRetryCount']) ?? 0;
  if (retries < 0)
    return fail(400, 'invalid restart policy: maximum retry count cannot be negative');
  if (retries > 0 && policyName !== 'on-failure') {
    return fail(
      400,
      "invalid restart policy: maximum retry count can only be used with 'on-failure'",
    );
  }

  const portBindings: Record<string, PortBinding[]> = {};
  for (const [key, value] of Object.entries(asRecord(hc['PortBindings']))) {
    if (!/^\d{1,5}(\/(tcp|udp|sctp))?$/.test(key))
      return fail(400, `invalid port specification: "${key}"`);
    const normalized = key.includes('/') ? key : `${key}/tcp`;
    const list = Array.isArray(value) ? value : [];
    portBindings[normalized] = list.map((entry) => {
      const e = asRecord(entry);
      const hostPort = asString(e['HostPort']) || nextEphemeralPort();
      return { hostIp: asString(e['HostIp']) ?? '', hostPort };
    });
    for (const binding of portBindings[normalized] ?? []) {
      const port = Number(binding.hostPort);
      if (!Number.isInteger(port) || port < 1 || port > 65535)
        return fail(400, `invalid port specification: "${binding.hostPort}"`);
    }
  }

  const stopTimeout = asNumber(b['StopTimeout']);
  const labels = asRecord(b['Labels']);
  return ok({
    name,
    image,
    cmd: asStringArray(b['Cmd']),
    entrypoint: asStringArray(b['Entrypoint']),
    env: asStringArray(b['Env']),
    tty: b['Tty'] === true,
    openStdin: b['OpenStdin'] === true,
    attachStdout: b['AttachStdout'] === true,
    attachStderr: b['AttachStderr'] === true,
    workingDir: asString(b['WorkingDir']) ?? '',
    labels: Object.fromEntries(
      Object.entries(labels).filter((e): e is [string, string] => typeof e[1] === 'string'),
    ),
    stopSignal: asString(b['StopSignal']) ?? null,
    stopTimeout: stopTimeout ?? null,
    volumes: Object.keys(asRecord(b['Volumes'])),
    hostConfig: {
      restartPolicy: { name: policyName, maximumRetryCount: retries },
      autoRemove: hc['AutoRemove'] === true,
      init: hc['Init'] === true,
      portBindings,
      networkMode: asString(hc['NetworkMode']) || 'default',
      binds: asStringArray(hc['Binds']) ?? [],
    },
  });
}
