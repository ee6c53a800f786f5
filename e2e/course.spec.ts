/**
 * The whole course, as issue 9 asks: every lesson opens in the browser and walks to its end
 * with its reference solutions ("Show me"), then shows as completed in the list. Then, as
 * issue 11 asks of a projector left running for a lesson, it keeps going: lessons back to back
 * (taken again from the list) until LONG_RUN_SECONDS of wall time have passed (120 by default),
 * with any console error or warning failing the test (fixtures.ts), and the app still
 * answering a command at the end.
 */
import { expect, test } from './fixtures';
import { Lessons } from './pages/Lessons';
import { Terminal } from './pages/Terminal';

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

const LONG_RUN_MS = Number(process.env.LONG_RUN_SECONDS ?? 120) * 1000;

test('every lesson walks to its end, then the course plays on for a long run', async ({
  app,
  page,
}) => {
  test.setTimeout(600_000 + LONG_RUN_MS);
  const started = Date.now();
  const lessons = new Lessons(app, page);
  await lessons.open();
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('8');
  const take = async (title: string) => {
    await lessons.startButton(title).click();
    await expect(lessons.player.getByRole('heading', { name: title })).toBeVisible();
    const steps = await lessons.walkToEnd();
    expect(steps, title).toBeGreaterThanOrEqual(3);
    await expect(lessons.player).toContainText(`You finished “${title}”`);
    await lessons.button('All lessons').click();
    await expect(lessons.startButton(title)).toHaveAccessibleName(`Take again: ${title}`);
  };
  for (const [index, title] of TITLES.entries()) {
    await take(title);
    await expect(app.panel('Narration').getByRole('listitem').nth(index)).toContainText(
      'Completed',
    );
  }
  let taken = TITLES.length;
  while (Date.now() - started < LONG_RUN_MS) {
    await take(TITLES[taken % TITLES.length]!);
    taken += 1;
  }
  // Still answering after the long run: a command in the sandbox gets its answer.
  await app.modeOption('Sandbox').check();
  await page.getByRole('group', { name: 'View' }).getByRole('radio', { name: 'Host' }).check();
  const terminal = new Terminal(app, page);
  await terminal.focus();
  // (The client's own answer: the last lesson may have left its daemon stopped, as lesson 4 does.)
  await terminal.run('docker --version', /Docker version \d+\.\d+/);
  test.info().annotations.push({
    type: 'long run',
    description: `${taken} lessons in ${Math.round((Date.now() - started) / 1000)} s`,
  });
});
