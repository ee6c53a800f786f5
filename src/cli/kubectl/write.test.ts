/**
 * The writes: `create deployment`, `scale`, `delete` (and its wait), against a fake API
 * server. What kubectl prints for each outcome, the request it sends (or that it sends none
 * when it refuses first), and the flags it takes in every spelling.
 */
import { describe, expect, it } from 'vitest';
import { MAX_REPLICAS } from './create';
import { REFUSED, addDeployment, fakeHarness, fixtureWorld } from './testing';

describe('kubectl create deployment', () => {
  it('creates, with --image=x or --image x, and --replicas', () => {
    const { h, port } = fakeHarness();
    expect(h.run('kubectl create deployment web --image=nginx')).toMatchObject({
      stdout: 'deployment.apps/web created\n',
      stderr: '',
      status: 0,
      requests: ['createDeployment default/web'],
    });
    expect(port.world.deployments['default/web']?.replicas).toBe(1);
    expect(h.run('kubectl create deploy api --image redis --replicas 3').stdout).toBe(
      'deployment.apps/api created\n',
    );
    expect(port.world.deployments['default/api']?.replicas).toBe(3);
    h.run('kubectl create deployment dns -n kube-system --image=coredns -r 2');
    expect(port.world.deployments['kube-system/dns']?.replicas).toBe(2);
  });

  it('needs --image and exactly one name', () => {
    const { h } = fakeHarness();
    expect(h.run('kubectl create deployment web')).toMatchObject({
      stderr: 'error: required flag(s) "image" not set\n',
      status: 1,
      requests: [],
    });
    expect(h.run('kubectl create deployment --image=nginx').stderr).toBe(
      "error: exactly one NAME is required, got 0\nSee 'kubectl create deployment -h' for help and examples\n",
    );
    expect(h.run('kubectl create deployment a b --image=nginx').stderr).toMatch(/got 2/);
  });

  it("reports the API server's refusals after kubectl's own words", () => {
    const { h } = fakeHarness();
    h.run('kubectl create deployment web --image=nginx');
    expect(h.run('kubectl create deployment web --image=nginx')).toMatchObject({
      stderr: 'error: failed to create deployment: deployments.apps "web" already exists\n',
      status: 1,
    });
    expect(h.run('kubectl create deployment web --image=nginx -n nope').stderr).toBe(
      'error: failed to create deployment: namespaces "nope" not found\n',
    );
    expect(h.run('kubectl create deployment x --image=').stderr).toMatch(
      /Deployment.apps "x" is invalid: spec.template.spec.containers\[0\].image: Required value/,
    );
  });

  it('refuses bad numbers, too many replicas, other generators and no subcommand', () => {
    const { h } = fakeHarness();
    expect(h.run('kubectl create deployment web --image=nginx --replicas=lots').stderr).toBe(
      'error: invalid argument "lots" for "-r, --replicas" flag: strconv.ParseInt: parsing "lots": invalid syntax\n' +
        "See 'kubectl create deployment --help' for usage.\n",
    );
    const many = h.run(
      `kubectl create deployment web --image=nginx --replicas=${MAX_REPLICAS + 1}`,
    );
    expect(many.status).toBe(1);
    expect(many.requests).toEqual([]);
    expect(h.run('kubectl create service clusterip web').stderr).toMatch(
      /"kubectl create service" is real, but this simulation only has "kubectl create deployment"/,
    );
    expect(h.run('kubectl create').stderr).toBe('error: must specify one of -f and -k\n');
  });

  it('says the connection was refused when the API server is down', () => {
    const { h, port } = fakeHarness();
    port.reachable = false;
    expect(h.run('kubectl create deployment web --image=nginx')).toMatchObject({
      stderr: `${REFUSED}\n`,
      status: 1,
      requests: [],
    });
  });
});

