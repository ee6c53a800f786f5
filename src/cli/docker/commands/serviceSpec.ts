/**
 * `docker service create|update` flags turned into the service spec the CLI sends (Go's
 * `swarm.ServiceSpec` field names), with the CLI's own refusals before any request:
 * `Unknown mode: foo, ...`, `replicas can only be used with replicated ... mode`, and bad
 * flag values (`invalid argument "abc" for "-p, --publish" flag: invalid containerPort: abc`),
 * which cobra prints with the usage and exit 125 (`usage: true`).
 *
 * Contract: pure; `createSpec` builds a new spec, `updateSpec` returns a changed copy of the
 * spec read from the daemon and leaves every field no flag names as it was, so the update
 * request carries the full spec back (the daemon replaces the whole spec).
 */
import { parse as shellParse } from 'shell-quote';
import { boolOf, flagOf, listOf, type FlagValues } from '../flags';
import type { ApiPort, ApiServiceSpec, ApiUpdateConfig } from './swarmApi';

export type Problem = { readonly text: string; readonly usage: boolean };
export type SpecResult = { ok: true; spec: ApiServiceSpec } | { ok: false; problem: Problem };

const fail = (text: string, usage = false): SpecResult => ({ ok: false, problem: { text, usage } });

const UNIT_NS: Readonly<Record<string, number>> = {
  ns: 1,
  us: 1e3,
  µs: 1e3,
  ms: 1e6,
  s: 1e9,
  m: 60e9,
  h: 3600e9,
};

/** Go's time.ParseDuration, in nanoseconds (the flag parser has checked the syntax). */
export function durationNs(text: string): number {
  let total = 0;
  for (const m of text.matchAll(/(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|ms|s|m|h)/g))
    total += Number(m[1]) * (UNIT_NS[m[2] ?? 's'] ?? 0);
  return Math.round(text.startsWith('-') ? -total : total);
}

/** `-p [published:]target[/proto]` or `published=8080,target=80[,protocol=udp][,mode=host]`. */
export function parseServicePort(value: string): ApiPort | string {
  if (value.includes('=')) {
    const fields: Record<string, string> = {};
    for (const part of value.split(',')) {
      const [key = '', v = ''] = part.split('=', 2);
      if (!['published', 'target', 'protocol', 'mode'].includes(key.toLowerCase()))
        return `invalid field key ${key}`;
      fields[key.toLowerCase()] = v;
    }
    const target = Number(fields['target'] ?? '');
    if (!Number.isInteger(target) || target <= 0) return 'missing mandatory field "target"';
    return {
      Protocol: fields['protocol'] ?? 'tcp',
      TargetPort: target,
      PublishedPort: Number(fields['published'] ?? 0),
      PublishMode: fields['mode'] ?? 'ingress',
    };
  }
  const [address = '', protocol = 'tcp'] = value.split('/', 2);
  const parts = address.split(':');
  const target = parts.pop() ?? '';
  const published = parts.pop() ?? '';
  if (!/^\d{1,5}$/.test(target)) return `invalid containerPort: ${target}`;
  if (published !== '' && !/^\d{1,5}$/.test(published)) return `invalid hostPort: ${published}`;
  if (!['tcp', 'udp', 'sctp'].includes(protocol.toLowerCase())) return `invalid proto: ${protocol}`;
  if (parts.length > 0) return `hostip is not supported: ${value}`;
  return {
    Protocol: protocol.toLowerCase(),
    TargetPort: Number(target),
    PublishedPort: published === '' ? 0 : Number(published),
    PublishMode: 'ingress',
  };
}

function portsOf(flags: FlagValues, flag: string, short: string): ApiPort[] | Problem {
  const ports: ApiPort[] = [];
  for (const value of listOf(flags, flag)) {
    const port = parseServicePort(value);
    if (typeof port === 'string')
      return {
        text: `invalid argument "${value}" for "${short ? `-${short}, ` : ''}--${flag}" flag: ${port}`,
        usage: true,
      };
    ports.push(port);
  }
  return ports;
}

