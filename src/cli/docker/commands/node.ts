/**
 * `docker node ls|promote|demote|update|rm`, with the real CLI's requests and output:
 *   ls       `GET /nodes`, then `GET /info` (unless `-q` or no node) to mark this node `*`;
 *            sorted by hostname; ID, HOSTNAME, STATUS, AVAILABILITY, MANAGER STATUS, ENGINE
 *   promote / demote / update
 *            per node `GET /nodes/{ref}`, then `POST /nodes/{id}/update?version=N` with the
 *            whole spec changed (role, availability, labels); the first error stops it
 *   rm       `DELETE /nodes/{ref}[?force=1]`, each name printed back, errors last
 *   ps       per node (`self` by default) `GET /nodes/{ref}` and `GET /tasks?filters=
 *            {"node":...}`, printed as `docker service ps` prints tasks
 */
import { errorText, failed, isError, query, segment } from '../client';
import type { DockerCall, DockerCommand } from '../command';
import { boolOf, flagOf, listOf } from '../flags';
import { printList } from '../format/list';
import type { ApiNode, ApiTask } from './swarmApi';
import { filtersJson, naturalCompare, parseFilterFlags, pretty } from './swarmApi';
import { printTasks } from './serviceTasks';
import { nodeReference } from './swarm';
import { listWithFilters, removeEach, usageError } from './swarmCli';

const TABLE =
  'table {{.ID}} {{if .Self}}*{{else}} {{ end }}\t{{.Hostname}}\t{{.Status}}\t{{.Availability}}\t{{.ManagerStatus}}\t{{.EngineVersion}}';
const HEADERS = {
  ID: 'ID',
  Self: '',
  Hostname: 'HOSTNAME',
  Status: 'STATUS',
  Availability: 'AVAILABILITY',
  ManagerStatus: 'MANAGER STATUS',
  EngineVersion: 'ENGINE VERSION',
  TLSStatus: 'TLS STATUS',
};

export const nodeLs: DockerCommand = {
  path: 'node ls',
  args: { kind: 'none' },
  run: (call) => {
    const { ctx, client, flags } = call;
    const listed = listWithFilters<ApiNode>(call, 'node ls', '/nodes', false);
    if (!listed.ok) return listed.status;
    const nodes = listed.items;
    const quiet = boolOf(flags, 'quiet');
    let self = '';
    if (nodes.length > 0 && !quiet) {
      const info = client.get('/info');
      if (failed(ctx, info)) return 1;
      self = (info.body as { Swarm?: { NodeID?: string } }).Swarm?.NodeID ?? '';
    }
    const rows = [...nodes]
      .sort((a, b) => naturalCompare(a.Description?.Hostname ?? '', b.Description?.Hostname ?? ''))
      .map((n) => ({
        ID: n.ID,
        Self: n.ID === self,
        Hostname: n.Description?.Hostname ?? '',
        Status: pretty(n.Status?.State),
        Availability: pretty(n.Spec?.Availability),
        ManagerStatus: n.ManagerStatus
          ? n.ManagerStatus.Leader
            ? 'Leader'
            : pretty(n.ManagerStatus.Reachability)
          : '',
        EngineVersion: n.Description?.Engine?.EngineVersion ?? '',
        // The simulated nodes carry no TLS certificates to compare.
        TLSStatus: 'Unknown',
      }));
    return printList(ctx, rows, quiet ? '{{.ID}}' : flagOf(flags, 'format'), {
      table: TABLE,
      headers: HEADERS,
    });
  },
};

type Merge = (node: ApiNode) => { spec: NonNullable<ApiNode['Spec']> } | { skip: true } | string;

/** docker/cli's updateNodes: read, merge, write back, per node; stops at the first error. */
function updateNodes(
  call: DockerCall,
  refs: readonly string[],
  merge: Merge,
  success: (ref: string) => string,
): number {
  const { ctx, client } = call;
  for (const ref of refs) {
    const read = client.get(`/nodes/${segment(ref)}`);
    if (failed(ctx, read)) return 1;
    const node = read.body as ApiNode;
    const merged = merge(node);
    if (typeof merged === 'string') {
      ctx.err(`${merged}\n`);
      return 1;
    }
    if ('skip' in merged) continue;
    const written = client.post(
      `/nodes/${node.ID}/update${query({ version: node.Version?.Index ?? 0 })}`,
      merged.spec,
    );
    if (failed(ctx, written)) return 1;
    ctx.out(success(ref));
  }
  return 0;
}

