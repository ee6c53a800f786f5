/**
 * Page object for the terminal as a student uses it: open it, type a line and wait for what
 * it prints. Reads the screen as xterm draws it (`.xterm-rows`); long lines wrap on a narrow
 * panel, so matching takes the row breaks out.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import { PANEL_NAMES, type AppPage } from './AppPage';

export class Terminal {
  readonly region: Locator;

  constructor(
    private readonly app: AppPage,
    readonly page: Page,
  ) {
    this.region = app.panel('Terminal');
  }

  async open() {
    await this.app.goto();
    for (const name of PANEL_NAMES)
      await this.app.setPanelOpen(name, name === 'Terminal' || name === 'Engine API');
    await expect.poll(() => this.text()).toContain('root@docker-host:~#');
    await this.focus();
  }

  async focus() {
    await this.region.getByRole('group', { name: 'Terminal' }).click();
  }

  /** Everything on the screen, rows joined with newlines. */
  async text(): Promise<string> {
    const rows = await this.region.locator('.xterm-rows > div').allInnerTexts();
    return rows.map((r) => r.replace(/\u00a0/g, ' ').trimEnd()).join('\n');
  }

  /**
   * Types a line, presses Enter, and waits for `expected` after it. Long lines wrap on a
   * narrow panel, so the screen is read with its row breaks (and, for plain text, all blanks)
   * taken out.
   */
  async run(line: string, expected: RegExp | string) {
    await this.page.keyboard.type(line);
    await this.page.keyboard.press('Enter');
    const squash = (text: string) => text.replace(/\s+/g, '');
    const after = async () => {
      const all = (await this.text()).replace(/\n/g, '');
      const tail = line.slice(-12);
      return all.slice(all.lastIndexOf(tail) + tail.length);
    };
    if (typeof expected === 'string')
      await expect.poll(async () => squash(await after())).toContain(squash(expected));
    else await expect.poll(after).toMatch(expected);
  }

  async clear() {
    await this.page.keyboard.press('Control+l');
  }
}
