/**
 * Page object for the Cluster view: the view switch, the cluster's controls (set up, kill the
 * leader, pause, let 5 s pass), the Raft panel, the services, the machines as cards (buttons
 * named "node-2, manager, leader, ready, 3 tasks: web.1 running, ...") and the selected
 * machine's fault buttons. Tests speak in these terms, not in CSS selectors.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import type { AppPage } from './AppPage';

export type NodeFault = 'Power off' | 'Partition' | 'Restore' | 'Drain' | 'Activate';

export class ClusterView {
  readonly region: Locator;
  readonly controls: Locator;
  readonly raft: Locator;
  readonly services: Locator;
  readonly machines: Locator;

  constructor(
    private readonly app: AppPage,
    readonly page: Page,
  ) {
    this.region = page.getByRole('region', { name: 'Cluster', exact: true });
    this.controls = this.region.getByRole('toolbar', { name: 'Cluster controls' });
    this.raft = this.region.getByRole('region', { name: /^Raft/ });
    this.services = this.region.getByRole('region', { name: 'Services' });
    this.machines = this.region.getByRole('list', { name: 'Machines of the cluster' });
  }

  viewOption(): Locator {
    return this.page.getByRole('group', { name: 'View' }).getByRole('radio', { name: 'Cluster' });
  }

  /** Opens the app and switches to the Cluster view. */
  async open() {
    await this.app.goto();
    await this.viewOption().check();
    await expect(this.controls).toBeVisible();
  }

  control(name: string | RegExp): Locator {
    return this.controls.getByRole('button', { name });
  }

  /** Sets up 3 managers and 3 workers with `web` x 6, and stops the clock (tests move time). */
  async setUp() {
    await this.control('Set up 3 managers + 3 workers').click();
    await this.control('Pause').click();
    await expect(this.control('Play')).toBeVisible();
    await expect(this.node('node-6')).toBeVisible();
  }

  /** Lets 5 s of virtual time pass. */
  async advance() {
    await this.control('Let 5 seconds pass').click();
  }

  /** Lets time pass, 5 s at a time, until `check` holds (at most `limit` steps). */
  async advanceUntil(check: () => Promise<boolean>, limit = 24) {
    for (let step = 0; step < limit; step += 1) {
      if (await check()) return;
      await this.advance();
    }
    expect(await check(), 'the cluster did not get there in time').toBe(true);
  }

  /** A machine's card, by hostname. */
  node(hostname: string): Locator {
    return this.machines.getByRole('button', { name: new RegExp(`^${hostname}, `) });
  }

  /** Every card's accessible name, in order. */
  async nodeNames(): Promise<string[]> {
    const cards = await this.machines.getByRole('button').all();
    return Promise.all(cards.map(async (card) => (await card.getAttribute('aria-label')) ?? ''));
  }

  /** The selected machine's fault and availability buttons. */
  fault(hostname: string, name: NodeFault): Locator {
    return this.region
      .getByRole('group', { name: `Faults and availability of ${hostname}` })
      .getByRole('button', { name, exact: true });
  }

  /** The services' line of `name`, e.g. `web 6/6 replicated ...`. */
  service(name: string): Locator {
    return this.services.getByRole('listitem').filter({ hasText: name });
  }
}
