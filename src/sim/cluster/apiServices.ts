/**
 * `/services` and `/tasks` on a manager: create, list, inspect, update (with `?version=` and
 * `?rollback=previous`), remove; list and inspect tasks with the CLI's filters. Errors in
 * SwarmKit's and dockerd's words.
 */
import { apiError, json, type RouteContext } from '../api/http';
import type { ApiResponse } from '../api/types';
import { generateName } from '../names';
import { parseFilters, serviceJson, taskJson, upToDate } from './apiJson';
import { findNode, findService, findTask, versionRefusal } from './lookup';
import type { ClusterRuntime } from './runtime';
import { specFromApi } from './spec';
import { patchTask, putService, removeService } from './store';
import { taskName } from './tasks';
import type { PortConfig, ServiceSpec, SwarmService } from './types';

type Ctx = Pick<RouteContext, 'params' | 'query' | 'body'>;

const BAD_FILTERS = apiError(400, 'invalid filter');

/** Ingress ports taken by other services; ports left at 0 get the next free one from 30000. */
function allocatePorts(
  rt: ClusterRuntime,
  spec: ServiceSpec,
  self: string | null,
): ServiceSpec | string {
  const taken = new Map<number, SwarmService>();
  for (const s of Object.values(rt.world.services))
    if (s.id !== self) for (const p of s.spec.ports) taken.set(p.publishedPort, s);
  const ports: PortConfig[] = [];
  for (const p of spec.ports) {
    let published = p.publishedPort;
    if (published === 0 && p.publishMode === 'ingress') {
      published = 30000;
      while (taken.has(published) || ports.some((q) => q.publishedPort === published)) published++;
    }
    const holder = taken.get(published);
    if (holder && p.publishMode === 'ingress')
      return `rpc error: code = InvalidArgument desc = port '${published}' is already in use by service '${holder.spec.name}' (${holder.id}) as an ingress port`;
    ports.push({ ...p, publishedPort: published });
  }
  return { ...spec, ports };
}

function parse(rt: ClusterRuntime, body: unknown): ServiceSpec | ApiResponse {
  const parsed = specFromApi(body, () =>
    generateName(
      (n) => rt.jitter(0, n - 1),
      (name) => Object.values(rt.world.services).some((s) => s.spec.name === name),
    ),
  );
  return parsed.ok ? parsed.spec : apiError(parsed.status, parsed.message);
}

export function createService(rt: ClusterRuntime, ctx: Ctx): ApiResponse {
  const spec = parse(rt, ctx.body);
  if ('status' in spec) return spec;
  if (Object.values(rt.world.services).some((s) => s.spec.name === spec.name))
    return apiError(
      409,
      `rpc error: code = AlreadyExists desc = name conflicts with an existing object: service ${spec.name} already exists`,
    );
  const withPorts = allocatePorts(rt, spec, null);
  if (typeof withPorts === 'string') return apiError(400, withPorts);
  const s = putService(
    rt,
    {
      id: rt.newId(),
      version: 0,
      specVersion: 1,
      createdAt: rt.now,
      updatedAt: rt.now,
      spec: withPorts,
      previousSpec: null,
      updateStatus: null,
    },
    'raft',
    `service ${spec.name} created`,
  );
  return json(201, { ID: s.id });
}

export function updateService(rt: ClusterRuntime, ctx: Ctx): ApiResponse {
  const found = findService(rt.world, ctx.params[0] ?? '');
  if (!found.ok) return apiError(found.refusal.status, found.refusal.message);
  const s = found.value;
  const stale = versionRefusal(ctx.query, 'service', s.version);
  if (stale) return apiError(stale.status, stale.message);
  let next: SwarmService;
  if (ctx.query.get('rollback') === 'previous') {
    if (!s.previousSpec)
      return apiError(
        400,
        `rpc error: code = FailedPrecondition desc = service ${s.id} does not have a previous spec`,
      );
    next = {
      ...s,
      spec: s.previousSpec,
      previousSpec: s.spec,
      specVersion: s.specVersion + 1,
      updateStatus: {
        state: 'rollback_started',
        startedAt: rt.now,
        completedAt: null,
        message: 'manually requested rollback',
      },
    };
  } else {
    const spec = parse(rt, ctx.body);
    if ('status' in spec) return spec;
    if (spec.name !== s.spec.name)
      return apiError(
        501,
        'rpc error: code = Unimplemented desc = renaming services is not supported',
      );
    const withPorts = allocatePorts(rt, spec, s.id);
    if (typeof withPorts === 'string') return apiError(400, withPorts);
    const changed = JSON.stringify(withPorts) !== JSON.stringify(s.spec);
    next = {
      ...s,
      spec: withPorts,
      previousSpec: s.spec,
      specVersion: s.specVersion + (changed ? 1 : 0),
      updateStatus: null,
    };
  }
  if (rt.world.updates[s.id])
    rt.change(
      { op: 'updater.remove', id: s.id },
      'orchestrator',
      `${s.spec.name}: update superseded`,
    );
  putService(rt, next, 'raft', `service ${s.spec.name} updated`);
  return json(200, { Warnings: null });
}

