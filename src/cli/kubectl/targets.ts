/**
 * The objects a write names, as kubectl's resource builder reads its arguments: `TYPE NAME...`,
 * `TYPE/NAME...` or `TYPE` alone (with --all). Errors are the builder's own words;
 * `namedTargets` prints them as kubectl does (`error: ...`, status 1).
 */
import { plainError } from './errors';
import { resolveResource, type ResourceInfo } from './resources';
import type { KubeCommandContext } from './types';

export interface Target {
  readonly info: ResourceInfo;
  readonly name: string;
}

export type Targets =
  | {
      readonly ok: true;
      /** Named objects, in the order given. */
      readonly targets: readonly Target[];
      /** The types given without names (`kubectl delete pods --all`). */
      readonly types: readonly ResourceInfo[];
    }
  | { readonly ok: false; readonly error: string };

export const NO_RESOURCES = `You must provide one or more resources by argument or filename.
Example resource specifications include:
   '-f rsrc.yaml'
   '--filename=rsrc.json'
   '<resource> <name>'
   '<resource>'`;

export const NO_TYPE_WITH_SLASH =
  "there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'";

export function parseTargets(args: readonly string[]): Targets {
  const [first] = args;
  if (first === undefined) return { ok: false, error: NO_RESOURCES };
  if (first.includes('/')) {
    const targets: Target[] = [];
    for (const arg of args) {
      const slash = arg.indexOf('/');
      if (slash <= 0 || slash === arg.length - 1)
        return {
          ok: false,
          error: 'arguments in resource/name form must have a single resource and name',
        };
      const resolved = resolveResource(arg.slice(0, slash));
      if (!resolved.ok) return { ok: false, error: resolved.message };
      targets.push({ info: resolved.info, name: arg.slice(slash + 1) });
    }
    return { ok: true, targets, types: [] };
  }
  const names = args.slice(1);
  if (names.some((n) => n.includes('/'))) return { ok: false, error: NO_TYPE_WITH_SLASH };
  const types: ResourceInfo[] = [];
  for (const type of first.split(',')) {
    const resolved = resolveResource(type);
    if (!resolved.ok) return { ok: false, error: resolved.message };
    if (!types.includes(resolved.info)) types.push(resolved.info);
  }
  const targets = types.flatMap((info) => names.map((name) => ({ info, name })));
  return { ok: true, targets, types: names.length > 0 ? [] : types };
}

/**
 * The objects a write names, or the status of kubectl's refusal, printed: arguments it cannot
 * read, names given together with `--all` (`all`), or a type without names and without it.
 */
export function namedTargets(
  ctx: KubeCommandContext,
  args: readonly string[],
  all = false,
): Extract<Targets, { ok: true }> | number {
  const named = parseTargets(args);
  if (!named.ok) return plainError(ctx, named.error);
  if (all && named.targets.length > 0)
    return plainError(ctx, 'name cannot be provided when a selector is specified');
  if (!all && named.targets.length === 0)
    return plainError(ctx, 'resource(s) were provided, but no name was specified');
  return named;
}
