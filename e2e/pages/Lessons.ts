/**
 * Page object for Lessons mode: the lesson list in the Narration panel, and the player of the
 * lesson being taken (its step, task, hints, "Show me", next and back).
 */
import { expect, type Locator, type Page } from '@playwright/test';
import type { AppPage } from './AppPage';

export class Lessons {
  readonly player: Locator;
  readonly list: Locator;

  constructor(
    private readonly app: AppPage,
    readonly page: Page,
  ) {
    this.player = page.locator('[data-lesson-player]');
    this.list = app.panel('Narration').getByRole('list').first();
  }

  async open() {
    await this.app.goto();
    await this.app.modeOption('Lessons').check();
    await expect(this.app.panel('Narration')).toContainText('Lessons');
  }

  /** The start (continue, take again) button of a lesson, by its title. */
  startButton(title: string | RegExp): Locator {
    const name =
      typeof title === 'string'
        ? new RegExp(`: ${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`)
        : title;
    return this.app.panel('Narration').getByRole('button', { name });
  }

  /** "Step n of m" as the player shows it. */
  stepLabel(): Locator {
    return this.player.getByText(/^Step \d+ of \d+$/).first();
  }

  button(name: string | RegExp): Locator {
    return this.player.getByRole('button', { name });
  }

  /** Waits until the step's world is ready and its demo has finished typing. */
  async settled(timeout = 120_000) {
    await expect(this.player).toBeVisible();
    // Polled every frame: expect's growing intervals would add seconds to every step.
    await this.page.waitForFunction(
      () =>
        !/Setting up the world|Watch: the demo/.test(
          document.querySelector('[data-lesson-player]')?.textContent ?? 'Setting up the world',
        ),
      null,
      { timeout },
    );
  }

  taskHeading(): Locator {
    return this.player.getByRole('heading', { name: /Your task|Passed/ });
  }

  async passed(timeout = 120_000) {
    await this.page.waitForFunction(
      () =>
        [...document.querySelectorAll('[data-lesson-player] h4')].some(
          (h) => h.textContent === '✓ Passed',
        ),
      null,
      { timeout },
    );
    await expect(this.player.getByRole('heading', { name: '✓ Passed' })).toBeVisible();
  }

  /** Plays the lesson from where it is to its end, letting "Show me" do every task. */
  async walkToEnd(): Promise<number> {
    let steps = 0;
    for (;;) {
      await this.settled();
      if (await this.player.getByText('Lesson complete').count()) return steps;
      if (await this.button('Show me').count()) {
        await this.button('Show me').click();
        await this.passed();
      }
      steps += 1;
      await this.button(/^(Next|Finish)$/).click();
    }
  }
}