export function removeServiceRoute(rt: ClusterRuntime, ctx: Ctx): ApiResponse {
  const found = findService(rt.world, ctx.params[0] ?? '');
  if (!found.ok) return apiError(found.refusal.status, found.refusal.message);
  const s = found.value;
  removeService(rt, s.id, 'raft', `service ${s.spec.name} removed`);
  for (const t of rt.tasksOf(s.id))
    if (t.desiredState !== 'remove')
      patchTask(rt, t.id, { desiredState: 'remove' }, 'orchestrator', `${t.id}: service removed`);
  rt.dirty.add(s.id);
  return { status: 200, headers: {} };
}

export function listServices(rt: ClusterRuntime, ctx: Ctx): ApiResponse {
  const filters = parseFilters(ctx.query);
  if (!filters) return BAD_FILTERS;
  const status = ctx.query.get('status') === 'true' || ctx.query.get('status') === '1';
  const ids = filters.get('id');
  const names = filters.get('name');
  const modes = filters.get('mode');
  const list = Object.values(rt.world.services)
    .filter((s) => !ids || ids.some((i) => s.id.startsWith(i)))
    .filter((s) => !names || names.some((n) => s.spec.name.startsWith(n)))
    .filter((s) => !modes || modes.includes('global' in s.spec.mode ? 'global' : 'replicated'))
    .sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
  return json(
    200,
    list.map((s) => serviceJson(rt.world, s, status)),
  );
}

export function inspectService(rt: ClusterRuntime, ctx: Ctx): ApiResponse {
  const found = findService(rt.world, ctx.params[0] ?? '');
  if (!found.ok) return apiError(found.refusal.status, found.refusal.message);
  return json(200, serviceJson(rt.world, found.value, false));
}

export function listTasks(rt: ClusterRuntime, ctx: Ctx): ApiResponse {
  const filters = parseFilters(ctx.query);
  if (!filters) return BAD_FILTERS;
  const services: string[] = [];
  for (const ref of filters.get('service') ?? []) {
    const found = findService(rt.world, ref);
    if (!found.ok) return apiError(found.refusal.status, found.refusal.message);
    services.push(found.value.id);
  }
  const nodes: string[] = [];
  for (const ref of filters.get('node') ?? []) {
    const found = findNode(rt.world, ref);
    if (!found.ok) return apiError(found.refusal.status, found.refusal.message);
    nodes.push(found.value.id);
  }
  const desired = filters.get('desired-state');
  const ids = filters.get('id');
  const names = filters.get('name');
  const list = Object.values(rt.world.tasks)
    .filter((t) => filters.get('service') === undefined || services.includes(t.serviceId))
    .filter(
      (t) => filters.get('node') === undefined || (t.nodeId !== null && nodes.includes(t.nodeId)),
    )
    .filter((t) => !desired || desired.includes(t.desiredState))
    .filter((t) => !ids || ids.some((i) => t.id.startsWith(i)))
    .filter((t) => !names || names.includes(taskName(rt.world, t)))
    .filter((t) => !filters.has('_up-to-date') || upToDate(rt.world, t))
    .sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
  return json(
    200,
    list.map((t) => taskJson(rt, t)),
  );
}

export function inspectTask(rt: ClusterRuntime, ctx: Ctx): ApiResponse {
  const found = findTask(rt.world, ctx.params[0] ?? '');
  if (!found.ok) return apiError(found.refusal.status, found.refusal.message);
  return json(200, taskJson(rt, found.value));
}
