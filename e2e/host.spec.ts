/**
 * The host view driven as a teacher would: a container started from the demo bar, its
 * messages stepped through one by one, dockerd killed while the container survives, playback
 * rewound and replayed to the same pictures, with and without reduced motion. axe on the host
 * view with a running container, light and dark, is in a11y.spec.ts.
 */
import { expect, test } from './fixtures';
import { HostView } from './pages/HostView';

test.beforeEach(async ({ app }) => {
  await app.goto();
});

test('docker run: packets in order, the shim appears, runc comes and goes', async ({ page }) => {
  test.setTimeout(90_000);
  const host = new HostView(page);
  await host.demo('docker run nginx').click();
  await host.rewindToStart();
  const labels: string[] = [];
  let sawRunc = false;
  const forward = host.control('Step forward one message');
  while (await forward.isEnabled()) {
    await forward.click();
    const seen = await host.stepSnapshot();
    if (seen.packet) labels.push(seen.packet);
    sawRunc ||= seen.nodes.some((name) => name.startsWith('runc, OCI runtime, running'));
  }
  const order = [
    'POST /v1.51/containers/create?name=web1',
    'Tasks.Create',
    'containerd-shim-runc-v2 start',
    'runc create',
    'runc start',
    'TaskStart',
  ];
  const positions = order.map((label) => labels.indexOf(label));
  expect(
    positions.every((p) => p >= 0),
    `saw ${labels.join(' | ')}`,
  ).toBe(true);
  expect(positions).toEqual([...positions].sort((a, b) => a - b));
  expect(sawRunc).toBe(true);
  await expect(host.nodes(/^runc, OCI runtime, running/)).toHaveCount(0);
  await expect(host.nodes(/^containerd-shim-runc-v2, runtime shim, running/)).toHaveCount(1);
  await expect(
    host.nodes(/^web1 \(nginx\), container, running, PID \d+ · PID 1 inside/),
  ).toHaveCount(1);
});

test('kill -9 dockerd: the container keeps running under its shim', async ({ page }) => {
  const host = new HostView(page);
  await host.crashDockerdUnderRunningContainer();
  await expect(host.nodes(/^dockerd, daemon, (down|restarting)/)).toHaveCount(1);
  await expect(host.nodes(/^\/var\/run\/docker\.sock, Engine API, down/)).toHaveCount(1);
  await expect(host.nodes(/^web1 \(nginx\), container, running/)).toHaveCount(1);
  await expect(host.nodes(/^containerd-shim-runc-v2, runtime shim, running/)).toHaveCount(1);
});

test('stepping back and forward gives the same pictures', async ({ page }) => {
  // 34 steps, each a full redraw of the diagram and the panels: more than 30 s on a busy machine.
  test.setTimeout(90_000);
  const host = new HostView(page);
  await host.demo('docker run nginx').click();
  await host.rewindToStart();
  const forward = host.control('Step forward one message');
  const back = host.control('Step back one message');
  const pictures: string[][] = [];
  for (let i = 0; i < 24; i++) {
    await forward.click();
    pictures.push((await host.stepSnapshot()).nodes);
  }
  for (let i = 22; i >= 14; i--) {
    await back.click();
    expect((await host.stepSnapshot()).nodes).toEqual(pictures[i]);
  }
  await forward.click();
  expect((await host.stepSnapshot()).nodes).toEqual(pictures[15]);
});

test('with reduced motion the packet does not travel', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const host = new HostView(page);
  await host.demo('docker run nginx').click();
  await host.rewindToStart();
  await host.control('Step forward one message').click();
  await expect(host.packet()).toHaveCount(1);
  const animations = await host.packet().evaluate((el) => el.getAnimations().length);
  expect(animations).toBe(0);
});

test("a node's context menu: kill the shim and its container goes with it (137)", async ({
  page,
}) => {
  const host = new HostView(page);
  await host.demo('docker run nginx').click();
  await host.jumpToNow();
  await host.nodes(/^containerd-shim-runc-v2, runtime shim, running/).click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'kill -9 this shim' }).click();
  await host.jumpToNow();
  await expect(host.nodes(/^web1 \(nginx\), container, exited \(137\)/)).toHaveCount(1);
});

test('the context menu opens from the keyboard and closes with Escape', async ({ page }) => {
  const host = new HostView(page);
  const dockerd = host.nodes(/^dockerd, daemon, running/);
  await dockerd.focus();
  await page.keyboard.press('Shift+F10');
  const menu = page.getByRole('menu', { name: 'Actions for dockerd' });
  await expect(menu).toBeVisible();
  await expect(page.getByRole('menuitem', { name: 'kill -9 dockerd (crash)' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);
  await expect(dockerd).toBeFocused();
});
