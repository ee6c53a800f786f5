/**
 * The app shell in a real browser, against the production build under its strict CSP.
 * Every test also fails on any console error or warning (see fixtures.ts). axe on the shell,
 * light and dark, is in a11y.spec.ts (with axe injected once per page load).
 */
import { expect, test } from './fixtures';
import { PANEL_NAMES } from './pages/AppPage';
import { HostView } from './pages/HostView';

test('loads with its title, diagram and panels, and no console errors or warnings', async ({
  app,
  page,
}) => {
  await app.goto();
  await expect(page).toHaveTitle('docker-anatomy: how Docker really runs containers');
  await expect(page.getByRole('banner')).toContainText('docker-anatomy');
  for (const name of ['Narration', 'Terminal', 'Inspector'] as const) {
    await expect(app.panel(name)).toBeVisible();
  }
  await page.waitForLoadState('networkidle');
});

test('the diagram shows the modern host by its real binary names', async ({ app }) => {
  await app.goto();
  for (const name of ['docker', 'dockerd', 'containerd', 'containerd-shim-runc-v2', 'runc']) {
    await expect(app.node(name)).toBeVisible();
  }
  await expect(app.node('dockerd')).toHaveAccessibleName(
    /^dockerd, daemon, running, PID \d+ · live-restore off$/,
  );
  await expect(app.node('/var/run/docker.sock')).toContainText('Engine API v1.51');
});

test('switching the era renames and removes binaries', async ({ app }) => {
  await app.goto();
  await app.eraSelect.selectOption({ label: 'Docker 1.12–18.06' });
  await expect(app.node('docker-containerd-shim')).toBeVisible();
  await expect(app.node('docker-containerd')).toContainText('started by dockerd');
  await expect(app.node('containerd-shim-runc-v2')).toHaveCount(0);
  await expect(app.liveRegion).toContainText('Era: Docker 1.12 to 18.06');

  await app.eraSelect.selectOption({ label: 'Docker 1.10' });
  await expect(app.node('docker')).toHaveCount(2);
  await expect(app.diagram.getByRole('group', { name: /^docker, daemon, running/ })).toContainText(
    'containers are its children',
  );
  await expect(app.node('runc')).toHaveCount(0);
});

test('keyboard only: mode, theme, era, inspector and panels', async ({ app, page }) => {
  await app.goto();
  await page.keyboard.press('Tab');
  await expect(app.skipLink).toBeFocused();
  await expect(app.skipLink).toBeInViewport();

  await app.tabTo(app.modeOption('Sandbox'));
  await page.keyboard.press('ArrowLeft');
  await expect(app.modeOption('Lessons')).toBeChecked();
  await expect(app.panel('Narration')).toContainText('Each lesson drives the live diagram');
  await expect(app.liveRegion).toHaveText('Mode: Lessons');

  await page.keyboard.press('Tab');
  await expect(app.themeOption('System')).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(app.themeOption('Dark')).toBeChecked();
  expect(await app.htmlClasses()).toContain('dark');
  await expect(app.liveRegion).toHaveText('Theme: Dark');

  await page.keyboard.press('Tab');
  await expect(app.eraSelect).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(app.eraSelect).toHaveValue('split');
  await expect(app.node('docker-runc')).toBeVisible();

  await app.tabTo(app.node('dockerd'));
  await expect(app.node('dockerd')).not.toHaveCSS('outline-style', 'none');
  await page.keyboard.press('Enter');
  const inspector = app.panel('Inspector');
  await expect(inspector.getByRole('heading', { name: 'dockerd' })).toBeVisible();
  await expect(inspector).toContainText('The Engine API server');
  await expect(inspector.getByRole('row', { name: /Docker 1\.10/ })).toContainText('docker');

  const toggle = app.panelToggle('Terminal');
  await app.tabTo(toggle);
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('Enter');
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(page.locator('#terminal-panel-content')).toBeHidden();
  await page.keyboard.press('Space');
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(app.panel('Terminal')).toContainText('root@docker-host:~#');
});

test('a separator resizes the panels with the arrow keys', async ({ app, page }) => {
  await app.goto();
  const separator = app.separator('Resize the diagram and the panels');
  const before = Number(await separator.getAttribute('aria-valuenow'));
  await app.tabTo(separator);
  await page.keyboard.press('ArrowLeft');
  await expect(separator).not.toHaveAttribute('aria-valuenow', String(before));
  expect(Number(await separator.getAttribute('aria-valuenow'))).toBeLessThan(before);
});

test('clicking a node fills the inspector; Escape clears it', async ({ app, page }) => {
  await app.goto();
  await app.node('containerd-shim-runc-v2').click();
  const inspector = app.panel('Inspector');
  await expect(inspector).toContainText('One shim per container');
  await expect(inspector.getByRole('row', { name: /Docker 1\.12/ })).toContainText(
    'docker-containerd-shim',
  );
  await expect(inspector.getByRole('row', { name: /Docker 1\.10/ })).toContainText('did not exist');
  await page.keyboard.press('Escape');
  await expect(inspector).toContainText('Select a component in the diagram to inspect it.');
});

