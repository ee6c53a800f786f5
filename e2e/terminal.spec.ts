/**
 * The terminal in a real browser: the line editor under real keys, history, completion,
 * focus leaving by Escape (no keyboard trap) and the screen-reader mode. axe with the terminal
 * in use, in both themes and in screen-reader mode, is in a11y.spec.ts.
 * The shell behind it may still be the TEMPORARY controller (every command "not found"), so
 * the assertions are about the editor and hold for the real shell too; the ones that need
 * the real shell are marked TODO(lead).
 */
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { PANEL_NAMES, type AppPage } from './pages/AppPage';

/** The Terminal panel as a user meets it: a named screen with a text input, and a toolbar. */
class TerminalPanel {
  readonly region: Locator;
  readonly screen: Locator;
  readonly input: Locator;
  readonly screenReaderToggle: Locator;

  constructor(private readonly app: AppPage) {
    this.region = app.panel('Terminal');
    this.screen = this.region.getByRole('group', { name: 'Terminal' });
    this.input = this.screen.getByRole('textbox', { name: 'Terminal input' });
    this.screenReaderToggle = this.region.getByRole('button', { name: 'Screen reader mode' });
  }

  get page(): Page {
    return this.app.page;
  }

  /** Opens the app with only the terminal expanded, so it has rows to spare. */
  async open() {
    await this.app.goto();
    for (const name of PANEL_NAMES) await this.app.setPanelOpen(name, name === 'Terminal');
    await expect.poll(() => this.rows()).not.toEqual([]);
  }

  /** The rows on screen as the renderer draws them, trailing blanks dropped. */
  async rows(): Promise<string[]> {
    const texts = await this.region.locator('.xterm-rows > div').allInnerTexts();
    const rows = texts.map((text) => text.replace(/\u00a0/g, ' ').trimEnd());
    while (rows.length > 0 && rows[rows.length - 1] === '') rows.pop();
    return rows;
  }

  async lastRow(): Promise<string> {
    return (await this.rows()).at(-1) ?? '';
  }

  /** The prompt, read from the first row before anything is typed. */
  async prompt(): Promise<string> {
    const [first] = await this.rows();
    return first ?? '';
  }

  async focus() {
    await this.screen.click();
    await expect(this.input).toBeFocused();
  }
}

