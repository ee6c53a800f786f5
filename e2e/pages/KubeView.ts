/**
 * Page object for the Kubernetes side of the Cluster view: the orchestrator switch, the
 * clock, the deployments, the nodes as cards (buttons named "worker-1, worker. Ready. 1 pod:
 * web-... Running. 1 system pod"), the selected node's faults and pods, and the kubectl
 * terminal. Tests speak in these terms, not in CSS selectors.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import type { AppPage } from './AppPage';

export class KubeView {
  readonly region: Locator;
  readonly controls: Locator;
  readonly deployments: Locator;
  readonly controlPlane: Locator;
  readonly nodes: Locator;
  readonly terminal: Locator;

  constructor(
    private readonly app: AppPage,
    readonly page: Page,
  ) {
    this.region = page.getByRole('region', { name: 'Cluster', exact: true });
    this.controls = this.region.getByRole('toolbar', { name: 'Kubernetes controls' });
    this.deployments = this.region.getByRole('region', { name: 'Deployments' });
    this.controlPlane = this.region.getByRole('region', { name: 'Control plane' });
    this.nodes = this.region.getByRole('list', { name: 'Nodes of the Kubernetes cluster' });
    this.terminal = this.region.getByRole('region', { name: /^Terminal \(your laptop/ });
  }

  /** Opens the app, the Cluster view, then Kubernetes, and stops the clock (tests move time). */
  async open() {
    await this.app.goto();
    await this.page
      .getByRole('group', { name: 'View' })
      .getByRole('radio', { name: 'Cluster' })
      .check();
    await this.region.getByRole('radio', { name: 'Kubernetes' }).check();
    await expect(this.controls).toBeVisible();
    await this.controls.getByRole('button', { name: 'Pause' }).click();
    await expect(this.controls.getByRole('button', { name: 'Play' })).toBeVisible();
    await expect.poll(() => this.screen()).toContain('student@laptop:~$');
  }

  async advance(seconds: 10 | 300 = 10) {
    const name = seconds === 10 ? 'Let 10 seconds pass' : 'Let 5 minutes pass';
    await this.controls.getByRole('button', { name }).click();
  }

  node(name: string): Locator {
    return this.nodes.getByRole('button', { name: new RegExp(`^${name}, `) });
  }

  /** Every pod name of the default namespace on the cards, with its status, sorted. */
  async pods(): Promise<string[]> {
    const names = await this.nodes
      .getByRole('button')
      .evaluateAll((cards) => cards.map((c) => c.getAttribute('aria-label') ?? ''));
    return names
      .flatMap((label) => [
        ...label.matchAll(/(web-[a-z0-9]+-[a-z0-9]{5}) ([A-Za-z, ]+?)(?=;|\.)/g),
      ])
      .map((m) => `${m[1]} ${m[2]}`)
      .sort();
  }

  /** What the kubectl terminal shows, rows joined with newlines. */
  async screen(): Promise<string> {
    // xterm.js stops painting while the terminal is out of view: bring it in first.
    await this.terminal.scrollIntoViewIfNeeded();
    const rows = await this.terminal.locator('.xterm-rows > div').allInnerTexts();
    return rows.map((r) => r.replace(/\u00a0/g, ' ').trimEnd()).join('\n');
  }

  /** Types a line into the kubectl terminal and waits for `expected` on the screen. */
  async kubectl(line: string, expected: string | RegExp) {
    await this.terminal.getByRole('group', { name: 'Terminal' }).click();
    await this.page.keyboard.type(line);
    await this.page.keyboard.press('Enter');
    if (typeof expected === 'string') await expect.poll(() => this.screen()).toContain(expected);
    else await expect.poll(() => this.screen()).toMatch(expected);
  }
}
