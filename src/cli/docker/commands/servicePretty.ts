/**
 * `docker service inspect --pretty`: the CLI's human-friendly template, written out for the
 * fields a simulated service has (mode, update status, placement, update and rollback config,
 * container spec, resources, networks, endpoint mode, ports). Tabs are literal, as the CLI
 * prints this text without a tabwriter; it opens with an empty line and ends with one.
 */
import { bytesSize } from '../../../sim/api/humanize';
import type { ApiService, ApiUpdateConfig } from './swarmApi';
import { agoText, goDuration } from './swarmApi';

interface Resources {
  readonly NanoCPUs?: number;
  readonly MemoryBytes?: number;
  readonly Pids?: number;
}

/** Go's `%v` of a float32: `0`, `0.2`. */
const goFloat = (n: number | undefined): string => String(n ?? 0);

function updateConfigLines(
  title: string,
  order: string,
  config: ApiUpdateConfig | null | undefined,
): string[] {
  if (!config) return [];
  return [
    `${title}:`,
    ` Parallelism:\t${config.Parallelism ?? 0}`,
    ...(config.Delay ? [` Delay:\t\t${goDuration(config.Delay)}`] : []),
    ` On failure:\t${config.FailureAction ?? ''}`,
    ...(config.Monitor ? [` Monitoring Period: ${goDuration(config.Monitor)}`] : []),
    ` Max failure ratio: ${goFloat(config.MaxFailureRatio)}`,
    ` ${order}${config.Order ?? ''}`,
  ];
}

function resourceLines(resources: { Limits?: Resources; Reservations?: Resources } | undefined) {
  if (!resources) return [];
  const lines = ['Resources:'];
  const r = resources.Reservations;
  if (r && ((r.NanoCPUs ?? 0) > 0 || (r.MemoryBytes ?? 0) > 0)) {
    lines.push(' Reservations:');
    if ((r.NanoCPUs ?? 0) > 0) lines.push(`  CPU:\t\t${(r.NanoCPUs ?? 0) / 1e9}`);
    if (r.MemoryBytes) lines.push(`  Memory:\t${bytesSize(r.MemoryBytes)}`);
  }
  const l = resources.Limits;
  if (l && ((l.NanoCPUs ?? 0) > 0 || (l.MemoryBytes ?? 0) > 0 || (l.Pids ?? 0) > 0)) {
    lines.push(' Limits:');
    if ((l.NanoCPUs ?? 0) > 0) lines.push(`  CPU:\t\t${(l.NanoCPUs ?? 0) / 1e9}`);
    if (l.MemoryBytes) lines.push(`  Memory:\t${bytesSize(l.MemoryBytes)}`);
  }
  if ((l?.Pids ?? 0) > 0) lines.push(`  PIDs:\t\t${l?.Pids ?? 0}`);
  return lines;
}

export function servicePretty(service: ApiService, nowMs: number): string {
  const spec = service.Spec ?? {};
  const task = (spec.TaskTemplate ?? {}) as Record<string, unknown>;
  const container = spec.TaskTemplate?.ContainerSpec ?? {};
  const placement = (task['Placement'] ?? {}) as { Constraints?: string[] | null };
  const lines = ['', `ID:\t\t${service.ID}`, `Name:\t\t${spec.Name ?? ''}`];
  const labels = Object.entries(spec.Labels ?? {}).sort(([a], [b]) => (a < b ? -1 : 1));
  if (labels.length > 0)
    lines.push('Labels:', ...labels.map(([k, v]) => ` ${k}${v ? `=${v}` : ''}`));
  if (spec.Mode?.Global) lines.push('Service Mode:\tGlobal');
  else if (spec.Mode?.Replicated) {
    lines.push('Service Mode:\tReplicated');
    if (spec.Mode.Replicated.Replicas !== undefined)
      lines.push(` Replicas:\t${spec.Mode.Replicated.Replicas}`);
  } else lines.push('Service Mode:');
  const status = service.UpdateStatus;
  if (status?.State) {
    lines.push('UpdateStatus:', ` State:\t\t${status.State}`);
    if (status.StartedAt) lines.push(` Started:\t${agoText(status.StartedAt, nowMs)}`);
    if (status.State === 'completed' && status.CompletedAt)
      lines.push(` Completed:\t${agoText(status.CompletedAt, nowMs)}`);
    lines.push(` Message:\t${status.Message ?? ''}`);
  }
  lines.push('Placement:');
  if (placement.Constraints?.length)
    lines.push(` Constraints:\t[${placement.Constraints.join(' ')}]`);
  lines.push(
    ...updateConfigLines('UpdateConfig', 'Update order:      ', spec.UpdateConfig),
    ...updateConfigLines('RollbackConfig', 'Rollback order:    ', spec.RollbackConfig),
    'ContainerSpec:',
    ` Image:\t\t${container.Image ?? ''}`,
  );
  if (container.Args?.length)
    lines.push(` Args:\t\t${container.Args.map((a) => `${a} `).join('')}`);
  if (container.Env?.length) lines.push(` Env:\t\t${container.Env.map((e) => `${e} `).join('')}`);
  if (container.Init !== undefined && container.Init !== null)
    lines.push(` Init:\t\t${String(container.Init)}`);
  lines.push(...resourceLines(task['Resources'] as Parameters<typeof resourceLines>[0]));
  const networks = (task['Networks'] as { Target?: string }[] | undefined) ?? [];
  if (networks.length > 0)
    lines.push(`Networks:${networks.map((n) => ` ${n.Target ?? ''}`).join('')} `);
  lines.push(`Endpoint Mode:\t${spec.EndpointSpec?.Mode ?? ''}`);
  const ports = service.Endpoint?.Ports ?? [];
  if (ports.length > 0) {
    lines.push('Ports:');
    ports.forEach((p, i) => {
      lines.push(
        ` PublishedPort = ${p.PublishedPort ?? 0}`,
        `  Protocol = ${p.Protocol ?? ''}`,
        `  TargetPort = ${p.TargetPort ?? 0}`,
        // The template puts a space after the last port's block.
        `  PublishMode = ${p.PublishMode ?? ''}${i === ports.length - 1 ? ' ' : ''}`,
      );
    });
  }
  return `${lines.join('\n')}\n\n`;
}