function roleChange(role: 'manager' | 'worker', path: string): DockerCommand {
  return {
    path,
    args: { kind: 'min', n: 1 },
    run: (call) =>
      updateNodes(
        call,
        call.args,
        (node) => {
          if (node.Spec?.Role === role) {
            call.ctx.out(`Node ${node.ID} is already a ${role}.\n`);
            return { skip: true };
          }
          return { spec: { ...(node.Spec ?? {}), Role: role } };
        },
        (ref) =>
          role === 'manager'
            ? `Node ${ref} promoted to a manager in the swarm.\n`
            : `Manager ${ref} demoted in the swarm.\n`,
      ),
  };
}

export const nodePromote = roleChange('manager', 'node promote');
export const nodeDemote = roleChange('worker', 'node demote');

export const nodeUpdate: DockerCommand = {
  path: 'node update',
  args: { kind: 'exact', n: 1 },
  run: (call) => {
    const { flags } = call;
    const ref = call.args[0] ?? '';
    return updateNodes(
      call,
      [ref],
      (node) => {
        const spec = { ...(node.Spec ?? {}) };
        const role = flagOf(flags, 'role');
        if (role !== undefined) spec.Role = role;
        const availability = flagOf(flags, 'availability');
        if (availability !== undefined) spec.Availability = availability;
        const labels = { ...(spec.Labels ?? {}) };
        for (const word of listOf(flags, 'label-add')) {
          const eq = word.indexOf('=');
          labels[eq === -1 ? word : word.slice(0, eq)] = eq === -1 ? '' : word.slice(eq + 1);
        }
        for (const key of listOf(flags, 'label-rm')) {
          if (!Object.hasOwn(labels, key)) return `key ${key} doesn't exist in node's labels`;
          delete labels[key];
        }
        return { spec: { ...spec, Labels: labels } };
      },
      () => `${ref}\n`,
    );
  },
};

export const nodeRm: DockerCommand = {
  path: 'node rm',
  args: { kind: 'min', n: 1 },
  run: (call) =>
    removeEach(
      call,
      (ref) => `/nodes/${segment(ref)}${query({ force: boolOf(call.flags, 'force') })}`,
    ),
};

export const nodePs: DockerCommand = {
  path: 'node ps',
  args: { kind: 'any' },
  run: (call) => {
    const { ctx, client, flags, args } = call;
    const filters = parseFilterFlags(listOf(flags, 'filter'));
    if (!filters.ok) return usageError(call, 'node ps', filters.error);
    const errors: string[] = [];
    const tasks: ApiTask[] = [];
    for (const ref of args.length > 0 ? args : ['self']) {
      const id = nodeReference(client, ref);
      if (!id.ok) {
        errors.push(id.error);
        continue;
      }
      const node = client.get(`/nodes/${segment(id.id)}`);
      if (isError(node)) {
        errors.push(errorText(node));
        continue;
      }
      const pairs: [string, string][] = [...filters.pairs, ['node', (node.body as ApiNode).ID]];
      const listed = client.get(`/tasks${query({ filters: filtersJson(pairs) })}`);
      if (isError(listed)) errors.push(errorText(listed));
      else tasks.push(...((listed.body as ApiTask[] | undefined) ?? []));
    }
    if (errors.length === 0 || tasks.length > 0) {
      const status = printTasks(ctx, client, tasks, {
        noTrunc: boolOf(flags, 'no-trunc'),
        noResolve: boolOf(flags, 'no-resolve'),
        quiet: boolOf(flags, 'quiet'),
        format: flagOf(flags, 'format'),
      });
      if (status !== 0) return status;
    }
    if (errors.length === 0) return 0;
    ctx.err(`${errors.join('\n')}\n`);
    return 1;
  },
};
