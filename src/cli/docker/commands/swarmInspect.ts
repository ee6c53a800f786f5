/**
 * `docker service inspect` and `docker node inspect`: the objects as the daemon sent them,
 * 4-space indented in one JSON array (`[]` when none was found, then the errors), or each
 * through `-f TEMPLATE`, or `--pretty`: the human-friendly text, all or nothing (the first
 * error stops it before anything is printed, as the CLI buffers that output).
 *   service  `GET /services/{ref}?insertDefaults=true`; a 404 reads `Error: no such service: X`
 *   node     `GET /nodes/{ref}` (`self` is this node, from `GET /info`)
 */
import { errorText, isError, query, segment } from '../client';
import type { DockerCall, DockerCommand } from '../command';
import { boolOf, flagOf } from '../flags';
import { TemplateError } from '../format/goTemplate';
import { formatTemplate } from './inspect';
import { nodePretty } from './nodePretty';
import { servicePretty } from './servicePretty';
import { nodeReference } from './swarm';
import type { ApiNode, ApiService } from './swarmApi';

type Fetched = { ok: true; value: unknown } | { ok: false; error: string };

function inspectEach(
  call: DockerCall,
  fetch: (ref: string) => Fetched,
  pretty: ((value: unknown, nowMs: number) => string) | null,
): number {
  const { ctx, args, flags } = call;
  if (pretty) {
    const nowMs = ctx.host.world.epochMs + ctx.host.now;
    let text = '';
    for (const ref of args) {
      const got = fetch(ref);
      if (!got.ok) {
        ctx.err(`${got.error}\n`);
        return 1;
      }
      text += pretty(got.value, nowMs);
    }
    ctx.out(text);
    return 0;
  }
  const template = formatTemplate(ctx, flagOf(flags, 'format'));
  if (template === 'error') return 1;
  const found: unknown[] = [];
  const errors: string[] = [];
  for (const ref of args) {
    const got = fetch(ref);
    if (!got.ok) errors.push(got.error);
    else if (!template) found.push(got.value);
    else {
      try {
        ctx.out(`${template.execute(got.value)}\n`);
      } catch (e) {
        if (!(e instanceof TemplateError)) throw e;
        errors.push(e.message);
      }
    }
  }
  if (!template) ctx.out(`${JSON.stringify(found, null, 4)}\n`);
  for (const error of errors) ctx.err(`${error}\n`);
  return errors.length > 0 ? 1 : 0;
}

export const serviceInspect: DockerCommand = {
  path: 'service inspect',
  args: { kind: 'min', n: 1 },
  run: (call) => {
    const { ctx, client, flags } = call;
    const pretty = boolOf(flags, 'pretty');
    const format = flagOf(flags, 'format') ?? '';
    if (pretty && format !== '') {
      ctx.err('--format is incompatible with human friendly format\n');
      return 1;
    }
    if (format.startsWith('pretty')) {
      if (format !== 'pretty') {
        ctx.err('Cannot supply extra formatting options to the pretty template\n');
        return 1;
      }
    }
    const fetch = (ref: string): Fetched => {
      const r = client.get(`/services/${segment(ref)}${query({ insertDefaults: 'true' })}`);
      if (!isError(r)) return { ok: true, value: r.body };
      return {
        ok: false,
        error:
          r.status === 404 && !r.connectionRefused
            ? `Error: no such service: ${ref}`
            : errorText(r),
      };
    };
    return inspectEach(
      call,
      fetch,
      pretty || format === 'pretty' ? (v, now) => servicePretty(v as ApiService, now) : null,
    );
  },
};

export const nodeInspect: DockerCommand = {
  path: 'node inspect',
  args: { kind: 'min', n: 1 },
  run: (call) => {
    const { ctx, client, flags } = call;
    const format = boolOf(flags, 'pretty') ? 'pretty' : (flagOf(flags, 'format') ?? '');
    if (format.startsWith('pretty') && format !== 'pretty') {
      ctx.err('cannot supply extra formatting options to the pretty template\n');
      return 1;
    }
    const fetch = (ref: string): Fetched => {
      const id = nodeReference(client, ref);
      if (!id.ok) return id;
      const r = client.get(`/nodes/${segment(id.id)}`);
      return isError(r) ? { ok: false, error: errorText(r) } : { ok: true, value: r.body };
    };
    return inspectEach(call, fetch, format === 'pretty' ? (v) => nodePretty(v as ApiNode) : null);
  },
};
