/**
 * `kubectl get` for the workload types (deployments, replicasets, daemonsets, several at once),
 * what it refuses (types, formats, flags, an unreachable API server), and `-w`.
 */
import { describe, expect, it } from 'vitest';
import { REFUSED, addDeployment, fakeHarness, fixtureWorld } from './testing';

const MIN = 60_000;

describe('kubectl get deployments, replicasets, daemonsets', () => {
  function withWeb() {
    const world = fixtureWorld();
    world.now = 42 * MIN;
    addDeployment(world, {
      name: 'web',
      pods: ['running', 'running', 'creating', 'terminating'],
      replicas: 3,
    });
    return fakeHarness(world);
  }

  it('counts ready, up-to-date and available pods, not the terminating one', () => {
    const { h } = withWeb();
    expect(h.run('kubectl get deployments').stdout).toBe(
      'NAME   READY   UP-TO-DATE   AVAILABLE   AGE\nweb    2/3     3            2           42m\n',
    );
    expect(h.run('kubectl get deploy -o wide').stdout.split('\n')[1]).toBe(
      'web    2/3     3            2           42m   nginx        nginx    app=web',
    );
  });

  it('lists replicasets', () => {
    const { h } = withWeb();
    expect(h.run('kubectl get rs').stdout).toBe(
      'NAME             DESIRED   CURRENT   READY   AGE\nweb-7c5ddbdf54   3         3         2       42m\n',
    );
  });

  it('lists daemonsets in kube-system', () => {
    const { h } = withWeb();
    expect(h.run('kubectl get ds -n kube-system').stdout).toBe(
      [
        'NAME         DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR            AGE',
        'kube-proxy   4         4         4       4            4           kubernetes.io/os=linux   52m',
        '',
      ].join('\n'),
    );
  });

  it('prints several types as kinds, one table each, with get all and TYPE,TYPE', () => {
    const { h } = withWeb();
    const out = h.run('kubectl get deploy,rs').stdout;
    expect(out).toBe(
      [
        'NAME                  READY   UP-TO-DATE   AVAILABLE   AGE',
        'deployment.apps/web   2/3     3            2           42m',
        '',
        'NAME                             DESIRED   CURRENT   READY   AGE',
        'replicaset.apps/web-7c5ddbdf54   3         3         2       42m',
        '',
      ].join('\n'),
    );
    const all = h.run('kubectl get all').stdout;
    expect(all).toContain('pod/web-7c5ddbdf54-x2k9q');
    expect(all.indexOf('pod/')).toBeLessThan(all.indexOf('deployment.apps/web'));
    expect(all).not.toContain('kube-proxy');
    expect(h.run('kubectl get deployment.apps/web').stdout).toContain('web    2/3');
  });
});

describe('kubectl get refuses', () => {
  it('unknown types as the server does, unmodelled real types honestly', () => {
    const { h } = fakeHarness();
    expect(h.run('kubectl get foo')).toMatchObject({
      stderr: 'error: the server doesn\'t have a resource type "foo"\n',
      status: 1,
    });
    expect(h.run('kubectl get svc').stderr).toMatch(
      /^error: services exist in a real cluster, but this simulation does not model them/,
    );
  });

  it('a missing type, names across all namespaces, a bad output format', () => {
    const { h } = fakeHarness();
    expect(h.run('kubectl get').stderr).toBe(
      [
        'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.',
        '',
        'error: Required resource not specified.',
        'Use "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).',
        "See 'kubectl get -h' for help and examples",
        '',
      ].join('\n'),
    );
    expect(h.run('kubectl get pod x -A').stderr).toBe(
      'error: a resource cannot be retrieved by name across all namespaces\n',
    );
    expect(h.run('kubectl get pods -o foo').stderr).toMatch(
      /^error: unable to match a printer suitable for the output format "foo", allowed formats are: custom-columns,/,
    );
    expect(h.run('kubectl get pods -o yaml').stderr).toMatch(/this simulation prints tables/);
    expect(h.run('kubectl get pods --show-labels')).toMatchObject({ status: 1 });
  });

  it('unknown flags with the command they belong to', () => {
    const { h } = fakeHarness();
    expect(h.run('kubectl get pods --foo').stderr).toBe(
      "error: unknown flag: --foo\nSee 'kubectl get --help' for usage.\n",
    );
  });

  it('everything when the API server cannot be reached', () => {
    const { h, port } = fakeHarness();
    port.reachable = false;
    expect(h.run('kubectl get nodes')).toMatchObject({
      stdout: '',
      stderr: `${REFUSED}\n`,
      status: 1,
    });
  });
});

describe('kubectl get -w', () => {
  it('prints the table, then a row per change, until Ctrl-C', () => {
    const world = fixtureWorld();
    const [pod] = addDeployment(world, { name: 'web', pods: ['creating'] });
    if (!pod) throw new Error('fixture');
    const { h, port } = fakeHarness(world);
    const first = h.run('kubectl get pods -w');
    expect(first.busy).toBe(true);
    expect(first.stdout).toBe(
      'NAME                   READY   STATUS              RESTARTS   AGE\nweb-7c5ddbdf54-x2k9q   0/1     ContainerCreating   0          0s\n',
    );
    expect(h.advance(1000).stdout).toBe('');
    pod.status = 'running';
    pod.ready = true;
    expect(h.advance(100).stdout).toBe(
      'web-7c5ddbdf54-x2k9q   1/1     Running             0          1s\n',
    );
    port.finish('default', pod.name);
    expect(h.advance(100).stdout).toBe(
      'web-7c5ddbdf54-x2k9q   1/1     Running             0          1s\n',
    );
    const stopped = h.interrupt();
    expect(stopped.status).toBe(130);
    expect(stopped.busy).toBe(false);
  });

  it('watches one type only', () => {
    const { h } = fakeHarness();
    expect(h.run('kubectl get pods,nodes -w')).toMatchObject({
      stderr:
        'error: watch is only supported on individual resources and resource collections, but 2 resources were found\n',
      status: 1,
      busy: false,
    });
  });
});
