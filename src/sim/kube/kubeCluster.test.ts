import { describe, expect, it } from 'vitest';
import { CLUSTER_TRACE_KEEP } from '../traceWindow';
import { KubeCluster } from './kubeCluster';
import { appPods, createDeployment, deletePod, newKube, running, scale } from './testing';

const labels = (c: KubeCluster, from = 0) =>
  [...c.trace].filter((e) => e.seq >= from).map((e) => e.label);

describe('a kubeadm cluster on containerd', () => {
  it('starts with every node Ready, the system pods running and the control plane tainted', () => {
    const c = newKube();
    expect(Object.values(c.world.nodes).map((n) => `${n.name}:${n.ready}`)).toEqual([
      'control-plane:True',
      'worker-1:True',
      'worker-2:True',
      'worker-3:True',
    ]);
    const system = Object.values(c.world.pods).filter((p) => p.namespace === 'kube-system');
    expect(system.every((p) => p.status === 'running' && p.ready)).toBe(true);
    expect(system.filter((p) => p.name.startsWith('kube-proxy-'))).toHaveLength(4);
    expect(c.world.nodes['control-plane']?.taints.map((t) => t.key)).toEqual([
      'node-role.kubernetes.io/control-plane',
    ]);
  });

  it('runs no dockerd anywhere: kubelet, containerd, and one shim per pod above pause and the app', () => {
    const c = newKube();
    createDeployment(c, 'web', 3);
    c.advance(5000);
    for (const m of Object.values(c.world.machines)) {
      const names = Object.values(m.processes).map((p) => p.name);
      expect(names).not.toContain('dockerd');
      expect(names).toContain('kubelet');
      expect(names).toContain('containerd');
      for (const sandbox of Object.values(m.sandboxes)) {
        const children = Object.values(m.processes).filter((p) => p.ppid === sandbox.shimPid);
        // The pause container and the pod's app, both children of the pod's one shim.
        expect(children.map((p) => p.name)[0]).toBe('pause');
        expect(children).toHaveLength(1 + sandbox.containers.length);
        expect(m.processes[sandbox.shimPid]?.name).toBe('containerd-shim-runc-v2');
      }
    }
  });
});

describe('deployments', () => {
  it('create: Deployment -> ReplicaSet -> pods, scheduled on workers, started through CRI', () => {
    const c = newKube();
    expect(createDeployment(c, 'web', 3)).toEqual({ ok: true });
    expect(appPods(c, 'web-').map((p) => p.status)).toEqual(['creating', 'creating', 'creating']);
    c.advance(5000);
    const pods = running(c, 'web-');
    expect(pods).toHaveLength(3);
    expect(new Set(pods.map((p) => p.nodeName))).toEqual(
      new Set(['worker-1', 'worker-2', 'worker-3']),
    );
    expect(pods.every((p) => /^web-[b-z2-9]{1,10}-[b-z2-9]{5}$/.test(p.name))).toBe(true);
    expect(pods.every((p) => p.ip?.startsWith('10.244.'))).toBe(true);
    const l = labels(c);
    const order = [
      'POST /apis/apps/v1/namespaces/default/replicasets',
      'RunPodSandbox',
      'PullImage',
      'CreateContainer',
      'StartContainer',
    ];
    const at = order.map((label) => l.indexOf(label));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });

  it('a second pod of the same image on a node does not pull again', () => {
    const c = newKube(1);
    createDeployment(c, 'web', 2);
    createDeployment(c, 'api', 1);
    c.advance(5000);
    scale(c, 'web', 3);
    c.advance(5000);
    expect(running(c)).toHaveLength(4);
    expect(labels(c).filter((l) => l === 'PullImage')).toHaveLength(1);
    expect(labels(c)).toContain('Container image "nginx" already present on machine');
  });

  it('refuses a duplicate name and an invalid one, as the API server words it', () => {
    const c = newKube();
    createDeployment(c, 'web', 1);
    expect(createDeployment(c, 'web', 1)).toMatchObject({
      ok: false,
      code: 409,
      reason: 'AlreadyExists',
      message: 'deployments.apps "web" already exists',
    });
    expect(createDeployment(c, 'Web_1', 1)).toMatchObject({
      ok: false,
      code: 422,
      reason: 'Invalid',
    });
    expect(scale(c, 'nope', 2)).toMatchObject({ ok: false, reason: 'NotFound' });
  });

  it('scale up adds pods; scale down removes the ones not yet running first', () => {
    const c = newKube();
    createDeployment(c, 'web', 2);
    c.advance(5000);
    const first = running(c).map((p) => p.name);
    scale(c, 'web', 5);
    c.advance(100);
    scale(c, 'web', 2);
    c.advance(5000);
    expect(
      running(c)
        .map((p) => p.name)
        .sort(),
    ).toEqual(first.sort());
    expect(appPods(c)).toHaveLength(2);
  });

  it('delete pod: it terminates and its ReplicaSet makes a new one with another name', () => {
    const c = newKube();
    createDeployment(c, 'web', 3);
    c.advance(5000);
    const victim = running(c)[0]?.name ?? '';
    expect(deletePod(c, victim)).toEqual({ ok: true });
    expect(c.world.pods[`default/${victim}`]?.status).toBe('terminating');
    expect(appPods(c)).toHaveLength(4);
    const from = c.trace.length;
    c.advance(5000);
    expect(c.world.pods[`default/${victim}`]).toBeUndefined();
    expect(running(c)).toHaveLength(3);
    expect(running(c).map((p) => p.name)).not.toContain(victim);
    expect(labels(c, from)).toContain('SIGTERM');
    expect(deletePod(c, victim)).toMatchObject({
      reason: 'NotFound',
      message: `pods "${victim}" not found`,
    });
  });

  it('delete deployment: its ReplicaSet and pods go too', () => {
    const c = newKube();
    createDeployment(c, 'web', 2);
    c.advance(5000);
    c.apply({
      kind: 'api',
      request: { verb: 'deleteDeployment', namespace: 'default', name: 'web' },
    });
    c.advance(5000);
    expect(appPods(c)).toHaveLength(0);
    expect(Object.keys(c.world.replicaSets)).toEqual([
      'kube-system/coredns-' + c.world.deployments['kube-system/coredns']?.templateHash,
    ]);
    for (const m of Object.values(c.world.machines))
      expect(Object.keys(m.sandboxes).filter((k) => k.startsWith('default/'))).toEqual([]);
  });
});

