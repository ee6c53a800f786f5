/**
 * The Swarm part of a machine's Engine API. dockerd answers `/swarm`, `/nodes`, `/services`
 * and `/tasks` (and the Swarm section of `/info`) through SwarmKit: a worker or a machine in
 * no swarm gets dockerd's 503 texts; a manager forwards control calls to the leader, and
 * without one gets SwarmKit's lost-quorum error. Everything else goes on to the machine's own
 * routes (`next`). Shapes follow moby api/types/swarm and ENGINE-API.md.
 */
import { asRecord, asString, apiError, json } from '../api/http';
import { NOT_SWARM_MANAGER } from '../api/system';
import type { ApiRequest, ApiResponse } from '../api/types';
import { ERA_INFO } from '../eras';
import { clusterInfoJson, nodeJson, parseFilters, swarmJson } from './apiJson';
import {
  createService,
  inspectService,
  inspectTask,
  listServices,
  listTasks,
  removeServiceRoute,
  updateService,
} from './apiServices';
import { serviceLogs } from './apiLogs';
import { findNode, versionRefusal } from './lookup';
import {
  ERR,
  nodeRemove,
  nodeUpdate,
  swarmInit,
  swarmJoin,
  swarmLeave,
  type Refusal,
} from './membership';
import { canCommit, connected } from './net';
import type { ClusterRuntime } from './runtime';
import { clusterEndpoint as ep } from './trace';
import type { NodeAvailability, NodeId, NodeRole } from './types';
import { rotateTokens } from './apiTokens';

interface Ctx {
  readonly rt: ClusterRuntime;
  readonly node: NodeId;
  readonly params: readonly string[];
  readonly query: URLSearchParams;
  readonly body: unknown;
}

interface Route {
  readonly method: string;
  readonly pattern: RegExp;
  /** `read` and `write` go through the leader; `local` is dockerd's own business. */
  readonly access: 'local' | 'read' | 'write';
  readonly handler: (ctx: Ctx) => ApiResponse;
}

const refuse = (r: Refusal): ApiResponse => apiError(r.status, r.message);

/** Why a control call on `id` cannot be served, or null. */
function controlRefusal(rt: ClusterRuntime, id: NodeId, write: boolean): Refusal | null {
  const node = rt.world.nodes[id]!;
  if (node.localState !== 'active') return { status: 503, message: NOT_SWARM_MANAGER };
  if (node.role !== 'manager') return { status: 503, message: ERR.notManager };
  if (!rt.world.raft.members.includes(id)) return { status: 503, message: ERR.noManagerYet };
  const leader = rt.world.raft.leader;
  if (!leader || !connected(rt, id, leader)) return { status: 500, message: ERR.lostQuorum };
  if (write && !canCommit(rt)) return { status: 500, message: ERR.lostLeadership };
  return null;
}

const availabilityOf = (v: unknown): NodeAvailability | null =>
  v === 'active' || v === 'pause' || v === 'drain' ? v : null;