test('typing echoes the line, Enter runs it and a new prompt follows; Up recalls it', async ({
  app,
  page,
}) => {
  const terminal = new TerminalPanel(app);
  await terminal.open();
  const prompt = await terminal.prompt();
  expect(prompt).toMatch(/[#$]$/);
  await terminal.focus();

  await page.keyboard.type('echo hi');
  await expect.poll(() => terminal.lastRow()).toBe(`${prompt} echo hi`);
  await page.keyboard.press('Enter');
  await expect.poll(() => terminal.lastRow()).toBe(prompt);
  const rows = await terminal.rows();
  expect(rows[0]).toBe(`${prompt} echo hi`);
  expect(rows.length).toBeGreaterThanOrEqual(3);
  expect(rows[1]).toBe('hi');

  await page.keyboard.press('ArrowUp');
  await expect.poll(() => terminal.lastRow()).toBe(`${prompt} echo hi`);
  await page.keyboard.press('ArrowDown');
  await expect.poll(() => terminal.lastRow()).toBe(prompt);
});

test('the line editor: cursor keys, deleting, Ctrl-U, Ctrl-C and Tab completion', async ({
  app,
  page,
}) => {
  const terminal = new TerminalPanel(app);
  await terminal.open();
  const prompt = await terminal.prompt();
  await terminal.focus();

  await page.keyboard.type('dcker ps');
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.type('o');
  await page.keyboard.press('End');
  await page.keyboard.press('Backspace');
  await expect.poll(() => terminal.lastRow()).toBe(`${prompt} docker p`);
  await page.keyboard.press('Control+U');
  await expect.poll(() => terminal.lastRow()).toBe(prompt);

  await page.keyboard.type('abandoned');
  await page.keyboard.press('Control+C');
  await expect.poll(() => terminal.rows()).toEqual([`${prompt} abandoned^C`, prompt]);

  // Tab stays in the terminal and completes the command name.
  await page.keyboard.type('dock');
  await page.keyboard.press('Tab');
  await expect(terminal.input).toBeFocused();
  await expect.poll(() => terminal.lastRow()).toBe(`${prompt} docker`);
});

test('Escape leaves the terminal, so Tab and Shift+Tab move on (no keyboard trap)', async ({
  app,
  page,
}) => {
  const terminal = new TerminalPanel(app);
  // The first thing after the terminal in the tab order: the handle below its panel.
  const next = page.getByRole('separator', { name: /^Resize Terminal and / });
  await terminal.open();
  await expect(terminal.region).toContainText('press Escape, then Tab');
  await terminal.focus();
  await page.keyboard.type('docker');
  await page.keyboard.press('Tab');
  await expect(terminal.input).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(terminal.input).not.toBeFocused();
  await page.keyboard.press('Tab');
  await expect(next).toBeFocused();

  // On an empty line there is nothing to complete: Tab moves on at once.
  await terminal.focus();
  await page.keyboard.press('Control+U');
  await page.keyboard.press('Tab');
  await expect(next).toBeFocused();

  await terminal.focus();
  await page.keyboard.press('Shift+Tab');
  await expect(terminal.screenReaderToggle).toBeFocused();
});

test('screen-reader mode shows the rows to assistive technology and is remembered', async ({
  app,
  page,
}) => {
  const terminal = new TerminalPanel(app);
  await terminal.open();
  const prompt = await terminal.prompt();
  await expect(terminal.screenReaderToggle).toHaveAttribute('aria-pressed', 'false');
  await expect(terminal.screen.getByRole('list')).toHaveCount(0);

  await terminal.screenReaderToggle.click();
  await expect(terminal.screenReaderToggle).toHaveAttribute('aria-pressed', 'true');
  await terminal.focus();
  await page.keyboard.type('echo hi');
  await page.keyboard.press('Enter');
  const tree = terminal.screen.getByRole('list');
  await expect(tree.getByRole('listitem').first()).toHaveText(`${prompt} echo hi`);

  await page.reload();
  await expect(terminal.screenReaderToggle).toHaveAttribute('aria-pressed', 'true');
  await expect(terminal.screen.getByRole('list')).toHaveCount(1);

  // A corrupt stored value falls back to the normal mode.
  await page.evaluate(() => localStorage.setItem('docker-anatomy.terminal.screenReader', '{'));
  await page.reload();
  await expect(terminal.screenReaderToggle).toHaveAttribute('aria-pressed', 'false');
});

test('the cursor blinks only when motion is welcome', async ({ app, page }) => {
  const terminal = new TerminalPanel(app);
  const cursor = terminal.region.locator('.xterm-cursor');
  await terminal.open();
  await terminal.focus();
  await expect(cursor).toHaveClass(/xterm-cursor-blink/);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await expect(cursor).not.toHaveClass(/xterm-cursor-blink/);
});

test('copy a selection with Ctrl-C (the line stays), paste lines with Ctrl-V', async ({
  app,
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const terminal = new TerminalPanel(app);
  await terminal.open();
  const prompt = await terminal.prompt();
  await terminal.focus();
  await page.keyboard.type('docker version');
  // Double-click the middle of "version": xterm selects the word under the pointer.
  const row = terminal.region.locator('.xterm-rows > div span').first();
  // xterm draws on the next animation frame: measure the row once it shows the typed line.
  await expect(row).toContainText('docker version');
  const box = await row.boundingBox();
  const text = (await row.innerText()).replace(/\u00a0/g, ' ');
  if (!box) throw new Error('the first row is not on screen');
  const cell = box.width / text.length;
  const middle = text.indexOf('version') + 3;
  await page.mouse.dblclick(box.x + (middle + 0.5) * cell, box.y + box.height / 2);
  await page.keyboard.press('Control+C');
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe('version');
  expect(await terminal.rows()).toEqual([`${prompt} docker version`]);

  await page.keyboard.press('Control+U');
  await page.evaluate(() => navigator.clipboard.writeText('echo one\necho two\n'));
  await page.keyboard.press('Control+V');
  await expect
    .poll(() => terminal.rows())
    .toEqual([`${prompt} echo one`, 'one', `${prompt} echo two`, 'two', prompt]);
});

test('the screen follows the theme as it changes', async ({ app }) => {
  const terminal = new TerminalPanel(app);
  await terminal.open();
  const rows = terminal.region.locator('.xterm-rows');
  await app.themeOption('Light').check();
  const light = await rows.evaluate((element) => getComputedStyle(element).color);
  await app.themeOption('Dark').check();
  await expect
    .poll(() => rows.evaluate((element) => getComputedStyle(element).color))
    .not.toBe(light);
});
