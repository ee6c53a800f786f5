/**
 * The Engine API requests the real `docker` CLI sends for the swarm commands the cluster view
 * offers (`swarm init`, `swarm join`, `service create`, `service scale`, `node update
 * --availability`), as data for Cluster.request. Bodies follow docker/cli's own request types
 * (swarm.InitRequest, swarm.JoinRequest, swarm.ServiceSpec, swarm.NodeSpec); the spec sent on
 * an update is the one just read back with its version, changed in one field, as the CLI does.
 * Contract: pure; no state, no clock.
 */
import type { ApiRequest } from '../../sim/api/types';
import { SWARM_PORT } from '../../sim/cluster/defaults';

export const API = '/v1.51';
const SECOND_NS = 1_000_000_000;

export function swarmInit(advertiseAddr: string): ApiRequest {
  return {
    method: 'POST',
    path: `${API}/swarm/init`,
    body: {
      ListenAddr: `0.0.0.0:${SWARM_PORT}`,
      AdvertiseAddr: advertiseAddr,
      DataPathAddr: '',
      DataPathPort: 0,
      DefaultAddrPool: null,
      SubnetSize: 0,
      ForceNewCluster: false,
      Spec: {
        Orchestration: { TaskHistoryRetentionLimit: 5 },
        Raft: { SnapshotInterval: 10000, LogEntriesForSlowFollowers: 500 },
        Dispatcher: { HeartbeatPeriod: 5 * SECOND_NS },
        CAConfig: { NodeCertExpiry: 90 * 24 * 3600 * SECOND_NS },
        EncryptionConfig: { AutoLockManagers: false },
      },
      AutoLockManagers: false,
      Availability: 'active',
    },
  };
}

export const swarmInspect: ApiRequest = { method: 'GET', path: `${API}/swarm` };

export function swarmJoin(managerAddr: string, token: string): ApiRequest {
  return {
    method: 'POST',
    path: `${API}/swarm/join`,
    body: {
      ListenAddr: `0.0.0.0:${SWARM_PORT}`,
      AdvertiseAddr: '',
      DataPathAddr: '',
      RemoteAddrs: [`${managerAddr}:${SWARM_PORT}`],
      JoinToken: token,
      Availability: 'active',
    },
  };
}

export interface ServiceOptions {
  readonly name: string;
  readonly image: string;
  readonly replicas: number;
  /** `-p published:target` (tcp, through the routing mesh). */
  readonly ports?: readonly { readonly published: number; readonly target: number }[];
}

/** `GET /distribution/{image}/json`: the CLI pins the image to its digest before creating. */
export function distributionInspect(image: string): ApiRequest {
  return { method: 'GET', path: `${API}/distribution/${image}/json` };
}

export function serviceCreate(options: ServiceOptions, pinnedImage: string): ApiRequest {
  return {
    method: 'POST',
    path: `${API}/services/create`,
    body: {
      Name: options.name,
      Labels: {},
      TaskTemplate: {
        ContainerSpec: { Image: pinnedImage, Init: false, StopGracePeriod: 10 * SECOND_NS },
        Resources: { Limits: {}, Reservations: {} },
        RestartPolicy: { Condition: 'any', Delay: 5 * SECOND_NS, MaxAttempts: 0 },
        Placement: {},
        ForceUpdate: 0,
        Runtime: 'container',
      },
      Mode: { Replicated: { Replicas: options.replicas } },
      UpdateConfig: {
        Parallelism: 1,
        FailureAction: 'pause',
        Monitor: 5 * SECOND_NS,
        MaxFailureRatio: 0,
        Order: 'stop-first',
      },
      EndpointSpec: {
        Mode: 'vip',
        Ports: (options.ports ?? []).map((p) => ({
          Protocol: 'tcp',
          TargetPort: p.target,
          PublishedPort: p.published,
          PublishMode: 'ingress',
        })),
      },
    },
  };
}

export function serviceInspect(nameOrId: string): ApiRequest {
  return { method: 'GET', path: `${API}/services/${nameOrId}?insertDefaults=false` };
}

/** `POST /services/{id}/update?version=N` with the full spec, as `docker service scale` sends. */
export function serviceUpdate(id: string, version: number, spec: unknown): ApiRequest {
  return { method: 'POST', path: `${API}/services/${id}/update?version=${version}`, body: spec };
}

export function nodeInspect(nameOrId: string): ApiRequest {
  return { method: 'GET', path: `${API}/nodes/${nameOrId}` };
}

/** `POST /nodes/{id}/update?version=N` with the node's spec, as `docker node update` sends. */
export function nodeUpdate(id: string, version: number, spec: unknown): ApiRequest {
  return { method: 'POST', path: `${API}/nodes/${id}/update?version=${version}`, body: spec };
}
