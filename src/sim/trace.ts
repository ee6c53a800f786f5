/**
 * The trace: the ordered record of everything that happened on the host, each entry stamped
 * with virtual time. Messages travel between endpoints (the diagram animates them along its
 * edges); state entries carry the `Change` they made. Labels are what really travels:
 * `POST /v1.51/containers/create`, `Create`, `runc create`, `SIGTERM`, `exit 137`.
 */
import type { Change } from './changes';

export type TraceKind =
  /** An Engine API request (CLI -> API socket -> dockerd) or its response. */
  | 'http-request'
  | 'http-response'
  /** dockerd <-> containerd over gRPC. */
  | 'grpc'
  /** containerd <-> shim over ttRPC. */
  | 'ttrpc'
  /** A process runs a binary (containerd starts the shim; the shim runs runc). */
  | 'exec'
  /** A signal delivered to a process. */
  | 'signal'
  /** A process exited; the label is `exit N`. */
  | 'exit'
  /** Image distribution: manifest and blob downloads from the registry. */
  | 'registry'
  /** An event published upward (TaskExit, TaskStart). */
  | 'event'
  /** A write to the container's stdio FIFOs, carried by the shim. */
  | 'stdio'
  /** An internal step worth narrating (runc init blocking on exec.fifo, a restore decision). */
  | 'note'
  /** A state change of the world; `change` holds it. */
  | 'state'
  /** A user's input (a command or a fault) that starts what follows. */
  | 'input';

/**
 * Endpoints are diagram node ids: `cli`, `api`, `dockerd`, `containerd`, `registry`, `systemd`,
 * `kernel`, and per container `shim:<id>`, `runc:<id>`, `container:<id>`.
 */
export type EndpointId = string;

/** One entry of a trace: a host's (TraceEntry), or a Swarm cluster's with its own kinds and changes. */
export interface TraceEntryOf<K extends string, C> {
  /** Position in the trace, from 0. */
  readonly seq: number;
  /** Virtual time in ms. */
  readonly t: number;
  readonly kind: K;
  readonly from: EndpointId;
  readonly to: EndpointId;
  readonly label: string;
  /** Extra facts for the inspector and the API panel (request body, exit status, PIDs). */
  readonly detail?: Readonly<Record<string, unknown>>;
  /** For state entries: the change made to the world. */
  readonly change?: C;
}

export type TraceEntry = TraceEntryOf<TraceKind, Change>;

export const endpoint = {
  shim: (containerId: string): EndpointId => `shim:${containerId}`,
  runc: (containerId: string): EndpointId => `runc:${containerId}`,
  container: (containerId: string): EndpointId => `container:${containerId}`,
} as const;
