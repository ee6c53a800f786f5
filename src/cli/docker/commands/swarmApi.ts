/**
 * The Swarm objects as the Engine API sends them (`GET /nodes`, `/services`, `/tasks`, in
 * Docker's Go field names), only the fields the CLI reads, all optional as the CLI tolerates
 * them missing; and the small helpers the swarm, node and service commands share: the
 * `filters` query as Go marshals it, task-state words, Go durations and times.
 */
import { humanDuration } from '../../../sim/api/humanize';

export interface ApiNode {
  readonly ID: string;
  readonly Version?: { readonly Index?: number };
  readonly CreatedAt?: string;
  readonly Spec?: {
    readonly Name?: string;
    readonly Labels?: Record<string, string> | null;
    readonly Role?: string;
    readonly Availability?: string;
  };
  readonly Description?: {
    readonly Hostname?: string;
    readonly Platform?: { readonly Architecture?: string; readonly OS?: string };
    readonly Resources?: { readonly NanoCPUs?: number; readonly MemoryBytes?: number };
    readonly Engine?: {
      readonly EngineVersion?: string;
      readonly Plugins?: readonly { readonly Type?: string; readonly Name?: string }[] | null;
    };
  };
  readonly Status?: { readonly State?: string; readonly Message?: string; readonly Addr?: string };
  readonly ManagerStatus?: {
    readonly Leader?: boolean;
    readonly Reachability?: string;
    readonly Addr?: string;
  } | null;
}

export interface ApiPort {
  readonly Protocol?: string;
  readonly TargetPort?: number;
  readonly PublishedPort?: number;
  readonly PublishMode?: string;
}

export interface ApiUpdateConfig {
  readonly Parallelism?: number;
  readonly Delay?: number;
  readonly FailureAction?: string;
  readonly Monitor?: number;
  readonly MaxFailureRatio?: number;
  readonly Order?: string;
}

/** A service spec as the CLI sends it and reads it back (Go's `swarm.ServiceSpec`). */
export interface ApiServiceSpec {
  readonly Name?: string;
  readonly Labels?: Record<string, string> | null;
  readonly TaskTemplate?: {
    readonly ContainerSpec?: {
      readonly Image?: string;
      readonly Args?: readonly string[] | null;
      readonly Env?: readonly string[] | null;
      readonly Init?: boolean | null;
    } & Record<string, unknown>;
    readonly ForceUpdate?: number;
  } & Record<string, unknown>;
  readonly Mode?: {
    readonly Replicated?: { readonly Replicas?: number };
    readonly Global?: Record<string, never>;
  };
  readonly UpdateConfig?: ApiUpdateConfig | null;
  readonly RollbackConfig?: ApiUpdateConfig | null;
  readonly EndpointSpec?: { readonly Mode?: string; readonly Ports?: readonly ApiPort[] | null };
}

export interface ApiService {
  readonly ID: string;
  readonly Version?: { readonly Index?: number };
  readonly CreatedAt?: string;
  readonly UpdatedAt?: string;
  readonly Spec?: ApiServiceSpec;
  readonly PreviousSpec?: ApiServiceSpec | null;
  readonly Endpoint?: { readonly Ports?: readonly ApiPort[] | null };
  readonly UpdateStatus?: {
    readonly State?: string;
    readonly StartedAt?: string;
    readonly CompletedAt?: string;
    readonly Message?: string;
  } | null;
  readonly ServiceStatus?: { readonly RunningTasks?: number; readonly DesiredTasks?: number };
}

export interface ApiTask {
  readonly ID: string;
  readonly ServiceID?: string;
  readonly Slot?: number;
  readonly NodeID?: string;
  readonly CreatedAt?: string;
  readonly DesiredState?: string;
  readonly Spec?: { readonly ContainerSpec?: { readonly Image?: string } };
  readonly Status?: {
    readonly State?: string;
    readonly Timestamp?: string;
    readonly Err?: string;
    readonly PortStatus?: { readonly Ports?: readonly ApiPort[] | null };
  };
}

