/**
 * The bridge against what the docker CLI never sends, with plain `http`/`net` clients: bad
 * routes and bodies, attach by hand, clients that vanish or never read, many at once, a
 * failure inside the simulation, and shutting down with answers still held.
 */
import { request, type IncomingHttpHeaders } from 'node:http';
import { connect, type Socket } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startBridge, type Bridge } from './bridge';
import { scratchDir, until } from './testing';
import { PLAIN_HTTP_TO_TLS } from './tls';

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

const LIMIT = 1024 * 1024;
let bridge: Bridge;
const scratch = scratchDir('bridge-engine');

function call(
  method: string,
  path: string,
  options: { body?: string | Buffer; headers?: Record<string, string | number> } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: bridge.ports.plain, method, path, headers: options.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

function json(method: string, path: string, body: unknown): Promise<Answer> {
  return call(method, path, {
    body: JSON.stringify(body),
    headers: { 'Content-Type': 'application/json' },
  });
}

/** A raw attach with the CLI's upgrade headers; resolves once the 101 head is in. */
function rawAttach(id: string): Promise<{ socket: Socket; head: string; data: () => Buffer }> {
  return new Promise((resolve, reject) => {
    const socket = connect(bridge.ports.plain, '127.0.0.1');
    let received = Buffer.alloc(0);
    let resolved = false;
    socket.on('error', reject);
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      const end = received.indexOf('\r\n\r\n');
      if (!resolved && end !== -1) {
        resolved = true;
        const head = received.subarray(0, end).toString('latin1');
        received = received.subarray(end + 4);
        resolve({ socket, head, data: () => received });
      }
    });
    socket.write(
      `POST /v1.50/containers/${id}/attach?stderr=1&stdout=1&stream=1 HTTP/1.1\r\n` +
        'Host: api.moby.localhost\r\nContent-Type: text/plain\r\n' +
        'Connection: Upgrade\r\nUpgrade: tcp\r\n\r\n',
    );
  });
}

async function pullAlpine(): Promise<void> {
  const pulled = await call('POST', '/v1.50/images/create?fromImage=alpine&tag=latest');
  expect(pulled.status).toBe(200);
}

async function createContainer(body: Record<string, unknown>, name?: string): Promise<string> {
  const created = await json(
    'POST',
    `/v1.50/containers/create${name ? `?name=${name}` : ''}`,
    body,
  );
  expect(created.status, created.body).toBe(201);
  return (JSON.parse(created.body) as { Id: string }).Id;
}

beforeAll(async () => {
  bridge = await startBridge({
    port: 0,
    tlsPort: 0,
    certDir: join(scratch.dir, 'certs'),
    bodyLimit: LIMIT,
    log: () => {},
  });
  await pullAlpine();
});

afterAll(async () => {
  await bridge?.close();
  scratch.remove();
});

