/**
 * The live panels (Processes, Events, Inspector) on the host as it boots, in a real browser
 * against the production build. Nothing has run yet, so these check the initial world; runs
 * and faults are driven from the diagram's controls in their own specs. axe here covers what
 * a11y.spec.ts (which scans the rest of the app) does not reach: a process and a part
 * selected, light and dark, with the fast helper (pages/A11y.ts).
 * Every test also fails on any console error or warning (see fixtures.ts).
 */
import { expect, test } from './fixtures';
import { A11y } from './pages/A11y';
import { PANEL_NAMES } from './pages/AppPage';

test('the process tree shows systemd(1) with containerd and dockerd under it', async ({ app }) => {
  await app.goto();
  const tree = app.processTree();
  await expect(tree.getByRole('treeitem')).toHaveCount(3);
  await expect(app.process('systemd')).toHaveAccessibleName('systemd, PID 1');
  await expect(app.process('systemd')).toHaveAttribute('aria-level', '1');
  await expect(app.process('systemd')).toHaveAttribute('aria-expanded', 'true');
  for (const name of ['containerd', 'dockerd']) {
    await expect(app.process(name)).toHaveAccessibleName(new RegExp(`^${name}, PID \\d+$`));
    await expect(app.process(name)).toHaveAttribute('aria-level', '2');
  }
  await expect(tree).toContainText('systemd(1)');
  await expect(tree).toContainText(/dockerd\(\d+\)/);
});

test('the keyboard walks the process tree and Enter inspects a process', async ({ app, page }) => {
  await app.goto();
  await app.tabTo(app.process('systemd'));
  await page.keyboard.press('ArrowDown');
  await expect(app.process('containerd')).toBeFocused();
  await page.keyboard.press('End');
  await expect(app.process('dockerd')).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(app.process('systemd')).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(app.process('systemd')).toHaveAttribute('aria-expanded', 'false');
  await expect(app.process('dockerd')).toHaveCount(0);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await expect(app.process('dockerd')).toHaveAttribute('aria-selected', 'true');
  await expect(app.panel('Inspector').getByRole('heading', { name: 'dockerd' })).toBeVisible();
});

test('the event log says nothing has happened yet', async ({ app }) => {
  await app.goto();
  await expect(app.panel('Events')).toContainText('Nothing has happened yet.');
  await expect(app.eventList()).toHaveCount(0);
});

test('selecting dockerd draws its statechart with up as the current state', async ({ app }) => {
  await app.goto();
  await app.node('dockerd').click();
  const inspector = app.panel('Inspector');
  await expect(inspector.getByRole('heading', { name: 'dockerd' })).toBeVisible();
  await expect(inspector.getByRole('figure', { name: /the dockerd machine/ })).toBeVisible();
  await expect(app.machineStates('dockerd')).toHaveText([
    'downinitial',
    'restarting',
    'restoring',
    'upcurrent state',
    'stopping',
  ]);
  await expect(app.currentState('dockerd')).toHaveCount(1);
  await expect(app.currentState('dockerd')).toHaveAccessibleName('up current state');
  await expect(app.currentState('dockerd')).toHaveAccessibleDescription(
    /Serving the Engine API\. Transitions: STOP leads to stopping; KILLED leads to down/,
  );
  await expect(inspector).toContainText('up (current state): Serving the Engine API.');

  // Another state's meaning shows on focus, in words for everyone.
  await app.machineStates('dockerd').filter({ hasText: 'restoring' }).focus();
  await expect(inspector).toContainText('restoring: Starting: loading container records');
  await expect(inspector).toContainText('Its containers keep running under their shims.');
});

test('axe finds no violations in the live panels with a part selected, light or dark', async ({
  app,
  page,
}) => {
  const a11y = new A11y(page);
  const useTheme = async (theme: 'Light' | 'Dark') => {
    await app.themeOption(theme).check();
    await expect
      .poll(() => app.htmlClasses())
      .toMatch(theme === 'Dark' ? /\bdark\b/ : /^(?!.*\bdark\b)/);
  };
  await app.goto();
  // dockerd selected in the diagram (its statechart in the inspector) and in the process tree:
  // the whole page, so the panels and the diagram's selection.
  await app.node('dockerd').click();
  await expect(app.currentState('dockerd')).toBeVisible();
  await app.process('dockerd').click();
  await expect(app.process('dockerd')).toHaveAttribute('aria-selected', 'true');
  await useTheme('Light');
  await a11y.expectNoViolations('dockerd selected, light theme');
  await useTheme('Dark');
  await a11y.expectNoViolations('dockerd selected, dark theme');
  // runc, a part that is not on the host between its runs: shown by its role, no state lit.
  await app.node('runc').click();
  const inspector = app.panel('Inspector');
  await expect(inspector).toContainText('short-lived CLI');
  await a11y.expectNoViolations('runc selected, dark theme', inspector);
  await useTheme('Light');
  await a11y.expectNoViolations('runc selected, light theme', inspector);
});

for (const viewport of [
  { width: 1024, height: 640 },
  { width: 800, height: 500 },
]) {
  test(`at ${viewport.width}x${viewport.height} all the panels fit and can be opened`, async ({
    app,
    page,
  }) => {
    await page.setViewportSize(viewport);
    await app.goto();
    for (const name of PANEL_NAMES)
      await expect(app.panelToggle(name)).toBeInViewport({ ratio: 1 });
    // A short column cannot show five panels' content at once: opening one makes room for it,
    // folding others where it must (folding one by hand gives its room to a neighbour, which
    // the library chooses, so this test only opens).
    await app.setPanelOpen('Processes', true);
    await app.process('dockerd').scrollIntoViewIfNeeded();
    await expect(app.process('dockerd')).toBeInViewport();
    await app.setPanelOpen('Inspector', true);
    await app.node('dockerd').click();
    await app.currentState('dockerd').scrollIntoViewIfNeeded();
    await expect(app.currentState('dockerd')).toBeInViewport();
    const size = await page.evaluate(() => ({
      scrollWidth: document.scrollingElement?.scrollWidth ?? 0,
      scrollHeight: document.scrollingElement?.scrollHeight ?? 0,
    }));
    expect(size.scrollWidth).toBeLessThanOrEqual(viewport.width);
    expect(size.scrollHeight).toBeLessThanOrEqual(viewport.height);
  });
}
