/**
 * The Engine API over real HTTP: turns a Node request into the simulation's `ApiRequest` and
 * its `ApiResponse` back into bytes the real docker CLI accepts (../shared/docs/ENGINE-API.md).
 *
 * Contract:
 *   const engine = new EngineApi(session, { bodyLimit?, maxBuffered?, log? })
 *   engine.handleRequest(req, res)          an ordinary request ('request' event)
 *   engine.handleUpgrade(req, socket, head) a request with `Connection: Upgrade` ('upgrade'
 *                                           event): attach and exec start take the socket over
 *   engine.closeAll()                       ends every held answer (the bridge is closing)
 *   engine.heldCount                        how many answers are held open right now
 *
 * What goes in: method, the path as sent (version prefix and query included), the headers,
 * and a body that is parsed JSON when `Content-Type` says JSON, the unpacked files for
 * `POST /build` (`{context: {path: content}}`), else text; plus `via` (port, TLS, the client
 * certificate's CN). What comes out, by the shape of the answer:
 *   - body: status, headers, JSON (or text for `/_ping`)
 *   - stream: newline-delimited JSON (pull, build)
 *   - frames: stdio, multiplexed with the 8-byte header unless the answer's Content-Type is
 *     the raw stream (the container has a TTY); `logs?follow=1` keeps following
 *   - upgrade / execStream: `101 UPGRADED`, then the container's (or exec's) output as the
 *     simulation produces it, closed once it has exited and its output is drained
 *   - wait: the 200 headers at once, the body when `waitResult` has one
 *   - `GET /events`: the past events the route found, then each new one, until the client goes
 *     (or `until` passes)
 *   - connectionRefused: the socket is destroyed, as if nothing listened
 * Held answers re-check on `session.onChange`; each removes its listener when it ends, when
 * the client goes, or when the dockerd process that held the connection dies.
 *
 * Nothing here touches the host: no file system, no processes. Errors of the client (bad JSON,
 * a body too large, a build context that is no tar) get dockerd-style `{"message"}` answers;
 * an exception inside the simulation answers 500 and the bridge goes on serving others.
 */
import { includesEvent } from '../src/sim/api/eventFilter';
import { parseFilters } from '../src/sim/api/filters';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { TLSSocket } from 'node:tls';
import { eventJson } from '../src/sim/api/system';
import type { ApiRequest, ApiResponse, ApiVia, PendingWait } from '../src/sim/api/types';
import { findContainer } from '../src/sim/daemon/lookup';
import type { BridgeSession } from './session';
import { untar } from './tar';
import {
  encodeFrame,
  errorBody,
  HttpReply,
  jsonLine,
  MULTIPLEXED,
  RawReply,
  readBody,
  type Reply,
} from './wire';

export const DEFAULT_BODY_LIMIT = 16 * 1024 * 1024;
/** A client that lets this much of our output pile up unread is dropped. */
export const DEFAULT_MAX_BUFFERED = 8 * 1024 * 1024;

export interface EngineOptions {
  /** Largest request body accepted, in bytes; larger ones get 413. */
  readonly bodyLimit?: number;
  /** Unread output (bytes) after which a slow client is dropped. */
  readonly maxBuffered?: number;
  /** Where the bridge tells what it did that the client cannot see (ignored stdin, drops). */
  readonly log?: (message: string) => void;
}

/** The path without its version prefix and query, and the query. */
function routeOf(path: string): { route: string; query: URLSearchParams } {
  const [raw = '', query = ''] = path.split('?', 2);
  return {
    route: raw.replace(/^\/v\d+\.\d+(?=\/)/, ''),
    query: new URLSearchParams(query),
  };
}

function flag(query: URLSearchParams, name: string): boolean {
  const value = query.get(name);
  return value !== null && value !== '' && value !== '0' && value.toLowerCase() !== 'false';
}

