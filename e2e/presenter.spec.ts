/**
 * Presenter mode for a class watching a projector: turned on and off by keyboard, the last
 * command shown large, a lesson stepped with a clicker's Page keys, `b` to blank the screen,
 * `?` for the key help, and nothing overflowing at 1024x640. Every test also fails on any
 * console error or warning (see fixtures.ts). axe while presenting, and on the key help, in
 * both themes, is in a11y.spec.ts.
 */
import path from 'node:path';
import { expect, test } from './fixtures';
import { PANEL_NAMES } from './pages/AppPage';
import { Lessons } from './pages/Lessons';
import { Presenter } from './pages/Presenter';
import { Terminal } from './pages/Terminal';

test('the keyboard turns presenter mode on and off; the type grows', async ({ app, page }) => {
  const presenter = new Presenter(app, page);
  await app.goto();
  await expect(presenter.toggle).toHaveAttribute('aria-pressed', 'false');
  const rootSize = () => page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
  const before = parseFloat(await rootSize());

  await app.tabTo(presenter.toggle);
  await page.keyboard.press('Enter');
  await expect(presenter.toggle).toHaveAttribute('aria-pressed', 'true');
  expect(await presenter.presenting()).toBe(true);
  await expect(app.liveRegion).toContainText('Presenter mode on');
  expect(parseFloat(await rootSize())).toBeGreaterThan(before);
  await expect(presenter.banner).toContainText('No command typed yet');
  const edge = page.locator('.react-flow__edge-path').first();
  expect(parseFloat(await edge.evaluate((e) => getComputedStyle(e).strokeWidth))).toBe(3);

  // Space on the focused button is the button's: it turns presenter mode off again.
  await page.keyboard.press('Space');
  await expect(presenter.toggle).toHaveAttribute('aria-pressed', 'false');
  expect(await presenter.presenting()).toBe(false);
  await expect(app.liveRegion).toContainText('Presenter mode off');
  await expect(presenter.banner).toHaveCount(0);

  // Escape leaves too.
  await page.keyboard.press('Enter');
  await expect(presenter.toggle).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('Escape');
  await expect(presenter.toggle).toHaveAttribute('aria-pressed', 'false');
});

test('presenter mode goes full screen, and leaves when the browser leaves it', async ({
  app,
  page,
}) => {
  const presenter = new Presenter(app, page);
  const fullscreen = () => page.evaluate(() => document.fullscreenElement?.tagName ?? null);
  await app.goto();
  await presenter.enter();
  await expect.poll(fullscreen).toBe('HTML');
  await page.evaluate(() => document.exitFullscreen());
  await expect(presenter.toggle).toHaveAttribute('aria-pressed', 'false');
  expect(await presenter.presenting()).toBe(false);
  // And the button leaves full screen with presenter mode.
  await presenter.enter();
  await expect.poll(fullscreen).toBe('HTML');
  await presenter.toggle.click();
  await expect.poll(fullscreen).toBeNull();
});

test('the banner shows the last command; keys typed in the terminal stay there', async ({
  app,
  page,
}, testInfo) => {
  test.setTimeout(60_000);
  // A 1080p projector: room for the larger type and the terminal.
  await page.setViewportSize({ width: 1920, height: 1080 });
  const presenter = new Presenter(app, page);
  const terminal = new Terminal(app, page);
  await terminal.open();
  await app.setPanelOpen('Engine API', false);
  await presenter.enter();
  await terminal.focus();
  // Spaces and a `b`: typed, not stepping or blanking.
  await terminal.run('docker run -d --name blog nginx', /[0-9a-f]{64}/);
  await expect(presenter.banner).toContainText('$ docker run -d --name blog nginx');
  await expect(presenter.blank).toHaveCount(0);
  await terminal.run('docker ps', 'blog');
  await expect(presenter.banner).toContainText('$ docker ps');
  const size = await presenter.banner
    .locator('code')
    .evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
  expect(size).toBeGreaterThanOrEqual(28);
  await page.mouse.move(0, 1079);
  await page.screenshot({
    path: path.join(testInfo.config.rootDir, '..', 'docs', 'screenshots', 'presenter.png'),
  });
});

test('Page Down and Page Up step a lesson, as a clicker does', async ({ app, page }) => {
  test.setTimeout(90_000);
  const presenter = new Presenter(app, page);
  const lessons = new Lessons(app, page);
  await lessons.open();
  await lessons.startButton('Kill dockerd: who keeps the container alive?').click();
  await lessons.settled();
  await expect(lessons.stepLabel()).toHaveText('Step 1 of 4');
  await presenter.enter();
  // On a 1280x800 projector the lesson's terminal keeps rows to type in.
  await expect(page.locator('.xterm-rows > div').nth(1)).toBeInViewport({ ratio: 1 });

  await page.keyboard.press('PageDown');
  await expect(lessons.stepLabel()).toHaveText('Step 2 of 4');
  await lessons.settled();
  await expect(lessons.taskHeading()).toHaveText('Your task');
  // Next on a task skips it, as the player's own Next button does.
  await page.keyboard.press('PageDown');
  await expect(lessons.stepLabel()).toHaveText('Step 3 of 4');
  await lessons.settled();
  await page.keyboard.press('PageUp');
  await expect(lessons.stepLabel()).toHaveText('Step 2 of 4');
  await lessons.settled();
  await page.keyboard.press('ArrowLeft');
  await expect(lessons.stepLabel()).toHaveText('Step 1 of 4');
});

