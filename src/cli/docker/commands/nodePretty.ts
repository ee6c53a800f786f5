/**
 * `docker node inspect --pretty`: the CLI's human-friendly node template, written out for the
 * fields a simulated node has. Tabs are literal (no tabwriter), as the real CLI prints them;
 * `Joined at` is Go's time.Time String() (`2026-11-28 09:00:00.5 +0000 UTC`).
 */
import { bytesSize } from '../../../sim/api/humanize';
import type { ApiNode } from './swarmApi';
import { pretty } from './swarmApi';

/** Go's time.Time String() for a UTC RFC 3339 time. */
export function goTimeString(rfc3339: string | undefined): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})(?:\.(\d+))?Z$/.exec(rfc3339 ?? '');
  if (!m) return '0001-01-01 00:00:00 +0000 UTC';
  const fraction = (m[3] ?? '').replace(/0+$/, '');
  return `${m[1]} ${m[2]}${fraction ? `.${fraction}` : ''} +0000 UTC`;
}

export function nodePretty(node: ApiNode): string {
  const spec = node.Spec ?? {};
  const lines = [`ID:\t\t\t${node.ID}`];
  if (spec.Name) lines.push(`Name:\t\t\t${spec.Name}`);
  const labels = Object.entries(spec.Labels ?? {}).sort(([a], [b]) => (a < b ? -1 : 1));
  if (labels.length > 0)
    lines.push('Labels:', ...labels.map(([k, v]) => ` - ${k}${v ? `=${v}` : ''}`));
  lines.push(
    `Hostname:              \t${node.Description?.Hostname ?? ''}`,
    `Joined at:             \t${goTimeString(node.CreatedAt)}`,
    'Status:',
    ` State:\t\t\t${pretty(node.Status?.State)}`,
  );
  if (node.Status?.Message) lines.push(` Message:              \t${pretty(node.Status.Message)}`);
  lines.push(` Availability:         \t${pretty(spec.Availability)}`);
  if (node.Status?.Addr) lines.push(` Address:\t\t${node.Status.Addr}`);
  const manager = node.ManagerStatus;
  if (manager)
    lines.push(
      'Manager Status:',
      ` Address:\t\t${manager.Addr ?? ''}`,
      ` Raft Status:\t\t${pretty(manager.Reachability)}`,
      ` Leader:\t\t${manager.Leader ? 'Yes' : 'No'}`,
    );
  const resources = node.Description?.Resources;
  lines.push(
    'Platform:',
    ` Operating System:\t${node.Description?.Platform?.OS ?? ''}`,
    ` Architecture:\t\t${node.Description?.Platform?.Architecture ?? ''}`,
    'Resources:',
    ` CPUs:\t\t\t${Math.trunc((resources?.NanoCPUs ?? 0) / 1e9)}`,
    ` Memory:\t\t${resources?.MemoryBytes ? bytesSize(resources.MemoryBytes) : ''}`,
  );
  // Plugins by type, names joined, types in Go's sorted map order.
  const plugins = new Map<string, string[]>();
  for (const p of node.Description?.Engine?.Plugins ?? [])
    plugins.set(p.Type ?? '', [...(plugins.get(p.Type ?? '') ?? []), p.Name ?? '']);
  if (plugins.size > 0)
    lines.push(
      'Plugins:',
      ...[...plugins.keys()]
        .sort()
        .map((type) => ` ${type}:\t\t${(plugins.get(type) ?? []).join(', ')}`),
    );
  lines.push(`Engine Version:\t\t${node.Description?.Engine?.EngineVersion ?? ''}`);
  return `${lines.join('\n')}\n`;
}
