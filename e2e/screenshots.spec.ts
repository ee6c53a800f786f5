/**
 * Writes the README screenshots (docs/screenshots/shell-{light,dark}.png) at 1280x800, with
 * the shim selected so the inspector shows its names across eras.
 */
import path from 'node:path';
import { expect, test } from './fixtures';

for (const theme of ['Light', 'Dark'] as const) {
  test(`README screenshot, ${theme.toLowerCase()} theme`, async ({ app, page }, testInfo) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await app.goto();
    await app.themeOption(theme).check();
    await app.node('containerd-shim-runc-v2').click();
    await expect(app.panel('Inspector')).toContainText('One shim per container');
    // Settle focus and hover so the picture shows the resting state.
    await page.mouse.move(0, 799);
    await page.evaluate(() => {
      if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
    });
    const file = path.join(
      testInfo.config.rootDir,
      '..',
      'docs',
      'screenshots',
      `shell-${theme.toLowerCase()}.png`,
    );
    await page.screenshot({ path: file });
  });
}
