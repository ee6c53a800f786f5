/**
 * The commands that change a service, as the real CLI sends them: each reads the service
 * (`GET /services/{ref}?insertDefaults=false`) and sends the whole spec back to
 * `POST /services/{id}/update?version={Version.Index}` (the version guards against a
 * concurrent change):
 *   `service scale web=5 [api=2]`  `web scaled to 5` per service, then the progress of each
 *   `service update [flags] web`   query `registryAuthFrom=spec`; `--image` asks the registry
 *                                  first; `--rollback` asks the daemon for the previous spec
 *   `service rollback web`         query `rollback=previous`
 *   `service rm web`               `DELETE /services/{ref}`, the name printed back
 * Errors are joined and printed last, as the CLI's errors.Join does.
 */
import { errorText, failed, isError, query, segment, type EngineClient } from '../client';
import type { DockerCall, DockerCommand } from '../command';
import { boolOf } from '../flags';
import { printProblem, UPDATE_OPTIONS } from './serviceCreate';
import { waitOnServices, type WaitTarget } from './serviceProgress';
import { updateSpec } from './serviceSpec';
import type { ApiService, ApiServiceSpec } from './swarmApi';
import {
  printWarnings,
  refuseUnsupported,
  removeEach,
  resolveImage,
  taggedImage,
} from './swarmCli';

type Read = { ok: true; service: ApiService } | { ok: false; error: string };

function readService(client: EngineClient, ref: string): Read {
  const response = client.get(`/services/${segment(ref)}${query({ insertDefaults: 'false' })}`);
  if (isError(response)) return { ok: false, error: errorText(response) };
  return { ok: true, service: response.body as ApiService };
}

/** The spec with its image tagged, as the client's ServiceUpdate sends it. */
function withTaggedImage(spec: ApiServiceSpec): ApiServiceSpec {
  const container = spec.TaskTemplate?.ContainerSpec;
  if (!container?.Image) return spec;
  return {
    ...spec,
    TaskTemplate: {
      ...spec.TaskTemplate,
      ContainerSpec: { ...container, Image: taggedImage(container.Image) },
    },
  };
}

function sendUpdate(
  client: EngineClient,
  service: ApiService,
  spec: ApiServiceSpec,
  params: Readonly<Record<string, string>>,
) {
  return client.post(
    `/services/${service.ID}/update${query({ ...params, version: service.Version?.Index ?? 0 })}`,
    withTaggedImage(spec),
  );
}

/** `SERVICE=REPLICAS` words, checked as cobra checks them before anything is sent. */
function checkScaleArgs(args: readonly string[], name: string): string | null {
  for (const arg of args) {
    const eq = arg.indexOf('=');
    if (eq <= 0 || eq === arg.length - 1)
      return `invalid scale specifier '${arg}'.\nSee '${name} --help'.\n\nUsage:  ${name} SERVICE=REPLICAS [SERVICE=REPLICAS...]\n\nScale one or multiple replicated services\n`;
  }
  return null;
}

export const serviceScale: DockerCommand = {
  path: 'service scale',
  args: { kind: 'min', n: 1 },
  checkArgs: checkScaleArgs,
  run: ({ ctx, client, flags, args }) => {
    const errors: string[] = [];
    const scaled: WaitTarget[] = [];
    for (const arg of args) {
      const eq = arg.indexOf('=');
      const ref = arg.slice(0, eq);
      const value = arg.slice(eq + 1);
      if (!/^\d+$/.test(value) || BigInt(value) > 2n ** 64n - 1n) {
        const why = /^\d+$/.test(value) ? 'value out of range' : 'invalid syntax';
        errors.push(
          `${ref}: invalid replicas value ${value}: strconv.ParseUint: parsing "${value}": ${why}`,
        );
        continue;
      }
      const read = readService(client, ref);
      if (!read.ok) {
        errors.push(`${ref}: ${read.error}`);
        continue;
      }
      const spec = read.service.Spec ?? {};
      if (!spec.Mode?.Replicated) {
        errors.push(`${ref}: scale can only be used with replicated or replicated-job mode`);
        continue;
      }
      const replicas = Number(value);
      const response = sendUpdate(
        client,
        read.service,
        {
          ...spec,
          Mode: { ...spec.Mode, Replicated: { ...spec.Mode.Replicated, Replicas: replicas } },
        },
        {},
      );
      if (isError(response)) {
        errors.push(`${ref}: ${errorText(response)}`);
        continue;
      }
      printWarnings(ctx, (response.body as { Warnings?: string[] | null }).Warnings ?? []);
      ctx.out(`${ref} scaled to ${value.replace(/^0+(?=\d)/, '')}\n`);
      scaled.push({ ref, errorPrefix: `${ref}: ` });
    }
    if (scaled.length === 0 || boolOf(flags, 'detach')) {
      for (const error of errors) ctx.err(`${error}\n`);
      return errors.length > 0 ? 1 : 0;
    }
    return waitOnServices(ctx, client, scaled, { quiet: false, errors });
  },
};