test('the skip link moves focus to the diagram', async ({ app, page }) => {
  await app.goto();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(app.main).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(app.node('docker')).toBeFocused();
});

for (const viewport of [
  { width: 1024, height: 640 },
  { width: 800, height: 500 },
]) {
  test(`at ${viewport.width}x${viewport.height} nothing overflows and the panels show`, async ({
    app,
    page,
  }) => {
    await page.setViewportSize(viewport);
    await app.goto();
    const size = await page.evaluate(() => ({
      scrollWidth: document.scrollingElement?.scrollWidth ?? 0,
      scrollHeight: document.scrollingElement?.scrollHeight ?? 0,
    }));
    expect(size.scrollWidth).toBeLessThanOrEqual(viewport.width);
    expect(size.scrollHeight).toBeLessThanOrEqual(viewport.height);
    for (const target of [
      app.diagram,
      app.eraSelect,
      app.panelToggle('Narration'),
      app.panelToggle('Terminal'),
      app.panelToggle('Inspector'),
    ]) {
      await expect(target).toBeInViewport({ ratio: 1 });
    }
    // The panel the first layout left open shows its content (a short column folds the rest,
    // and builds nothing behind them).
    const open: string[] = [];
    for (const name of PANEL_NAMES)
      if ((await app.panelToggle(name).getAttribute('aria-expanded')) === 'true') open.push(name);
    expect(open.length, 'panels open at the first layout').toBeGreaterThan(0);
    if (open.includes('Narration'))
      await expect(app.panel('Narration')).toContainText('What you are looking at');
    // The terminal's code is fetched when its panel first opens: on a loaded machine, a while.
    if (open.includes('Terminal'))
      await expect(app.panel('Terminal')).toContainText('root@docker-host:~#', {
        timeout: 15_000,
      });
  });
}

// A short column (a small window; a phone, where the panels go under the diagram) has room for
// every title bar and one panel: it starts with one open (the terminal beside the diagram, the
// narration under it), and opening another folds the rest, as an accordion. A panel never says
// it is open when it has no room to show.
for (const { viewport, lead } of [
  { viewport: { width: 800, height: 500 }, lead: 'Terminal' },
  { viewport: { width: 412, height: 823 }, lead: 'Narration' },
] as const) {
  test(`at ${viewport.width}x${viewport.height} opening a panel in the full column folds the others to show it`, async ({
    app,
    page,
  }) => {
    const narration = () => expect(app.panel('Narration')).toContainText('What you are looking at');
    // The terminal's code is fetched when its panel first opens: on a loaded machine, a while.
    const terminal = () =>
      expect(app.panel('Terminal')).toContainText('root@docker-host:~#', { timeout: 15_000 });
    await page.setViewportSize(viewport);
    await app.goto();
    for (const name of PANEL_NAMES)
      await expect(app.panelToggle(name)).toHaveAttribute('aria-expanded', String(name === lead));
    await (lead === 'Terminal' ? terminal() : narration());

    await app.panelToggle('Processes').click();
    await expect(app.panelToggle('Processes')).toHaveAttribute('aria-expanded', 'true');
    await expect(app.process('dockerd')).toBeVisible();
    const other = lead === 'Terminal' ? 'Narration' : 'Terminal';
    await app.panelToggle(other).click();
    await (other === 'Terminal' ? terminal() : narration());

    const titleBar = 40;
    const opened: string[] = [];
    for (const name of PANEL_NAMES) {
      const open = (await app.panelToggle(name).getAttribute('aria-expanded')) === 'true';
      const height = (await app.panel(name).boundingBox())?.height ?? 0;
      if (open) opened.push(name);
      if (open) expect(height, `${name} says open`).toBeGreaterThan(titleBar + 20);
      else expect(height, `${name} says folded`).toBeLessThanOrEqual(titleBar + 1);
    }
    // Under the diagram the column is an accordion: the panel opened last has all its room.
    if (lead === 'Narration') expect(opened).toEqual(['Terminal']);
  });
}

test('on a phone the demos wait behind a button, and run from there', async ({ app, page }) => {
  await page.setViewportSize({ width: 412, height: 823 });
  await app.goto();
  const demos = page.getByRole('button', { name: 'Demos and faults', exact: true });
  const runNginx = page.getByRole('button', { name: 'docker run nginx', exact: true });
  await expect(demos).toHaveAttribute('aria-expanded', 'false');
  await expect(runNginx).toHaveCount(0);
  // Folded, they leave the diagram near the top of a phone's screen.
  expect((await app.diagram.boundingBox())?.y ?? Infinity).toBeLessThan(823 / 3);
  await demos.click();
  await expect(demos).toHaveAttribute('aria-expanded', 'true');
  await runNginx.click();
  const host = new HostView(page);
  await expect(host.control('Jump to now')).toBeEnabled();
  await host.jumpToNow();
  await expect(host.nodes(/^web1 \(nginx\), container, running/)).toHaveCount(1);
});
