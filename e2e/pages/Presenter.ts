/**
 * Page object for presenter mode: its toggle, the last-command banner, the blank screen and
 * the key help, found by role (the blank screen has none: it is found by its data attribute).
 */
import { expect, type Locator, type Page } from '@playwright/test';
import type { AppPage } from './AppPage';

export class Presenter {
  readonly toggle: Locator;
  readonly banner: Locator;
  readonly blank: Locator;
  readonly help: Locator;

  constructor(
    private readonly app: AppPage,
    readonly page: Page,
  ) {
    this.toggle = page.getByRole('button', { name: 'Presenter mode' });
    this.banner = page.locator('.presenter-banner');
    this.blank = page.locator('[data-presenter-blank]');
    this.help = page.getByRole('dialog', { name: 'Presenter keys' });
  }

  async presenting(): Promise<boolean> {
    return (await this.app.htmlClasses()).split(' ').includes('presenting');
  }

  /** Turns presenter mode on with a click on its button, and waits for the banner. */
  async enter() {
    await this.toggle.click();
    await expect(this.toggle).toHaveAttribute('aria-pressed', 'true');
    await expect(this.banner).toBeVisible();
  }
}
