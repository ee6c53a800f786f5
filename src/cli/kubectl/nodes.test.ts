/**
 * `kubectl cordon`, `uncordon` and `drain` against a fake API server: the PATCH only when it
 * changes something, drain's refusal over DaemonSet pods (the node stays cordoned), its
 * warning with --ignore-daemonsets, the mirror pods it skips, the evictions it sends, and its
 * wait until each evicted pod is gone.
 */
import { describe, expect, it } from 'vitest';
import { REFUSED, addDeployment, fakeHarness, fixtureWorld } from './testing';

describe('kubectl cordon and uncordon', () => {
  it('cordons once, then says it already is', () => {
    const { h, port } = fakeHarness();
    expect(h.run('kubectl cordon worker-1')).toMatchObject({
      stdout: 'node/worker-1 cordoned\n',
      status: 0,
      requests: ['cordon worker-1'],
    });
    expect(port.world.nodes['worker-1']?.unschedulable).toBe(true);
    expect(h.run('kubectl cordon worker-1')).toMatchObject({
      stdout: 'node/worker-1 already cordoned\n',
      requests: [],
    });
    expect(h.run('kubectl uncordon worker-1').stdout).toBe('node/worker-1 uncordoned\n');
    expect(h.run('kubectl uncordon worker-1').stdout).toBe('node/worker-1 already uncordoned\n');
  });

  it('refuses a node that is not there, no node, or no API server', () => {
    const { h, port } = fakeHarness();
    expect(h.run('kubectl cordon worker-9')).toMatchObject({
      stderr: 'Error from server (NotFound): nodes "worker-9" not found\n',
      status: 1,
    });
    expect(h.run('kubectl uncordon').stderr).toBe(
      "error: USAGE: uncordon NODE [flags]\nSee 'kubectl uncordon -h' for help and examples\n",
    );
    port.reachable = false;
    expect(h.run('kubectl cordon worker-1').stderr).toBe(`${REFUSED}\n`);
  });
});

describe('kubectl drain', () => {
  function withWeb() {
    const world = fixtureWorld();
    const pods = addDeployment(world, { name: 'web', replicas: 2, nodes: ['worker-1'] });
    return { ...fakeHarness(world), pods: pods.map((p) => p.name) };
  }

  it('stops at DaemonSet pods without --ignore-daemonsets, leaving the node cordoned', () => {
    const { h, port } = withWeb();
    const r = h.run('kubectl drain worker-1');
    expect(r).toMatchObject({
      stdout: 'node/worker-1 cordoned\n',
      stderr: [
        'error: unable to drain node "worker-1" due to error: cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): kube-system/kube-proxy-d4kmp, continuing command...',
        'There are pending nodes to be drained:',
        ' worker-1',
        'cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): kube-system/kube-proxy-d4kmp',
        '',
      ].join('\n'),
      status: 1,
      requests: ['cordon worker-1'],
    });
    expect(port.world.nodes['worker-1']?.unschedulable).toBe(true);
  });

  it('evicts the other pods, then waits for each to be gone', () => {
    const { h, port, pods } = withWeb();
    const [a = '', b = ''] = [...pods].sort();
    const r = h.run('kubectl drain worker-1 --ignore-daemonsets --delete-emptydir-data --force');
    expect(r).toMatchObject({
      stdout: `node/worker-1 cordoned\nevicting pod default/${a}\nevicting pod default/${b}\n`,
      stderr: 'Warning: ignoring DaemonSet-managed Pods: kube-system/kube-proxy-d4kmp\n',
      busy: true,
      requests: ['cordon worker-1', `evictPod default/${a}`, `evictPod default/${b}`],
    });
    port.finish('default', b);
    expect(h.advance(100)).toMatchObject({ stdout: `pod/${b} evicted\n`, busy: true });
    port.finish('default', a);
    expect(h.advance(100)).toMatchObject({
      stdout: `pod/${a} evicted\nnode/worker-1 drained\n`,
      busy: false,
      status: 0,
    });
  });

  it('skips the static pods of the control plane silently', () => {
    const { h } = fakeHarness();
    const r = h.run('kubectl drain control-plane --ignore-daemonsets');
    expect(r.stdout).toContain('evicting pod kube-system/coredns-7c5ddbdf54-');
    expect(r.stdout).not.toContain('etcd');
    expect(r.stderr).toBe(
      'Warning: ignoring DaemonSet-managed Pods: kube-system/kube-proxy-q7x2n\n',
    );
  });

  it('drains an empty node at once, and an already cordoned one says so', () => {
    const world = fixtureWorld();
    delete world.pods['kube-system/kube-proxy-v9bzt'];
    const { h } = fakeHarness(world);
    h.run('kubectl cordon worker-2');
    expect(h.run('kubectl drain worker-2')).toMatchObject({
      stdout: 'node/worker-2 already cordoned\nnode/worker-2 drained\n',
      stderr: '',
      status: 0,
      busy: false,
    });
  });

  it('ends the wait on Ctrl-C', () => {
    const { h } = withWeb();
    expect(h.run('kubectl drain worker-1 --ignore-daemonsets').busy).toBe(true);
    expect(h.interrupt()).toMatchObject({ status: 130, busy: false });
  });

  it('refuses no node, a missing node, or a failed eviction', () => {
    const { h, port, pods } = withWeb();
    expect(h.run('kubectl drain').stderr).toBe(
      "error: USAGE: drain NODE [flags]\nSee 'kubectl drain -h' for help and examples\n",
    );
    expect(h.run('kubectl drain worker-9').stderr).toBe(
      'Error from server (NotFound): nodes "worker-9" not found\n',
    );
    h.run('kubectl cordon worker-1');
    port.failNext = {
      ok: false,
      code: 429,
      reason: 'TooManyRequests',
      message: "Cannot evict pod as it would violate the pod's disruption budget.",
    };
    const r = h.run('kubectl drain worker-1 --ignore-daemonsets');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(
      `error: unable to drain node "worker-1" due to error: error when evicting pods/"${[...pods].sort()[0] ?? ''}" -n "default": Error from server (TooManyRequests)`,
    );
  });
});
