/**
 * The Engine API as data: a request in (method, path with its version prefix and query,
 * headers, JSON body) and a response out (status, headers, and a JSON body, a stream of JSON
 * lines, raw stdio frames, or an upgrade). Transports (the in-app CLI, the bridge's real HTTP)
 * only carry these; the handlers are the simulation's.
 */

/**
 * How a request reached dockerd when it came over TCP (the bridge's real ports): 2375 plain,
 * 2376 with mutual TLS and the client certificate's name. Absent: the unix socket.
 */
export interface ApiVia {
  readonly port: number;
  readonly tls: boolean;
  /** The client certificate's subject CN, on a TLS connection. */
  readonly client?: string;
}

export interface ApiRequest {
  /** Set when the request came over TCP; absent for /var/run/docker.sock. */
  readonly via?: ApiVia;
  readonly method: string;
  /** Path as sent, e.g. `/v1.51/containers/create?name=web`. */
  readonly path: string;
  readonly headers?: Readonly<Record<string, string>>;
  /** Parsed JSON body, or a string for non-JSON bodies. */
  readonly body?: unknown;
}

export interface StdioFrame {
  readonly stream: 'stdout' | 'stderr';
  readonly data: string;
}

/** The answer to `/wait` is sent later: headers at once, the body when the condition holds. */
export interface PendingWait {
  readonly containerId: string;
  readonly condition: 'not-running' | 'next-exit' | 'removed';
  /** Trace position when the wait was asked, so that `next-exit` means an exit after it. */
  readonly afterSeq: number;
}

export interface ApiResponse {
  /** HTTP status; 0 when nothing listens on the socket (dockerd is down). */
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: unknown;
  /** Newline-delimited JSON, as pull, build and events stream it. */
  readonly stream?: readonly unknown[];
  /** Container stdio (logs, attach), framed by the transport when Tty is false. */
  readonly frames?: readonly StdioFrame[];
  /** `101 UPGRADED` for attach: the connection becomes the container's stdio. */
  readonly upgrade?: { readonly containerId: string; readonly tty: boolean };
  /**
   * `101 UPGRADED` for an attached `POST /exec/{id}/start`: `frames` hold what the process
   * wrote as it started; the stream stays open while `world.execs[execId].running`, and is
   * framed by the transport unless `tty`.
   */
  readonly execStream?: { readonly execId: string; readonly tty: boolean };
  readonly wait?: PendingWait;
  /** Set when the socket refused the connection: the CLI prints "Cannot connect to the Docker daemon". */
  readonly connectionRefused?: boolean;
}

export const CANNOT_CONNECT =
  'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?';

export const STATUS_TEXT: Readonly<Record<number, string>> = {
  0: 'Connection refused',
  101: 'UPGRADED',
  200: 'OK',
  201: 'Created',
  204: 'No Content',
  304: 'Not Modified',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Payload Too Large',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  503: 'Service Unavailable',
};