/** SwarmKit's defaults, which the CLI starts from once any `--update-*` flag is given. */
const DEFAULT_UPDATE: ApiUpdateConfig = {
  Parallelism: 1,
  FailureAction: 'pause',
  Monitor: 5e9,
  MaxFailureRatio: 0,
  Order: 'stop-first',
};

/** `--update-*` (or `--rollback-*`) flags over `base`; null when none is given. */
function updateConfig(
  flags: FlagValues,
  prefix: 'update' | 'rollback',
  base: ApiUpdateConfig | null | undefined,
): ApiUpdateConfig | null | Problem {
  const names = ['parallelism', 'delay', 'monitor', 'failure-action', 'max-failure-ratio', 'order'];
  if (!names.some((n) => flags.has(`${prefix}-${n}`))) return base ?? null;
  const value = (n: string): string | undefined => flagOf(flags, `${prefix}-${n}`);
  const ratio = value('max-failure-ratio');
  if (ratio !== undefined && !/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(ratio))
    return {
      text: `invalid argument "${ratio}" for "--${prefix}-max-failure-ratio" flag: strconv.ParseFloat: parsing "${ratio}": invalid syntax`,
      usage: true,
    };
  const config: Record<string, unknown> = { ...DEFAULT_UPDATE, ...(base ?? {}) };
  const parallelism = value('parallelism');
  if (parallelism !== undefined) config['Parallelism'] = Number(parallelism);
  const delay = value('delay');
  if (delay !== undefined) config['Delay'] = durationNs(delay);
  const monitor = value('monitor');
  if (monitor !== undefined) config['Monitor'] = durationNs(monitor);
  const action = value('failure-action');
  if (action !== undefined) config['FailureAction'] = action;
  if (ratio !== undefined) config['MaxFailureRatio'] = Number(ratio);
  const order = value('order');
  if (order !== undefined) config['Order'] = order;
  // Go leaves a zero Delay out of the JSON (omitempty).
  if (config['Delay'] === 0) delete config['Delay'];
  return config as ApiUpdateConfig;
}

const isProblem = (v: unknown): v is Problem =>
  typeof v === 'object' && v !== null && 'usage' in v && 'text' in v;

function labelsOf(words: readonly string[]): Record<string, string> {
  return Object.fromEntries(
    words.map((w) => {
      const eq = w.indexOf('=');
      return eq === -1 ? [w, ''] : [w.slice(0, eq), w.slice(eq + 1)];
    }),
  );
}

/** `docker service create [OPTIONS] IMAGE [COMMAND] [ARG...]`. */
export function createSpec(flags: FlagValues, image: string, args: readonly string[]): SpecResult {
  // Bad flag values first: cobra rejects them while parsing, before the command runs.
  const ports = portsOf(flags, 'publish', 'p');
  if (isProblem(ports)) return { ok: false, problem: ports };
  const update = updateConfig(flags, 'update', null);
  if (isProblem(update)) return { ok: false, problem: update };
  const rollback = updateConfig(flags, 'rollback', null);
  if (isProblem(rollback)) return { ok: false, problem: rollback };
  const mode = flagOf(flags, 'mode') ?? 'replicated';
  const replicas = flagOf(flags, 'replicas');
  if (mode !== 'replicated' && mode !== 'global')
    return fail(`Unknown mode: ${mode}, only replicated and global supported`);
  if (mode === 'global' && replicas !== undefined)
    return fail('replicas can only be used with replicated or replicated-job mode');
  const env = listOf(flags, 'env');
  const constraints = listOf(flags, 'constraint');
  const spec: ApiServiceSpec = {
    Name: flagOf(flags, 'name') ?? '',
    Labels: labelsOf(listOf(flags, 'label')),
    TaskTemplate: {
      ContainerSpec: {
        Image: image,
        ...(args.length > 0 ? { Args: [...args] } : {}),
        ...(env.length > 0 ? { Env: [...env] } : {}),
        Init: boolOf(flags, 'init'),
        DNSConfig: {},
      },
      Resources: { Limits: {}, Reservations: {} },
      ...(constraints.length > 0 ? { Placement: { Constraints: [...constraints] } } : {}),
    },
    Mode:
      mode === 'global'
        ? { Global: {} }
        : { Replicated: replicas === undefined ? {} : { Replicas: Number(replicas) } },
    ...(update ? { UpdateConfig: update } : {}),
    ...(rollback ? { RollbackConfig: rollback } : {}),
    EndpointSpec: { Mode: 'vip', ...(ports.length > 0 ? { Ports: ports } : {}) },
  };
  return { ok: true, spec };
}

