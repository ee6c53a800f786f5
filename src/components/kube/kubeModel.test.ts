/**
 * The Kubernetes view's model on a real cluster: cards say what kubectl says and what the
 * machine is, pods carry kubectl's statuses, the process tree shows the CRI chain, and news
 * is said once.
 */
import { describe, expect, it } from 'vitest';
import { KubeCluster } from '../../sim/kube/kubeCluster';
import { canAct, deploymentLines, kubeNodeCards, unscheduledPods } from './kubeModel';
import { flatten, runtimeTree } from './runtimeTree';
import { kubeNews } from './useKubeNews';

function cluster(): KubeCluster {
  const c = new KubeCluster({ seed: 'kube-view', workers: 3 });
  c.apply({
    kind: 'api',
    request: {
      verb: 'createDeployment',
      namespace: 'default',
      name: 'web',
      image: 'nginx',
      replicas: 3,
    },
  });
  return c;
}

const snapshot = (c: KubeCluster) => ({
  cards: kubeNodeCards(c.world),
  deployments: deploymentLines(c.world),
});

describe('kube view model', () => {
  it('shows ContainerCreating, then Running, with desired vs ready per deployment', () => {
    const c = cluster();
    expect(deploymentLines(c.world)).toEqual([
      { name: 'web', desired: 3, ready: 0, pending: 0, pendingReason: null },
    ]);
    const phases = () => kubeNodeCards(c.world).flatMap((card) => card.pods.map((p) => p.phase));
    expect(phases()).toEqual(['ContainerCreating', 'ContainerCreating', 'ContainerCreating']);
    c.advance(5000);
    expect(phases()).toEqual(['Running', 'Running', 'Running']);
    expect(deploymentLines(c.world)[0]?.ready).toBe(3);
    const plane = kubeNodeCards(c.world)[0];
    expect(plane).toMatchObject({ name: 'control-plane', role: 'control-plane', pods: [] });
    expect(plane?.systemPods.map((p) => p.app)).toContain('kube-apiserver');
  });

  it('a powered-off node: machine off at once, NotReady only after the grace period, pods not ready', () => {
    const c = cluster();
    c.advance(5000);
    c.apply({ kind: 'powerOff', node: 'worker-2' });
    const card = () => kubeNodeCards(c.world).find((n) => n.name === 'worker-2');
    expect(card()).toMatchObject({ machine: 'off', status: 'Ready' });
    c.advance(60_000);
    expect(card()).toMatchObject({ machine: 'off', status: 'NotReady' });
    expect(card()?.pods.map((p) => p.phase)).toEqual(['NotReady']);
    expect(canAct(card()!, 'restore')).toBe(true);
    expect(canAct(card()!, 'powerOff')).toBe(false);
  });

  it('pods with no node to go to are listed apart, with the reason', () => {
    const c = cluster();
    for (const n of ['worker-1', 'worker-2', 'worker-3'])
      c.apply({ kind: 'api', request: { verb: 'cordon', node: n } });
    c.apply({
      kind: 'api',
      request: { verb: 'scaleDeployment', namespace: 'default', name: 'web', replicas: 4 },
    });
    c.advance(1000);
    expect(unscheduledPods(c.world).map((p) => p.phase)).toEqual(['Pending']);
    expect(deploymentLines(c.world)[0]?.pendingReason).toMatch(/^0\/4 nodes are available/);
  });

  it('the process tree is the CRI chain: containerd > shim > pause + app; kubelet beside; no dockerd', () => {
    const c = cluster();
    c.advance(5000);
    const machine = c.world.machines['worker-1'];
    if (!machine) throw new Error('no worker-1');
    const tree = runtimeTree(machine);
    expect(tree.map((p) => p.kind)).toEqual(['init']);
    expect(tree[0]?.children.map((p) => p.kind)).toEqual(['containerd', 'kubelet']);
    const shims = tree[0]?.children[0]?.children ?? [];
    expect(shims.every((s) => s.kind === 'shim')).toBe(true);
    const web = shims.find((s) => s.pod?.startsWith('default/web-'));
    expect(web?.children.map((p) => p.kind)).toEqual(['pause', 'app']);
    expect(web?.children[0]?.ip).toMatch(/^10\.244\.1\./);
    expect(flatten(tree).some((p) => p.name === 'dockerd')).toBe(false);
  });

  it('news: a node NotReady, a replacement pod, a deployment back to its count, each once', () => {
    const c = cluster();
    c.advance(5000);
    const start = snapshot(c);
    const victim = kubeNodeCards(c.world)[1]?.pods[0]?.name ?? '';
    c.apply({ kind: 'api', request: { verb: 'deletePod', namespace: 'default', name: victim } });
    let before = snapshot(c);
    expect(kubeNews(start, before).map((n) => n.key)).toEqual(['newPods']);
    c.advance(5000);
    const after = snapshot(c);
    expect(kubeNews(before, after).map((n) => n.key)).toEqual(['converged']);
    expect(kubeNews(after, after)).toEqual([]);
    before = after;
    c.apply({ kind: 'powerOff', node: 'worker-1' });
    expect(kubeNews(before, snapshot(c)).map((n) => n.key)).toEqual(['off']);
    expect(kubeNews(null, snapshot(c))).toEqual([]);
  });
});
