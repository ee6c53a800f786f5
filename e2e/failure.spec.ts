/**
 * A bug in the simulation, as a learner meets it in the built app: the failure dialog says it
 * is not their fault, shows the error and the command log, copies a report with a link that
 * replays it, and "Restore" brings back the session as it was just before the failing input.
 *
 * The app has no test hook for this (nothing in the production build can be made to throw on
 * purpose). The test plants the bug itself: it serves its own copy of the simulation's chunk,
 * in which the trace label of a typed line throws for one line, `simulate-a-bug`. That is where
 * a real defect would throw: inside `Simulation.apply`, after the input is logged.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { HostView } from './pages/HostView';
import { Terminal } from './pages/Terminal';

const BUG_LINE = 'simulate-a-bug';
const BUG_MESSAGE = 'planted by e2e/failure.spec.ts';

/**
 * Serves the app's scripts with the bug planted in the typed-line label (`$ <line>`), and
 * returns how many places it went into (read it after the page has loaded).
 */
async function plantBug(page: Page): Promise<() => number> {
  let planted = 0;
  const label = /case(["'`])typed\1:return`\$ \$\{(\w+)\.line/g;
  await page.route(/\/assets\/[^/]+\.js$/, async (route) => {
    const response = await route.fetch();
    const body = (await response.text()).replace(label, (match, _quote, input: string) => {
      planted += 1;
      const bug = `if(${input}.line===${JSON.stringify(BUG_LINE)})throw new Error(${JSON.stringify(BUG_MESSAGE)});`;
      return match.replace(/:return/, `:${bug}return`);
    });
    await route.fulfill({ response, body });
  });
  return () => planted;
}

test('a bug in the simulation is caught, reported, and undone from the log', async ({
  app,
  page,
  context,
  consoleProblems,
}) => {
  test.setTimeout(120_000);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const planted = await plantBug(page);
  const terminal = new Terminal(app, page);
  await terminal.open();
  expect(planted(), 'the typed-line label was not found in the built scripts').toBeGreaterThan(0);
  await terminal.run('docker run -d --name web nginx', /[0-9a-f]{64}root@/);
  // The diagram shows the session's last moment (not the animation catching up with it).
  const host = new HostView(page);
  await host.pauseAtNow();
  const web = host.nodes(/^web \(nginx\), container, running/);
  await expect(web).toHaveCount(1);
  await terminal.focus();

  await page.keyboard.type(BUG_LINE);
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('alertdialog', { name: 'The simulation hit a bug' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('This is not something you did wrong');
  await expect(dialog).toContainText(`Error: ${BUG_MESSAGE}`);
  await expect(dialog).toContainText(
    // The bug is in the line's label itself: the dialog falls back to the input's kind.
    /It failed on input (\d+) of \1: typed/,
  );
  const restore = dialog.getByRole('button', { name: 'Restore the session from the log' });
  await expect(restore).toBeFocused();
  // Escape does not leave the stopped session behind a closed dialog.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeVisible();

  const report = dialog.getByRole('textbox', { name: /^Report for the developers/ });
  await expect(report).toHaveValue(/#session=[A-Za-z0-9+$-]+/);
  await expect(report).toHaveValue(
    new RegExp(
      `\\n! \\d+\\ttyped\\t\\{"at":\\d+,"input":\\{"kind":"typed","line":"${BUG_LINE}"\\}\\}$`,
    ),
  );
  await dialog.getByRole('button', { name: 'Copy report' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Report copied.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await report.inputValue());
  const axe = await new AxeBuilder({ page })
    .include('[role="alertdialog"]')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

  // By keyboard: back to Restore, and Enter.
  await restore.focus();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(web).toHaveCount(1);
  await terminal.focus();
  await terminal.run('docker ps --format "{{.Names}}"', /web\s*root@/);

  // The one console error is the failure reported for whoever reads the console.
  const problems = consoleProblems.splice(0);
  expect(problems).toHaveLength(1);
  expect(problems[0]).toContain('docker-anatomy: the host simulation failed');
});