/** Go's json.Decoder wording where JavaScript's can be mapped onto it. */
function jsonError(text: string, e: unknown): string {
  if (text.trim() === '') return 'invalid JSON: got EOF while reading request body';
  const message = e instanceof Error ? e.message : String(e);
  if (/end of JSON input/i.test(message)) return 'invalid JSON: unexpected EOF';
  const token = /Unexpected token '?(.)'?/.exec(message)?.[1];
  if (token) return `invalid JSON: invalid character '${token}' looking for beginning of value`;
  return `invalid JSON: ${message}`;
}

function viaOf(socket: Socket | Duplex | null): ApiVia {
  const port = (socket as Socket | null)?.localPort ?? 0;
  if (!(socket instanceof TLSSocket)) return { port, tls: false };
  const cn = socket.getPeerCertificate()?.subject?.CN as string | string[] | undefined;
  const client = Array.isArray(cn) ? cn[0] : cn;
  return client ? { port, tls: true, client } : { port, tls: true };
}

function headersOf(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers))
    if (v !== undefined) out[k] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

const JSON_TYPE = { 'Content-Type': 'application/json' } as const;

/** Docker's RFC3339NanoFixed, as `docker logs -t` prints it, e.g. `2026-01-12T09:00:00.652000000Z`. */
function rfc3339Nano(unixMs: number): string {
  return new Date(unixMs).toISOString().replace(/\.(\d{3})Z$/, '.$1000000Z');
}

/**
 * Whether the container exited (or was removed) in trace entries (from, to]: its stdio closes
 * then, which ends an attach or a followed log on a real host, even if a restart follows.
 */
function exitedBetween(session: BridgeSession, id: string, from: number, to: number): boolean {
  const { sim } = session;
  if (!sim.world.containers[id]) return true;
  for (let i = from + 1; i <= to; i++) {
    const change = sim.trace[i]?.change;
    if (
      change?.op === 'event' &&
      change.event.actorId === id &&
      (change.event.action === 'die' || change.event.action === 'destroy')
    )
      return true;
  }
  return false;
}

export class EngineApi {
  private readonly bodyLimit: number;
  private readonly maxBuffered: number;
  private readonly log: (message: string) => void;
  private readonly held = new Set<{ close(): void }>();

  constructor(
    private readonly session: BridgeSession,
    options: EngineOptions = {},
  ) {
    this.bodyLimit = options.bodyLimit ?? DEFAULT_BODY_LIMIT;
    this.maxBuffered = options.maxBuffered ?? DEFAULT_MAX_BUFFERED;
    this.log = options.log ?? ((message) => console.error(`bridge: ${message}`));
  }

  get heldCount(): number {
    return this.held.size;
  }

  closeAll(): void {
    for (const h of [...this.held]) h.close();
  }