describe('answers', () => {
  it('HEAD /_ping: 200 with Api-Version', async () => {
    const r = await call('HEAD', '/_ping');
    expect(r.status).toBe(200);
    expect(r.headers['api-version']).toMatch(/^1\.\d+$/);
    expect(r.body).toBe('');
    expect((await call('GET', '/_ping')).body).toBe('OK');
  });

  it("an unknown route gets the simulation's 404 in JSON", async () => {
    const r = await call('GET', '/v1.50/no/such/route');
    expect(r.status).toBe(404);
    expect(r.headers['content-type']).toBe('application/json');
    expect(JSON.parse(r.body)).toEqual({ message: 'page not found' });
  });

  it('malformed JSON: 400 in the words of dockerd', async () => {
    const r = await call('POST', '/v1.50/containers/create', {
      body: '{"Image": alp',
      headers: { 'Content-Type': 'application/json' },
    });
    expect(r.status).toBe(400);
    expect(JSON.parse(r.body)).toEqual({
      message: "invalid JSON: invalid character 'a' looking for beginning of value",
    });
    const empty = await call('POST', '/v1.50/networks/create', {
      body: ' ',
      headers: { 'Content-Type': 'application/json' },
    });
    expect(JSON.parse(empty.body)).toEqual({
      message: 'invalid JSON: got EOF while reading request body',
    });
  });

  it('a declared body over the limit: 413 at once, without reading it', async () => {
    const r = await new Promise<Answer>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: bridge.ports.plain,
          method: 'POST',
          path: '/v1.50/containers/create',
          headers: { 'Content-Type': 'application/json', 'Content-Length': LIMIT * 4 },
        },
        (res) => {
          let body = '';
          res.on('data', (c: Buffer) => (body += c.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
        },
      );
      req.on('error', reject);
      req.write('{"Image": "alpine"'); // and never the rest
    });
    expect(r.status).toBe(413);
    expect(r.headers['connection']).toBe('close');
    expect(JSON.parse(r.body)).toEqual({
      message: `request body too large: the bridge accepts up to ${LIMIT} bytes (see --body-limit)`,
    });
  });

  it('a chunked body that grows over the limit: 413', async () => {
    const r = await new Promise<Answer>((resolve) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: bridge.ports.plain,
          method: 'POST',
          path: '/v1.50/build',
          headers: { 'Content-Type': 'application/x-tar' },
        },
        (res) => {
          let body = '';
          res.on('data', (c: Buffer) => (body += c.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
        },
      );
      req.on('error', () => {}); // the bridge closes while we still send: expected
      const chunk = Buffer.alloc(64 * 1024);
      let sent = 0;
      const pump = (): void => {
        while (sent < LIMIT * 3) {
          sent += chunk.length;
          if (!req.write(chunk)) return void req.once('drain', pump);
        }
        req.end();
      };
      pump();
    });
    expect(r.status).toBe(413);
    // The bridge keeps answering.
    expect((await call('GET', '/v1.50/containers/json')).status).toBe(200);
  });

  it('a build body that is not a tar: 400 with a clear message', async () => {
    const r = await call('POST', '/v1.50/build?t=x', {
      body: 'FROM alpine\n'.repeat(100),
      headers: { 'Content-Type': 'application/x-tar' },
    });
    expect(r.status).toBe(400);
    expect(JSON.parse(r.body)).toEqual({
      message:
        'the build context is not a tar archive (send the context as a tar stream, as `docker build` does)',
    });
  });

  it('an exception inside the simulation: 500, and the bridge lives on', async () => {
    const spy = vi.spyOn(bridge.session, 'request').mockImplementationOnce(() => {
      throw new Error('boom');
    });
    try {
      const r = await call('GET', '/v1.50/containers/json');
      expect(r.status).toBe(500);
      expect(JSON.parse(r.body)).toEqual({ message: 'the simulated daemon failed: boom' });
    } finally {
      spy.mockRestore();
    }
    expect((await call('GET', '/v1.50/containers/json')).status).toBe(200);
  });

  it('passes via {port, tls} with every request', async () => {
    await call('GET', '/v1.50/info');
    const entry = [...bridge.session.sim.trace]
      .reverse()
      .find((e) => e.kind === 'http-request' && e.from === 'cli' && e.label === 'GET /v1.50/info');
    expect(entry?.detail?.['via']).toEqual({ port: bridge.ports.plain, tls: false });
  });
});

describe('held answers', () => {
  it('/wait sends its headers at once and the body on exit', async () => {
    const id = await createContainer({ Image: 'alpine', Cmd: ['sleep', '1000'] });
    let headersAt = 0;
    const waited = new Promise<Answer>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: bridge.ports.plain,
          method: 'POST',
          path: `/v1.50/containers/${id}/wait?condition=next-exit`,
        },
        (res) => {
          headersAt = Date.now();
          let body = '';
          res.on('data', (c: Buffer) => (body += c.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
        },
      );
      req.on('error', reject);
      req.end();
    });
    await until(() => headersAt > 0, 5_000, 'the wait headers');
    expect((await call('POST', `/v1.50/containers/${id}/start`)).status).toBe(204);
    expect((await call('POST', `/v1.50/containers/${id}/kill`)).status).toBe(204);
    const r = await waited;
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toEqual({ StatusCode: 137 });
    await call('DELETE', `/v1.50/containers/${id}`);
  });

  it('attach: 101 UPGRADED, the framed output, then the end', async () => {
    const id = await createContainer({ Image: 'alpine', Cmd: ['echo', 'hi'], AttachStdout: true });
    const attach = await rawAttach(id);
    expect(attach.head.split('\r\n')).toEqual(
      expect.arrayContaining([
        'HTTP/1.1 101 UPGRADED',
        'Content-Type: application/vnd.docker.multiplexed-stream',
        'Connection: Upgrade',
        'Upgrade: tcp',
      ]),
    );
    const ended = new Promise<void>((resolve) => attach.socket.once('end', resolve));
    expect((await call('POST', `/v1.50/containers/${id}/start`)).status).toBe(204);
    await ended;
    expect([...attach.data()]).toEqual([1, 0, 0, 0, 0, 0, 0, 3, ...Buffer.from('hi\n')]);
    attach.socket.destroy();
    await call('DELETE', `/v1.50/containers/${id}`);
  });

  it('a TTY container attaches raw (no frame headers)', async () => {
    const id = await createContainer({ Image: 'alpine', Cmd: ['echo', 'hi'], Tty: true });
    const attach = await rawAttach(id);
    expect(attach.head).toContain('Content-Type: application/vnd.docker.raw-stream');
    const ended = new Promise<void>((resolve) => attach.socket.once('end', resolve));
    await call('POST', `/v1.50/containers/${id}/start`);
    await ended;
    expect(attach.data().toString()).toMatch(/^hi\r?\n$/);
    attach.socket.destroy();
    await call('DELETE', `/v1.50/containers/${id}`);
  });

  it('a client that disconnects mid-attach: others are answered, nothing leaks', async () => {
    const baseline = { held: bridge.engine.heldCount, listeners: bridge.session.listenerCount };
    const id = await createContainer({ Image: 'alpine', Cmd: ['sleep', '1000'] }, 'vanishing');
    await call('POST', `/v1.50/containers/${id}/start`);
    const attach = await rawAttach(id);
    expect(bridge.engine.heldCount).toBe(baseline.held + 1);
    attach.socket.write('typed into stdin\n'); // no input kind for it: ignored
    attach.socket.destroy();
    const ps = await call('GET', '/v1.50/containers/json');
    expect(ps.status).toBe(200);
    expect(ps.body).toContain('/vanishing');
    // Whether the close was seen at once or at the container's exit, the held answer goes.
    await call('POST', `/v1.50/containers/${id}/kill`);
    await until(() => bridge.engine.heldCount === baseline.held, 5_000, 'the attach to end');
    expect(bridge.session.listenerCount).toBe(baseline.listeners);
    await call('DELETE', `/v1.50/containers/${id}`);
  });

  it('a client that never reads its events stream does not hold up the others', async () => {
    const held = bridge.engine.heldCount;
    const lazy = connect(bridge.ports.plain, '127.0.0.1');
    lazy.pause();
    lazy.write('GET /v1.50/events HTTP/1.1\r\nHost: x\r\n\r\n');
    await until(() => bridge.engine.heldCount === held + 1, 5_000, 'the events stream');
    for (let i = 0; i < 20; i++) {
      const id = await createContainer({ Image: 'alpine', Cmd: ['true'] });
      expect((await call('DELETE', `/v1.50/containers/${id}`)).status).toBe(204);
    }
    lazy.destroy();
    await until(() => bridge.engine.heldCount === held, 5_000, 'the events stream to go');
  });

  it('200 concurrent GET /containers/json are all answered 200', async () => {
    const answers = await Promise.all(
      Array.from({ length: 200 }, () => call('GET', '/v1.50/containers/json')),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(200).fill(200));
    expect(answers.every((a) => Array.isArray(JSON.parse(a.body)))).toBe(true);
  });
});