describe('nodes', () => {
  it('cordon keeps new pods off a node; uncordon lets them back', () => {
    const c = newKube();
    c.apply({ kind: 'api', request: { verb: 'cordon', node: 'worker-1' } });
    createDeployment(c, 'web', 4);
    c.advance(5000);
    expect(running(c).map((p) => p.nodeName)).not.toContain('worker-1');
    c.apply({ kind: 'api', request: { verb: 'uncordon', node: 'worker-1' } });
    scale(c, 'web', 8);
    c.advance(5000);
    expect(running(c).map((p) => p.nodeName)).toContain('worker-1');
  });

  it('with no node to go to, pods stay Pending with the scheduler reason', () => {
    const c = newKube(1);
    c.apply({ kind: 'api', request: { verb: 'cordon', node: 'worker-1' } });
    createDeployment(c, 'web', 1);
    c.advance(2000);
    const [pod] = appPods(c);
    expect(pod?.status).toBe('pending');
    expect(pod?.unschedulable).toBe(
      '0/2 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 1 node(s) were unschedulable.',
    );
  });

  it('a powered-off worker is NotReady after the grace period, and its pods move after 300 s', () => {
    const c = newKube();
    createDeployment(c, 'web', 3);
    c.advance(5000);
    const lost = running(c).find((p) => p.nodeName === 'worker-1')?.name ?? '';
    c.apply({ kind: 'powerOff', node: 'worker-1' });
    c.advance(45_000);
    expect(c.world.nodes['worker-1']?.ready).toBe('True');
    c.advance(20_000);
    expect(c.world.nodes['worker-1']?.ready).toBe('Unknown');
    // Still Running as far as the API server knows, but not ready.
    expect(c.world.pods[`default/${lost}`]).toMatchObject({ status: 'running', ready: false });
    c.advance(300_000);
    expect(c.world.pods[`default/${lost}`]?.status).toBe('terminating');
    expect(running(c)).toHaveLength(3);
    expect(running(c).map((p) => p.nodeName)).not.toContain('worker-1');
    // Back on: the kubelet finds the pod deleted and confirms it; the node is Ready again.
    c.apply({ kind: 'restore', node: 'worker-1' });
    c.advance(20_000);
    expect(c.world.pods[`default/${lost}`]).toBeUndefined();
    expect(c.world.nodes['worker-1']?.ready).toBe('True');
  });

  it('a worker back before the toleration ends restarts its pods in place (RESTARTS 1)', () => {
    const c = newKube();
    createDeployment(c, 'web', 3);
    c.advance(5000);
    const pod = running(c).find((p) => p.nodeName === 'worker-2')?.name ?? '';
    c.apply({ kind: 'powerOff', node: 'worker-2' });
    c.advance(60_000);
    c.apply({ kind: 'restore', node: 'worker-2' });
    c.advance(15_000);
    expect(c.world.pods[`default/${pod}`]).toMatchObject({
      status: 'running',
      ready: true,
      restarts: 1,
    });
  });

  it('a partitioned worker keeps its containers running while its pods are replaced elsewhere', () => {
    const c = newKube();
    createDeployment(c, 'web', 3);
    c.advance(5000);
    c.apply({ kind: 'partition', node: 'worker-3' });
    c.advance(400_000);
    const m = c.world.machines['worker-3'];
    expect(Object.keys(m?.sandboxes ?? {}).some((k) => k.startsWith('default/web-'))).toBe(true);
    expect(running(c).filter((p) => p.nodeName !== 'worker-3')).toHaveLength(3);
    // Healed: the kubelet learns its pod was deleted and stops it.
    c.apply({ kind: 'restore', node: 'worker-3' });
    c.advance(15_000);
    expect(Object.keys(m?.sandboxes ?? {}).some((k) => k.startsWith('default/web-'))).toBe(false);
    expect(running(c)).toHaveLength(3);
  });

  it('without the control plane nothing changes, yet the pods on the workers keep running', () => {
    const c = newKube();
    createDeployment(c, 'web', 3);
    c.advance(5000);
    c.apply({ kind: 'powerOff', node: 'control-plane' });
    expect(c.apiReachable()).toBe(false);
    expect(scale(c, 'web', 5)).toEqual({
      ok: false,
      code: 0,
      reason: '',
      message: c.connectionRefused(),
    });
    expect(c.connectionRefused()).toBe(
      'The connection to the server 10.0.0.10:6443 was refused - did you specify the right host or port?',
    );
    c.advance(120_000);
    const workers = ['worker-1', 'worker-2', 'worker-3'].map((n) => c.world.machines[n]);
    expect(
      workers.every((m) => Object.values(m?.processes ?? {}).some((p) => p.name === 'nginx')),
    ).toBe(true);
    c.apply({ kind: 'restore', node: 'control-plane' });
    c.advance(10_000);
    expect(c.apiReachable()).toBe(true);
    // A restarted controller gives every node a fresh grace period instead of judging at once.
    expect(Object.values(c.world.nodes).every((n) => n.ready === 'True')).toBe(true);
    expect(scale(c, 'web', 5)).toEqual({ ok: true });
  });

  it('a deleted static pod is made again by its kubelet; its containers run on', () => {
    const c = newKube();
    const key = 'kube-system/etcd-control-plane';
    const uid = c.world.pods[key]?.uid;
    const pid = c.world.machines['control-plane']?.sandboxes[key]?.containers[0]?.pid;
    c.advance(60_000);
    const r = c.apply({
      kind: 'api',
      request: { verb: 'deletePod', namespace: 'kube-system', name: 'etcd-control-plane' },
    });
    expect(r).toEqual({ ok: true });
    expect(c.world.pods[key]).toMatchObject({ status: 'running', created: c.now });
    expect(c.world.pods[key]?.uid).not.toBe(uid);
    c.advance(5000);
    expect(c.world.machines['control-plane']?.sandboxes[key]?.containers[0]?.pid).toBe(pid);
  });

  it('names typed by a user never reach Object.prototype; unknown namespaces are refused', () => {
    const c = newKube();
    for (const node of ['__proto__', 'constructor', 'hasOwnProperty']) {
      expect(c.apply({ kind: 'api', request: { verb: 'cordon', node } })).toMatchObject({
        reason: 'NotFound',
      });
      expect(c.apply({ kind: 'powerOff', node })).toMatchObject({ ok: false });
    }
    expect(({} as Record<string, unknown>)['unschedulable']).toBeUndefined();
    expect(
      c.apply({
        kind: 'api',
        request: {
          verb: 'createDeployment',
          namespace: 'nope',
          name: 'web',
          image: 'nginx',
          replicas: 1,
        },
      }),
    ).toMatchObject({ code: 404, message: 'namespaces "nope" not found' });
  });

  it('refuses faults on machines that do not exist or cannot take them', () => {
    const c = newKube();
    expect(c.apply({ kind: 'powerOff', node: 'nope' })).toMatchObject({ ok: false });
    expect(c.apply({ kind: 'partition', node: 'control-plane' })).toMatchObject({ ok: false });
    expect(c.apply({ kind: 'advance', ms: -5 })).toMatchObject({ ok: false });
  });
});

