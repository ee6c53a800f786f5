/**
 * Dockerfile -> image -> container, as issue 6's "done when" tells it, in the Build view: build
 * and see the image's layers, the step each came from and its config; change one app file and
 * rebuild (the layers up to its COPY come from cache, the rest are new); run the image, change a
 * file inside the container and see it copied up into the container's writable layer; push it
 * to a local registry, where a second push finds every layer already there. The first test's
 * last moment is the README's Build view screenshot (docs/screenshots/build-light.png).
 */
import path from 'node:path';
import { expect, test } from './fixtures';
import { PANEL_NAMES } from './pages/AppPage';
import { BuildView } from './pages/BuildView';
import { HostView } from './pages/HostView';
import { Terminal } from './pages/Terminal';

test.describe.configure({ timeout: 120_000 });

const squash = (text: string) => text.replace(/\s+/g, '');

test('build, see the layers, rebuild from cache, run it and see its writable layer', async ({
  app,
  page,
}, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const build = new BuildView(app, page);
  const terminal = new Terminal(app, page);
  const host = new HostView(page);
  await build.open();
  for (const name of PANEL_NAMES) await app.setPanelOpen(name, name === 'Terminal');
  const anatomy = page.getByRole('region', { name: 'Build', exact: true });
  const layers = anatomy.getByRole('list', { name: 'Layers of app:latest, newest on top' });
  const layer = (name: RegExp) => layers.getByRole('button', { name });

  await build.buildButton.click();
  await expect
    .poll(async () => squash(await terminal.text()))
    .toContain('Successfullytaggedapp:latest');
  await host.jumpToNow();
  await expect(anatomy.getByText('Built app', { exact: true })).toBeVisible();
  // Each step that added a layer, newest on top, new; the base image's layers below, shared.
  await expect(layer(/^Layer \d+ of \d+: COPY app\.js index\.html \.\/, .*, new$/)).toBeVisible();
  await expect(layer(/^Layer \d+ of \d+: RUN npm install, .*, new$/)).toBeVisible();
  await expect(anatomy.getByText(/shared with node:20-alpine/).first()).toBeVisible();
  await expect(anatomy.getByText('no layer (config only)').first()).toBeVisible();

  // Open the COPY layer from the keyboard: its files are listed.
  const copy = layer(/COPY app\.js index\.html/);
  await copy.focus();
  await page.keyboard.press('Enter');
  await expect(copy).toHaveAttribute('aria-expanded', 'true');
  await expect(anatomy.getByText('/app/app.js')).toBeVisible();

  // Change one app file: the steps before its COPY come from cache, that COPY and after are new.
  await build.fileTab('app.js').click();
  await build.typeAtLine(1, '// v2\n');
  await build.buildAndWait(terminal);
  await host.jumpToNow();
  await expect(layer(/RUN npm install, .*, cached$/)).toBeVisible();
  await expect(layer(/COPY package\.json \., .*, cached$/)).toBeVisible();
  await expect(layer(/COPY app\.js index\.html \.\/, .*, new$/)).toBeVisible();

  // Run it and change a file inside: the container's layer gets a copy of it (copy-up).
  await terminal.focus();
  await terminal.run('docker run -d --name web app', /[0-9a-f]{64}root@/);
  await terminal.run("docker exec web sh -c 'echo // patched >> /app/app.js'", '#');
  await terminal.run('docker diff web', 'C /app\nC /app/app.js');
  await host.jumpToNow();
  const changes = anatomy.getByRole('list', { name: 'Changes, as docker diff lists them' });
  await expect(changes).toContainText('/app/app.js');
  await expect(
    anatomy.getByRole('list', { name: 'Layers of container web, top first' }),
  ).toContainText('Writable layer');

  await host.pauseAtNow();
  await page.mouse.move(0, 799);
  await page.screenshot({
    path: path.join(testInfo.config.rootDir, '..', 'docs', 'screenshots', 'build-light.png'),
  });
});

test('push to a local registry: the second push finds every layer already there', async ({
  app,
  page,
}) => {
  const terminal = new Terminal(app, page);
  await app.goto();
  await terminal.open();
  await terminal.focus();
  await terminal.run('docker build -q -t app /root/app', /sha256:[0-9a-f]{64}/);
  await terminal.run('docker run -d -p 5000:5000 --name registry registry:2', /[0-9a-f]{64}root@/);
  await terminal.run('docker tag app localhost:5000/app', '#');
  await terminal.run('docker push localhost:5000/app', /Pushed[\s\S]*latest: digest: sha256:/);
  await terminal.clear();
  await terminal.run('docker push localhost:5000/app', /Layer already exists/);
  expect(await terminal.text()).not.toContain('Pushed');
});
