/**
 * `POST /swarm/update?version=N&rotateWorkerToken=true|rotateManagerToken=true`, which
 * `docker swarm join-token --rotate` sends: a new secret for the token, the CA part kept; the
 * old token stops working for new joins.
 */
import { apiError } from '../api/http';
import type { ApiResponse } from '../api/types';
import { joinToken } from './ids';
import { versionRefusal } from './lookup';
import type { ClusterRuntime } from './runtime';

export function rotateTokens(ctx: { rt: ClusterRuntime; query: URLSearchParams }): ApiResponse {
  const { rt, query } = ctx;
  const stale = versionRefusal(query, 'swarm', rt.world.swarmVersion);
  if (stale) return apiError(stale.status, stale.message);
  const tokens = rt.world.joinTokens;
  if (!tokens) return { status: 200, headers: {} };
  const ca = tokens.worker.split('-')[2] ?? '';
  const yes = (name: string): boolean => ['1', 'true', 'True'].includes(query.get(name) ?? '');
  const index = rt.nextIndex();
  rt.change(
    {
      op: 'swarm',
      patch: {
        swarmVersion: index,
        joinTokens: {
          worker: yes('rotateWorkerToken') ? joinToken(ca, rt.random()) : tokens.worker,
          manager: yes('rotateManagerToken') ? joinToken(ca, rt.random()) : tokens.manager,
        },
      },
      index,
    },
    'raft',
    'join tokens rotated',
  );
  return { status: 200, headers: {} };
}
