/**
 * Page object for the app shell: role-based locators for what a user sees and reaches by
 * keyboard, plus a few actions. Tests speak in these terms, not in CSS selectors.
 */
import { expect, type Locator, type Page } from '@playwright/test';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export type PanelName = 'Narration' | 'Terminal' | 'Inspector';

export class AppPage {
  readonly diagram: Locator;
  readonly eraSelect: Locator;
  readonly liveRegion: Locator;
  readonly skipLink: Locator;
  readonly main: Locator;

  constructor(readonly page: Page) {
    this.diagram = page.getByRole('application', { name: 'Host diagram' });
    this.eraSelect = page.getByRole('combobox', { name: 'Era' });
    this.liveRegion = page.getByRole('status');
    this.skipLink = page.getByRole('link', { name: 'Skip to the diagram' });
    this.main = page.getByRole('main');
  }

  /** Opens the app and waits until the diagram shows its daemon. */
  async goto() {
    await this.page.goto('./');
    await expect(this.node('dockerd')).toBeVisible();
  }

  /** A diagram node by the name it runs as: its accessible name is "<name>, <role>". */
  node(name: string): Locator {
    return this.diagram.getByRole('group', { name: new RegExp(`^${escapeRegExp(name)}, `) });
  }

  modeOption(name: 'Lessons' | 'Sandbox'): Locator {
    return this.page.getByRole('group', { name: 'Mode' }).getByRole('radio', { name });
  }

  themeOption(name: 'System' | 'Light' | 'Dark'): Locator {
    return this.page.getByRole('group', { name: 'Theme' }).getByRole('radio', { name });
  }

  panel(name: PanelName): Locator {
    return this.page.getByRole('region', { name });
  }

  panelToggle(name: PanelName): Locator {
    return this.page.getByRole('button', { name, exact: true });
  }

  separator(name: string): Locator {
    return this.page.getByRole('separator', { name });
  }

  /** Presses Tab until `target` has focus, as a keyboard-only user would. */
  async tabTo(target: Locator, limit = 60) {
    for (let presses = 0; presses < limit; presses += 1) {
      await this.page.keyboard.press('Tab');
      if (await target.evaluate((element) => element === document.activeElement)) return;
    }
    throw new Error(`Tab did not reach ${target.toString()} within ${limit} presses`);
  }

  async htmlClasses(): Promise<string> {
    return this.page.evaluate(() => document.documentElement.className);
  }
}
