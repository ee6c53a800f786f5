/**
 * Permalinks (issue 10): a session built by typing in the terminal, copied with "Copy link",
 * opens in a fresh browser (nothing saved there) as the same diagram and the same terminal
 * output, and a reload keeps it. Where the clipboard is refused, the link shows in a field to
 * copy by hand. A damaged or too-long link opens a clean session with a notice, quietly.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { AppPage, PANEL_NAMES } from './pages/AppPage';
import { HostView } from './pages/HostView';
import { Terminal } from './pages/Terminal';

// A typed session and a second browser per test: more than the default 30 s on a busy machine.
test.describe.configure({ timeout: 120_000 });

/** Two containers, one stopped, and a listing: typed, as a learner would. */
async function buildSession(app: AppPage, page: Page): Promise<Terminal> {
  const terminal = new Terminal(app, page);
  await terminal.open();
  await terminal.run('docker run -d --name web -p 8080:80 nginx', /latest[0-9a-f]{64}root@/);
  await terminal.run('docker run -d --name api nginx', /[0-9a-f]{64}root@/);
  await terminal.run('docker stop api', /apiroot@/);
  await terminal.run('docker ps -a --format "{{.Names}} {{.State}}"', 'api exited web running');
  // The diagram shows the moment at the playback cursor: the end, where the terminal is.
  const host = new HostView(page);
  await host.pauseAtNow();
  // The diagram draws the end of the session (the stopped container) before anyone reads it.
  await expect(host.nodes(/^api \(nginx\), container, exited/)).toHaveCount(1);
  return terminal;
}

/** Every diagram node's accessible name, and the terminal's screen. */
async function snapshot(page: Page, terminal: Terminal) {
  const { nodes } = await new HostView(page).stepSnapshot();
  return { nodes, screen: await terminal.text() };
}

/**
 * Opens `url` in a new browser context (no storage, no clipboard), laid out as
 * `Terminal.open` lays out the first page. Console problems there are collected too.
 */
async function openFresh(browser: Browser, url: string) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning')
      problems.push(`${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  await page.goto(url);
  const app = new AppPage(page);
  await expect(app.node('dockerd')).toBeVisible();
  for (const name of PANEL_NAMES)
    await app.setPanelOpen(name, name === 'Terminal' || name === 'Engine API');
  const terminal = new Terminal(app, page);
  await expect.poll(() => terminal.text()).toContain('root@docker-host:~#');
  return { context, page, app, terminal, problems };
}

test('a copied link opens the same diagram and terminal in a fresh browser', async ({
  app,
  page,
  context,
  browser,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const terminal = await buildSession(app, page);
  const before = await snapshot(page, terminal);
  expect(before.screen).toContain('root@docker-host:~# docker stop api\napi\n');
  expect(before.nodes).toContainEqual(expect.stringMatching(/^web \(nginx\), container, running/));

  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(app.liveRegion).toHaveText('Link copied');
  const url = await page.evaluate(() => navigator.clipboard.readText());
  expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#session=[A-Za-z0-9+$-]+$/);

  const fresh = await openFresh(browser, url);
  await expect.poll(() => fresh.terminal.text()).toBe(before.screen);
  expect((await snapshot(fresh.page, fresh.terminal)).nodes).toEqual(before.nodes);
  // The link leaves the address bar; a reload comes back to the session through the sandbox.
  expect(fresh.page.url()).not.toContain('#');
  await expect(fresh.page.getByRole('alert')).toHaveCount(0);
  await fresh.page.reload();
  await expect(fresh.app.node('dockerd')).toBeVisible();
  await expect
    .poll(async () => (await new HostView(fresh.page).stepSnapshot()).nodes)
    .toEqual(before.nodes);
  expect(fresh.problems).toEqual([]);
  await fresh.context.close();
});

test('where the clipboard is refused, the link shows selected in a field', async ({
  app,
  page,
  browser,
}) => {
  await page.addInitScript(() => {
    Object.defineProperty(navigator, 'clipboard', {
      value: { writeText: () => Promise.reject(new DOMException('Denied', 'NotAllowedError')) },
    });
  });
  const terminal = await buildSession(app, page);
  const before = await snapshot(page, terminal);

  const button = page.getByRole('button', { name: 'Copy link' });
  await button.click();
  const field = page.getByRole('textbox', { name: 'Link to this session' });
  await expect(field).toBeFocused();
  await expect(field).toHaveAttribute('readonly', '');
  const url = await field.inputValue();
  expect(url).toContain('#session=');
  expect(
    await field.evaluate(
      (input: HTMLInputElement) => (input.selectionEnd ?? 0) - (input.selectionStart ?? 0),
    ),
  ).toBe(url.length);
  const scan = await new AxeBuilder({ page })
    .include('[aria-label="Link to this session"]')
    .analyze();
  expect(scan.violations.map((violation) => violation.id)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(field).toHaveCount(0);
  await expect(button).toBeFocused();

  const fresh = await openFresh(browser, url);
  await expect.poll(() => fresh.terminal.text()).toBe(before.screen);
  expect((await snapshot(fresh.page, fresh.terminal)).nodes).toEqual(before.nodes);
  expect(fresh.problems).toEqual([]);
  await fresh.context.close();
});

for (const { name, fragment, reason } of [
  {
    name: 'a damaged link',
    fragment: '#session=N4IgLgpgziBcIDMCGAbOIA0IDGB7ATgNYBGEAJkSAL5A',
    reason: /^This link could not be opened \(it is damaged: .+\), so a fresh host was started\./,
  },
  {
    name: 'a link that is too long',
    fragment: `#session=${'A'.repeat(40_000)}`,
    reason:
      /^This link could not be opened \(it is too long: 40000 characters, a link holds at most 32768\), so a fresh host was started\./,
  },
]) {
  test(`${name} opens a clean session with a notice`, async ({ app, page }) => {
    await page.goto(`./${fragment}`);
    await expect(app.node('dockerd')).toBeVisible();
    await expect(page.getByRole('alert').filter({ hasText: 'This link' })).toHaveText(reason);
    await expect(new HostView(page).nodes(/, container, /)).toHaveCount(0);
    expect(page.url()).not.toContain('#');
    await page.getByRole('button', { name: 'Dismiss' }).click();
    await expect(page.getByRole('alert')).toHaveCount(0);
  });
}
