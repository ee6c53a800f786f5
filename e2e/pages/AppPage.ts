/**
 * Page object for the app shell: role-based locators for what a user sees and reaches by
 * keyboard, plus a few actions. Tests speak in these terms, not in CSS selectors.
 */
import { expect, type Locator, type Page } from '@playwright/test';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export type PanelName =
  'Narration' | 'Terminal' | 'Engine API' | 'Processes' | 'Events' | 'Inspector';

/** Every side panel, top to bottom. */
export const PANEL_NAMES: readonly PanelName[] = [
  'Narration',
  'Terminal',
  'Engine API',
  'Processes',
  'Events',
  'Inspector',
];

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

  /**
   * Before the first load only: saved progress that is not JSON and a saved session of another
   * version, as a browser can hold them. Each must get a notice and a clean start.
   */
  async seedDamagedStorage() {
    await this.page.addInitScript(() => {
      if (sessionStorage.getItem('seeded')) return;
      sessionStorage.setItem('seeded', '1');
      localStorage.setItem('docker-anatomy.progress.v1', '{"app":"docker-anatomy","version":1,');
      localStorage.setItem(
        'docker-anatomy.session.v1',
        JSON.stringify({ app: 'docker-anatomy', version: 7, options: {}, log: [] }),
      );
    });
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

  /** Opens or closes a side panel with its title button, whatever state it is in now. */
  async setPanelOpen(name: PanelName, open: boolean) {
    const toggle = this.panelToggle(name);
    if ((await toggle.getAttribute('aria-expanded')) !== String(open)) await toggle.click();
    await expect(toggle).toHaveAttribute('aria-expanded', String(open));
  }

  /** The process tree in the Processes panel. */
  processTree(): Locator {
    return this.panel('Processes').getByRole('tree', { name: 'Host processes by parent' });
  }

  /** A process in the tree by its command name: its accessible name is "<name>, PID <pid>...". */
  process(name: string): Locator {
    return this.processTree().getByRole('treeitem', {
      name: new RegExp(`^${escapeRegExp(name)}, PID \\d+`),
    });
  }

  /** The list of trace entries in the Events panel. */
  eventList(): Locator {
    return this.panel('Events').getByRole('list', { name: 'Trace entries' });
  }

  /** The states of a lifecycle machine drawn in the inspector, e.g. `dockerd`. */
  machineStates(machine: string): Locator {
    return this.panel('Inspector')
      .getByRole('list', { name: `States of the ${machine} machine` })
      .getByRole('button');
  }

  /** The state drawn as current in a machine's statechart (its name ends in "current state"). */
  currentState(machine: string): Locator {
    return this.machineStates(machine).and(this.page.locator('[aria-current="true"]'));
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
