/**
 * The bridge: one simulated Docker host served on two real ports, so that the real docker CLI
 * (and the app's live view) can talk to it.
 *
 * Contract:
 *   const bridge = await startBridge({ host = '127.0.0.1', port = 2375, tlsPort = 2376,
 *                                      certDir = '.bridge/certs', seed, bodyLimit, log })
 *   bridge.session          the BridgeSession both ports share
 *   bridge.ports            { plain, tls } as bound (port 0 picks a free one: tests)
 *   bridge.certs            the CertSet the TLS port uses (paths for the CLI's flags)
 *   bridge.close()          stops both servers, ends held answers and open connections, and
 *                           stops the session's clock
 * The plain port asks `handleLive` (./live, the app's own endpoints) first, then answers the
 * Engine API. The TLS port answers only the Engine API, to clients with a certificate from
 * the bridge's CA. A port in use rejects the promise with a message naming the port and the
 * flag that picks another.
 */
import { createServer, type Server } from 'node:http';
import type { Server as NetServer, Socket } from 'node:net';
import { ensureCerts, DEFAULT_CERT_DIR, type CertSet } from './certs';
import { EngineApi } from './engine';
import { handleLive } from './live';
import { BridgeSession } from './session';
import { createTlsFront } from './tls';

export interface BridgeOptions {
  readonly host?: string;
  readonly port?: number;
  readonly tlsPort?: number;
  readonly certDir?: string;
  readonly seed?: string | number;
  readonly bodyLimit?: number;
  /** Where the bridge reports what the client cannot see (default: stderr). */
  readonly log?: (message: string) => void;
}

export interface Bridge {
  readonly session: BridgeSession;
  readonly ports: { readonly plain: number; readonly tls: number };
  readonly certs: CertSet;
  readonly engine: EngineApi;
  close(): Promise<void>;
}

function listen(server: NetServer, host: string, port: number, flagName: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (err: NodeJS.ErrnoException): void => {
      server.off('listening', onListening);
      if (err.code === 'EADDRINUSE')
        reject(
          new Error(
            `port ${port} on ${host} is already in use (another bridge, or a real dockerd?): ` +
              `stop it, or pick another port with ${flagName} N`,
          ),
        );
      else if (err.code === 'EACCES')
        reject(
          new Error(`port ${port} on ${host} needs privileges: pick another with ${flagName} N`),
        );
      else reject(new Error(`cannot listen on ${host}:${port}: ${err.message}`));
    };
    const onListening = (): void => {
      server.off('error', onError);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}

function closeServer(server: NetServer): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) return resolve();
    server.close(() => resolve());
  });
}

export async function startBridge(options: BridgeOptions = {}): Promise<Bridge> {
  const host = options.host ?? '127.0.0.1';
  const log = options.log ?? ((message: string) => console.error(`bridge: ${message}`));
  const certs = await ensureCerts(options.certDir ?? DEFAULT_CERT_DIR);
  if (certs.created)
    log(`made new certificates in ${certs.dir} (${certs.reason ?? 'first start'})`);

  const session = new BridgeSession(options.seed === undefined ? {} : { seed: options.seed });
  const engine = new EngineApi(session, {
    ...(options.bodyLimit === undefined ? {} : { bodyLimit: options.bodyLimit }),
    log,
  });

  const sockets = new Set<Socket>();
  const plain: Server = createServer((req, res) => {
    try {
      if (handleLive(session, req, res)) return;
    } catch (e) {
      log(`the live endpoint failed: ${e instanceof Error ? e.message : String(e)}`);
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'application/json' });
      res.end(`${JSON.stringify({ message: 'the live endpoint failed' })}\n`);
      return;
    }
    engine.handleRequest(req, res);
  });
  plain.on('upgrade', (req, socket, head) => engine.handleUpgrade(req, socket, head));
  plain.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  plain.on('clientError', (_err, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });

  const tls = createTlsFront(certs, {
    request: (req, res) => engine.handleRequest(req, res),
    upgrade: (req, socket, head) => engine.handleUpgrade(req, socket, head),
    log: () => {}, // a refused handshake is the answer, not news
  });

  const close = async (): Promise<void> => {
    session.close();
    engine.closeAll();
    const closing = Promise.all([closeServer(plain), closeServer(tls.server)]);
    for (const s of [...sockets, ...tls.sockets]) s.destroy();
    await closing;
  };

  try {
    const plainPort = await listen(plain, host, options.port ?? 2375, '--port');
    const tlsPort = await listen(tls.server, host, options.tlsPort ?? 2376, '--tls-port');
    return { session, ports: { plain: plainPort, tls: tlsPort }, certs, engine, close };
  } catch (e) {
    await close();
    throw e;
  }
}
