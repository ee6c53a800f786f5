/**
 * Networks at the level dockerd handles them (libnetwork, inside dockerd; containerd does no
 * networking): the default `bridge` (docker0, 172.17.0.0/16, reachable only by IP), user-defined
 * bridges with DNS by container name, `host` and `none`, and published ports.
 */
import type { DockerHost } from './host';
import type { Container, Endpoint, Network } from './types';

export function findNetwork(h: DockerHost, ref: string): Network | undefined {
  const all = Object.values(h.world.networks);
  return (
    all.find((n) => n.name === ref) ??
    all.find((n) => n.id === ref) ??
    (ref.length >= 1 ? all.find((n) => n.id.startsWith(ref)) : undefined)
  );
}

/** Next free /16 for a user-defined bridge: 172.18.0.0/16, 172.19.0.0/16, ... */
function nextSubnet(h: DockerHost): { subnet: string; gateway: string } {
  const used = new Set(Object.values(h.world.networks).map((n) => n.subnet));
  for (let b = 18; b < 32; b++) {
    const subnet = `172.${b}.0.0/16`;
    if (!used.has(subnet)) return { subnet, gateway: `172.${b}.0.1` };
  }
  for (let c = 0; c < 256; c++) {
    const subnet = `192.168.${c}.0/20`;
    if (!used.has(subnet)) return { subnet, gateway: `192.168.${c}.1` };
  }
  return { subnet: '10.0.0.0/16', gateway: '10.0.0.1' };
}

export function createNetwork(h: DockerHost, name: string): Network {
  const id = h.newId();
  const { subnet, gateway } = nextSubnet(h);
  const network: Network = {
    id,
    name,
    driver: 'bridge',
    bridge: `br-${id.slice(0, 12)}`,
    subnet,
    gateway,
    dns: true,
    builtin: false,
    created: h.now,
    nextHost: 2,
  };
  h.change(
    { op: 'network.add', network },
    'dockerd',
    `network ${name} created (${network.bridge})`,
  );
  return network;
}

function macFor(ip: string): string {
  const parts = ip.split('.').map((n) => Number(n).toString(16).padStart(2, '0'));
  return `02:42:${parts.join(':')}`;
}

/** Connects a starting container: allocates an address on its network (none for host/none). */
export function connectContainer(
  h: DockerHost,
  c: Container,
  networkName: string,
): Record<string, Endpoint> {
  const network = findNetwork(h, networkName === 'default' ? 'bridge' : networkName);
  if (!network || network.driver !== 'bridge' || !network.subnet) return {};
  const prefix = network.subnet.split('.').slice(0, 2).join('.');
  const host = network.nextHost;
  h.change(
    { op: 'network.update', id: network.id, patch: { nextHost: host + 1 } },
    'dockerd',
    `IPAM ${network.name}`,
  );
  const ipAddress = `${prefix}.${Math.floor(host / 256)}.${host % 256}`;
  const aliases = network.dns ? [c.name, c.id.slice(0, 12)] : [];
  return {
    [network.name]: {
      networkId: network.id,
      ipAddress,
      macAddress: macFor(ipAddress),
      gateway: network.gateway ?? '',
      aliases,
    },
  };
}

/** Names a container can resolve: on user-defined networks, its peers by name (embedded DNS). */
export function resolveName(h: DockerHost, from: Container, name: string): string | null {
  for (const [netName, endpoint] of Object.entries(from.networks)) {
    const network = h.world.networks[endpoint.networkId];
    if (!network?.dns) continue;
    for (const peer of Object.values(h.world.containers)) {
      const theirs = peer.networks[netName];
      if (theirs && peer.state === 'running' && (peer.name === name || peer.id.startsWith(name)))
        return theirs.ipAddress;
    }
  }
  return null;
}

/** A host port already published by a running container, or null. */
export function portInUse(h: DockerHost, hostPort: string, except: string): Container | null {
  for (const c of Object.values(h.world.containers)) {
    // A running container holds its ports; so does one whose start is under way (endpoint allocated).
    const holds =
      c.state === 'running' || c.state === 'paused' || Object.keys(c.networks).length > 0;
    if (c.id === except || !holds) continue;
    for (const bindings of Object.values(c.hostConfig.portBindings)) {
      if (bindings.some((b) => b.hostPort === hostPort)) return c;
    }
  }
  return null;
}
