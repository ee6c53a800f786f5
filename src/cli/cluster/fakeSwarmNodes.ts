/**
 * The nodes of the FakeSwarm test double (./fakeSwarm.ts): three machines, node-1 the leader,
 * answering `GET /nodes`, `GET|DELETE /nodes/{id or hostname}` and `POST /nodes/{id}/update`
 * (checked against the node's version, as SwarmKit checks it) in dockerd's JSON shapes.
 */
import type { ApiResponse } from '../../sim/api/types';
import type { ApiNode } from '../docker/commands/swarmApi';

export const json = (status: number, body: unknown): ApiResponse => ({ status, headers: {}, body });
export const error = (status: number, message: string): ApiResponse => json(status, { message });

type NodeSpec = NonNullable<ApiNode['Spec']>;

export class FakeNodes {
  readonly ids = [
    'n1aaaaaaaaaaaaaaaaaaaaaaa',
    'n2bbbbbbbbbbbbbbbbbbbbbbb',
    'n3ccccccccccccccccccccccc',
  ];
  /** Node specs changed by `POST /nodes/{id}/update`, with their new version. */
  private readonly changed = new Map<string, { spec: NodeSpec; version: number }>();

  constructor(
    private readonly time: (ms: number) => string,
    private readonly nextVersion: () => number,
  ) {}

  answer(method: string, path: string, query: URLSearchParams, body: unknown): ApiResponse | null {
    if (method === 'GET' && path === '/nodes')
      return json(
        200,
        this.ids.map((id, i) => this.node(id, i)),
      );
    const ref = /^\/nodes\/([^/]+?)(\/update)?$/.exec(path)?.[1];
    if (ref === undefined) return null;
    const i = this.ids.findIndex((n, k) => n === ref || `node-${k + 1}` === ref);
    const id = this.ids[i];
    if (id === undefined) return error(404, `node ${ref} not found`);
    if (method === 'GET') return json(200, this.node(id, i));
    if (method === 'DELETE')
      return query.get('force') === '1'
        ? json(200, null)
        : error(
            400,
            `rpc error: code = FailedPrecondition desc = node ${id} is not down and can't be removed`,
          );
    if (Number(query.get('version')) !== this.node(id, i).Version?.Index)
      return error(500, 'update out of sequence');
    this.changed.set(id, { spec: body as NodeSpec, version: this.nextVersion() });
    return json(200, null);
  }

  private node(id: string, index: number): ApiNode {
    const changed = this.changed.get(id);
    const leader = index === 0;
    return {
      ID: id,
      Version: { Index: changed?.version ?? 9 },
      CreatedAt: this.time(0),
      Spec: changed?.spec ?? {
        Role: leader ? 'manager' : 'worker',
        Availability: 'active',
        Labels: {},
      },
      Description: {
        Hostname: `node-${index + 1}`,
        Platform: { Architecture: 'x86_64', OS: 'linux' },
        Resources: { NanoCPUs: 2e9, MemoryBytes: 2 * 1024 ** 3 },
        Engine: {
          EngineVersion: '28.2.2',
          Plugins: [
            { Type: 'Network', Name: 'bridge' },
            { Type: 'Log', Name: 'json-file' },
            { Type: 'Network', Name: 'overlay' },
          ],
        },
      },
      Status: { State: 'ready', Addr: `10.0.0.${11 + index}` },
      ...(leader
        ? { ManagerStatus: { Leader: true, Reachability: 'reachable', Addr: '10.0.0.11:2377' } }
        : {}),
    };
  }
}
