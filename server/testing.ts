/**
 * Test helpers for the bridge (used by server/*.test.ts only): run the REAL docker CLI against
 * a bridge, and raw HTTP helpers for what the CLI cannot send.
 *
 * `requireDockerCli()` fails (never skips) when the `docker` binary is missing: these tests are
 * about what the real CLI accepts, and a green run without it would prove nothing.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Bridge } from './bridge';

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export type Transport = 'plain' | 'tls';

export async function requireDockerCli(): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('docker', ['--version'], (err, stdout) => {
      if (err)
        reject(
          new Error(
            `The docker CLI is needed to test the bridge and was not found (${err.message}). ` +
              'Install the docker CLI (e.g. the docker-ce-cli package, or the static binary from ' +
              'https://download.docker.com/linux/static/stable/): no daemon is needed.',
          ),
        );
      else resolve(stdout.trim());
    });
  });
}

/** A scratch folder removed by the returned function. */
export function scratchDir(prefix: string): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), `${prefix}-`));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The CLI's environment: our own config folder, the classic builder, and the bridge's address. */
export function cliEnv(bridge: Bridge, transport: Transport, configDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('DOCKER_')) env[k] = v;
  env['DOCKER_CONFIG'] = configDir;
  env['DOCKER_BUILDKIT'] = '0';
  env['DOCKER_CLI_HINTS'] = 'false';
  if (transport === 'plain') {
    env['DOCKER_HOST'] = `tcp://127.0.0.1:${bridge.ports.plain}`;
  } else {
    env['DOCKER_HOST'] = `tcp://127.0.0.1:${bridge.ports.tls}`;
    env['DOCKER_TLS_VERIFY'] = '1';
    env['DOCKER_CERT_PATH'] = bridge.certs.dir;
  }
  return env;
}

export function runCli(
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  options: { cwd?: string; timeoutMs?: number } = {},
): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      'docker',
      [...args],
      { env, cwd: options.cwd, timeout: options.timeoutMs ?? 15_000, maxBuffer: 16 * 1024 * 1024 },
      (err, stdout, stderr) => {
        const code =
          err === null ? 0 : typeof err.code === 'number' ? err.code : err.killed ? -1 : -2;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** A long-running CLI (`docker events`) whose output is collected as it comes. */
export function spawnCli(
  args: readonly string[],
  env: NodeJS.ProcessEnv,
): { child: ChildProcess; output(): string; waitFor(re: RegExp, ms?: number): Promise<string> } {
  const child = spawn('docker', [...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout?.on('data', (c: Buffer) => (out += c.toString('utf8')));
  child.stderr?.on('data', (c: Buffer) => (out += c.toString('utf8')));
  const waitFor = (re: RegExp, ms = 10_000): Promise<string> =>
    new Promise((resolve, reject) => {
      const started = Date.now();
      const check = (): void => {
        if (re.test(out)) return resolve(out);
        if (Date.now() - started > ms)
          return reject(new Error(`timed out waiting for ${re} in:\n${out}`));
        setTimeout(check, 20);
      };
      check();
    });
  return { child, output: () => out, waitFor };
}

/** Polls until `check` holds (or fails after `ms`). */
export async function until(check: () => boolean, ms = 5_000, what = 'condition'): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
