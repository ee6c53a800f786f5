/**
 * kubectl on the real simulated cluster (KubeCluster): a deployment's pods come up, a deleted
 * pod is waited for and replaced by one of another name, drain moves pods off a node, scaling,
 * watching, the API server and a worker going away, the API server's validation, and a replay
 * of the session's log that rebuilds the same terminal output and world.
 */
import { describe, expect, it } from 'vitest';
import { KubeCluster } from '../../sim/kube/kubeCluster';
import type { OutputChunk } from '../shell/types';
import { replayKubeTerminal } from './replay';
import { KubeHarness } from './testing';

const OPTIONS = { seed: 'kubectl-test', workers: 3 };

function session() {
  const cluster = new KubeCluster(OPTIONS);
  const h = new KubeHarness(cluster, (ms) => cluster.advance(ms));
  return { cluster, h };
}

/** The rows of a table, as [NAME, READY, STATUS, ...] cells. */
function rowsOf(table: string): string[][] {
  return table
    .split('\n')
    .slice(1)
    .filter(Boolean)
    .map((l) => l.split(/\s{2,}/));
}

describe('kubectl on a KubeCluster', () => {
  it('shows the kubeadm cluster as it was left', () => {
    const { h } = session();
    expect(h.run('kubectl get nodes').stdout).toBe(
      [
        'NAME            STATUS   ROLES           AGE   VERSION',
        'control-plane   Ready    control-plane   10m   v1.33.1',
        'worker-1        Ready    <none>          10m   v1.33.1',
        'worker-2        Ready    <none>          10m   v1.33.1',
        'worker-3        Ready    <none>          10m   v1.33.1',
        '',
      ].join('\n'),
    );
    const system = rowsOf(h.run('kubectl get pods -n kube-system').stdout);
    expect(system.map((r) => r[0])).toEqual(
      expect.arrayContaining([
        'etcd-control-plane',
        'kube-apiserver-control-plane',
        'kube-controller-manager-control-plane',
        'kube-scheduler-control-plane',
      ]),
    );
    expect(system.filter((r) => r[0]?.startsWith('kube-proxy-'))).toHaveLength(4);
    expect(system.filter((r) => r[0]?.startsWith('coredns-'))).toHaveLength(2);
    expect(system.every((r) => r[1] === '1/1' && r[2] === 'Running')).toBe(true);
  });

  it('creates a deployment whose 3 pods are Running 5 s later', () => {
    const { h } = session();
    expect(h.run('kubectl create deployment web --image=nginx --replicas=3').stdout).toBe(
      'deployment.apps/web created\n',
    );
    h.advance(5000);
    const pods = rowsOf(h.run('kubectl get pods').stdout);
    expect(pods).toHaveLength(3);
    for (const [name, ready, status, restarts, age] of pods) {
      expect(name).toMatch(/^web-[a-z0-9]+-[a-z0-9]{5}$/);
      expect([ready, status, restarts, age]).toEqual(['1/1', 'Running', '0', '5s']);
    }
    expect(h.run('kubectl get deploy').stdout).toBe(
      'NAME   READY   UP-TO-DATE   AVAILABLE   AGE\nweb    3/3     3            3           5s\n',
    );
  });

  it('waits for a deleted pod to be gone; its replacement has another name and runs', () => {
    const { cluster, h } = session();
    h.run('kubectl create deployment web --image=nginx --replicas=3');
    h.advance(5000);
    const [victim = ''] = rowsOf(h.run('kubectl get pods').stdout).map((r) => r[0] ?? '');
    const started = h.run(`kubectl delete pod ${victim}`);
    expect(started).toMatchObject({ stdout: `pod "${victim}" deleted\n`, busy: true });
    // Meanwhile the pod is Terminating: its kubelet has yet to stop its container.
    expect(cluster.world.pods[`default/${victim}`]?.status).toBe('terminating');
    const done = h.advance(10_000);
    expect(done).toMatchObject({ busy: false, status: 0 });
    h.advance(5000);
    const names = rowsOf(h.run('kubectl get pods').stdout);
    expect(names).toHaveLength(3);
    expect(names.map((r) => r[0])).not.toContain(victim);
    expect(names.every((r) => r[2] === 'Running')).toBe(true);
  });

  it('scales up and down', () => {
    const { h } = session();
    h.run('kubectl create deployment web --image=nginx');
    expect(h.run('kubectl scale deploy/web --replicas=5').stdout).toBe(
      'deployment.apps/web scaled\n',
    );
    h.advance(5000);
    expect(h.run('kubectl get deploy web --no-headers').stdout).toMatch(/^web {3}5\/5 /);
    h.run('kubectl scale deployment web --replicas=1');
    h.advance(5000);
    expect(rowsOf(h.run('kubectl get pods').stdout)).toHaveLength(1);
  });

  it('drains a node: its pods move, kube-proxy stays, the node is cordoned', () => {
    const { cluster, h } = session();
    h.run('kubectl create deployment web --image=nginx --replicas=3');
    h.advance(5000);
    const r = h.run('kubectl drain worker-1 --ignore-daemonsets', 60_000);
    expect(r.stdout).toMatch(/^node\/worker-1 cordoned\n(evicting pod .*\n)+/);
    expect(r.stdout).toMatch(/pod\/web-\S+ evicted\n/);
    expect(r.stdout.endsWith('node/worker-1 drained\n')).toBe(true);
    expect(r.stderr).toMatch(/^Warning: ignoring DaemonSet-managed Pods: kube-system\/kube-proxy-/);
    expect(r).toMatchObject({ status: 0, busy: false });
    h.advance(5000);
    const onWorker1 = Object.values(cluster.world.pods).filter(
      (p) => p.nodeName === 'worker-1' && p.status !== 'gone',
    );
    expect(onWorker1.map((p) => p.owner.kind)).toEqual(['DaemonSet']);
    expect(h.run('kubectl get node worker-1 --no-headers').stdout).toMatch(
      /Ready,SchedulingDisabled/,
    );
    expect(rowsOf(h.run('kubectl get pods -o wide').stdout).every((p) => p[2] === 'Running')).toBe(
      true,
    );
  });

  it('watches pods come up', () => {
    const { h } = session();
    h.run('kubectl create deployment web --image=nginx');
    const first = h.run('kubectl get pods -w');
    expect(first.stdout).toMatch(/ContainerCreating/);
    const later = h.advance(5000);
    expect(later.stdout).toMatch(/^web-\S+ {3}1\/1 {5}Running /m);
    expect(h.interrupt().status).toBe(130);
  });

  it('cannot reach a powered-off control plane; sees a silent worker NotReady', () => {
    const { cluster, h } = session();
    cluster.apply({ kind: 'powerOff', node: 'worker-2' });
    h.advance(60_000);
    expect(h.run('kubectl get node worker-2 --no-headers').stdout).toMatch(
      /^worker-2 {3}NotReady /,
    );
    cluster.apply({ kind: 'powerOff', node: 'control-plane' });
    for (const line of ['kubectl get pods', 'kubectl create deployment x --image=nginx']) {
      expect(h.run(line)).toMatchObject({
        stderr:
          'The connection to the server 10.0.0.10:6443 was refused - did you specify the right host or port?\n',
        status: 1,
      });
    }
  });

  it("relays the API server's validation of names, hostile or huge", () => {
    const { h } = session();
    expect(h.run("kubectl create deployment 'Bad_Name' --image=nginx").stderr).toMatch(
      /^error: failed to create deployment: Deployment.apps "Bad_Name" is invalid: metadata.name: Invalid value: "Bad_Name": a lowercase RFC 1123 subdomain/,
    );
    const huge = h.run(`kubectl create deployment ${'a'.repeat(10_000)} --image=nginx`);
    expect(huge.status).toBe(1);
    expect(huge.stderr).toMatch(/is invalid: metadata.name/);
  });
});

