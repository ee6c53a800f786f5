/**
 * The bridge's request throughput (not a timed test): many concurrent `GET /containers/json`
 * over keep-alive connections, as a busy class of docker CLIs would send, beside a bare Node
 * HTTP server on the same machine answering the very same bytes. The ratio is the figure: what
 * the simulation and the Engine API mapping cost on top of Node's HTTP. Writes
 * bench-results/bridge.json.
 *
 *   npm run bench
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBridge } from '../server/bridge';

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

const certDir = mkdtempSync(join(tmpdir(), 'bench-bridge-'));
const bridge = await startBridge({ port: 0, tlsPort: 0, certDir, log: () => {} });
// A host with something to list: five containers, as in a lesson.
for (let i = 0; i < 5; i++) {
  const body = { Image: 'nginx' };
  bridge.session.request({
    method: 'POST',
    path: '/v1.50/images/create?fromImage=nginx&tag=latest',
  });
  bridge.session.request({
    method: 'POST',
    path: `/v1.50/containers/create?name=web${i}`,
    headers: { 'Content-Type': 'application/json' },
    body,
  });
  bridge.session.request({ method: 'POST', path: `/v1.50/containers/web${i}/start` });
}
const sample = await get(bridge.ports.plain, new Agent());
const bare = createServer((_req, res) => {
  res.writeHead(200, { 'Content-Type': 'application/json' });
  res.end(sample.body);
});
await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve));
const barePort = (bare.address() as AddressInfo).port;

// Warm both up, then measure each twice and keep the better run (the machine is shared).
await throughput(bridge.ports.plain);
await throughput(barePort);
const bridged = Math.max(
  await throughput(bridge.ports.plain),
  await throughput(bridge.ports.plain),
);
const plain = Math.max(await throughput(barePort), await throughput(barePort));
await bridge.close();
bare.close();
rmSync(certDir, { recursive: true, force: true });

const how = `${REQUESTS} GET ${PATH} (${sample.body.length} bytes, 5 containers), ${CONCURRENCY} at a time over keep-alive; best of 2`;
const figures = [
  { name: 'bridge: requests per second', value: bridged, unit: 'req/s', how },
  { name: 'bare Node HTTP, same JSON', value: plain, unit: 'req/s', how },
  {
    name: 'bridge / bare Node',
    value: bridged / plain,
    unit: 'x',
    how: 'ratio of the two (1 = no cost on top of Node)',
  },
];
const machine = `${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, Node ${process.version}`;
console.log(`\nBridge throughput on ${machine}\n`);
console.log('| figure | value | how it was measured |');
console.log('|---|---:|---|');
for (const f of figures)
  console.log(`| ${f.name} | ${f.value.toFixed(f.unit === 'x' ? 2 : 0)} ${f.unit} | ${f.how} |`);
mkdirSync('bench-results', { recursive: true });
writeFileSync('bench-results/bridge.json', `${JSON.stringify({ machine, figures }, null, 2)}\n`);
console.log('\nwritten to bench-results/bridge.json');