const ID = '([^/]+)';
const ROUTES: readonly Route[] = [
  {
    method: 'POST',
    pattern: /^\/swarm\/init$/,
    access: 'local',
    handler: ({ rt, node, body }) => {
      const b = asRecord(body);
      const out = swarmInit(
        rt,
        node,
        b['ForceNewCluster'] === true,
        availabilityOf(b['Availability']) ?? 'active',
      );
      return typeof out === 'string' ? json(200, out) : refuse(out);
    },
  },
  {
    method: 'POST',
    pattern: /^\/swarm\/join$/,
    access: 'local',
    handler: ({ rt, node, body }) => {
      const b = asRecord(body);
      const remotes = Array.isArray(b['RemoteAddrs']) ? b['RemoteAddrs'].map(String) : [];
      const out = swarmJoin(
        rt,
        node,
        asString(b['JoinToken']) ?? '',
        remotes,
        availabilityOf(b['Availability']) ?? 'active',
      );
      return out ? refuse(out) : { status: 200, headers: {} };
    },
  },
  {
    method: 'POST',
    pattern: /^\/swarm\/leave$/,
    access: 'local',
    handler: ({ rt, node, query }) => {
      const out = swarmLeave(rt, node, ['1', 'true', 'True'].includes(query.get('force') ?? ''));
      return out ? refuse(out) : { status: 200, headers: {} };
    },
  },
  {
    method: 'GET',
    pattern: /^\/swarm$/,
    access: 'read',
    handler: ({ rt }) => json(200, swarmJson(rt.world)),
  },
  { method: 'POST', pattern: /^\/swarm\/update$/, access: 'write', handler: rotateTokens },
  {
    method: 'GET',
    pattern: /^\/nodes$/,
    access: 'read',
    handler: ({ rt, query }) => {
      const filters = parseFilters(query);
      if (!filters) return apiError(400, 'invalid filter');
      const roles = filters.get('role');
      const names = filters.get('name');
      const ids = filters.get('id');
      const nodes = Object.values(rt.world.nodes)
        .filter((n) => n.swarmId !== null && n.role !== null)
        .filter((n) => !roles || roles.includes(n.role!))
        .filter((n) => !names || names.some((x) => n.hostname.startsWith(x)))
        .filter((n) => !ids || ids.some((x) => n.swarmId!.startsWith(x)));
      return json(
        200,
        nodes.map((n) => nodeJson(rt, n)),
      );
    },
  },
  {
    method: 'GET',
    pattern: new RegExp(`^/nodes/${ID}$`),
    access: 'read',
    handler: ({ rt, params }) => {
      const found = findNode(rt.world, params[0] ?? '');
      return found.ok ? json(200, nodeJson(rt, found.value)) : refuse(found.refusal);
    },
  },
  {
    method: 'POST',
    pattern: new RegExp(`^/nodes/${ID}/update$`),
    access: 'write',
    handler: ({ rt, params, query, body }) => {
      const found = findNode(rt.world, params[0] ?? '');
      if (!found.ok) return refuse(found.refusal);
      const stale = versionRefusal(query, 'node', found.value.version);
      if (stale) return refuse(stale);
      const b = asRecord(body);
      const role: NodeRole =
        b['Role'] === 'manager' || b['Role'] === 'worker' ? b['Role'] : found.value.role!;
      const labels = Object.fromEntries(
        Object.entries(asRecord(b['Labels'])).filter(
          (e): e is [string, string] => typeof e[1] === 'string',
        ),
      );
      const out = nodeUpdate(rt, found.value.id, {
        role,
        availability: availabilityOf(b['Availability']) ?? found.value.availability,
        labels,
      });
      return out ? refuse(out) : { status: 200, headers: {} };
    },
  },
  {
    method: 'DELETE',
    pattern: new RegExp(`^/nodes/${ID}$`),
    access: 'write',
    handler: ({ rt, params, query }) => {
      const found = findNode(rt.world, params[0] ?? '');
      if (!found.ok) return refuse(found.refusal);
      const out = nodeRemove(
        rt,
        found.value.id,
        ['1', 'true', 'True'].includes(query.get('force') ?? ''),
      );
      return out ? refuse(out) : { status: 200, headers: {} };
    },
  },
  { method: 'GET', pattern: /^\/services$/, access: 'read', handler: (c) => listServices(c.rt, c) },
  {
    method: 'POST',
    pattern: /^\/services\/create$/,
    access: 'write',
    handler: (c) => createService(c.rt, c),
  },
  {
    method: 'GET',
    pattern: new RegExp(`^/services/${ID}$`),
    access: 'read',
    handler: (c) => inspectService(c.rt, c),
  },
  {
    method: 'POST',
    pattern: new RegExp(`^/services/${ID}/update$`),
    access: 'write',
    handler: (c) => updateService(c.rt, c),
  },
  {
    method: 'DELETE',
    pattern: new RegExp(`^/services/${ID}$`),
    access: 'write',
    handler: (c) => removeServiceRoute(c.rt, c),
  },
  {
    method: 'GET',
    pattern: new RegExp(`^/services/${ID}/logs$`),
    access: 'read',
    handler: (c) => serviceLogs(c.rt, c),
  },
  { method: 'GET', pattern: /^\/tasks$/, access: 'read', handler: (c) => listTasks(c.rt, c) },
  {
    method: 'GET',
    pattern: new RegExp(`^/tasks/${ID}$`),
    access: 'read',
    handler: (c) => inspectTask(c.rt, c),
  },
  { method: 'GET', pattern: /^\/(secrets|configs)$/, access: 'read', handler: () => json(200, []) },
];

