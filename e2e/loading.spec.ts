/**
 * The first paint (src/app/boot.ts): index.html's loading shell, the app's name and "Loading the
 * simulation…", is on screen before the app's code starts to run, which takes a while on a slow
 * laptop, and it is painted in the learner's theme (a dark theme never flashes light first).
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { HostView } from './pages/HostView';
import { Lessons } from './pages/Lessons';

/** Holds back the chunks whose file names match, as a slow link would; `release` lets them go. */
async function holdChunks(page: Page, file: RegExp) {
  let release = () => undefined as void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(file, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

test('the loading shell is painted before the app starts, in the chosen theme', async ({
  page,
}) => {
  await page.addInitScript(() => {
    localStorage.setItem('docker-anatomy.theme', 'dark');
    // <html> may not exist yet when this runs: watch the document for it and its class.
    new MutationObserver(() => {
      if (document.documentElement?.classList.contains('dark'))
        (window as { darkAt?: number }).darkAt ??= performance.now();
    }).observe(document, { attributes: true, attributeFilter: ['class'], subtree: true });
  });
  await page.goto('./');
  await expect(page.getByRole('group', { name: /^dockerd, daemon/ })).toBeVisible();
  const times = await page.evaluate(() => ({
    paint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
    appStart: performance.getEntriesByName('docker-anatomy:app-start')[0]?.startTime,
    darkAt: (window as { darkAt?: number }).darkAt,
  }));
  expect(times.paint, 'a first contentful paint').toBeDefined();
  expect(times.appStart, 'the app marked its start').toBeDefined();
  expect(times.darkAt, 'the dark theme was applied').toBeDefined();
  expect(times.paint, 'painted before the app started').toBeLessThan(times.appStart ?? 0);
  expect(times.darkAt, 'dark before the first paint').toBeLessThan(times.paint ?? 0);
});

test('an app that cannot be fetched says so instead of loading for ever', async ({
  page,
  consoleProblems,
}) => {
  // As after a deployment that replaced the chunk, or a connection lost mid-load.
  await page.route(/\/assets\/main-[^/]*\.js$/, (route) => route.abort());
  await page.goto('./');
  await expect(page.getByRole('alert')).toHaveText(
    'docker-anatomy could not load the app. Check your connection and reload the page.',
  );
  await expect(page.getByText('Loading the simulation…')).toHaveCount(0);
  const problems = consoleProblems.splice(0);
  expect(problems.join('\n')).toContain('docker-anatomy: the app did not start');
});

test('the host is drawn before the simulation engine arrives, and a demo clicked meanwhile waits for it', async ({
  app,
  page,
}) => {
  // The engine (the bulk of the simulation) is held back, as on a slow connection.
  let release = () => undefined as void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/assets\/engine-[^/]*\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await app.goto();
  const host = new HostView(page);
  await expect(app.node('containerd')).toBeVisible();
  await host.demo('docker run nginx').click();
  await expect(host.control('Jump to now')).toBeDisabled();
  release();
  // The click went through once the engine came: the container runs.
  await expect(host.control('Jump to now')).toBeEnabled();
  await host.jumpToNow();
  await expect(host.nodes(/^web1 \(nginx\), container, running/)).toHaveCount(1);
});

test('a simulation engine that cannot be fetched is said when a demo needs it', async ({
  app,
  page,
  consoleProblems,
}) => {
  await page.route(/\/assets\/engine-[^/]*\.js$/, (route) => route.abort());
  await app.goto();
  await page.getByRole('button', { name: 'docker run nginx', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'could not be loaded' })).toHaveText(
    'The simulation could not be loaded: check your connection and reload the page.',
  );
  consoleProblems.splice(0);
});

test('on a phone a lesson opens with its text, and the terminal waits folded until asked for', async ({
  page,
}) => {
  await page.setViewportSize({ width: 412, height: 823 });
  const fetched: string[] = [];
  page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
  const terminalCode = () => fetched.some((path) => /\/assets\/TerminalView-[^/]*\.js$/.test(path));
  await page.goto('./?lesson=run-chain');
  const toggle = (name: string) => page.getByRole('button', { name, exact: true });
  await expect(toggle('Narration')).toHaveAttribute('aria-expanded', 'true');
  await expect(toggle('Terminal')).toHaveAttribute('aria-expanded', 'false');
  // Nothing is built behind a folded panel: the terminal's code is not even fetched.
  expect(terminalCode(), 'the terminal fetched behind a folded panel').toBe(false);
  // Asked open, it is fetched then, and shows.
  await toggle('Terminal').click();
  await expect.poll(terminalCode).toBe(true);
  await expect(page.getByRole('region', { name: 'Terminal' })).toContainText(
    'root@docker-host:~#',
    { timeout: 15_000 },
  );
});

test('a lesson link shows its text first: the diagram and the lesson’s world come after it', async ({
  app,
  page,
}) => {
  // The diagram's code and the lesson's stage (with the engine) held back, as on a slow link.
  const release = await holdChunks(page, /\/assets\/(HostCanvas|appStage)-[^/]*\.js$/);
  await page.goto('./?lesson=run-chain');
  const lessons = new Lessons(app, page);
  await expect(lessons.player).toContainText('The docker command is only a client');
  await expect(lessons.player.getByRole('status')).toHaveText(
    'Setting up the world for this step…',
  );
  await expect(app.panel('Narration')).toBeVisible();
  await expect(page.getByText('Drawing the host…')).toBeVisible();
  release();
  // Both came once asked for: the host is drawn, and the step's demo plays on it.
  await expect(app.node('dockerd')).toBeVisible();
  await lessons.settled();
  await expect(lessons.button(/^(Next|Skip this task)$/)).toBeEnabled();
});

test('a lesson whose world cannot be fetched says so, and restarting the step tries again', async ({
  app,
  page,
  consoleProblems,
}) => {
  let offline = true;
  await page.route(/\/assets\/appStage-[^/]*\.js$/, (route) =>
    offline ? route.abort() : route.continue(),
  );
  await page.goto('./?lesson=run-chain');
  const lessons = new Lessons(app, page);
  await expect(lessons.player.getByRole('status')).toHaveText(
    "This step's world could not be loaded: check your connection, then restart the step (or reload the page).",
  );
  // The failed fetch is in the console too (the browser's own line): expected here.
  await expect.poll(() => consoleProblems.length).toBeGreaterThan(0);
  consoleProblems.splice(0);
  offline = false;
  await lessons.button('Restart step').click();
  await lessons.settled();
  await expect(lessons.button(/^(Next|Skip this task)$/)).toBeEnabled();
});
