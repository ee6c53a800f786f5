/**
 * Writes the README screenshots (docs/screenshots/host-{light,dark}.png) at 1280x800: a
 * container started, dockerd killed, playback paused in the gap before systemd restarts
 * it, so the picture shows the container still running under its shim; and the terminal
 * (docs/screenshots/terminal-light.png) after the same crash typed by hand.
 */
import path from 'node:path';
import { expect, test } from './fixtures';
import { HostView } from './pages/HostView';
import { Terminal } from './pages/Terminal';

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

test('README screenshot of the terminal and the Engine API panel', async ({
  app,
  page,
}, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const terminal = new Terminal(app, page);
  await terminal.open();
  await terminal.run('docker run -d --name web -p 8080:80 nginx', /latest[0-9a-f]{64}root@/);
  await terminal.clear();
  await terminal.run('docker ps', /nginx.*Up.*web/);
  await terminal.run(
    "pkill -9 dockerd; docker ps; ps -ef | grep -E 'shim|master'",
    /containerd-shim.*nginx: master process/,
  );
  await new HostView(page).pauseAtNow();
  await page.mouse.move(0, 799);
  await page.screenshot({
    path: path.join(testInfo.config.rootDir, '..', 'docs', 'screenshots', 'terminal-light.png'),
  });
});
