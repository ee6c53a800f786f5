/**
 * `docker swarm init|join|join-token|leave`, with the real CLI's requests and words:
 *   init        `POST /swarm/init` (answer: the new node's ID), then for the join line
 *               `GET /nodes/{id}` (its manager address) and `GET /swarm` (the tokens)
 *   join        `POST /swarm/join`, then `GET /info`: joined as a manager or a worker
 *   join-token  `GET /swarm` (`--rotate` first updates the swarm), `-q` prints the token only,
 *               else `GET /info`, `GET /nodes/{self}`, `GET /swarm` and the join command
 *   leave       `POST /swarm/leave[?force=1]`; a manager's refusal is dockerd's own text
 * Also `nodeReference`, which turns `self` into this node's ID as `docker node` does.
 */
import type { CommandContext } from '../../shell/types';
import { errorText, failed, isError, query, segment, type EngineClient } from '../client';
import type { DockerCall, DockerCommand } from '../command';
import { boolOf, flagOf } from '../flags';
import type { ApiNode } from './swarmApi';
import { refuseUnsupported } from './swarmCli';

interface SwarmJson {
  readonly Version?: { readonly Index?: number };
  readonly Spec?: unknown;
  readonly JoinTokens?: { readonly Worker?: string; readonly Manager?: string };
}

interface InfoJson {
  readonly Swarm?: { readonly NodeID?: string; readonly ControlAvailable?: boolean };
}

const SWARM_PORT = 2377;

/** `host` -> `host:2377`; an address with a port is kept as it is. */
function withPort(addr: string): string {
  return /:\d+$/.test(addr) ? addr : `${addr}:${SWARM_PORT}`;
}

/**
 * What `init` and `join` share: the options the simulation applies, `--availability` checked
 * as the CLI checks it (before sending anything), and the addresses to send. Null once a
 * refusal is printed (the exit status is then 1).
 */
function commonJoinFields(
  call: DockerCall,
  supported: readonly string[],
): {
  ListenAddr: string;
  AdvertiseAddr: string;
  DataPathAddr: string;
  Availability: string;
} | null {
  if (refuseUnsupported(call, [...supported, 'advertise-addr', 'listen-addr', 'availability']))
    return null;
  const given = flagOf(call.flags, 'availability');
  const availability = given?.toLowerCase() ?? '';
  if (given !== undefined && !['active', 'pause', 'drain'].includes(availability)) {
    call.ctx.err(`invalid availability "${given}", only active, pause and drain are supported\n`);
    return null;
  }
  return {
    ListenAddr: withPort(flagOf(call.flags, 'listen-addr') ?? '0.0.0.0'),
    AdvertiseAddr: flagOf(call.flags, 'advertise-addr') ?? '',
    DataPathAddr: '',
    Availability: availability,
  };
}

/** `self` -> this node's ID from `GET /info`; any other reference is used as given. */
export function nodeReference(
  client: EngineClient,
  ref: string,
): { ok: true; id: string } | { ok: false; error: string } {
  if (ref !== 'self') return { ok: true, id: ref };
  const info = client.get('/info');
  if (isError(info)) return { ok: false, error: errorText(info) };
  const id = (info.body as InfoJson).Swarm?.NodeID ?? '';
  if (id !== '') return { ok: true, id };
  // Not a manager, probably: a swarm route gives the daemon's own, clearer, error.
  const nodes = client.get('/nodes');
  if (isError(nodes)) return { ok: false, error: errorText(nodes) };
  return { ok: false, error: 'node ID not found in /info' };
}

/** The join command for workers and/or managers, if the node is a manager. */
function printJoinCommand(
  ctx: CommandContext,
  client: EngineClient,
  nodeId: string,
  roles: readonly ('worker' | 'manager')[],
): number {
  const node = client.get(`/nodes/${segment(nodeId)}`);
  if (failed(ctx, node)) return 1;
  const swarm = client.get('/swarm');
  if (failed(ctx, swarm)) return 1;
  const addr = (node.body as ApiNode).ManagerStatus?.Addr;
  const tokens = (swarm.body as SwarmJson).JoinTokens;
  if (addr === undefined) return 0;
  for (const role of roles) {
    const token = role === 'worker' ? tokens?.Worker : tokens?.Manager;
    ctx.out(
      `To add a ${role} to this swarm, run the following command:\n\n    docker swarm join --token ${token ?? ''} ${addr}\n\n`,
    );
  }
  return 0;
}