function keyOf(word: string): string {
  const eq = word.indexOf('=');
  return eq === -1 ? word : word.slice(0, eq);
}

/** `docker service update` flags over the spec the daemon sent. */
export function updateSpec(flags: FlagValues, base: ApiServiceSpec): SpecResult {
  const spec = structuredClone(base) as {
    -readonly [K in keyof ApiServiceSpec]: ApiServiceSpec[K];
  } & Record<string, unknown>;
  const task = { ...(spec.TaskTemplate ?? {}) } as Record<string, unknown>;
  const container = { ...((task['ContainerSpec'] as object | undefined) ?? {}) } as Record<
    string,
    unknown
  >;
  const image = flagOf(flags, 'image');
  if (image !== undefined) container['Image'] = image;
  const args = flagOf(flags, 'args');
  if (args !== undefined)
    container['Args'] = shellParse(args).filter((w): w is string => typeof w === 'string');
  if (flags.has('env-add') || flags.has('env-rm')) {
    const removed = new Set([...listOf(flags, 'env-rm'), ...listOf(flags, 'env-add').map(keyOf)]);
    const kept = ((container['Env'] as string[] | undefined) ?? []).filter(
      (e) => !removed.has(keyOf(e)),
    );
    container['Env'] = [...kept, ...listOf(flags, 'env-add')];
  }
  if (flags.has('label-add') || flags.has('label-rm')) {
    const labels = { ...(spec.Labels ?? {}) };
    for (const key of listOf(flags, 'label-rm')) delete labels[key];
    Object.assign(labels, labelsOf(listOf(flags, 'label-add')));
    spec.Labels = labels;
  }
  const replicas = flagOf(flags, 'replicas');
  if (replicas !== undefined) {
    if (!spec.Mode?.Replicated)
      return fail('replicas can only be used with replicated or replicated-job mode');
    spec.Mode = { Replicated: { Replicas: Number(replicas) } };
  }
  const update = updateConfig(flags, 'update', spec.UpdateConfig);
  if (isProblem(update)) return { ok: false, problem: update };
  if (update) spec.UpdateConfig = update;
  const rollback = updateConfig(flags, 'rollback', spec.RollbackConfig);
  if (isProblem(rollback)) return { ok: false, problem: rollback };
  if (rollback) spec.RollbackConfig = rollback;
  if (flags.has('publish-add') || flags.has('publish-rm')) {
    const added = portsOf(flags, 'publish-add', '');
    if (isProblem(added)) return { ok: false, problem: added };
    const removed = portsOf(flags, 'publish-rm', '');
    if (isProblem(removed)) return { ok: false, problem: removed };
    const gone = (p: ApiPort): boolean =>
      removed.some((r) => r.TargetPort === p.TargetPort && r.Protocol === p.Protocol) ||
      added.some((a) => a.PublishedPort !== 0 && a.PublishedPort === p.PublishedPort);
    const ports = [...(spec.EndpointSpec?.Ports ?? []).filter((p) => !gone(p)), ...added];
    spec.EndpointSpec = { ...(spec.EndpointSpec ?? {}), Ports: ports };
  }
  if (boolOf(flags, 'force')) task['ForceUpdate'] = ((task['ForceUpdate'] as number) || 0) + 1;
  task['ContainerSpec'] = container;
  spec.TaskTemplate = task;
  return { ok: true, spec };
}
