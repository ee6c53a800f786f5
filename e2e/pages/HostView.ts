/**
 * Page object for the host view's playback and demo controls and its diagram nodes.
 */
import { expect, type Locator, type Page } from '@playwright/test';

export class HostView {
  readonly diagram: Locator;
  readonly playback: Locator;
  readonly demos: Locator;
  readonly timeline: Locator;

  constructor(readonly page: Page) {
    this.diagram = page.getByRole('application', { name: 'Host diagram' });
    this.playback = page.getByRole('toolbar', { name: 'Playback' });
    this.demos = page.getByRole('toolbar', { name: 'Demos and faults' });
    this.timeline = page.getByRole('slider', { name: 'Timeline' });
  }

  demo(name: string | RegExp): Locator {
    return this.demos.getByRole('button', { name });
  }

  control(name: string): Locator {
    return this.playback.getByRole('button', { name, exact: true });
  }

  /** Diagram nodes whose accessible name matches (name, role, status, detail). */
  nodes(pattern: RegExp): Locator {
    return this.diagram.getByRole('group', { name: pattern });
  }

  packet(): Locator {
    return this.page.getByTestId('packet');
  }

  /** Pauses and moves the cursor to the very start, as a student scrubbing back would. */
  async rewindToStart() {
    if (await this.control('Pause').isVisible()) await this.control('Pause').click();
    await this.timeline.focus();
    await this.page.keyboard.press('Home');
    await expect(this.packet()).toHaveCount(0);
  }

  /** In one round trip: the packet in flight and every node's accessible name, sorted. */
  async stepSnapshot(): Promise<{ packet: string | null; nodes: string[] }> {
    return this.page.evaluate(() => {
      const packet = document.querySelector('[data-testid="packet"]')?.textContent ?? null;
      const nodes = [...document.querySelectorAll('.react-flow__node')]
        .map((el) => el.getAttribute('aria-label') ?? '')
        .filter(Boolean)
        .sort();
      return { packet, nodes };
    });
  }

  /**
   * `docker run nginx`, then `kill -9 dockerd`, paused in the gap before systemd restarts
   * dockerd (Restart=always, 2 s): the moment the container runs on under its shim.
   */
  async crashDockerdUnderRunningContainer() {
    await this.demo('docker run nginx').click();
    await this.jumpToNow();
    await this.demo('kill -9 dockerd').click();
    await this.jumpToNow();
    await this.control('Pause').click();
  }

  /** Pauses and moves the cursor to the newest entry: the world as it is now, held still. */
  async pauseAtNow() {
    if (await this.control('Pause').isVisible()) await this.control('Pause').click();
    await this.timeline.focus();
    await this.page.keyboard.press('End');
  }

  async jumpToNow() {
    const button = this.control('Jump to now');
    if (await button.isEnabled()) await button.click();
  }
}
