/**
 * `docker push NAME[:TAG]`: `POST /images/{name}/push?tag=`, its progress stream printed as
 * the CLI prints it without a TTY (the same printer as pull's), then, with `-q`, the reference
 * pushed. A push the registry refuses is followed by one line of this simulation's own, saying
 * how the lesson goes on: a registry of your own on localhost:5000.
 */
import { HUB_DENIED } from '../../../sim/images/push';
import { familiarName, fullName, parseReference } from '../../../sim/images/reference';
import { errorText, isError, query } from '../client';
import type { DockerCommand } from '../command';
import { boolOf } from '../flags';
import { renderProgress } from './pullStream';

const RUN_REGISTRY = 'docker run -d -p 5000:5000 --name registry registry:2';

/** The simulation's hint after a registry error, or null. */
export function registryHint(error: string): string | null {
  if (error === HUB_DENIED) {
    return `docker-anatomy: this host has no Docker Hub login (docker login is not simulated), so Docker Hub turns the push away; run a registry of your own: ${RUN_REGISTRY}, then docker tag app localhost:5000/app and docker push localhost:5000/app\n`;
  }
  if (/Get "http:\/\/(localhost|127\.0\.0\.1):5000\/v2\/".*connection refused$/.test(error)) {
    return `docker-anatomy: nothing listens on port 5000: start a registry with ${RUN_REGISTRY}\n`;
  }
  return null;
}

export const push: DockerCommand = {
  path: 'push',
  args: { kind: 'exact', n: 1 },
  run: ({ ctx, client, flags, args }) => {
    const name = args[0] ?? '';
    const all = boolOf(flags, 'all-tags');
    const quiet = boolOf(flags, 'quiet');
    const parsed = parseReference(name);
    if (!parsed.ok) {
      ctx.err(`${parsed.error}\n`);
      return 1;
    }
    const ref = parsed.ref;
    // A name only (no tag, no digest) after the last slash.
    const nameOnly = !ref.digest && !/:[^/]*$/.test(name);
    if (all && !nameOnly) {
      ctx.err("tag can't be used with --all-tags/-a\n");
      return 1;
    }
    if (ref.digest) {
      ctx.err('cannot push a digest reference\n');
      return 1;
    }
    const tag = ref.tag ?? 'latest';
    if (!all && nameOnly && !quiet) ctx.out(`Using default tag: ${tag}\n`);
    const response = client.post(
      `/images/${familiarName(ref)}/push${query({ tag: all ? undefined : tag })}`,
    );
    if (isError(response)) {
      ctx.err(`${errorText(response)}\n`);
      return 1;
    }
    const rendered = renderProgress(response.stream ?? []);
    if (!quiet) for (const line of rendered.lines) ctx.out(`${line}\n`);
    if (!rendered.ok) {
      ctx.err(`${rendered.error}\n`);
      const hint = registryHint(rendered.error);
      if (hint) ctx.err(hint);
      return 1;
    }
    if (quiet) ctx.out(`${fullName(ref)}${all ? '' : `:${tag}`}\n`);
    return 0;
  },
};