  handleRequest(req: IncomingMessage, res: ServerResponse): void {
    req.on('error', () => {});
    res.on('error', () => {});
    const reply = new HttpReply(req, res);
    const declared = Number(req.headers['content-length'] ?? NaN);
    if (declared > this.bodyLimit) {
      this.tooLarge(reply, req, req.socket);
      return;
    }
    void readBody(req, this.bodyLimit).then(
      (read) => {
        if ('aborted' in read) return; // the client went away before its body was in
        if ('tooLarge' in read) return this.tooLarge(reply, req, req.socket);
        this.serve(req, read.bytes, reply, false);
      },
      (e: unknown) => this.internalError(reply, `${req.method} ${req.url}`, e),
    );
  }

  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    // The CLI half-closes its side when stdin is not attached; the output must still flow
    // (over TLS, Node would otherwise close the whole socket and lose it).
    socket.allowHalfOpen = true;
    (socket as Socket).setKeepAlive?.(true, 30_000);
    socket.on('error', () => {});
    const reply = new RawReply(req.method ?? 'POST', socket);
    const length = Number(req.headers['content-length'] ?? 0) || 0;
    if (length > this.bodyLimit) {
      this.tooLarge(reply, socket, socket);
      return;
    }
    // Node hands over everything after the headers: first the body, then the client's stdin.
    let buffered = head;
    const proceed = (): void => {
      socket.off('data', onData);
      const body = buffered.subarray(0, length);
      const rest = buffered.subarray(length);
      // Synchronous: an attach registers its stdin listener before the next byte can arrive.
      this.serve(req, body, reply, true, rest);
      // Keep reading (stdin, or nothing) so that the client's close is seen.
      socket.resume();
    };
    const onData = (chunk: Buffer): void => {
      buffered = Buffer.concat([buffered, chunk]);
      if (buffered.length >= length) proceed();
    };
    if (buffered.length >= length) proceed();
    else socket.on('data', onData);
  }

  /** Turns the body into the ApiRequest's, asks the simulation and answers. */
  private serve(
    req: IncomingMessage,
    bytes: Buffer,
    reply: Reply,
    wantsUpgrade: boolean,
    stdin: Buffer = Buffer.alloc(0),
  ): void {
    const method = (req.method ?? 'GET').toUpperCase();
    const path = req.url ?? '/';
    const label = `${method} ${path.split('?')[0]}`;
    try {
      const body = this.parseBody(method, path, req.headers['content-type'] ?? '', bytes);
      if ('error' in body) {
        this.simple(reply, 400, JSON_TYPE, errorBody(body.error));
        return;
      }
      const request: ApiRequest = {
        via: viaOf(req.socket),
        method,
        path,
        headers: headersOf(req),
        ...(body.value === undefined ? {} : { body: body.value }),
      };
      let response: ApiResponse;
      try {
        response = this.session.request(request);
      } catch (e) {
        this.internalError(reply, label, e);
        return;
      }
      this.answer(request, response, reply, wantsUpgrade, stdin);
    } catch (e) {
      this.internalError(reply, label, e);
    }
  }

  private parseBody(
    method: string,
    path: string,
    contentType: string,
    bytes: Buffer,
  ): { value: unknown } | { error: string } {
    const { route } = routeOf(path);
    if (method === 'POST' && route === '/build') {
      const unpacked = untar(bytes, this.bodyLimit);
      return 'error' in unpacked ? unpacked : { value: { context: unpacked.files } };
    }
    if (bytes.length === 0) return { value: undefined };
    const text = bytes.toString('utf8');
    if (/^application\/(.+\+)?json\b/i.test(contentType)) {
      try {
        return { value: JSON.parse(text) as unknown };
      } catch (e) {
        return { error: jsonError(text, e) };
      }
    }
    return { value: text };
  }

  private answer(
    request: ApiRequest,
    response: ApiResponse,
    reply: Reply,
    wantsUpgrade: boolean,
    stdin: Buffer,
  ): void {
    if (response.connectionRefused) {
      // dockerd is down: nothing listens, and the CLI says it cannot connect.
      reply.destroy();
      return;
    }
    const { route, query } = routeOf(request.path);
    if (response.upgrade || response.execStream) {
      this.hijack(response, reply, wantsUpgrade, stdin);
      return;
    }
    if (response.wait) {
      this.holdWait(response, response.wait, reply);
      return;
    }
    if (request.method === 'GET' && route === '/events' && response.status === 200) {
      this.followEvents(response, query, reply);
      return;
    }
    if (response.stream) {
      reply.head(response.status, response.headers);
      for (const line of response.stream) reply.write(jsonLine(line));
      reply.end();
      return;
    }
    if (response.frames) {
      const multiplexed = response.headers['Content-Type'] === MULTIPLEXED;
      reply.head(response.status, response.headers);
      for (const f of response.frames) reply.write(encodeFrame(f, multiplexed));
      const logs = /^\/containers\/([^/]+)\/logs$/.exec(route);
      if (logs && flag(query, 'follow')) this.followLogs(logs[1] ?? '', query, multiplexed, reply);
      else reply.end();
      return;
    }
    let text = '';
    if (response.body !== undefined) {
      const type = response.headers['Content-Type'] ?? '';
      text =
        typeof response.body === 'string' && !type.includes('json')
          ? response.body
          : jsonLine(response.body);
    }
    this.simple(reply, response.status, response.headers, text);
  }

  private simple(
    reply: Reply,
    status: number,
    headers: Readonly<Record<string, string>>,
    text: string,
  ): void {
    // 204 and 304 carry no body; HEAD gets the headers only.
    const empty = status === 204 || status === 304;
    const bytes = empty || reply.method === 'HEAD' ? Buffer.alloc(0) : Buffer.from(text, 'utf8');
    reply.head(status, headers, empty ? undefined : bytes.length);
    reply.end(bytes.length > 0 ? bytes : undefined);
  }

  /** 413 without keeping the rest (`drain` discards it), then the connection closes. */
  private tooLarge(reply: Reply, drain: { resume(): unknown }, socket: Duplex | null): void {
    if (reply.headSent) {
      reply.destroy();
      return;
    }
    const body = errorBody(
      `request body too large: the bridge accepts up to ${this.bodyLimit} bytes (see --body-limit)`,
    );
    reply.head(413, { ...JSON_TYPE, Connection: 'close' }, Buffer.byteLength(body));
    reply.end(body);
    // Let the client read the answer before the socket goes; what it still sends is dropped.
    drain.resume();
    if (socket) setTimeout(() => socket.destroy(), 2_000).unref();
  }

  private internalError(reply: Reply, label: string, e: unknown): void {
    const message = e instanceof Error ? e.message : String(e);
    this.log(`500 for ${label}: ${e instanceof Error && e.stack ? e.stack : message}`);
    if (reply.headSent) {
      reply.destroy();
      return;
    }
    try {
      this.simple(reply, 500, JSON_TYPE, errorBody(`the simulated daemon failed: ${message}`));
    } catch {
      reply.destroy();
    }
  }

  /**
   * Keeps an answer open: `step` runs now and after every change of the session until it
   * returns true (it has ended the answer), the client goes, or dockerd dies.
   */
  private hold(reply: Reply, what: string, step: () => boolean): void {
    const sim = this.session.sim;
    const dockerdPid = sim.world.services.dockerd.pid;
    let finished = false;
    let unsubscribe = (): void => {};
    const entry = {
      close: (): void => {
        reply.destroy();
        finish();
      },
    };
    const finish = (): void => {
      if (finished) return;
      finished = true;
      unsubscribe();
      this.held.delete(entry);
    };
    const run = (): void => {
      if (finished) return;
      if (reply.closed) return finish();
      if (sim.world.services.dockerd.pid !== dockerdPid) {
        // The process holding the connection is gone: so is the connection.
        reply.destroy();
        return finish();
      }
      if (reply.pending > this.maxBuffered) {
        this.log(`${what}: the client reads too slowly (${reply.pending} bytes queued); dropped`);
        reply.destroy();
        return finish();
      }
      let done: boolean;
      try {
        done = step();
      } catch (e) {
        this.log(`${what} failed: ${e instanceof Error ? e.message : String(e)}`);
        reply.destroy();
        return finish();
      }
      if (done) finish();
    };
    this.held.add(entry);
    reply.onClose(finish);
    unsubscribe = this.session.onChange(run);
    run();
  }

  private holdWait(response: ApiResponse, wait: PendingWait, reply: Reply): void {
    reply.head(response.status, response.headers);
    this.hold(reply, `wait ${wait.containerId.slice(0, 12)}`, () => {
      const result = this.session.sim.waitResult(wait);
      if (!result) return false;
      reply.end(jsonLine(result));
      return true;
    });
  }

  /** Attach and exec: the socket becomes the process's stdio. */
  private hijack(response: ApiResponse, reply: Reply, wantsUpgrade: boolean, stdin: Buffer): void {
    const sim = this.session.sim;
    const headers = { ...response.headers };
    let status = response.status;
    if (status === 101 && !wantsUpgrade) {
      // What dockerd does for a client that did not ask to upgrade: 200, then the raw stream.
      status = 200;
      delete headers['Connection'];
      delete headers['Upgrade'];
    }
    const multiplexed = headers['Content-Type'] === MULTIPLEXED;
    reply.head(status, headers);
    for (const f of response.frames ?? []) reply.write(encodeFrame(f, multiplexed));

    const target = response.upgrade
      ? `container ${response.upgrade.containerId.slice(0, 12)}`
      : `exec ${response.execStream?.execId.slice(0, 12) ?? ''}`;
    let toldStdin = false;
    const onStdin = (chunk: Buffer): void => {
      if (chunk.length === 0 || toldStdin) return;
      toldStdin = true;
      // No input kind of the simulation carries a program's stdin: say so here, drop the bytes.
      this.log(
        `stdin for ${target} ignored: the simulation has no input for a program's standard input`,
      );
    };
    onStdin(stdin);
    reply.onInput(onStdin);

    if (response.upgrade) {
      const id = response.upgrade.containerId;
      let cursor = sim.trace.length - 1;
      this.hold(reply, `attach ${target}`, () => {
        const from = cursor;
        cursor = sim.trace.length - 1;
        for (const f of sim.outputSince(id, from)) reply.write(encodeFrame(f, multiplexed));
        const exited = exitedBetween(this.session, id, from, cursor);
        if (exited) reply.end();
        return exited;
      });
      return;
    }
    const execId = response.execStream?.execId ?? '';
    this.hold(reply, target, () => {
      if (sim.world.execs[execId]?.running === true) return false;
      reply.end();
      return true;
    });
  }

  private followEvents(response: ApiResponse, query: URLSearchParams, reply: Reply): void {
    const sim = this.session.sim;
    const until = Number(query.get('until') ?? NaN);
    // The same filters dockerd applies (and the route applied to the past ones above).
    const filters = parseFilters(query.get('filters'));
    const unixNow = (): number => (sim.world.epochMs + sim.now) / 1000;
    reply.head(response.status, response.headers);
    for (const line of response.stream ?? []) reply.write(jsonLine(line));
    let cursor = sim.trace.length - 1;
    this.hold(reply, 'events', () => {
      const from = cursor;
      cursor = sim.trace.length - 1;
      for (let i = from + 1; i <= cursor; i++) {
        const change = sim.trace[i]?.change;
        if (change?.op !== 'event') continue;
        if (Number.isFinite(until) && (sim.world.epochMs + change.event.time) / 1000 > until)
          continue;
        if (filters.ok && !includesEvent(filters.args, change.event)) continue;
        reply.write(jsonLine(eventJson(sim.host, change.event)));
      }
      if (Number.isFinite(until) && unixNow() > until) {
        reply.end();
        return true;
      }
      return false;
    });
  }

  private followLogs(
    ref: string,
    query: URLSearchParams,
    multiplexed: boolean,
    reply: Reply,
  ): void {
    const sim = this.session.sim;
    const found = findContainer(sim.host, decodeURIComponent(ref));
    if (!found.ok) {
      reply.end();
      return;
    }
    const id = found.value.id;
    const stdout = flag(query, 'stdout');
    const stderr = flag(query, 'stderr');
    const stamps = flag(query, 'timestamps');
    let cursor = sim.trace.length - 1;
    this.hold(reply, `logs -f ${id.slice(0, 12)}`, () => {
      const from = cursor;
      cursor = sim.trace.length - 1;
      for (let i = from + 1; i <= cursor; i++) {
        const change = sim.trace[i]?.change;
        if (change?.op !== 'container.log' || change.id !== id) continue;
        const line = change.line;
        if (line.stream === 'stdout' ? !stdout : !stderr) continue;
        const stamp = stamps ? `${rfc3339Nano(sim.world.epochMs + line.t)} ` : '';
        reply.write(
          encodeFrame({ stream: line.stream, data: `${stamp}${line.text}\n` }, multiplexed),
        );
      }
      const c = sim.world.containers[id];
      const alive =
        c && (c.state === 'running' || c.state === 'paused' || c.state === 'restarting');
      if (alive && !exitedBetween(this.session, id, from, cursor)) return false;
      reply.end();
      return true;
    });
  }
}
