/**
 * The whole course, as issue 9 asks: every lesson opens in the browser and walks to its end
 * with its reference solutions ("Show me"), then shows as completed in the list.
 */
import { expect, test } from './fixtures';
import { Lessons } from './pages/Lessons';

// Hundreds of clicks: a trace's snapshot of each would double the walk's time (CI takes
// none at all, see playwright.config.ts).
test.use({ trace: 'off' });

const TITLES = [
  'Dockerfile → image → container',
  'What docker run really does',
  'runc starts the container, then exits',
  'Kill dockerd: who keeps the container alive?',
  'containerd crashes; a shim dies',
  'A short history: from one daemon to containerd and runc',
  'Stop, kill and exit codes',
  'The Engine API: the socket, port 2375 and mutual TLS',
  'Images and registries: layers, tags, digests, push',
  'Volumes and networks',
  'Swarm: desired state, failures and quorum',
  'Kubernetes without dockerd',
];

test('every lesson walks to its end with its reference solutions', async ({ app, page }) => {
  test.setTimeout(600_000);
  const lessons = new Lessons(app, page);
  await lessons.open();
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('8');
  for (const [index, title] of TITLES.entries()) {
    await lessons.startButton(title).click();
    await expect(lessons.player.getByRole('heading', { name: title })).toBeVisible();
    const steps = await lessons.walkToEnd();
    expect(steps, title).toBeGreaterThanOrEqual(3);
    await expect(lessons.player).toContainText(`You finished “${title}”`);
    await lessons.button('All lessons').click();
    await expect(lessons.startButton(title)).toHaveAccessibleName(`Take again: ${title}`);
    await expect(app.panel('Narration').getByRole('listitem').nth(index)).toContainText(
      'Completed',
    );
  }
});
