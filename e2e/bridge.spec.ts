/**
 * The real docker CLI against the app's simulation, as issue 8 tells it: a bridge runs
 * (`npm run bridge`), the app connects with `?bridge=`, the real `docker run -d --name web
 * nginx` goes over tcp, and the app shows the container and the requests, credited to the
 * port they came on. The app's own terminal then works on the same simulation.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from './fixtures';
import { HostView } from './pages/HostView';

const run = promisify(execFile);
const PLAIN = Number(process.env.E2E_BRIDGE_PORT ?? 24375);
const TLS = PLAIN + 1;

let bridge: ChildProcess | null = null;
let dir = '';

async function ready(url: string, deadline: number): Promise<void> {
  for (;;) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`the bridge did not answer at ${url}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

test.beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'anatomy-bridge-'));
  // Node itself runs the bridge (tsx as a loader), so killing it leaves no orphan behind.
  bridge = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'server/main.ts',
      '--port',
      String(PLAIN),
      '--tls-port',
      String(TLS),
    ].concat(['--certs', dir]),
    { stdio: 'ignore' },
  );
  await ready(`http://127.0.0.1:${PLAIN}/_ping`, Date.now() + 30_000);
});

test.afterAll(() => {
  bridge?.kill('SIGINT');
  rmSync(dir, { recursive: true, force: true });
});

function docker(...args: string[]) {
  return run('docker', ['-H', `tcp://127.0.0.1:${PLAIN}`, ...args], {
    env: { ...process.env, DOCKER_CONFIG: dir, DOCKER_BUILDKIT: '0' },
  });
}

test('the real docker CLI runs nginx; the app shows it and the requests that did it', async ({
  app,
  page,
}) => {
  const host = new HostView(page);
  await page.goto(`./?bridge=http://127.0.0.1:${PLAIN}`);
  const banner = page.getByRole('status').filter({ hasText: 'Connected to the bridge' });
  await expect(banner).toContainText('anyone who can reach this port is root');
  const { stdout } = await docker('run', '-d', '--name', 'web', 'nginx');
  expect(stdout.trim()).toMatch(/^[0-9a-f]{64}$/);

  // Playback animates every message; jump to now, then the container is in the diagram.
  await expect(app.panel('Engine API')).toBeVisible();
  await expect
    .poll(async () => {
      const toNow = page.getByRole('button', { name: 'Jump to now' });
      if (await toNow.isEnabled()) await toNow.click();
      return host.nodes(/^web \(nginx\), container, running/).count();
    })
    .toBe(1);
  await expect(host.nodes(/^web \(nginx\), container, running/)).toBeVisible({
    timeout: 10_000,
  });
  // The requests are in the Engine API panel, credited to the real CLI over tcp.
  const api = app.panel('Engine API');
  await expect(api).toContainText(`the real docker CLI, over tcp ${PLAIN}, plain`);
  await expect(api).toContainText('/containers/create?name=web');
  // "Show in diagram" puts the playback on that request: its packet says the port it came on.
  await api
    .getByRole('listitem')
    .filter({ hasText: '201' })
    .filter({ hasText: '/containers/create?name=web' })
    .getByRole('button', { name: 'Show in diagram' })
    .click();
  await expect(page.getByTestId('packet')).toContainText(`tcp ${PLAIN}, plain`);

  // The app's own terminal works on the same simulation.
  const terminal = app.panel('Terminal');
  await terminal.getByRole('group', { name: 'Terminal' }).click();
  await page.keyboard.type('docker ps --format "{{.Names}} {{.Status}}"');
  await page.keyboard.press('Enter');
  await expect
    .poll(async () => (await terminal.locator('.xterm-rows > div').allInnerTexts()).join('\n'))
    .toMatch(/web Up/);
  const { stdout: ps } = await docker('ps', '--format', '{{.Names}}');
  expect(ps.trim()).toBe('web');

  // Over mutual TLS the requests carry the client certificate's name.
  const tls = await run(
    'docker',
    [
      '--tlsverify',
      '--tlscacert',
      path.join(dir, 'ca.pem'),
      '--tlscert',
      path.join(dir, 'cert.pem'),
    ].concat(['--tlskey', path.join(dir, 'key.pem'), '-H', `tcp://127.0.0.1:${TLS}`, 'ps', '-q']),
    { env: { ...process.env, DOCKER_CONFIG: dir } },
  );
  expect(tls.stdout.trim()).toMatch(/^[0-9a-f]{12}$/);
  await expect
    .poll(async () => {
      const toNow = page.getByRole('button', { name: 'Jump to now' });
      if (await toNow.isEnabled()) await toNow.click();
      return api.textContent();
    })
    .toContain(`the real docker CLI, over tcp ${TLS}, TLS, student`);
});
