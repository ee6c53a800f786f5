/**
 * The bridge's request throughput: many concurrent `GET /containers/json` over keep-alive
 * connections, as a busy class of docker CLIs would send, beside a bare Node HTTP server on the
 * same machine answering the very same bytes. The ratio is the figure: what the simulation and
 * the Engine API mapping cost on top of Node's HTTP.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBridge } from '../../server/bridge';
import { num, type Row } from './table';

const PART = 'Bridge';
const REQUESTS = 4_000;
const CONCURRENCY = 64;
const PATH = '/v1.50/containers/json?all=1';

function get(port: number, agent: Agent): Promise<{ status: number; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: PATH, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Requests per second for REQUESTS requests, CONCURRENCY at a time; every one must be 200. */
async function throughput(port: number): Promise<number> {
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  let next = 0;
  let failed = 0;
  const start = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < REQUESTS) {
        next++;
        if ((await get(port, agent)).status !== 200) failed++;
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  agent.destroy();
  if (failed > 0) throw new Error(`${failed} of ${REQUESTS} requests failed`);
  return REQUESTS / seconds;
}

export async function bridge(): Promise<Row[]> {
  const certDir = mkdtempSync(join(tmpdir(), 'bench-bridge-'));
  const started = await startBridge({ port: 0, tlsPort: 0, certDir, log: () => {} });
  const bare = createServer();
  try {
    // A host with something to list: five containers, as in a lesson.
    for (let i = 0; i < 5; i++) {
      started.session.request({
        method: 'POST',
        path: '/v1.50/images/create?fromImage=nginx&tag=latest',
      });
      started.session.request({
        method: 'POST',
        path: `/v1.50/containers/create?name=web${i}`,
        headers: { 'Content-Type': 'application/json' },
        body: { Image: 'nginx' },
      });
      started.session.request({ method: 'POST', path: `/v1.50/containers/web${i}/start` });
    }
    const sample = await get(started.ports.plain, new Agent());
    bare.on('request', (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(sample.body);
    });
    await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve));
    const barePort = (bare.address() as AddressInfo).port;

    // Warm both up, then measure each twice and keep the better run.
    await throughput(started.ports.plain);
    await throughput(barePort);
    const bridged = Math.max(
      await throughput(started.ports.plain),
      await throughput(started.ports.plain),
    );
    const plain = Math.max(await throughput(barePort), await throughput(barePort));

    const how = `${num(REQUESTS)} GET ${PATH.replace('/v1.50', '')} (${num(sample.body.length / 1000, 1)} KB), ${CONCURRENCY} at a time, keep-alive; best of 2`;
    return [
      {
        part: PART,
        figure: 'bridge: requests per second',
        value: bridged,
        unit: 'req/s',
        shown: `${num(bridged)} req/s`,
        how,
      },
      {
        part: PART,
        figure: 'bare Node HTTP, same JSON',
        value: plain,
        unit: 'req/s',
        shown: `${num(plain)} req/s`,
        how: 'the same requests, a Node server returning the same bytes',
      },
      {
        part: PART,
        figure: 'bridge / bare Node',
        value: bridged / plain,
        unit: 'x',
        shown: `${num(bridged / plain, 2)}x`,
        how: 'the figure: the cost of the simulation and API mapping (1 = none)',
      },
    ];
  } finally {
    await started.close();
    bare.close();
    rmSync(certDir, { recursive: true, force: true });
  }
}