test('b blanks the screen; any key or a click brings it back', async ({ app, page }) => {
  const presenter = new Presenter(app, page);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await app.goto();
  await presenter.enter();

  await page.keyboard.press('b');
  await expect(presenter.blank).toBeVisible();
  await expect(app.liveRegion).toContainText('Screen blanked');
  // It covers everything, in black, and does not fade in when motion is reduced.
  const cover = await presenter.blank.evaluate((e) => {
    const box = e.getBoundingClientRect();
    const style = getComputedStyle(e);
    const top = document.elementFromPoint(innerWidth / 2, innerHeight / 2);
    return {
      covers: box.width === innerWidth && box.height === innerHeight && top === e,
      color: style.backgroundColor,
      animation: style.animationName,
    };
  });
  expect(cover).toEqual({ covers: true, color: 'rgb(0, 0, 0)', animation: 'none' });

  // The key that brings the page back does nothing else (here: no step, no help).
  await page.keyboard.press('?');
  await expect(presenter.blank).toHaveCount(0);
  await expect(presenter.help).toHaveCount(0);
  await expect(app.liveRegion).toContainText('Screen shown');
  expect(await presenter.presenting()).toBe(true);

  await page.keyboard.press('.');
  await expect(presenter.blank).toBeVisible();
  await page.mouse.click(300, 300);
  await expect(presenter.blank).toHaveCount(0);
  expect(await presenter.presenting()).toBe(true);
});

test('? opens the key help, a dialog that keeps focus; Escape closes it', async ({ app, page }) => {
  const presenter = new Presenter(app, page);
  await app.goto();
  await presenter.enter();

  await page.keyboard.press('?');
  await expect(presenter.help).toBeVisible();
  await expect(presenter.help.getByRole('heading', { name: 'Presenter keys' })).toBeVisible();
  await expect(presenter.help.getByRole('row', { name: /Page Down/ })).toContainText('next step');
  await expect(presenter.help.getByRole('button', { name: 'Close' })).toBeFocused();
  // The page behind is inert: its keys do not step or blank while the help is up.
  await page.keyboard.press('b');
  await expect(presenter.blank).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(presenter.help).toHaveCount(0);
  await expect(presenter.toggle).toBeFocused();
  expect(await presenter.presenting()).toBe(true);

  // `?` again closes it as well.
  await page.keyboard.press('?');
  await expect(presenter.help).toBeVisible();
  await page.keyboard.press('?');
  await expect(presenter.help).toHaveCount(0);
});

test('at 1024x640 nothing overflows while presenting', async ({ app, page }) => {
  const viewport = { width: 1024, height: 640 };
  await page.setViewportSize(viewport);
  const presenter = new Presenter(app, page);
  const lessons = new Lessons(app, page);
  await lessons.open();
  await lessons.startButton('Kill dockerd: who keeps the container alive?').click();
  await lessons.settled();
  const panels = () =>
    Promise.all(PANEL_NAMES.map((name) => app.panelToggle(name).getAttribute('aria-expanded')));
  const before = await panels();
  await presenter.enter();
  const size = await page.evaluate(() => ({
    scrollWidth: document.scrollingElement?.scrollWidth ?? 0,
    scrollHeight: document.scrollingElement?.scrollHeight ?? 0,
  }));
  expect(size.scrollWidth).toBeLessThanOrEqual(viewport.width);
  expect(size.scrollHeight).toBeLessThanOrEqual(viewport.height);
  for (const target of [
    app.diagram,
    presenter.toggle,
    presenter.banner,
    app.panelToggle('Narration'),
    app.panelToggle('Terminal'),
    app.panelToggle('Inspector'),
  ])
    await expect(target).toBeInViewport({ ratio: 1 });
  // The diagram's boxes keep their size at the larger type, so their text must still fit.
  const overflowing = await app.diagram
    .locator('.host-node')
    .evaluateAll(
      (nodes) =>
        nodes.filter(
          (n) => n.scrollHeight > n.clientHeight + 1 || n.scrollWidth > n.clientWidth + 1,
        ).length,
    );
  expect(overflowing).toBe(0);
  // A short terminal panel gives its room to the terminal's rows, not to the keyboard hint.
  const hint = await page.locator('.terminal-view__hint').boundingBox();
  expect(hint?.height).toBeLessThanOrEqual(1);
  // The way out of the terminal still shows, short (no keyboard trap for sighted users).
  await expect(app.panel('Terminal').getByText('Escape, then Tab, leaves')).toBeVisible();

  // Leaving gives back the panels as they were, even one the layout squeezed shut.
  await presenter.toggle.click();
  await expect.poll(panels).toEqual(before);
});
