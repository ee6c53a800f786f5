/**
 * kubectl's error texts and exit statuses: everything it refuses ends with status 1. Usage
 * errors name the command's help (`See 'kubectl get --help' for usage.`), the API server's
 * refusals are `Error from server (Reason): message`, and an unreachable API server is the
 * port's own words. Where this simulation leaves out something real, it says so plainly rather
 * than pretending the server lacks it.
 */
import type { KubeResult } from '../../sim/kube/inputs';
import type { KubeCommandContext } from './types';

/** A flag error from pflag, as kubectl's flag error function prints it. */
export function flagError(ctx: KubeCommandContext, path: string, message: string): number {
  ctx.err(`error: ${message}\nSee '${path} --help' for usage.\n`);
  return 1;
}

/** cmdutil.UsageErrorf: a misuse caught after the flags parsed. */
export function usageError(ctx: KubeCommandContext, path: string, message: string): number {
  ctx.err(`error: ${message}\nSee '${path} -h' for help and examples\n`);
  return 1;
}

/** A plain `error: ...` (cmdutil.CheckErr on an ordinary error). */
export function plainError(ctx: KubeCommandContext, message: string): number {
  ctx.err(`error: ${message}\n`);
  return 1;
}

/** kubectl's words for a flag that exists in the real tool but not in this simulation. */
export function unsupportedFlags(ctx: KubeCommandContext, path: string, longs: readonly string[]) {
  const list = longs.map((l) => (l.length === 1 ? `-${l}` : `--${l}`)).join(', ');
  ctx.err(
    `error: ${list}: the real ${path} has ${longs.length > 1 ? 'these flags' : 'this flag'}, but this simulation does not model ${longs.length > 1 ? 'them' : 'it'}\n`,
  );
  return 1;
}

/** The API server cannot be reached: every command that talks to it stops here. */
export function unreachable(ctx: KubeCommandContext): number {
  const text = ctx.port.connectionRefused();
  ctx.err(text.endsWith('\n') ? text : `${text}\n`);
  return 1;
}

/** The first line of a refused request, as kubectl prints a StatusError. */
export function serverErrorText(result: Extract<KubeResult, { ok: false }>): string {
  return result.code === 0
    ? result.message
    : `Error from server (${result.reason}): ${result.message}`;
}

export function serverError(ctx: KubeCommandContext, result: Extract<KubeResult, { ok: false }>) {
  const text = serverErrorText(result);
  ctx.err(text.endsWith('\n') ? text : `${text}\n`);
  return 1;
}

/** A GET of a named object that is not there. `resource` is `pods`, `deployments.apps`, `nodes`. */
export function notFoundText(resource: string, name: string): string {
  return `Error from server (NotFound): ${resource} "${name}" not found`;
}