export const swarmInit: DockerCommand = {
  path: 'swarm init',
  args: { kind: 'none' },
  run: (call) => {
    const { ctx, client, flags } = call;
    const fields = commonJoinFields(call, ['force-new-cluster']);
    if (!fields) return 1;
    const response = client.post('/swarm/init', {
      ListenAddr: fields.ListenAddr,
      AdvertiseAddr: fields.AdvertiseAddr,
      DataPathAddr: fields.DataPathAddr,
      DataPathPort: 0,
      ForceNewCluster: boolOf(flags, 'force-new-cluster'),
      Spec: {
        Labels: null,
        Orchestration: {},
        Raft: { ElectionTick: 0, HeartbeatTick: 0 },
        Dispatcher: {},
        CAConfig: {},
        TaskDefaults: {},
        EncryptionConfig: { AutoLockManagers: false },
      },
      AutoLockManagers: false,
      Availability: fields.Availability,
      DefaultAddrPool: [],
      SubnetSize: 24,
    });
    if (isError(response)) {
      const text = errorText(response);
      const noAddress =
        /could not choose an IP address to advertise|could not find the system's IP address/;
      ctx.err(`${text}${noAddress.test(text) ? ' - specify one with --advertise-addr' : ''}\n`);
      return 1;
    }
    const nodeId = String(response.body);
    ctx.out(`Swarm initialized: current node (${nodeId}) is now a manager.\n\n`);
    if (printJoinCommand(ctx, client, nodeId, ['worker']) !== 0) return 1;
    ctx.out(
      "To add a manager to this swarm, run 'docker swarm join-token manager' and follow the instructions.\n",
    );
    return 0;
  },
};

export const swarmJoin: DockerCommand = {
  path: 'swarm join',
  args: { kind: 'exact', n: 1 },
  run: (call) => {
    const { ctx, client, flags, args } = call;
    const fields = commonJoinFields(call, ['token']);
    if (!fields) return 1;
    const joined = client.post('/swarm/join', {
      ListenAddr: fields.ListenAddr,
      AdvertiseAddr: fields.AdvertiseAddr,
      DataPathAddr: fields.DataPathAddr,
      RemoteAddrs: [args[0] ?? ''],
      JoinToken: flagOf(flags, 'token') ?? '',
      Availability: fields.Availability,
    });
    if (failed(ctx, joined)) return 1;
    const info = client.get('/info');
    if (failed(ctx, info)) return 1;
    const manager = (info.body as InfoJson).Swarm?.ControlAvailable === true;
    ctx.out(`This node joined a swarm as a ${manager ? 'manager' : 'worker'}.\n`);
    return 0;
  },
};

export const swarmJoinToken: DockerCommand = {
  path: 'swarm join-token',
  args: { kind: 'exact', n: 1 },
  run: ({ ctx, client, flags, args }) => {
    const role = args[0] ?? '';
    if (role !== 'worker' && role !== 'manager') {
      ctx.err(`unknown role ${role}\n`);
      return 1;
    }
    const quiet = boolOf(flags, 'quiet');
    if (boolOf(flags, 'rotate')) {
      const before = client.get('/swarm');
      if (failed(ctx, before)) return 1;
      const swarm = before.body as SwarmJson;
      const rotated = client.post(
        `/swarm/update${query({
          rotateManagerToken: String(role === 'manager'),
          rotateManagerUnlockKey: 'false',
          rotateWorkerToken: String(role === 'worker'),
          version: swarm.Version?.Index ?? 0,
        })}`,
        swarm.Spec ?? {},
      );
      if (failed(ctx, rotated)) return 1;
      if (!quiet) ctx.out(`Successfully rotated ${role} join token.\n\n`);
    }
    const swarm = client.get('/swarm');
    if (failed(ctx, swarm)) return 1;
    if (quiet) {
      const tokens = (swarm.body as SwarmJson).JoinTokens;
      ctx.out(`${(role === 'worker' ? tokens?.Worker : tokens?.Manager) ?? ''}\n`);
      return 0;
    }
    const info = client.get('/info');
    if (failed(ctx, info)) return 1;
    return printJoinCommand(ctx, client, (info.body as InfoJson).Swarm?.NodeID ?? '', [role]);
  },
};

export const swarmLeave: DockerCommand = {
  path: 'swarm leave',
  args: { kind: 'none' },
  run: ({ ctx, client, flags }) => {
    const response = client.post(`/swarm/leave${query({ force: boolOf(flags, 'force') })}`);
    if (failed(ctx, response)) return 1;
    ctx.out('Node left the swarm.\n');
    return 0;
  },
};
