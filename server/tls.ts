/**
 * The mutual-TLS port (2376 by convention), as dockerd runs it with `--tlsverify`.
 *
 * Contract: `createTlsFront(certs, handlers)` returns a `net.Server` to listen with, and the
 * https server behind it. Each connection's first byte decides: 0x16 (a TLS handshake record)
 * goes to the https server, which demands a client certificate signed by our CA
 * (`requestCert`, `rejectUnauthorized`): without one the handshake fails and the CLI prints
 * `remote error: tls: certificate required`, with one from another CA `... unknown certificate
 * authority`. Anything else is plain HTTP sent to a TLS port, and gets Go's own answer,
 * `Client sent an HTTP request to an HTTPS server.`, as dockerd gives it (a bare Node TLS
 * server would only close, and the CLI would print an unhelpful EOF).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer as createHttpsServer, type Server as HttpsServer } from 'node:https';
import { createServer as createNetServer, type Server, type Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import type { CertSet } from './certs';

/** Go net/http's answer to plain HTTP on a TLS listener, byte for byte. */
export const PLAIN_HTTP_TO_TLS =
  'HTTP/1.0 400 Bad Request\r\n\r\nClient sent an HTTP request to an HTTPS server.\n';

/** A connection that sends nothing at all is dropped after this long. */
const FIRST_BYTE_TIMEOUT_MS = 30_000;

export interface TlsHandlers {
  readonly request: (req: IncomingMessage, res: ServerResponse) => void;
  readonly upgrade: (req: IncomingMessage, socket: Duplex, head: Buffer) => void;
  readonly log?: (message: string) => void;
}

export interface TlsFront {
  /** Listen on this one. */
  readonly server: Server;
  /** The https server behind the first-byte check (never listens itself). */
  readonly https: HttpsServer;
  /** Every socket still open, to close them on shutdown. */
  readonly sockets: Set<Socket>;
}

export function createTlsFront(certs: CertSet, handlers: TlsHandlers): TlsFront {
  const https = createHttpsServer(
    {
      key: certs.pem.serverKey,
      cert: certs.pem.serverCert,
      ca: certs.pem.ca,
      requestCert: true,
      rejectUnauthorized: true,
      minVersion: 'TLSv1.2',
    },
    handlers.request,
  );
  https.on('upgrade', handlers.upgrade);
  // A refused handshake is the expected answer to a client without a good certificate.
  https.on('tlsClientError', (err) => handlers.log?.(`TLS handshake refused: ${err.message}`));

  const sockets = new Set<Socket>();
  // allowHalfOpen: the TLS socket wrapped around this one inherits it (see ENGINE-API.md).
  const server = createNetServer({ allowHalfOpen: true }, (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    socket.setTimeout(FIRST_BYTE_TIMEOUT_MS, () => socket.destroy());
    socket.once('data', (first: Buffer) => {
      socket.setTimeout(0);
      socket.pause();
      if (first[0] === 0x16) {
        socket.unshift(first);
        https.emit('connection', socket);
        process.nextTick(() => socket.resume());
        return;
      }
      socket.end(PLAIN_HTTP_TO_TLS);
      setTimeout(() => socket.destroy(), 1_000).unref();
    });
  });
  return { server, https, sockets };
}
