/**
 * Which registry a reference's domain reaches, as dockerd finds out when it dials it:
 * Docker Hub (the catalogue; pushes need a login this host does not have), another remote
 * registry (pulls work as Docker Hub's do; pushes are refused), or a registry on this host
 * (`localhost:5000`), which answers only while a `registry:2` container runs with that port
 * published; otherwise the dial is refused, in dockerd's words.
 *
 * A local registry keeps its data in /var/lib/registry: on the volume mounted there (the image
 * declares it, so a plain `docker run` gets an anonymous one), on a bind-mounted directory, or
 * else in the container itself. Its store in World.registries is keyed by that place, so
 * `docker rm -f registry` loses the pushed images unless a named volume is reused.
 */
import type { DockerHost } from '../host';
import type { EndpointId } from '../trace';
import type { Container } from '../types';
import type { RegistryStore } from './registryStore';

export type RegistryEndpoint =
  | { readonly kind: 'hub' }
  | { readonly kind: 'remote'; readonly host: string }
  | { readonly kind: 'refused'; readonly host: string; readonly error: string }
  | {
      readonly kind: 'local';
      readonly host: string;
      readonly containerId: string;
      /** World.registries key and the stamp the store must carry to be this registry's. */
      readonly key: string;
      readonly stamp: number;
    };

const REGISTRY_DATA = '/var/lib/registry';
/** The port the registry listens on inside its container (config.yml: `addr: :5000`). */
const REGISTRY_PORT = '5000/tcp';

function loopbackAddress(hostname: string): string | null {
  if (hostname === 'localhost' || hostname === '127.0.0.1') return '127.0.0.1';
  return null;
}

/** Does this running container serve a registry on host port `port`? */
function servesOn(h: DockerHost, c: Container, port: string): boolean {
  if (c.state !== 'running') return false;
  if (!h.world.images[c.imageId]?.binaries.includes('registry')) return false;
  if (c.hostConfig.networkMode === 'host') return port === '5000';
  return (c.hostConfig.portBindings[REGISTRY_PORT] ?? []).some((b) => b.hostPort === port);
}

/** Where a registry container keeps its data, and the stamp of that place. */
function storageOf(h: DockerHost, c: Container): { key: string; stamp: number } {
  const mount = c.mounts.find((m) => m.destination === REGISTRY_DATA);
  if (mount?.type === 'volume') {
    return { key: `volume:${mount.source}`, stamp: h.world.volumes[mount.source]?.created ?? 0 };
  }
  if (mount?.type === 'bind') return { key: `bind:${mount.source}`, stamp: 0 };
  return { key: `container:${c.id}`, stamp: c.created };
}

export function resolveEndpoint(h: DockerHost, domain: string): RegistryEndpoint {
  if (domain === 'docker.io') return { kind: 'hub' };
  const colon = domain.lastIndexOf(':');
  const hostname = colon >= 0 ? domain.slice(0, colon) : domain;
  const address = loopbackAddress(hostname);
  if (!address) return { kind: 'remote', host: domain };
  // Without a port dockerd tries https (443), then falls back to plain http (80) for a
  // loopback registry, which is insecure by default; the last error is the one reported.
  const port = colon >= 0 ? domain.slice(colon + 1) : '80';
  const server = Object.values(h.world.containers).find((c) => servesOn(h, c, port));
  if (!server) {
    return {
      kind: 'refused',
      host: domain,
      error: `Get "http://${domain}/v2/": dial tcp ${address}:${port}: connect: connection refused`,
    };
  }
  return { kind: 'local', host: domain, containerId: server.id, ...storageOf(h, server) };
}

/** The diagram node a registry's packets go to: the registry node, or the registry container. */
export function registryNode(endpoint: RegistryEndpoint): EndpointId {
  return endpoint.kind === 'local' ? `container:${endpoint.containerId}` : 'registry';
}

/** The local registry's store, if it has one for its current storage. */
export function storeOf(h: DockerHost, endpoint: RegistryEndpoint): RegistryStore | null {
  if (endpoint.kind !== 'local') return null;
  const store = h.world.registries[endpoint.key];
  return store && store.stamp === endpoint.stamp ? store : null;
}

/** The local registry's store, made (empty) the first time something is pushed to it. */
export function ensureStore(
  h: DockerHost,
  endpoint: Extract<RegistryEndpoint, { kind: 'local' }>,
): RegistryStore {
  const existing = storeOf(h, endpoint);
  if (existing) return existing;
  h.change(
    { op: 'registry.reset', key: endpoint.key, stamp: endpoint.stamp },
    `container:${endpoint.containerId}`,
    `registry storage ${endpoint.key}`,
  );
  return h.world.registries[endpoint.key] as RegistryStore;
}
