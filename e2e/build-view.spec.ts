/**
 * The Build view as the "done when" tells it: edit the Dockerfile, a broken line is
 * underlined and listed at its line and Build refuses; fixed, Build types `docker build` into
 * the terminal and the image is tagged; a changed app file rebuilds from cache up to its COPY.
 * axe on the view (a problem listed, the new-file form open), light and dark, is in
 * a11y.spec.ts.
 */
import { expect, test } from './fixtures';
import { PANEL_NAMES } from './pages/AppPage';
import { BuildView } from './pages/BuildView';
import { Terminal } from './pages/Terminal';

test.describe.configure({ timeout: 90_000 });

const squash = (text: string) => text.replace(/\s+/g, '');
const count = (text: string, part: string) => squash(text).split(squash(part)).length - 1;

test('edit, see the error at its line, fix, build, change app.js, rebuild from cache', async ({
  app,
  page,
}) => {
  const build = new BuildView(app, page);
  const terminal = new Terminal(app, page);
  await build.open();
  // Only the terminal open, so a whole build's output fits on its screen.
  for (const name of PANEL_NAMES) await app.setPanelOpen(name, name === 'Terminal');
  await expect(build.fileTab('Dockerfile')).toHaveAttribute('aria-selected', 'true');
  await expect(build.problemSummary).toHaveText('No problems in the Dockerfile.');
  await expect(build.buildButton).toBeEnabled();

  // A typo on line 3: the builder's error, underlined on the word and listed at line 3.
  await build.typeAtLine(3, 'RUNN echo hi\n');
  await expect(build.problem('Error Line 3: unknown instruction: RUNN')).toBeVisible();
  await expect(build.errorUnderlines()).toHaveText(['RUNN']);
  await expect(build.buildButton).toBeDisabled();
  await expect(build.region).toContainText('Fix the errors in the Dockerfile first');

  // The list takes the cursor there; retype the line.
  await build.problem('Error Line 3: unknown instruction: RUNN').click();
  await expect(build.editor('Dockerfile')).toBeFocused();
  await page.keyboard.press('Shift+End');
  await page.keyboard.type('RUN echo hi');
  await expect(build.problemSummary).toHaveText('No problems in the Dockerfile.');
  await expect(build.line(3)).toHaveText('RUN echo hi');
  await expect(build.errorUnderlines()).toHaveCount(0);
  await expect(build.buildButton).toBeEnabled();
  await expect(build.problems).toBeHidden();

  await build.buildButton.click();
  await expect
    .poll(async () => squash(await terminal.text()))
    .toContain('Successfullytaggedapp:latest');

  // Change the app: every step before its COPY comes from cache, the rest is built again.
  await build.fileTab('app.js').click();
  await build.typeAtLine(1, '// v2\n');
  await build.buildAndWait(terminal);
  const output = squash(await terminal.text());
  // WORKDIR, the RUN added above, COPY package.json and RUN npm install: 4 hits.
  expect(count(output, 'Using cache')).toBe(4);
  expect(output).toContain('Step5/8:RUNnpminstall--->Usingcache');
  expect(output).toMatch(/Step6\/8:COPYapp\.jsindex\.html\.\/--->[0-9a-f]{12}Step7/);
});

test('a Dockerfile with an error never starts a build', async ({ app, page }) => {
  const build = new BuildView(app, page);
  await build.open();
  await build.typeAtLine(1, 'FORM alpine\n');
  await expect(build.buildButton).toBeDisabled();
  await expect(build.problems).toContainText('Line 1:');
  // Switching files keeps the draft and the block: the Dockerfile is what gets built.
  await build.fileTab('index.html').click();
  await expect(build.editor('index.html')).toContainText('Hello');
  await expect(build.buildButton).toBeDisabled();
  await build.viewOption('Host').check();
  await expect(app.node('dockerd')).toBeVisible();
  await build.viewOption('Build').check();
  await expect(build.editor('Dockerfile')).toContainText('FORM alpine');
});