describe('replay', () => {
  it('the same seed and log give the same trace and world', () => {
    const c = newKube();
    createDeployment(c, 'web', 3);
    c.advance(3000);
    c.apply({ kind: 'powerOff', node: 'worker-1' });
    c.advance(400_000);
    deletePod(c, running(c)[0]?.name ?? '');
    c.apply({ kind: 'restore', node: 'worker-1' });
    c.advance(10_000);
    const again = KubeCluster.replay(c.options, c.log);
    expect(JSON.stringify(again.trace)).toBe(JSON.stringify(c.trace));
    expect(JSON.stringify(again.world)).toBe(JSON.stringify(c.world));
  });

  it('left running for hours, keeps only its latest messages, and replays the same', () => {
    const c = newKube();
    createDeployment(c, 'web', 2);
    for (let second = 0; second < 7 * 3600; second++) c.idle(1000);
    expect(c.trace.first).toBeGreaterThan(0);
    expect([...c.trace].length).toBeLessThan(2 * CLUSTER_TRACE_KEEP);
    expect(c.trace.at(c.trace.length - 1)?.seq).toBe(c.trace.length - 1);
    const again = KubeCluster.replay(c.options, c.log);
    expect(again.trace.length).toBe(c.trace.length);
    expect(JSON.stringify(again.trace)).toBe(JSON.stringify(c.trace));
  });
});