describe('replayKubeTerminal', () => {
  it('rebuilds the printed output and the cluster from the log', () => {
    const { cluster, h } = session();
    const live: OutputChunk[] = [];
    h.shell.subscribe((e) => {
      if (e.type === 'output') live.push(e.chunk);
    });
    h.run('kubectl create deployment web --image=nginx --replicas=3');
    h.advance(3000);
    h.run('kubectl get pods -o wide');
    const victim = Object.values(cluster.world.pods).find((p) => p.namespace === 'default');
    h.run(`kubectl delete pod ${victim?.name ?? ''}`, 10_000);
    h.run('kubectl drain worker-2 --ignore-daemonsets');
    h.interrupt();
    cluster.apply({ kind: 'powerOff', node: 'worker-3' });
    h.advance(2000);
    h.run('kubectl get pods -w');
    h.advance(1000);
    h.interrupt();
    h.run('kubectl get nodes; kubectl get pods -A | grep web');

    const replayed = replayKubeTerminal(OPTIONS, cluster.log);
    expect(replayed.divergedAt).toBeNull();
    expect(replayed.output).toEqual(live);
    expect(replayed.cluster.world).toEqual(cluster.world);
    expect(replayed.cluster.log).toEqual(cluster.log);
    expect(replayed.shell.history()).toEqual(h.shell.history());
  });

  it('reports where a log stops matching what the shell does', () => {
    const { cluster, h } = session();
    h.run('kubectl cordon worker-1');
    const log = cluster.log.map((e) =>
      e.input.kind === 'api'
        ? {
            ...e,
            input: { kind: 'api' as const, request: { verb: 'cordon' as const, node: 'worker-2' } },
          }
        : e,
    );
    expect(replayKubeTerminal(OPTIONS, log).divergedAt).toBe(1);
  });
});