describe('the TLS port', () => {
  it('answers plain HTTP with Go\'s "Client sent an HTTP request to an HTTPS server."', async () => {
    const text = await new Promise<string>((resolve, reject) => {
      const socket = connect(bridge.ports.tls, '127.0.0.1');
      let got = '';
      socket.on('data', (c: Buffer) => (got += c.toString('latin1')));
      socket.on('end', () => resolve(got));
      socket.on('error', reject);
      socket.write('GET /_ping HTTP/1.1\r\nHost: x\r\n\r\n');
    });
    expect(text).toBe(PLAIN_HTTP_TO_TLS);
  });

  it('names the client by its certificate', async () => {
    const { paths } = bridge.certs;
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = tlsConnect({
        host: '127.0.0.1',
        port: bridge.ports.tls,
        ca: readFileSync(paths.ca),
        cert: readFileSync(paths.cert),
        key: readFileSync(paths.key),
        servername: 'localhost',
      });
      let got = '';
      socket.on('data', (c: Buffer) => (got += c.toString()));
      socket.on('end', () => resolve(got));
      socket.on('error', reject);
      socket.write('GET /v1.50/version HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    });
    expect(answer).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    const entry = [...bridge.session.sim.trace]
      .reverse()
      .find(
        (e) => e.kind === 'http-request' && e.from === 'cli' && e.label === 'GET /v1.50/version',
      );
    expect(entry?.detail?.['via']).toEqual({
      port: bridge.ports.tls,
      tls: true,
      client: 'student',
    });
  });
});

describe('starting and stopping', () => {
  it('a port in use: a clear error naming the port and the flag', async () => {
    await expect(
      startBridge({
        port: bridge.ports.plain,
        tlsPort: 0,
        certDir: join(scratch.dir, 'certs'),
        log: () => {},
      }),
    ).rejects.toThrow(
      `port ${bridge.ports.plain} on 127.0.0.1 is already in use (another bridge, or a real dockerd?): stop it, or pick another port with --port N`,
    );
    await expect(
      startBridge({
        port: 0,
        tlsPort: bridge.ports.tls,
        certDir: join(scratch.dir, 'certs'),
        log: () => {},
      }),
    ).rejects.toThrow(/--tls-port N/);
  });

  it('close() ends held answers and open connections', async () => {
    const other = await startBridge({
      port: 0,
      tlsPort: 0,
      certDir: join(scratch.dir, 'certs'),
      log: () => {},
    });
    const events = connect(other.ports.plain, '127.0.0.1');
    const closed = new Promise<void>((resolve) => events.once('close', () => resolve()));
    events.on('error', () => {});
    events.resume(); // read, or its end would never be seen
    events.write('GET /v1.50/events HTTP/1.1\r\nHost: x\r\n\r\n');
    await until(() => other.engine.heldCount === 1, 5_000, 'the events stream');
    const started = Date.now();
    await other.close();
    await closed;
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(other.engine.heldCount).toBe(0);
    expect(other.session.listenerCount).toBe(0);
  });
});