function versionInRange(rt: ClusterRuntime, node: NodeId, version: string): boolean {
  const era = ERA_INFO[rt.machine(node).sim.world.settings.era];
  const n = (v: string): number => {
    const [major = 0, minor = 0] = v.split('.').map(Number);
    return major * 1000 + minor;
  };
  return n(version) <= n(era.apiVersion) && n(version) >= n(era.minApiVersion);
}

/** Answers a Swarm route on `node`, or hands the request on to the machine's own routes. */
export function swarmRoute(
  rt: ClusterRuntime,
  node: NodeId,
  request: ApiRequest,
  next: () => ApiResponse,
): ApiResponse {
  const [rawPath = '', rawQuery = ''] = request.path.split('?', 2);
  const versioned = /^\/v(\d+\.\d+)(\/.*)$/.exec(rawPath);
  if (versioned && !versionInRange(rt, node, versioned[1]!)) return next();
  const path = versioned ? (versioned[2] ?? '/') : rawPath;
  const method = request.method.toUpperCase();
  if (method === 'GET' && path === '/info') return withSwarmInfo(rt, node, next());
  for (const r of ROUTES) {
    const m = r.pattern.exec(path);
    if (!m || r.method !== method) continue;
    const label = `${method} ${path}`;
    rt.emit('control', ep.dockerd(node), ep.manager(node), label);
    if (r.access !== 'local') {
      const refusal = controlRefusal(rt, node, r.access === 'write');
      if (refusal) {
        rt.emit(
          'control',
          ep.manager(node),
          ep.dockerd(node),
          `${refusal.status}: ${refusal.message}`,
        );
        return refuse(refusal);
      }
      const leader = rt.world.raft.leader!;
      if (leader !== node)
        rt.emit(
          'control',
          ep.manager(node),
          ep.manager(leader),
          `${label} (forwarded to the leader)`,
        );
    }
    const answer = r.handler({
      rt,
      node,
      params: m.slice(1).map(decodeURIComponent),
      query: new URLSearchParams(rawQuery),
      body: request.body,
    });
    rt.emit('control', ep.manager(node), ep.dockerd(node), String(answer.status));
    return answer;
  }
  return next();
}

/** `GET /info`: the machine's answer with its Swarm section filled in (moby Cluster.Info). */
function withSwarmInfo(rt: ClusterRuntime, id: NodeId, answer: ApiResponse): ApiResponse {
  if (answer.status !== 200) return answer;
  const node = rt.world.nodes[id]!;
  const body: Record<string, unknown> = { ...asRecord(answer.body), Name: node.hostname };
  if (node.localState !== 'active') return { ...answer, body };
  const isManager = node.role === 'manager' && rt.world.raft.members.includes(id);
  const refusal = isManager ? controlRefusal(rt, id, false) : null;
  const inSwarm = Object.values(rt.world.nodes).filter(
    (n) => n.swarmId !== null && n.role !== null,
  );
  const managers = inSwarm.filter((n) => n.role === 'manager').length;
  const swarm: Record<string, unknown> = {
    NodeID: node.swarmId,
    NodeAddr: node.addr,
    LocalNodeState: 'active',
    ControlAvailable: isManager,
    Error: refusal?.message ?? '',
    RemoteManagers: rt.world.raft.members.map((m) => ({
      NodeID: rt.world.nodes[m]?.swarmId,
      Addr: rt.world.nodes[m]?.managerStatus?.addr ?? '',
    })),
  };
  const warnings = Array.isArray(body['Warnings']) ? [...(body['Warnings'] as string[])] : [];
  if (isManager && !refusal) {
    swarm['Nodes'] = inSwarm.length;
    swarm['Managers'] = managers;
    swarm['Cluster'] = clusterInfoJson(rt.world);
    if (managers === 2)
      warnings.push(
        'WARNING: Running Swarm in a two-manager configuration. This configuration provides\n         no fault tolerance, and poses a high risk to lose control over the cluster.\n         Refer to https://docs.docker.com/engine/swarm/admin_guide/ to configure the\n         Swarm for fault-tolerance.',
      );
  }
  return {
    ...answer,
    body: { ...body, Swarm: swarm, Warnings: warnings.length > 0 ? warnings : null },
  };
}
