/** Theme: the choice persists, bad stored values are survived, System follows the OS live. */
import { expect, test } from './fixtures';

test('a chosen theme survives a reload', async ({ app, page }) => {
  await app.goto();
  await app.themeOption('Dark').check();
  await page.reload();
  await expect(app.node('dockerd')).toBeVisible();
  await expect(app.themeOption('Dark')).toBeChecked();
  expect(await app.htmlClasses()).toContain('dark');
});

test('a corrupt stored theme falls back to System without errors', async ({ app, page }) => {
  await page.addInitScript(() => localStorage.setItem('docker-anatomy.theme', '{"broken'));
  await app.goto();
  await expect(app.themeOption('System')).toBeChecked();
});

test('System follows prefers-color-scheme as it changes', async ({ app, page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await app.goto();
  await expect(app.themeOption('System')).toBeChecked();
  expect(await app.htmlClasses()).not.toContain('dark');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.locator('html')).toHaveClass(/\bdark\b/);
  await expect(app.diagram).toHaveClass(/\bdark\b/);
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(page.locator('html')).not.toHaveClass(/\bdark\b/);
});

test('reduced motion turns transitions off', async ({ app, page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await app.goto();
  const chevron = app.panelToggle('Narration').locator('svg');
  const duration = await chevron.evaluate(
    (element) => getComputedStyle(element).transitionDuration,
  );
  expect(duration).toBe('0s');
});
