/**
 * Kubernetes as issue 7 tells it: create a deployment (the button runs kubectl in the
 * terminal), see three pods come up on the workers, delete one and see its ReplicaSet replace
 * it with a new pod; kubectl's own tables in the terminal; a node's process tree shows the
 * CRI chain with no dockerd; power a worker off and, five minutes later, its pod runs
 * elsewhere. axe finds nothing with a deployment running and a node's detail open, light or
 * dark (the fast helper, pages/A11y.ts; the bare view is scanned in a11y.spec.ts). The first
 * test writes the README's screenshot (docs/screenshots/kubernetes-light.png).
 */
import path from 'node:path';
import { expect, test } from './fixtures';
import { A11y } from './pages/A11y';
import { KubeView } from './pages/KubeView';

test.describe.configure({ timeout: 90_000 });

test('create a deployment, delete a pod, and see it replaced', async ({ app, page }, testInfo) => {
  const kube = new KubeView(app, page);
  await kube.open();
  await expect(kube.controlPlane).toContainText('API server answering at 10.0.0.10:6443');
  await kube.deployments
    .getByRole('button', { name: 'kubectl create deployment web --image=nginx --replicas=3' })
    .click();
  await expect.poll(() => kube.screen()).toContain('deployment.apps/web created');
  await kube.advance();
  await expect(kube.deployments).toContainText('web3/3 ready');
  const before = await kube.pods();
  expect(before).toHaveLength(3);
  expect(before.every((p) => p.endsWith(' Running'))).toBe(true);
  await kube.kubectl('kubectl get pods', /web-\S+\s+1\/1\s+Running\s+0\s+\d+s/);

  // Delete one pod from its node's panel: kubectl runs in the terminal, the pod terminates,
  // and the ReplicaSet has already made a new one with another name.
  const victim = before[0]?.split(' ')[0] ?? '';
  const host = await kube.nodes
    .getByRole('button', { name: new RegExp(victim) })
    .getAttribute('data-kube-node');
  await kube.node(host ?? '').click();
  await page.getByRole('button', { name: `Delete pod ${victim} (kubectl delete pod)` }).click();
  await expect.poll(() => kube.screen()).toContain(`pod "${victim}" deleted`);
  await kube.advance();
  const after = await kube.pods();
  expect(after).toHaveLength(3);
  expect(after.join(' ')).not.toContain(victim);
  expect(after.every((p) => p.endsWith(' Running'))).toBe(true);
  await expect(kube.deployments).toContainText('web3/3 ready');
  await expect(app.liveRegion).toContainText('web: 3 pods ready, as desired.');

  // What runs on the node: kubelet and containerd, one shim per pod with pause and nginx.
  const detail = page.locator(`[data-kube-detail="${host}"]`);
  await expect(detail).toContainText('containerd-shim-runc-v2');
  await expect(detail).toContainText('pause');
  await expect(detail).toContainText('No dockerd here');
  // The README's picture of Kubernetes: web's three pods, the replacement among them.
  await kube.region.evaluate((el) => el.querySelector('.overflow-auto')?.scrollTo(0, 0));
  await page.mouse.move(0, 799);
  await page.screenshot({
    path: path.join(testInfo.config.rootDir, '..', 'docs', 'screenshots', 'kubernetes-light.png'),
  });
  const a11y = new A11y(page);
  await a11y.expectNoViolations('deployment and node detail, light theme');
  await page.getByRole('radio', { name: 'Dark' }).check();
  await expect.poll(() => app.htmlClasses()).toMatch(/\bdark\b/);
  await a11y.expectNoViolations('deployment and node detail, dark theme');
});

test('fits an 800x500 slide', async ({ app, page }) => {
  await page.setViewportSize({ width: 800, height: 500 });
  const kube = new KubeView(app, page);
  await kube.open();
  const size = await page.evaluate(() => ({
    width: document.scrollingElement?.scrollWidth ?? 0,
    height: document.scrollingElement?.scrollHeight ?? 0,
  }));
  expect(size.width).toBeLessThanOrEqual(800);
  expect(size.height).toBeLessThanOrEqual(500);
  // open() looked at the terminal, at the bottom: back to the top, where the controls are.
  await kube.region.evaluate((el) => el.querySelector('.overflow-auto')?.scrollTo(0, 0));
  await expect(kube.controls).toBeInViewport();
});

test('a powered-off worker: NotReady, then its pod is evicted and runs elsewhere', async ({
  app,
  page,
}) => {
  const kube = new KubeView(app, page);
  await kube.open();
  await kube.kubectl(
    'kubectl create deployment web --image=nginx --replicas=3',
    'deployment.apps/web created',
  );
  await kube.advance();
  await kube.node('worker-1').click();
  await page.getByRole('button', { name: 'Power off' }).click();
  await expect(kube.node('worker-1')).toHaveAccessibleName(/Ready, powered off/);
  for (let i = 0; i < 6; i++) await kube.advance();
  await expect(kube.node('worker-1')).toHaveAccessibleName(/NotReady, powered off/);
  await kube.kubectl('kubectl get nodes', /worker-1\s+NotReady\s+<none>/);
  await kube.advance(300);
  await kube.advance();
  await expect(kube.deployments).toContainText('web3/3 ready');
  await expect(kube.node('worker-1')).toHaveAccessibleName(/Terminating/);
  await kube.kubectl(
    'kubectl get pods -o wide',
    /Terminating\s+0\s+\S+\s+10\.244\.1\.\d+\s+worker-1/,
  );
});
