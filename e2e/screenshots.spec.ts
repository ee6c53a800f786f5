/**
 * Writes the README screenshots (docs/screenshots/host-{light,dark}.png) at 1280x800: a
 * container started, dockerd killed, playback paused in the gap before systemd restarts
 * it, so the picture shows the container still running under its shim.
 */
import path from 'node:path';
import { expect, test } from './fixtures';
import { HostView } from './pages/HostView';

for (const theme of ['Light', 'Dark'] as const) {
  test(`README screenshot, ${theme.toLowerCase()} theme`, async ({ app, page }, testInfo) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await app.goto();
    await app.themeOption(theme).check();
    const host = new HostView(page);
    await host.crashDockerdUnderRunningContainer();
    await expect(host.nodes(/^web1 \(nginx\), container, running/)).toHaveCount(1);
    await host.nodes(/^web1 \(nginx\), container/).click();
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
      `host-${theme.toLowerCase()}.png`,
    );
    await page.screenshot({ path: file });
  });
}