/**
 * The `filters` query parameter as Go marshals `filters.Args`: a JSON object of objects,
 * keys sorted, every value `true`. Undefined when there is no filter.
 */
export function filtersJson(filters: readonly (readonly [string, string])[]): string | undefined {
  if (filters.length === 0) return undefined;
  const map = new Map<string, Set<string>>();
  for (const [key, value] of filters) map.set(key, (map.get(key) ?? new Set()).add(value));
  const sorted = [...map.keys()].sort();
  const object: Record<string, Record<string, boolean>> = {};
  for (const key of sorted)
    object[key] = Object.fromEntries([...(map.get(key) ?? [])].sort().map((v) => [v, true]));
  return JSON.stringify(object);
}

/** `key=value` words of `-f`, as pairs; null and the CLI's error for one without `=`. */
export function parseFilterFlags(
  words: readonly string[],
): { ok: true; pairs: [string, string][] } | { ok: false; error: string } {
  const pairs: [string, string][] = [];
  for (const word of words) {
    const eq = word.indexOf('=');
    if (eq === -1)
      return {
        ok: false,
        error: `invalid argument "${word}" for "-f, --filter" flag: bad format of filter (expected name=value)`,
      };
    pairs.push([word.slice(0, eq).trim().toLowerCase(), word.slice(eq + 1)]);
  }
  return { ok: true, pairs };
}

/** docker's formatter.PrettyPrint: first letter upper-cased (`running` -> `Running`). */
export function pretty(word: string | undefined): string {
  if (!word) return '';
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** docker's formatter.TruncateID: 12 characters. */
export function truncateId(id: string): string {
  return id.slice(0, 12);
}

/** Milliseconds since an RFC 3339 time, seen at `nowMs` (never negative). */
export function sinceMs(time: string | undefined, nowMs: number): number {
  const at = time ? Date.parse(time) : NaN;
  return Number.isNaN(at) ? 0 : Math.max(0, nowMs - at);
}

/** `2 minutes ago`, as `units.HumanDuration(time.Since(t)) + " ago"`. */
export function agoText(time: string | undefined, nowMs: number): string {
  return `${humanDuration(sinceMs(time, nowMs))} ago`;
}

/** Go's time.Duration String() for whole milliseconds and up: `10s`, `1m30s`, `1.5s`, `0s`. */
export function goDuration(nanoseconds: number): string {
  if (nanoseconds === 0) return '0s';
  const ms = nanoseconds / 1e6;
  if (ms < 1000) return `${ms}ms`;
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = (ms % 60_000) / 1000;
  return `${h ? `${h}h` : ''}${h || m ? `${m}m` : ''}${Number(s.toFixed(9))}s`;
}

/** The image as lists show it: `nginx:latest` for `nginx:latest@sha256:...`. */
export function imageWithoutDigest(image: string): string {
  const at = image.indexOf('@');
  if (at === -1) return image;
  const named = image.slice(0, at);
  // A digest-only reference keeps its digest: there is no tag to show instead.
  return /:[^/]+$/.test(named) ? named.replace(/^docker\.io\/(library\/)?/, '') : image;
}

/** Natural order (`node-2` before `node-10`), as the CLI sorts names and hostnames. */
export function naturalCompare(a: string, b: string): number {
  const chunks = (s: string): string[] => s.match(/\d+|\D+/g) ?? [];
  const ca = chunks(a);
  const cb = chunks(b);
  for (let i = 0; i < Math.min(ca.length, cb.length); i++) {
    const x = ca[i] ?? '';
    const y = cb[i] ?? '';
    if (x === y) continue;
    if (/^\d/.test(x) && /^\d/.test(y)) {
      const nx = BigInt(x);
      const ny = BigInt(y);
      if (nx !== ny) return nx < ny ? -1 : 1;
      return x.length - y.length;
    }
    return x < y ? -1 : 1;
  }
  return ca.length - cb.length;
}
