/**
 * `kubectl get nodes` and `kubectl get pods` on a hand-built cluster: the columns and their
 * alignment (tabwriter, padding 3), the statuses, ages and restarts as kubectl words them,
 * namespaces, -o wide and name, named objects found or not, and empty lists.
 */
import { describe, expect, it } from 'vitest';
import { addDeployment, addPod, fakeHarness, fixtureWorld } from './testing';

const MIN = 60_000;

describe('kubectl get nodes', () => {
  it('prints the nodes aligned as kubectl does', () => {
    const { h } = fakeHarness();
    const r = h.run('kubectl get nodes');
    expect(r.stdout).toBe(
      [
        'NAME            STATUS   ROLES           AGE   VERSION',
        'control-plane   Ready    control-plane   10m   v1.33.1',
        'worker-1        Ready    <none>          10m   v1.33.1',
        'worker-2        Ready    <none>          10m   v1.33.1',
        'worker-3        Ready    <none>          10m   v1.33.1',
        '',
      ].join('\n'),
    );
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('shows NotReady and SchedulingDisabled, and widens the column for them', () => {
    const world = fixtureWorld(2);
    const [w1, w2] = [world.nodes['worker-1'], world.nodes['worker-2']];
    if (!w1 || !w2) throw new Error('fixture');
    w1.unschedulable = true;
    w2.ready = 'Unknown';
    w2.unschedulable = true;
    const { h } = fakeHarness(world);
    expect(h.run('kubectl get no').stdout).toBe(
      [
        'NAME            STATUS                        ROLES           AGE   VERSION',
        'control-plane   Ready                         control-plane   10m   v1.33.1',
        'worker-1        Ready,SchedulingDisabled      <none>          10m   v1.33.1',
        'worker-2        NotReady,SchedulingDisabled   <none>          10m   v1.33.1',
        '',
      ].join('\n'),
    );
  });

  it('adds the wide columns', () => {
    const { h } = fakeHarness(fixtureWorld(1));
    expect(h.run('kubectl get nodes -o wide').stdout).toBe(
      [
        'NAME            STATUS   ROLES           AGE   VERSION   INTERNAL-IP   EXTERNAL-IP   OS-IMAGE             KERNEL-VERSION     CONTAINER-RUNTIME',
        'control-plane   Ready    control-plane   10m   v1.33.1   10.0.0.10     <none>        Ubuntu 24.04.2 LTS   6.8.0-60-generic   containerd://2.0.5',
        'worker-1        Ready    <none>          10m   v1.33.1   10.0.0.21     <none>        Ubuntu 24.04.2 LTS   6.8.0-60-generic   containerd://2.0.5',
        '',
      ].join('\n'),
    );
  });

  it('gets one node by name, and says which are not found after the table', () => {
    const { h } = fakeHarness();
    expect(h.run('kubectl get node worker-1').stdout).toBe(
      'NAME       STATUS   ROLES    AGE   VERSION\nworker-1   Ready    <none>   10m   v1.33.1\n',
    );
    const r = h.run('kubectl get nodes worker-1 worker-9');
    expect(r.stdout).toContain('worker-1 ');
    expect(r.stderr).toBe('Error from server (NotFound): nodes "worker-9" not found\n');
    expect(r.status).toBe(1);
    expect(h.run('kubectl get node/worker-9').stderr).toBe(
      'Error from server (NotFound): nodes "worker-9" not found\n',
    );
  });
});

describe('kubectl get pods', () => {
  function lesson() {
    const world = fixtureWorld();
    world.now = 5 * MIN;
    const [running, , , terminating] = addDeployment(world, {
      name: 'web',
      pods: ['running', 'creating', 'pending', 'terminating'],
      replicas: 3,
    });
    if (!running || !terminating) throw new Error('fixture');
    running.restarts = 2;
    running.lastRestartAt = 5 * MIN - 35_000;
    addPod(world, { name: 'old', owner: { kind: 'ReplicaSet', name: 'x' }, status: 'gone' });
    return fakeHarness(world);
  }

  it("prints each status in kubectl's words, restarts with when, ages", () => {
    const { h } = lesson();
    const r = h.run('kubectl get pods');
    expect(r.stdout).toBe(
      [
        'NAME                   READY   STATUS              RESTARTS      AGE',
        'web-7c5ddbdf54-b7mzt   0/1     ContainerCreating   0             5m',
        'web-7c5ddbdf54-p4lwd   0/1     Pending             0             5m',
        'web-7c5ddbdf54-r8vns   0/1     Terminating         0             5m',
        'web-7c5ddbdf54-x2k9q   1/1     Running             2 (35s ago)   5m',
        '',
      ].join('\n'),
    );
    expect(r.status).toBe(0);
  });

  it('adds IP, NODE and the two <none> columns with -o wide', () => {
    const { h } = lesson();
    const lines = h.run('kubectl get pods -o wide').stdout.split('\n');
    expect(lines[0]).toBe(
      'NAME                   READY   STATUS              RESTARTS      AGE   IP            NODE       NOMINATED NODE   READINESS GATES',
    );
    expect(lines[2]).toBe(
      'web-7c5ddbdf54-p4lwd   0/1     Pending             0             5m    <none>        <none>     <none>           <none>',
    );
  });

  it('lists one namespace (-n), or all with a NAMESPACE column (-A)', () => {
    const { h } = lesson();
    const system = h.run('kubectl get pods -n kube-system').stdout;
    expect(system).toContain('etcd-control-plane');
    expect(system).not.toContain('web-');
    const all = h.run('kubectl get po -A').stdout.split('\n');
    expect(all[0]).toMatch(/^NAMESPACE {5}NAME {36}READY {3}STATUS/);
    expect(all[1]).toMatch(/^default {7}web-7c5ddbdf54-b7mzt/);
    expect(all.at(-2)).toMatch(/^kube-system {3}kube-scheduler-control-plane/);
    expect(h.run('kubectl get pods --all-namespaces').stdout).toBe(all.join('\n'));
  });

  it('prints TYPE/NAME with -o name, and no header with --no-headers', () => {
    const { h } = lesson();
    expect(h.run('kubectl get pods -o name').stdout).toBe(
      [
        'pod/web-7c5ddbdf54-b7mzt',
        'pod/web-7c5ddbdf54-p4lwd',
        'pod/web-7c5ddbdf54-r8vns',
        'pod/web-7c5ddbdf54-x2k9q',
        '',
      ].join('\n'),
    );
    expect(h.run('kubectl get pods --no-headers').stdout.split('\n')[0]).toMatch(
      /^web-7c5ddbdf54-b7mzt {3}0\/1/,
    );
  });

  it('says so on stderr when there is nothing, and succeeds', () => {
    const world = fixtureWorld();
    const { h } = fakeHarness(world);
    expect(h.run('kubectl get pods')).toMatchObject({
      stdout: '',
      stderr: 'No resources found in default namespace.\n',
      status: 0,
    });
    expect(h.run('kubectl get deploy -n kube-public').stderr).toBe(
      'No resources found in kube-public namespace.\n',
    );
    world.pods = {};
    expect(h.run('kubectl get pods -A').stderr).toBe('No resources found\n');
  });

  it('never lists a pod that is gone', () => {
    const { h } = lesson();
    expect(h.run('kubectl get pods').stdout).not.toContain('old');
    expect(h.run('kubectl get pod old').stderr).toBe(
      'Error from server (NotFound): pods "old" not found\n',
    );
  });

  it('gets pods by name, TYPE/NAME too', () => {
    const { h } = lesson();
    const r = h.run('kubectl get pod/web-7c5ddbdf54-x2k9q');
    expect(r.stdout.split('\n')[1]).toMatch(/^web-7c5ddbdf54-x2k9q {3}1\/1 {5}Running/);
    const missing = h.run('kubectl get pods web-7c5ddbdf54-x2k9q nope --ignore-not-found');
    expect(missing.stderr).toBe('');
    expect(missing.status).toBe(0);
  });
});
