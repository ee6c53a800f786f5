/**
 * `docker create` inside dockerd: it touches only dockerd. The config is stored, the
 * writable layer is prepared, volumes are created; no containerd, no shim, no runc yet.
 */
import { containerEvent } from './events';
import type { DockerHost } from '../host';
import { VALID_CONTAINER_NAME, generateName } from '../names';
import { findNetwork } from '../network';
import type { Container, HostConfig, Mount } from '../types';
import { createVolume, VALID_VOLUME_NAME } from '../volumes';
import { displayReference, findImage } from './lookup';
import { fail, ok, type Result } from './result';

export interface CreateSpec {
  name?: string | null;
  image: string;
  cmd?: string[] | null;
  entrypoint?: string[] | null;
  env?: string[] | null;
  tty?: boolean;
  openStdin?: boolean;
  attachStdout?: boolean;
  attachStderr?: boolean;
  workingDir?: string;
  labels?: Record<string, string> | null;
  stopSignal?: string | null;
  stopTimeout?: number | null;
  /** `Config.Volumes`: container paths that get an anonymous volume (`docker run -v /data`). */
  volumes?: string[];
  hostConfig?: Partial<HostConfig>;
}

export const DEFAULT_HOST_CONFIG: HostConfig = {
  restartPolicy: { name: 'no', maximumRetryCount: 0 },
  autoRemove: false,
  init: false,
  portBindings: {},
  networkMode: 'default',
  binds: [],
};

export function createContainer(
  h: DockerHost,
  spec: CreateSpec,
): Result<{ id: string; warnings: string[] }> {
  const image = findImage(h, spec.image);
  if (!image) return fail(404, `No such image: ${displayReference(spec.image)}`);

  const rawName = spec.name ?? '';
  if (rawName !== '' && !VALID_CONTAINER_NAME.test(rawName)) {
    return fail(
      400,
      `Invalid container name (${rawName}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed`,
    );
  }
  const taken = (n: string): Container | undefined =>
    Object.values(h.world.containers).find((c) => c.name === n);
  const name =
    rawName !== ''
      ? rawName.replace(/^\//, '')
      : generateName(
          (n) => h.jitter(0, n - 1),
          (n) => taken(n) !== undefined,
        );
  const holder = taken(name);
  if (holder) {
    return fail(
      409,
      `Conflict. The container name "/${name}" is already in use by container "${holder.id}". You have to remove (or rename) that container to be able to reuse that name.`,
    );
  }

  const hostConfig: HostConfig = { ...DEFAULT_HOST_CONFIG, ...spec.hostConfig };
  const netName = hostConfig.networkMode === 'default' ? 'bridge' : hostConfig.networkMode;
  if (!findNetwork(h, netName)) return fail(404, `network ${netName} not found`);
  const policy = hostConfig.restartPolicy;
  if (hostConfig.autoRemove && policy.name !== 'no') {
    return fail(400, 'conflicting options: cannot specify both --restart and --rm');
  }

  const mounts: Mount[] = [];
  for (const bind of hostConfig.binds) {
    const [source = '', destination = ''] = bind.split(':');
    if (!destination.startsWith('/')) return fail(400, `invalid volume specification: '${bind}'`);
    if (source.startsWith('/')) {
      mounts.push({ type: 'bind', source, destination, anonymous: false });
    } else {
      if (!VALID_VOLUME_NAME.test(source)) {
        return fail(
          400,
          `create ${source}: "${source}" includes invalid characters for a local volume name, only "[a-zA-Z0-9][a-zA-Z0-9_.-]" are allowed. If you intended to pass a host directory, use absolute path`,
        );
      }
      mounts.push({ type: 'volume', source, destination, anonymous: false });
    }
  }

  for (const destination of spec.volumes ?? []) {
    if (!destination.startsWith('/'))
      return fail(
        400,
        `invalid volume specification: '${destination}': invalid mount config for type "volume": invalid mount path: '${destination}' mount path must be absolute`,
      );
  }
  const id = h.newId();
  h.emit('note', 'dockerd', 'dockerd', 'prepare writable layer (overlay2)', { id });
  for (const mount of mounts) if (mount.type === 'volume') createVolume(h, mount.source);
  for (const destination of [...(spec.volumes ?? []), ...image.config.volumes]) {
    if (mounts.some((m) => m.destination === destination)) continue;
    const volume = createVolume(h, null);
    mounts.push({ type: 'volume', source: volume.name, destination, anonymous: true });
  }

  const entrypoint = spec.entrypoint ?? image.config.entrypoint;
  const cmd =
    spec.cmd && spec.cmd.length > 0 ? spec.cmd : spec.entrypoint ? null : image.config.cmd;
  const argv = [...(entrypoint ?? []), ...(cmd ?? [])];
  const container: Container = {
    id,
    name,
    imageId: image.id,
    created: h.now,
    state: 'created',
    config: {
      image: spec.image,
      cmd,
      entrypoint,
      env: [...image.config.env, ...(spec.env ?? [])],
      tty: spec.tty ?? false,
      openStdin: spec.openStdin ?? false,
      attachStdout: spec.attachStdout ?? false,
      attachStderr: spec.attachStderr ?? false,
      workingDir: spec.workingDir || image.config.workingDir,
      labels: { ...(spec.labels ?? {}) },
      exposedPorts: [...image.config.exposedPorts],
      stopSignal: spec.stopSignal || image.config.stopSignal,
      stopTimeout: spec.stopTimeout ?? null,
    },
    hostConfig,
    path: argv[0] ?? '',
    args: argv.slice(1),
    pid: 0,
    exitCode: 0,
    error: '',
    startedAt: null,
    finishedAt: null,
    restartCount: 0,
    hasBeenStartedBefore: false,
    hasBeenManuallyStopped: false,
    restartDelayMs: 0,
    networks: {},
    mounts,
    logs: [],
  };
  h.change({ op: 'container.add', container }, 'dockerd', `container ${name} created`);
  containerEvent(h, container, 'create');
  return ok({ id, warnings: [] });
}
