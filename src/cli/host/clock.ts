/**
 * Wall-clock rendering of virtual time for the host tools. The one fixed moment: virtual time 0
 * is the instant the host finished booting, `world.epochMs` (the same epoch the Engine API uses
 * for Created fields), so `ps`, `systemctl status`, `journalctl` and `docker inspect` agree.
 * The host runs in UTC, as servers usually do. Pure: no wall clock is ever read.
 */
import type { World } from '../../sim/types';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** The UTC date of virtual time `t` (ms). */
export function wallDate(world: World, t: number): Date {
  return new Date(world.epochMs + t);
}

function hms(d: Date): string {
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** journalctl's short format: `Jan 12 09:00:01`. */
export function journalStamp(world: World, t: number): string {
  const d = wallDate(world, t);
  return `${MONTHS[d.getUTCMonth()]} ${pad(d.getUTCDate())} ${hms(d)}`;
}

/** journalctl -o short-iso: `2026-01-12T09:00:01+00:00`. */
export function isoSeconds(world: World, t: number): string {
  const d = wallDate(world, t);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${hms(d)}+00:00`;
}

/** journalctl -o short-precise: `Jan 12 09:00:01.123456`. */
export function journalStampPrecise(world: World, t: number, subMicros: number): string {
  const ms = ((t % 1000) + 1000) % 1000;
  return `${journalStamp(world, t)}.${pad(ms, 3)}${pad(subMicros % 1000, 3)}`;
}

/** systemd's timestamp: `Mon 2026-01-12 09:00:00 UTC`. */
export function systemdTimestamp(world: World, t: number): string {
  const d = wallDate(world, t);
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  return `${DAYS[d.getUTCDay()]} ${date} ${hms(d)} UTC`;
}

/** systemd's relative time (format_timestamp_relative): `3s ago`, `5min ago`, `1h 2min ago`. */
export function systemdAgo(ms: number): string {
  const us = Math.max(0, Math.floor(ms)) * 1000;
  const SEC = 1_000_000;
  const MIN = 60 * SEC;
  const HOUR = 60 * MIN;
  const DAY = 24 * HOUR;
  const q = (n: number, unit: number) => Math.floor(n / unit);
  if (us >= 2 * DAY) return `${q(us, DAY)} days ago`;
  if (us >= 25 * HOUR) return `1 day ${q(us - DAY, HOUR)}h ago`;
  if (us >= 6 * HOUR) return `${q(us, HOUR)}h ago`;
  if (us >= HOUR) return `${q(us, HOUR)}h ${q(us % HOUR, MIN)}min ago`;
  if (us >= 5 * MIN) return `${q(us, MIN)}min ago`;
  if (us >= MIN) return `${q(us, MIN)}min ${q(us % MIN, SEC)}s ago`;
  if (us >= SEC) return `${q(us, SEC)}s ago`;
  if (us >= 1000) return `${q(us, 1000)}ms ago`;
  if (us > 0) return `${us}us ago`;
  return 'now';
}

/**
 * procps' STIME/START column: `HH:MM` for a process started within the last 24 hours,
 * `MonDD` (e.g. `Jan12`) within a year, else the year.
 */
export function psStartTime(world: World, startedAt: number): string {
  const d = wallDate(world, startedAt);
  const age = world.now - startedAt;
  if (age < 24 * 3600 * 1000) return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
  if (age < 365 * 24 * 3600 * 1000) return `${MONTHS[d.getUTCMonth()]}${pad(d.getUTCDate())}`;
  return String(d.getUTCFullYear());
}

/** procps' TIME column for -f: `[DD-]HH:MM:SS` of CPU time. */
export function psCpuTime(ms: number): string {
  const s = Math.floor(ms / 1000);
  const days = Math.floor(s / 86400);
  const rest = `${pad(Math.floor((s % 86400) / 3600))}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}`;
  return days > 0 ? `${days}-${rest}` : rest;
}

/** procps' TIME column for BSD formats (`ps aux`): `M:SS`. */
export function psCpuTimeBsd(ms: number): string {
  const s = Math.floor(ms / 1000);
  return `${Math.floor(s / 60)}:${pad(s % 60)}`;
}

/**
 * Go's time.RFC3339Nano (trailing zeros of the fraction dropped), as runc prints CREATED.
 * `nanos` adds the sub-millisecond digits a real clock would have had.
 */
export function rfc3339Nano(world: World, t: number, nanos = 0): string {
  const d = wallDate(world, t);
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const frac = `${pad(d.getUTCMilliseconds(), 3)}${pad(nanos % 1_000_000, 6)}`.replace(/0+$/, '');
  return `${date}T${hms(d)}${frac ? `.${frac}` : ''}Z`;
}

/** logrus' fixed RFC3339 nano stamp (moby and containerd): `2026-01-12T09:00:01.123456789Z`. */
export function logrusTime(world: World, t: number, nanos = 0): string {
  const d = wallDate(world, t);
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  return `${date}T${hms(d)}.${pad(d.getUTCMilliseconds(), 3)}${pad(nanos % 1_000_000, 6)}Z`;
}

/** A deterministic, plausible-looking sub-millisecond part derived from a number (a PID, a seq). */
export function subMillis(seed: number): number {
  return Math.abs((seed * 7_919 + 104_729) % 1_000_000);
}
