/**
 * `GET /distribution/{name}/json` (../images/distribution.ts): the registry's descriptor and
 * platforms for a reference. The name arrives as the CLI wrote it (`nginx:latest`,
 * `docker.io/library/nginx:latest`, `localhost:5000/app`), URL-decoded by the router.
 * The route came with API 1.30 (Docker 17.06): the 1.10 daemon has no such page.
 */
import { ERA_INFO } from '../eras';
import { inspectDistribution } from '../images/distribution';
import { apiError, fromResult, json, type Handler } from './http';

/** The route exists from Engine API 1.30 on. */
function hasRoute(apiVersion: string): boolean {
  const [major = 0, minor = 0] = apiVersion.split('.').map(Number);
  return major > 1 || (major === 1 && minor >= 30);
}

export const inspect: Handler = (ctx) => {
  if (!hasRoute(ERA_INFO[ctx.h.world.settings.era].apiVersion))
    return apiError(404, 'page not found');
  return fromResult(inspectDistribution(ctx.h, ctx.params[0] ?? ''), (found) => json(200, found));
};
