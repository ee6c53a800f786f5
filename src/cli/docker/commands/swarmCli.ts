/**
 * What the swarm, node and service commands share on the CLI side: cobra's flag-error print
 * (the problem, the usage line, the help pointer, exit 125), an honest refusal of the real
 * options this simulation does not apply, `ls` with `-f` filters, `rm` of several objects
 * (errors joined after), and the image step of `service create|update`: the reference tagged
 * (`nginx` -> `nginx:latest`) and, unless `--no-resolve-image`, `GET /distribution/{image}/json`
 * to pin the digest and platforms, with the client's warning when the registry cannot be asked.
 */
import { familiarTagged, parseReference } from '../../../sim/images/reference';
import type { CommandContext } from '../../shell/types';
import { errorText, failed, isError, query, type EngineClient } from '../client';
import type { DockerCall } from '../command';
import { listOf } from '../flags';
import { commandReference } from '../reference';
import type { ApiServiceSpec } from './swarmApi';
import { filtersJson, parseFilterFlags } from './swarmApi';

/** A bad flag value, as cobra prints it: with the usage and `--help` pointer, exit 125. */
export function usageError(call: DockerCall, path: string, text: string): number {
  const usage = commandReference(path)?.usage ?? `Usage:  ${call.name}`;
  call.ctx.err(`${text}\n\n${usage}\n\nRun '${call.name} --help' for more information\n`);
  return 125;
}

/**
 * Exit 1 with an honest message if a real option that this simulation does not model was
 * given (applying part of a command line silently would teach the wrong thing); else null.
 */
export function refuseUnsupported(call: DockerCall, supported: readonly string[]): number | null {
  const allowed = new Set([...supported, 'help']);
  const other = [...call.flags.keys()].filter((f) => !allowed.has(f));
  if (other.length === 0) return null;
  call.ctx.err(
    `docker-anatomy: ${other.map((f) => `--${f}`).join(', ')} of '${call.name}' is a real option that this simulation does not apply.\n`,
  );
  return 1;
}

/** `nginx` -> `nginx:latest` (the client tags an untagged image before it sends the spec). */
export function taggedImage(image: string): string {
  const parsed = parseReference(image);
  if (!parsed.ok || parsed.ref.digest) return image;
  return familiarTagged(parsed.ref);
}

interface DistributionJson {
  readonly Descriptor?: { readonly digest?: string };
  readonly Platforms?: readonly { readonly architecture?: string; readonly os?: string }[];
}

/**
 * Pins the spec's image to the registry's digest (`nginx:latest@sha256:...`) and records the
 * platforms it exists for; when the registry cannot be asked, the image is left as it is and
 * the client's warning is returned (it is printed only if the request then succeeds).
 */
export function resolveImage(
  client: EngineClient,
  spec: ApiServiceSpec,
): { spec: ApiServiceSpec; warning: string | null } {
  const image = spec.TaskTemplate?.ContainerSpec?.Image ?? '';
  const response = client.get(`/distribution/${image}/json`);
  if (isError(response))
    return {
      spec,
      warning: `image ${image} could not be accessed on a registry to record\nits digest. Each node will access ${image} independently,\npossibly leading to different nodes running different\nversions of the image.\n`,
    };
  const body = response.body as DistributionJson;
  const digest = body.Descriptor?.digest;
  const platforms = (body.Platforms ?? []).map((p) => ({
    // The client drops "arm": nodes report armv7l and the like, which would never match.
    Architecture: p.architecture?.toLowerCase() === 'arm' ? '' : (p.architecture ?? ''),
    OS: p.os ?? '',
  }));
  const task = spec.TaskTemplate ?? {};
  const placement = (task['Placement'] as Record<string, unknown> | undefined) ?? {};
  return {
    spec: {
      ...spec,
      TaskTemplate: {
        ...task,
        ContainerSpec: {
          ...(task.ContainerSpec ?? {}),
          Image: digest ? `${image.replace(/@.*$/, '')}@${digest}` : image,
        },
        ...(platforms.length > 0 ? { Placement: { ...placement, Platforms: platforms } } : {}),
      },
    },
    warning: null,
  };
}

/** Prints the daemon's and the client's warnings, one per line, to stderr. */
export function printWarnings(
  ctx: CommandContext,
  warnings: readonly (string | null | undefined)[],
): void {
  for (const warning of warnings) if (warning) ctx.err(`${warning}\n`);
}

/**
 * `service rm` / `node rm`: one DELETE per name, each name printed back on success; the
 * errors are joined and printed after, as errors.Join does; exit 1 if any failed.
 */
export function removeEach(call: DockerCall, pathOf: (ref: string) => string): number {
  const errors: string[] = [];
  for (const ref of call.args) {
    const response = call.client.delete(pathOf(ref));
    if (isError(response)) errors.push(errorText(response));
    else call.ctx.out(`${ref}\n`);
  }
  for (const error of errors) call.ctx.err(`${error}\n`);
  return errors.length > 0 ? 1 : 0;
}

/**
 * `ls` of nodes or services: the `-f key=value` filters (a bad one is a flag error) sent as
 * `GET {route}?filters=...[&status=true]`; the list, or the exit status once the error is printed.
 */
export function listWithFilters<T>(
  call: DockerCall,
  path: string,
  route: string,
  status: boolean,
): { ok: true; items: T[] } | { ok: false; status: number } {
  const filters = parseFilterFlags(listOf(call.flags, 'filter'));
  if (!filters.ok) return { ok: false, status: usageError(call, path, filters.error) };
  const response = call.client.get(
    `${route}${query({ filters: filtersJson(filters.pairs), status: status ? 'true' : undefined })}`,
  );
  if (failed(call.ctx, response)) return { ok: false, status: 1 };
  return { ok: true, items: (response.body as T[] | undefined) ?? [] };
}
