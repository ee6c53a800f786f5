/**
 * `npm run bridge`: serves the simulated Docker host to the real docker CLI.
 *
 *   npm run bridge -- [--port 2375] [--tls-port 2376] [--host 127.0.0.1] [--certs DIR]
 *                     [--seed S] [--body-limit BYTES]
 *
 * Prints the commands that reach it (plain and mutual TLS) and the app's `?bridge=` link.
 * Ctrl-C closes it cleanly. It never runs anything on this machine: every command the CLI
 * sends lands in the simulation; only the certificate folder is written.
 */
import { parseArgs } from 'node:util';
import { startBridge } from './bridge';
import { DEFAULT_CERT_DIR } from './certs';

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

function usage(): string {
  return [
    'usage: npm run bridge -- [--port N] [--tls-port N] [--host ADDR] [--certs DIR] [--seed S] [--body-limit BYTES]',
    '  --port        plain Engine API port (default 2375)',
    '  --tls-port    mutual-TLS Engine API port (default 2376)',
    '  --host        address to listen on (default 127.0.0.1)',
    `  --certs       certificate folder (default ${DEFAULT_CERT_DIR})`,
    "  --seed        simulation seed (default 'docker-anatomy')",
    '  --body-limit  largest request body in bytes (default 16 MiB)',
  ].join('\n');
}

function portOf(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new Error(`${name} wants a port number (0-65535), not "${value}"`);
  return n;
}

async function main(): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({
      options: {
        port: { type: 'string' },
        'tls-port': { type: 'string' },
        host: { type: 'string' },
        certs: { type: 'string' },
        seed: { type: 'string' },
        'body-limit': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    });
  } catch (e) {
    throw new Error(`${e instanceof Error ? e.message : String(e)}\n${usage()}`);
  }
  const { values } = parsed;
  if (values.help) {
    console.log(usage());
    return;
  }
  const host = values.host ?? '127.0.0.1';
  const bodyLimit = values['body-limit'] === undefined ? undefined : Number(values['body-limit']);
  if (bodyLimit !== undefined && !(Number.isInteger(bodyLimit) && bodyLimit > 0))
    throw new Error(`--body-limit wants a number of bytes, not "${values['body-limit']}"`);

  if (!LOOPBACK.has(host)) {
    console.error(
      [
        '',
        '!!! WARNING: listening on ' + host + ', not on loopback.',
        '!!! Anyone who can reach the plain port can do anything the Docker API allows on the',
        '!!! simulated host: on a real host that is root. The TLS port only trusts certificates',
        '!!! from this CA, and its server certificate names only localhost and 127.0.0.1.',
        '',
      ].join('\n'),
    );
  }

  const bridge = await startBridge({
    host,
    port: portOf(values.port, 2375, '--port'),
    tlsPort: portOf(values['tls-port'], 2376, '--tls-port'),
    certDir: values.certs ?? DEFAULT_CERT_DIR,
    ...(values.seed === undefined ? {} : { seed: values.seed }),
    ...(bodyLimit === undefined ? {} : { bodyLimit }),
  });
  const shownHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  // Absolute: the commands work from any folder and any terminal.
  const dir = bridge.certs.dir;
  const plain = `tcp://${shownHost}:${bridge.ports.plain}`;
  const tls = `tcp://${shownHost}:${bridge.ports.tls}`;
  console.log(
    [
      `docker-anatomy bridge: a simulated Docker host (seed '${String(values.seed ?? 'docker-anatomy')}').`,
      '',
      `Plain HTTP on ${host}:${bridge.ports.plain}:`,
      `  docker -H ${plain} ps`,
      '',
      `Mutual TLS on ${host}:${bridge.ports.tls} (certificates in ${dir}):`,
      `  docker --tlsverify --tlscacert ${dir}/ca.pem --tlscert ${dir}/cert.pem --tlskey ${dir}/key.pem -H ${tls} ps`,
      `  export DOCKER_HOST=${tls} DOCKER_TLS_VERIFY=1 DOCKER_CERT_PATH=${dir}`,
      '',
      `The app connects with ?bridge=http://${shownHost}:${bridge.ports.plain}`,
      'Builds use the classic builder: set DOCKER_BUILDKIT=0 if buildx is installed.',
      'Ctrl-C stops the bridge.',
    ].join('\n'),
  );

  let closing = false;
  const stop = (signal: string): void => {
    if (closing) {
      process.exit(130);
    }
    closing = true;
    console.log(`\n${signal}: closing the bridge...`);
    bridge.close().then(
      () => process.exit(0),
      (e: unknown) => {
        console.error(e);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((e: unknown) => {
  console.error(`bridge: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
