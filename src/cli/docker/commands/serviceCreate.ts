/**
 * `docker service create [OPTIONS] IMAGE [COMMAND] [ARG...]`, request by request as the real
 * CLI sends them: `GET /distribution/{image}/json` (unless `--no-resolve-image`), then
 * `POST /services/create` with the spec; the new service's ID is printed, then, unless `-d`,
 * the convergence progress until every task runs (./serviceProgress.ts).
 */
import { failed } from '../client';
import type { DockerCall, DockerCommand } from '../command';
import { boolOf } from '../flags';
import { waitOnServices } from './serviceProgress';
import { createSpec, type Problem } from './serviceSpec';
import {
  printWarnings,
  refuseUnsupported,
  resolveImage,
  taggedImage,
  usageError,
} from './swarmCli';

/** The options of `service create` and `service update` that the simulation applies. */
const COMMON = [
  'detach',
  'quiet',
  'replicas',
  'no-resolve-image',
  'with-registry-auth',
  ...['update', 'rollback'].flatMap((p) =>
    ['parallelism', 'delay', 'monitor', 'failure-action', 'max-failure-ratio', 'order'].map(
      (n) => `${p}-${n}`,
    ),
  ),
];
export const CREATE_OPTIONS = [
  ...COMMON,
  'name',
  'mode',
  'publish',
  'env',
  'label',
  'constraint',
  'init',
];
export const UPDATE_OPTIONS = [
  ...COMMON,
  'image',
  'args',
  'env-add',
  'env-rm',
  'label-add',
  'label-rm',
  'publish-add',
  'publish-rm',
  'force',
  'rollback',
];

/** Prints a spec problem: a bad flag value as cobra does (exit 125), else the error (exit 1). */
export function printProblem(call: DockerCall, path: string, problem: Problem): number {
  if (problem.usage) return usageError(call, path, problem.text);
  call.ctx.err(`${problem.text}\n`);
  return 1;
}

export const serviceCreate: DockerCommand = {
  path: 'service create',
  args: { kind: 'min', n: 1 },
  interspersed: false,
  run: (call) => {
    const { ctx, client, flags, args } = call;
    const refused = refuseUnsupported(call, CREATE_OPTIONS);
    if (refused !== null) return refused;
    const [image = '', ...command] = args;
    const built = createSpec(flags, taggedImage(image), command);
    if (!built.ok) return printProblem(call, 'service create', built.problem);
    const resolved = boolOf(flags, 'no-resolve-image')
      ? { spec: built.spec, warning: null }
      : resolveImage(client, built.spec);
    const created = client.post('/services/create', resolved.spec);
    if (failed(ctx, created)) return 1;
    const body = created.body as { ID: string; Warnings?: string[] | null };
    printWarnings(ctx, [...(body.Warnings ?? []), resolved.warning]);
    ctx.out(`${body.ID}\n`);
    if (boolOf(flags, 'detach')) return 0;
    return waitOnServices(ctx, client, [{ ref: body.ID, errorPrefix: '' }], {
      quiet: boolOf(flags, 'quiet'),
    });
  },
};
