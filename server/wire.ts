/**
 * The bytes on the wire, below the Engine API's meaning: where an answer is written (a Node
 * response, or a socket taken over by an upgrade, which needs its own status line), how a
 * request body is read within a limit, and how stdio is framed.
 *
 * Contract: `HttpReply` and `RawReply` implement `Reply`; `readBody` never keeps more than
 * `limit` bytes; `encodeFrame` writes moby's stdcopy framing when asked to multiplex.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { STATUS_TEXT, type StdioFrame } from '../src/sim/api/types';

export const MULTIPLEXED = 'application/vnd.docker.multiplexed-stream';

/** Where an answer goes: a Node response, or a socket taken over by an upgrade. */
export interface Reply {
  readonly method: string;
  readonly headSent: boolean;
  readonly closed: boolean;
  /** Unread bytes queued for the client. */
  readonly pending: number;
  /** Status and headers now; without `length` the body's end is the stream's end. */
  head(status: number, headers: Readonly<Record<string, string>>, length?: number): void;
  write(chunk: Buffer | string): void;
  end(chunk?: Buffer | string): void;
  destroy(): void;
  onClose(listener: () => void): void;
  /** Bytes the client sends after the request (stdin of an attach or exec). */
  onInput(listener: (chunk: Buffer) => void): void;
}

export class HttpReply implements Reply {
  constructor(
    private readonly req: IncomingMessage,
    private readonly res: ServerResponse,
  ) {}
  get method(): string {
    return this.req.method ?? 'GET';
  }
  get headSent(): boolean {
    return this.res.headersSent;
  }
  get closed(): boolean {
    return this.res.destroyed || this.res.writableEnded;
  }
  get pending(): number {
    return this.res.writableLength;
  }
  head(status: number, headers: Readonly<Record<string, string>>, length?: number): void {
    const all: Record<string, string | number> = { ...headers };
    if (length !== undefined) all['Content-Length'] = length;
    this.res.writeHead(status, STATUS_TEXT[status] ?? '', all);
    // Send the headers now: the CLI waits for them (a held /wait, an events stream).
    if (length === undefined) this.res.flushHeaders();
  }
  write(chunk: Buffer | string): void {
    this.res.write(chunk);
  }
  end(chunk?: Buffer | string): void {
    if (chunk === undefined) this.res.end();
    else this.res.end(chunk);
  }
  destroy(): void {
    this.res.destroy();
  }
  onClose(listener: () => void): void {
    this.res.once('close', listener);
  }
  onInput(): void {
    // An ordinary request has no stream after its body.
  }
}

export class RawReply implements Reply {
  private sent = false;
  constructor(
    readonly method: string,
    private readonly socket: Duplex,
  ) {}
  get headSent(): boolean {
    return this.sent;
  }
  get closed(): boolean {
    return this.socket.destroyed || this.socket.writableEnded;
  }
  get pending(): number {
    return this.socket.writableLength;
  }
  head(status: number, headers: Readonly<Record<string, string>>, length?: number): void {
    const lines = [`HTTP/1.1 ${status} ${STATUS_TEXT[status] ?? ''}`];
    for (const [k, v] of Object.entries(headers)) lines.push(`${k}: ${v}`);
    if (status !== 101) {
      // A hijacked socket serves one answer; without a length its end is the body's end.
      if (length !== undefined) lines.push(`Content-Length: ${length}`);
      lines.push('Connection: close');
    }
    this.socket.write(`${lines.join('\r\n')}\r\n\r\n`);
    this.sent = true;
  }
  write(chunk: Buffer | string): void {
    this.socket.write(chunk);
  }
  end(chunk?: Buffer | string): void {
    if (chunk === undefined) this.socket.end();
    else this.socket.end(chunk);
  }
  destroy(): void {
    this.socket.destroy();
  }
  onClose(listener: () => void): void {
    this.socket.once('close', listener);
  }
  onInput(listener: (chunk: Buffer) => void): void {
    this.socket.on('data', listener);
  }
}

export type BodyRead = { bytes: Buffer } | { tooLarge: true } | { aborted: true };

/** Reads a request body up to `limit` bytes; past it, stops keeping what arrives. */
export function readBody(req: IncomingMessage, limit: number): Promise<BodyRead> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (result: BodyRead): void => {
      if (done) return;
      done = true;
      req.off('data', onData);
      resolve(result);
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > limit) finish({ tooLarge: true });
      else chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => finish({ bytes: Buffer.concat(chunks) }));
    req.once('error', () => finish({ aborted: true }));
    req.once('close', () =>
      finish(req.complete ? { bytes: Buffer.concat(chunks) } : { aborted: true }),
    );
  });
}

export function encodeFrame(frame: StdioFrame, multiplexed: boolean): Buffer {
  const payload = Buffer.from(frame.data, 'utf8');
  if (!multiplexed) return payload;
  // [stream, 0, 0, 0, size uint32 big-endian]: 1 stdout, 2 stderr (moby pkg/stdcopy).
  const header = Buffer.alloc(8);
  header[0] = frame.stream === 'stderr' ? 2 : 1;
  header.writeUInt32BE(payload.length, 4);
  return Buffer.concat([header, payload]);
}

export function jsonLine(value: unknown): string {
  return `${JSON.stringify(value)}\n`;
}

export function errorBody(message: string): string {
  return jsonLine({ message });
}

/** A query flag as the CLI sends it: `1`, `true` or `True` (not `0`, `false` or empty). */
export function flag(query: URLSearchParams, name: string): boolean {
  const value = query.get(name);
  return value !== null && value !== '' && value !== '0' && value.toLowerCase() !== 'false';
}
