/**
 * `/networks/...` routes. Networking is dockerd's (libnetwork), not containerd's.
 */
import { createNetwork, findNetwork } from '../network';
import type { DockerHost } from '../host';
import type { Network } from '../types';
import { apiError, asRecord, asString, isoTime, json, noContent, type Handler } from './http';

function members(h: DockerHost, n: Network): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const c of Object.values(h.world.containers)) {
    const e = c.networks[n.name];
    if (!e) continue;
    out[c.id] = {
      Name: c.name,
      EndpointID: e.networkId.slice(0, 8) + c.id.slice(0, 56),
      MacAddress: e.macAddress,
      IPv4Address: `${e.ipAddress}/16`,
      IPv6Address: '',
    };
  }
  return out;
}

function networkJson(h: DockerHost, n: Network, verbose: boolean): Record<string, unknown> {
  return {
    Name: n.name,
    Id: n.id,
    Created: isoTime(h, n.created),
    Scope: 'local',
    Driver: n.driver,
    EnableIPv6: false,
    IPAM: {
      Driver: 'default',
      Options: null,
      Config: n.subnet ? [{ Subnet: n.subnet, Gateway: n.gateway }] : [],
    },
    Internal: false,
    Attachable: false,
    Ingress: false,
    ConfigFrom: { Network: '' },
    ConfigOnly: false,
    Containers: verbose ? members(h, n) : {},
    Options:
      n.bridge === 'docker0'
        ? {
            'com.docker.network.bridge.name': 'docker0',
            'com.docker.network.bridge.default_bridge': 'true',
          }
        : {},
    Labels: {},
  };
}

export const list: Handler = (ctx) =>
  json(
    200,
    Object.values(ctx.h.world.networks)
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((n) => networkJson(ctx.h, n, false)),
  );

export const inspect: Handler = (ctx) => {
  const n = findNetwork(ctx.h, ctx.params[0] ?? '');
  return n
    ? json(200, networkJson(ctx.h, n, true))
    : apiError(404, `network ${ctx.params[0] ?? ''} not found`);
};

export const create: Handler = (ctx) => {
  const body = asRecord(ctx.body);
  const name = asString(body['Name']) ?? '';
  const driver = asString(body['Driver']) || 'bridge';
  if (name === '') return apiError(400, 'network name must not be empty');
  if (!/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/.test(name))
    return apiError(400, `invalid network name "${name}"`);
  if (Object.values(ctx.h.world.networks).some((n) => n.name === name))
    return apiError(409, `network with name ${name} already exists`);
  if (driver !== 'bridge') {
    if (driver === 'overlay') {
      return apiError(
        503,
        'This node is not a swarm manager. Use "docker swarm init" or "docker swarm join" to connect this node to swarm and try again.',
      );
    }
    return apiError(404, `plugin "${driver}" not found`);
  }
  const n = createNetwork(ctx.h, name);
  ctx.h.change(
    {
      op: 'event',
      event: {
        type: 'network',
        action: 'create',
        actorId: n.id,
        attributes: { name, type: 'bridge' },
        time: ctx.h.now,
      },
    },
    'dockerd',
    'event network create',
  );
  return json(201, { Id: n.id, Warning: '' });
};

export const remove: Handler = (ctx) => {
  const h = ctx.h;
  const n = findNetwork(h, ctx.params[0] ?? '');
  if (!n) return apiError(404, `network ${ctx.params[0] ?? ''} not found`);
  if (n.builtin) return apiError(403, `${n.name} is a pre-defined network and cannot be removed`);
  const inUse = Object.values(h.world.containers).some(
    (c) =>
      c.networks[n.name] !== undefined ||
      (c.hostConfig.networkMode === n.name && (c.state === 'running' || c.state === 'paused')),
  );
  if (inUse)
    return apiError(
      403,
      `error while removing network: network ${n.name} id ${n.id} has active endpoints`,
    );
  h.change({ op: 'network.remove', id: n.id }, 'dockerd', `network ${n.name} removed`);
  h.change(
    {
      op: 'event',
      event: {
        type: 'network',
        action: 'destroy',
        actorId: n.id,
        attributes: { name: n.name, type: 'bridge' },
        time: h.now,
      },
    },
    'dockerd',
    'event network destroy',
  );
  return noContent();
};
