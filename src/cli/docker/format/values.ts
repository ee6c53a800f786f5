/**
 * How the CLI shows values: short IDs, truncated commands with the `…` ellipsis, ports in
 * `0.0.0.0:8080->80/tcp` form, and "2 minutes ago" from Unix seconds against the client's clock.
 */
import { humanDuration } from '../../../sim/api/humanize';

export function shortId(id: string): string {
  return id.replace(/^sha256:/, '').slice(0, 12);
}

/** docker's formatter.Ellipsis: cut to `max` characters, the last one `…`. */
export function ellipsis(text: string, max: number): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  return `${chars.slice(0, max - 1).join('')}…`;
}

/** "3 minutes ago" for a Unix time in seconds, seen at `nowMs` (client wall clock). */
export function ago(unixSeconds: number, nowMs: number): string {
  return `${humanDuration(Math.max(0, nowMs - unixSeconds * 1000))} ago`;
}

interface PortJson {
  readonly IP?: string;
  readonly PrivatePort?: number;
  readonly PublicPort?: number;
  readonly Type?: string;
}

/** The PORTS column: published ports as host->container, then the exposed-only ones. */
export function portsText(ports: readonly PortJson[]): string {
  const published = ports
    .filter((p) => p.PublicPort)
    .map((p) => {
      const ip = p.IP === '::' ? '[::]' : (p.IP ?? '0.0.0.0');
      return `${ip}:${p.PublicPort}->${p.PrivatePort}/${p.Type ?? 'tcp'}`;
    });
  const exposed = ports
    .filter((p) => !p.PublicPort)
    .map((p) => `${p.PrivatePort}/${p.Type ?? 'tcp'}`);
  return [...new Set([...published, ...exposed])].join(', ');
}