/** After an update request: the warnings, the service as named, then the progress. */
function afterUpdate(call: DockerCall, ref: string, warnings: readonly (string | null)[]) {
  printWarnings(call.ctx, warnings);
  call.ctx.out(`${ref}\n`);
  if (boolOf(call.flags, 'detach')) return 0;
  return waitOnServices(call.ctx, call.client, [{ ref, errorPrefix: '' }], {
    quiet: boolOf(call.flags, 'quiet'),
  });
}

export const serviceUpdate: DockerCommand = {
  path: 'service update',
  args: { kind: 'exact', n: 1 },
  run: (call) => {
    const { ctx, client, flags, args } = call;
    const refused = refuseUnsupported(call, UPDATE_OPTIONS);
    if (refused !== null) return refused;
    // Bad flag values are cobra's to reject, before any request.
    const dry = updateSpec(flags, { Mode: { Replicated: {} } });
    if (!dry.ok && dry.problem.usage) return printProblem(call, 'service update', dry.problem);
    const ref = args[0] ?? '';
    const read = readService(client, ref);
    if (!read.ok) {
      ctx.err(`${read.error}\n`);
      return 1;
    }
    const rollback = boolOf(flags, 'rollback');
    if (rollback) {
      const others = [...flags.keys()].filter((f) => !['rollback', 'detach', 'quiet'].includes(f));
      if (others.length > 0) {
        ctx.err('other flags may not be combined with --rollback\n');
        return 1;
      }
    }
    let spec = read.service.Spec ?? {};
    let warning: string | null = null;
    if (!rollback) {
      const updated = updateSpec(flags, spec);
      if (!updated.ok) return printProblem(call, 'service update', updated.problem);
      spec = updated.spec;
      if (flags.has('image') && !boolOf(flags, 'no-resolve-image'))
        ({ spec, warning } = resolveImage(client, withTaggedImage(spec)));
    }
    const response = sendUpdate(client, read.service, spec, {
      registryAuthFrom: 'spec',
      ...(rollback ? { rollback: 'previous' } : {}),
    });
    if (failed(ctx, response)) return 1;
    const warnings = (response.body as { Warnings?: string[] | null }).Warnings ?? [];
    return afterUpdate(call, ref, [...warnings, warning]);
  },
};

export const serviceRollback: DockerCommand = {
  path: 'service rollback',
  args: { kind: 'exact', n: 1 },
  run: (call) => {
    const { ctx, client, args } = call;
    const ref = args[0] ?? '';
    const read = readService(client, ref);
    if (!read.ok) {
      ctx.err(`${read.error}\n`);
      return 1;
    }
    const response = sendUpdate(client, read.service, read.service.Spec ?? {}, {
      rollback: 'previous',
    });
    if (failed(ctx, response)) return 1;
    return afterUpdate(call, ref, (response.body as { Warnings?: string[] | null }).Warnings ?? []);
  },
};

export const serviceRm: DockerCommand = {
  path: 'service rm',
  args: { kind: 'min', n: 1 },
  run: (call) => removeEach(call, (ref) => `/services/${segment(ref)}`),
};
