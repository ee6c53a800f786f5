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
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { TLSSocket } from 'node:tls';
import type { ApiRequest, ApiResponse, ApiVia } from '../src/sim/api/types';
import { HeldAnswers } from './held';
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
  flag,
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

export class EngineApi {
  private readonly bodyLimit: number;
  private readonly log: (message: string) => void;
  private readonly held: HeldAnswers;

  constructor(
    private readonly session: BridgeSession,
    options: EngineOptions = {},
  ) {
    this.bodyLimit = options.bodyLimit ?? DEFAULT_BODY_LIMIT;
    this.log = options.log ?? ((message) => console.error(`bridge: ${message}`));
    this.held = new HeldAnswers(session, options.maxBuffered ?? DEFAULT_MAX_BUFFERED, this.log);
  }

  get heldCount(): number {
    return this.held.count;
  }

  closeAll(): void {
    this.held.closeAll();
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
      this.held.hijack(response, reply, wantsUpgrade, stdin);
      return;
    }
    if (response.wait) {
      this.held.wait(response, response.wait, reply);
      return;
    }
    if (request.method === 'GET' && route === '/events' && response.status === 200) {
      this.held.events(response, query, reply);
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
      if (logs && flag(query, 'follow')) this.held.logs(logs[1] ?? '', query, multiplexed, reply);
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
}