describe('kubectl scale', () => {
  function withWeb() {
    const world = fixtureWorld();
    addDeployment(world, { name: 'web', replicas: 3 });
    return fakeHarness(world);
  }

  it('scales by TYPE NAME and TYPE/NAME', () => {
    const { h, port } = withWeb();
    expect(h.run('kubectl scale deployment web --replicas=5')).toMatchObject({
      stdout: 'deployment.apps/web scaled\n',
      status: 0,
      requests: ['scaleDeployment default/web'],
    });
    expect(port.world.deployments['default/web']?.replicas).toBe(5);
    expect(h.run('kubectl scale --replicas 0 deploy/web').stdout).toBe(
      'deployment.apps/web scaled\n',
    );
    expect(port.world.deployments['default/web']?.replicas).toBe(0);
  });

  it('needs --replicas, a name, a deployment that exists, a count of 0 or more', () => {
    const { h } = withWeb();
    expect(h.run('kubectl scale deployment web').stderr).toBe(
      'error: required flag(s) "replicas" not set\n',
    );
    expect(h.run('kubectl scale deployment --replicas=2').stderr).toBe(
      'error: resource(s) were provided, but no name was specified\n',
    );
    expect(h.run('kubectl scale --replicas=2').stderr).toMatch(
      /^error: You must provide one or more resources by argument or filename\./,
    );
    expect(h.run('kubectl scale deployment api --replicas=2')).toMatchObject({
      stderr: 'Error from server (NotFound): deployments.apps "api" not found\n',
      status: 1,
      requests: [],
    });
    expect(h.run('kubectl scale deployment web --replicas=-1').stderr).toBe(
      'error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0\n',
    );
    expect(h.run('kubectl scale rs/web-7c5ddbdf54 --replicas=1').stderr).toMatch(
      /scales deployments only/,
    );
  });

  it('prints a refused write as kubectl prints a server error', () => {
    const { h, port } = withWeb();
    port.failNext = { ok: false, code: 409, reason: 'Conflict', message: 'the object changed' };
    expect(h.run('kubectl scale deployment web --replicas=2')).toMatchObject({
      stderr: 'Error from server (Conflict): the object changed\n',
      status: 1,
    });
  });
});

describe('kubectl delete', () => {
  function withWeb() {
    const world = fixtureWorld();
    const pods = addDeployment(world, { name: 'web', replicas: 2 });
    return { ...fakeHarness(world), pods: pods.map((p) => p.name) };
  }

  it('prints the deletion, then waits until the pod is gone', () => {
    const { h, port, pods } = withWeb();
    const [a = ''] = pods;
    const r = h.run(`kubectl delete pod ${a}`);
    expect(r).toMatchObject({
      stdout: `pod "${a}" deleted\n`,
      busy: true,
      requests: [`deletePod default/${a}`],
    });
    expect(h.ready.count).toBe(0);
    expect(h.advance(5000)).toMatchObject({ stdout: '', busy: true });
    port.finish('default', a);
    expect(h.advance(100)).toMatchObject({ stdout: '', busy: false, status: 0 });
    expect(h.ready.count).toBe(1);
  });

  it('ends the wait on Ctrl-C with 130, and skips the rest of the line', () => {
    const { h, port, pods } = withWeb();
    const [a = ''] = pods;
    expect(h.run(`kubectl delete pod/${a} && echo after`).busy).toBe(true);
    const r = h.interrupt();
    expect(r).toMatchObject({ status: 130, busy: false, stdout: '' });
    expect(h.ready.count).toBe(1);
    expect(port.inputs.at(-1)).toEqual({ kind: 'typed', line: '^C' });
  });

  it('returns at once with --wait=false', () => {
    const { h, pods } = withWeb();
    expect(h.run(`kubectl delete pod ${pods.join(' ')} --wait=false`)).toMatchObject({
      stdout: pods.map((p) => `pod "${p}" deleted\n`).join(''),
      busy: false,
      status: 0,
    });
  });

  it('deletes every pod with --all, and deployments by name', () => {
    const { h, pods } = withWeb();
    // In the API's list order.
    expect(h.run('kubectl delete pods --all --wait=false').stdout).toBe(
      [...pods]
        .sort()
        .map((p) => `pod "${p}" deleted\n`)
        .join(''),
    );
    expect(h.run('kubectl delete deployment web')).toMatchObject({
      stdout: 'deployment.apps "web" deleted\n',
      busy: false,
      status: 0,
    });
    expect(h.run('kubectl delete pods --all -n kube-public')).toMatchObject({
      stdout: 'No resources found\n',
      status: 0,
    });
  });

  it('reports names that are not there after the others, and then does not wait', () => {
    const { h, pods } = withWeb();
    const [a = ''] = pods;
    expect(h.run(`kubectl delete pod ${a} nope`)).toMatchObject({
      stdout: `pod "${a}" deleted\n`,
      stderr: 'Error from server (NotFound): pods "nope" not found\n',
      status: 1,
      busy: false,
    });
    expect(h.run('kubectl delete deploy nope --ignore-not-found')).toMatchObject({
      stderr: '',
      status: 0,
    });
  });

  it('refuses what it cannot do, before sending anything', () => {
    const { h } = withWeb();
    expect(h.run('kubectl delete pod').stderr).toBe(
      'error: resource(s) were provided, but no name was specified\n',
    );
    expect(h.run('kubectl delete').stderr).toMatch(/You must provide one or more resources/);
    expect(h.run('kubectl delete node worker-1')).toMatchObject({ status: 1, requests: [] });
    expect(h.run('kubectl delete pod x --force --grace-period=0').stderr).toMatch(
      /^error: --force, --grace-period: the real kubectl delete has these flags, but this simulation does not model them/,
    );
  });
});
