/**
 * Embedding as issue 10 tells it: a course page (served here at its own origin) embeds the
 * app and drives it with postMessage; a page whose origin is not allowed is ignored; junk
 * messages break nothing; the URL's parameters apply, and hostile ones are ignored with a
 * console warning, never rendered; the minimal chrome fits a 480x320 frame. axe on the Embed
 * dialog and its preview, light and dark, is in a11y.spec.ts.
 */
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

// The course pages are made up by the test (route.fulfill), so Chromium counts them as public
// pages, and its Local Network Access check would stop them framing the app on 127.0.0.1. A
// real course page and a deployed app are both public; the check is off for this file only.
test.use({
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--disable-gpu', '--disable-quic', '--disable-features=LocalNetworkAccessChecks'],
  },
});

const EMBEDDER = 'http://course.example';
const STRANGER = 'http://stranger.example';

interface Received {
  api: string;
  type: string;
  [key: string]: unknown;
}

/** Serves a page at `origin` that embeds the app at `src` and records what it says. */
async function hostPage(page: Page, origin: string, src: string, size = [900, 600]) {
  await page.route(`${origin}/`, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><title>course</title>
        <iframe title="docker-anatomy" src="${src}" width="${size[0]}" height="${size[1]}"></iframe>
        <script>
          window.received = [];
          addEventListener('message', (e) => {
            if (e.data && e.data.api === 'docker-anatomy') window.received.push(e.data);
          });
          window.send = (m) => document.querySelector('iframe').contentWindow.postMessage(m, '*');
        </script>`,
    }),
  );
  await page.goto(`${origin}/`);
  return page.frameLocator('iframe[title="docker-anatomy"]');
}

const received = (page: Page) =>
  page.evaluate(() => (window as unknown as { received: Received[] }).received);
const send = (page: Page, message: unknown) =>
  page.evaluate((m) => (window as unknown as { send: (m: unknown) => void }).send(m), message);
const command = (type: string, extra: Record<string, unknown> = {}) => ({
  api: 'docker-anatomy',
  version: 1,
  type,
  ...extra,
});

test('a course page drives the app, and hears what happens', async ({ page, baseURL }) => {
  test.setTimeout(60_000);
  const frame = await hostPage(
    page,
    EMBEDDER,
    `${baseURL}/?chrome=minimal&origins=${EMBEDDER}&panels=narration,terminal`,
  );
  await expect
    .poll(() => received(page))
    .toContainEqual(expect.objectContaining({ type: 'ready' }));
  await expect(frame.getByRole('link', { name: 'Open the full app ↗' })).toBeVisible();
  await expect(frame.getByRole('radio', { name: 'Lessons' })).toHaveCount(0);

  await send(page, command('startLesson', { lesson: 'signals' }));
  await expect
    .poll(() => received(page))
    .toContainEqual(
      expect.objectContaining({ type: 'stepChanged', lesson: 'signals', step: 1, steps: 3 }),
    );
  await expect(frame.locator('[data-lesson-player]')).toContainText('Stop, kill and exit codes');

  await send(page, command('run', { command: 'docker run -d --name web nginx' }));
  await expect
    .poll(() => received(page))
    .toContainEqual({
      api: 'docker-anatomy',
      version: 1,
      type: 'commandRun',
      command: 'docker run -d --name web nginx',
    });
  await send(page, command('run', { command: 'docker stop web' }));
  await expect
    .poll(() => received(page), { timeout: 30_000 })
    .toContainEqual(expect.objectContaining({ type: 'taskPassed', lesson: 'signals', step: 1 }));

  // Junk of every kind: ignored, and the app goes on answering.
  for (const junk of [
    null,
    'next',
    42,
    { type: 'next' },
    command('rm -rf /'),
    command('goToStep', { step: 'two' }),
    { ...command('next'), version: 2 },
    command('run', { command: 'a\nb' }),
  ])
    await send(page, junk);
  await send(page, command('goToStep', { step: 3 }));
  await expect
    .poll(() => received(page))
    .toContainEqual(expect.objectContaining({ type: 'stepChanged', step: 3 }));

  // A lesson given as JSON is checked like any lesson: refused with its step and field named.
  await send(
    page,
    command('loadLesson', {
      lesson: { schemaVersion: 1, id: 'mine', title: 'Mine', steps: [{ id: 'a' }] },
    }),
  );
  await expect
    .poll(async () => (await received(page)).filter((m) => m.type === 'refused'))
    .toEqual([expect.objectContaining({ reason: expect.stringMatching(/^lesson "mine": /) })]);
  await expect(frame.getByRole('alert')).toContainText('That lesson file cannot be used');
});

test('a page whose origin is not allowed is ignored, and hears nothing', async ({
  page,
  baseURL,
}) => {
  const frame = await hostPage(page, STRANGER, `${baseURL}/?origins=${EMBEDDER}&mode=lessons`);
  await expect(frame.getByRole('button', { name: /^Start: Stop, kill/ })).toBeVisible();
  await send(page, command('startLesson', { lesson: 'signals' }));
  await send(page, command('run', { command: 'docker run -d --name web nginx' }));
  await page.waitForTimeout(1000);
  await expect(frame.locator('[data-lesson-player]')).toHaveCount(0);
  expect(await received(page)).toEqual([]);
});

test('hostile URL parameters are ignored with a warning, never shown', async ({
  page,
  consoleProblems,
}) => {
  let dialogs = 0;
  page.on('dialog', (dialog) => {
    dialogs += 1;
    void dialog.dismiss();
  });
  const hostile = new URLSearchParams({
    lesson: '<script>alert(1)</script>',
    view: '<img src=x onerror=alert(1)>',
    theme: 'dark',
    speed: '99',
    panels: 'terminal,narration',
    origins: 'javascript:alert(1)',
    unknown: 'x',
    step: '1e9',
    huge: 'a'.repeat(8000),
  });
  await page.goto(`./?${hostile.toString()}`);
  await expect(page.getByRole('group', { name: /^dockerd, daemon/ })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.className)).toContain('dark');
  await expect(page.getByRole('button', { name: 'Terminal', exact: true })).toHaveAttribute(
    'aria-expanded',
    'true',
  );
  // Only the panels named are drawn.
  await expect(page.getByRole('button', { name: 'Inspector', exact: true })).toHaveCount(0);
  expect(await page.locator('img[src="x"], script:not([src]):not([type])').count()).toBe(0);
  await expect(page.locator('body')).not.toContainText('<script>');
  expect(dialogs).toBe(0);
  const warnings = consoleProblems.splice(0);
  for (const name of ['lesson', 'view', 'speed', 'origins', 'step'])
    expect(warnings.join('\n')).toContain(`ignored ${name}=`);
  expect(warnings.join('\n')).toContain('ignored unknown URL parameter "unknown"');
  expect(warnings.every((w) => w.length < 200)).toBe(true);
});

test('a lesson by URL, in a 480x320 frame with the minimal chrome', async ({ page, baseURL }) => {
  const frame = await hostPage(
    page,
    EMBEDDER,
    `${baseURL}/?lesson=daemonless&step=2&chrome=minimal&panels=narration`,
    [480, 320],
  );
  await expect(frame.locator('[data-lesson-player]')).toContainText('Step 2 of 4');
  // Beside the diagram (the frame is wider than high), the one panel asked for, open and legible.
  await expect(frame.getByRole('button', { name: 'Narration', exact: true })).toHaveAttribute(
    'aria-expanded',
    'true',
  );
  await expect(frame.getByRole('button', { name: 'Terminal', exact: true })).toHaveCount(0);
  await expect(
    frame.getByRole('heading', { name: 'Kill dockerd: who keeps the container alive?' }),
  ).toBeInViewport({ ratio: 1 });
  const embedded = page.frames().find((f) => f !== page.mainFrame());
  const size = await embedded?.evaluate(() => ({
    width: document.scrollingElement?.scrollWidth ?? 0,
    height: document.scrollingElement?.scrollHeight ?? 0,
  }));
  expect(size).toEqual({ width: 480, height: 320 });
});

test('the README’s live example page drives the app from its own origin', async ({ page }) => {
  await page.goto('./embed-example.html');
  const events = page.getByRole('list').filter({ hasText: 'ready' });
  await expect(events).toContainText('"type":"ready"');
  await expect(events).toContainText('"type":"stepChanged","lesson":"daemonless","step":1');
  // Next waits while the step's demo types (it is ignored until the demo is done).
  await expect(async () => {
    await page.getByRole('button', { name: 'Next' }).click();
    await expect(events).toContainText('"step":2', { timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await page.getByLabel('Command').fill('docker ps');
  await page.getByRole('button', { name: 'Run it' }).click();
  await expect(events).toContainText('"type":"commandRun","command":"docker ps"');
});

test('Embed: the snippet follows what is on screen, and its preview shows it', async ({
  page,
}, testInfo) => {
  await page.goto('./');
  await page.getByRole('radio', { name: 'Lessons' }).check();
  await page.getByRole('button', { name: /^Start: Stop, kill and exit codes/ }).click();
  await expect(page.locator('[data-lesson-player]')).toContainText('Step 1 of 3');
  await page.getByRole('button', { name: 'Embed' }).click();
  const dialog = page.getByRole('dialog', { name: 'Embed this in a course page or a slide' });
  const snippet = dialog.getByRole('textbox', { name: 'Snippet' });
  await expect(snippet).toHaveValue(/lesson=signals&amp;step=1&amp;view=host/);
  await expect(snippet).toHaveValue(/chrome=minimal/);
  await dialog
    .getByRole('checkbox', { name: 'Minimal chrome (name and a link to the full app)' })
    .uncheck();
  await dialog.getByRole('checkbox', { name: 'Inspector' }).check();
  await expect(snippet).not.toHaveValue(/chrome=minimal/);
  await expect(snippet).toHaveValue(/panels=narration%2Cterminal%2Cinspector/);
  await dialog.getByRole('combobox', { name: 'Size' }).selectOption({ label: '480 × 320' });
  await expect(snippet).toHaveValue(/width="480"\n {2}height="320"/);
  const preview = page.frameLocator('iframe[title="docker-anatomy, as the snippet embeds it"]');
  // The preview boots a whole app (and its lesson) in the frame, again at each change.
  await expect(preview.locator('[data-lesson-player]')).toContainText('Stop, kill and exit codes', {
    timeout: 15_000,
  });
  await page.screenshot({
    path: path.join(testInfo.config.rootDir, '..', 'docs', 'screenshots', 'embed-light.png'),
  });
  // Escape from the snippet (a <select> with focus may take the first Escape for itself).
  await snippet.focus();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});
