/**
 * The host machine under Docker, as its own tools describe it: name, kernel, OS, cgroup layout
 * and where each era keeps its sockets and state. One Debian 12 host for every era (the Engine
 * API reports the same kernel in all of them); what changes with the era is Docker's layout.
 *
 * Facts: FACTS.md §2-§4 (namespace `moby`, shim names, 18.09 split), moby
 * daemon/runtime_unix.go (runc root `<exec-root>/runtime-runc`, the shim adds the namespace),
 * containerd pkg/shim (shim sockets under /run/containerd/s/<sha256>).
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { HOSTNAME, KERNEL } from '../../sim/api/system';
import { bundlePath, CONTAINERD_SOCK, containerdSocket } from '../../sim/binaries';
import type { Era } from '../../sim/eras';
import type { World } from '../../sim/types';

/** Same name and kernel the Engine API reports (`docker info`, `docker version`). */
export { HOSTNAME };
export const KERNEL_RELEASE = KERNEL;
export const KERNEL_VERSION = `#1 SMP PREEMPT_DYNAMIC Debian ${KERNEL} (2026-01-01)`;

export const OS_RELEASE = `PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"
NAME="Debian GNU/Linux"
VERSION_ID="12"
VERSION="12 (bookworm)"
VERSION_CODENAME=bookworm
ID=debian
HOME_URL="https://www.debian.org/"
SUPPORT_URL="https://www.debian.org/support"
BUG_REPORT_URL="https://bugs.debian.org/"
`;

/**
 * cgroup v2 (systemd driver: containers in `docker-<id>.scope`) for modern Docker; the older
 * engines only know cgroup v1 with the cgroupfs driver (`/docker/<id>`).
 */
export function cgroupV2(era: Era): boolean {
  return era === 'modern';
}

/** dockerd's exec root: /var/run/docker, i.e. /run/docker (/var/run -> /run). */
export const DOCKER_EXEC_ROOT = '/run/docker';

/** Where the runc state of Docker's containers lives: `runc --root` to see them. */
export function dockerRuncRoot(era: Era): string | null {
  return era === 'monolith' ? null : `${DOCKER_EXEC_ROOT}/runtime-runc/moby`;
}

/** runc's own default root, where Docker's containers are not. */
export const RUNC_DEFAULT_ROOT = '/run/runc';

/** The containerd socket dockerd talks to, without the /var prefix (`/run/...`). */
export function containerdAddress(era: Era): string | null {
  if (era === 'monolith') return null;
  return containerdSocket(era).replace(/^\/var\/run\//, '/run/');
}

export function taskBundle(era: Era, id: string): string {
  return bundlePath(era, id);
}

/** The shim's ttRPC socket (containerd SocketAddress: sha256 of address/namespace/id). */
export function shimSocket(id: string): string {
  const hex = bytesToHex(sha256(utf8ToBytes(`${CONTAINERD_SOCK}/moby/${id}`)));
  return `/run/containerd/s/${hex}`;
}

/** The container's cgroup path as /proc/<pid>/cgroup shows it (v2) or its v1 path. */
export function containerCgroup(era: Era, id: string): string {
  return cgroupV2(era) ? `/system.slice/docker-${id}.scope` : `/docker/${id}`;
}

/**
 * Whether a daemon's Unix socket file is there. Go removes a listening socket when the
 * daemon closes it on a clean shutdown; a SIGKILLed daemon leaves it behind, so clients then
 * get "connection refused" instead of "no such file or directory".
 */
export function socketPresent(world: World, service: 'dockerd' | 'containerd'): boolean {
  const s = world.services[service];
  if (service === 'containerd' && world.settings.era === 'monolith') return false;
  if (s.state !== 'down' && s.state !== 'restarting') return true;
  return s.lastExit !== null && s.lastExit.startsWith('code=killed');
}

/** Whether anything listens on the socket. */
export function socketListening(world: World, service: 'dockerd' | 'containerd'): boolean {
  const s = world.services[service];
  return s.pid !== null && s.state !== 'down' && s.state !== 'restarting';
}

/** The network namespace file libnetwork names after the sandbox (not the container) ID. */
export function sandboxKey(containerId: string): string {
  return bytesToHex(sha256(utf8ToBytes(`sandbox/${containerId}`))).slice(0, 12);
}
