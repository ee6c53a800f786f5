/**
 * The `kubectl` command itself: its usage, per-command help, version and cluster-info (with
 * and without an API server), unknown commands with cobra's suggestions, real commands this
 * simulation leaves out, global flags before the command, and hostile input.
 */
import { describe, expect, it } from 'vitest';
import { REFUSED, fakeHarness } from './testing';

describe('kubectl usage', () => {
  it('prints its usage alone, with help or --help, naming what this simulation has', () => {
    const { h } = fakeHarness();
    const alone = h.run('kubectl');
    expect(alone.status).toBe(0);
    expect(alone.stdout).toMatch(/^kubectl controls the Kubernetes cluster manager\./);
    expect(alone.stdout).toContain('the real\none has many more');
    for (const c of ['get', 'create', 'scale', 'delete', 'cordon', 'uncordon', 'drain'])
      expect(alone.stdout).toMatch(new RegExp(`\\n  ${c} `));
    expect(h.run('kubectl help').stdout).toBe(alone.stdout);
    expect(h.run('kubectl --help').stdout).toBe(alone.stdout);
  });

  it("prints a command's help with --help or help COMMAND, without the API server", () => {
    const { h, port } = fakeHarness();
    port.reachable = false;
    const r = h.run('kubectl get --help');
    expect(r).toMatchObject({ status: 0, stderr: '' });
    expect(r.stdout).toMatch(/^Display one or many resources\./);
    expect(h.run('kubectl help drain').stdout).toMatch(/--ignore-daemonsets/);
    expect(h.run('kubectl drain -h').stdout).toMatch(/^Drain node in preparation/);
  });
});

describe('kubectl version and cluster-info', () => {
  it('prints the versions', () => {
    const { h } = fakeHarness();
    expect(h.run('kubectl version')).toMatchObject({
      stdout: 'Client Version: v1.33.1\nKustomize Version: v5.6.0\nServer Version: v1.33.1\n',
      status: 0,
    });
  });

  it('prints the client versions, then the refusal, without an API server', () => {
    const { h, port } = fakeHarness();
    port.reachable = false;
    expect(h.run('kubectl version')).toMatchObject({
      stdout: 'Client Version: v1.33.1\nKustomize Version: v5.6.0\n',
      stderr: `${REFUSED}\n`,
      status: 1,
    });
    expect(h.run('kubectl version --client')).toMatchObject({ stderr: '', status: 0 });
  });

  it('prints where the control plane and CoreDNS are', () => {
    const { h, port } = fakeHarness();
    expect(h.run('kubectl cluster-info').stdout).toBe(
      [
        'Kubernetes control plane is running at https://10.0.0.10:6443',
        'CoreDNS is running at https://10.0.0.10:6443/api/v1/namespaces/kube-system/services/kube-dns:dns/proxy',
        '',
        "To further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.",
        '',
      ].join('\n'),
    );
    port.reachable = false;
    expect(h.run('kubectl cluster-info')).toMatchObject({ stderr: `${REFUSED}\n`, status: 1 });
  });
});

describe('kubectl refuses', () => {
  it("unknown commands, with cobra's suggestions when one is close", () => {
    const { h } = fakeHarness();
    expect(h.run('kubectl frobnicate')).toMatchObject({
      stderr: 'error: unknown command "frobnicate" for "kubectl"\n',
      status: 1,
    });
    expect(h.run('kubectl gte pods').stderr).toBe(
      'error: unknown command "gte" for "kubectl"\n\nDid you mean this?\n\tget\n',
    );
    expect(h.run('kubectl ge pods').stderr).toBe(
      'error: unknown command "ge" for "kubectl"\n\nDid you mean this?\n\tset\n\tget\n\tcp\n',
    );
  });

  it('real commands this simulation leaves out, honestly', () => {
    const { h } = fakeHarness();
    expect(h.run('kubectl logs web')).toMatchObject({
      stderr:
        'error: "kubectl logs" is real, but this simulation does not model it; it has get, create, scale, delete, cordon, uncordon, drain, cluster-info, version\n',
      status: 1,
    });
  });

  it('unknown flags, before or after the command', () => {
    const { h } = fakeHarness();
    expect(h.run('kubectl --foo').stderr).toBe(
      "error: unknown flag: --foo\nSee 'kubectl --help' for usage.\n",
    );
    expect(h.run('kubectl cordon worker-1 -x').stderr).toBe(
      "error: unknown shorthand flag: 'x' in -x\nSee 'kubectl cordon --help' for usage.\n",
    );
  });

  it('takes global flags before the command', () => {
    const { h } = fakeHarness();
    expect(h.run('kubectl -n kube-system get pods').stdout).toContain('etcd-control-plane');
    expect(h.run('kubectl --namespace=kube-system get deploy').stdout).toContain('coredns');
  });

  it('hostile names and enormous words, with a clean error', () => {
    const { h } = fakeHarness();
    expect(h.run("kubectl get pod '$(reboot)'")).toMatchObject({
      stderr: 'Error from server (NotFound): pods "$(reboot)" not found\n',
      status: 1,
    });
    // A slash makes it TYPE/NAME to kubectl, after a type: its own complaint.
    expect(h.run("kubectl delete pod '$(rm -rf /)'").stderr).toMatch(
      /^error: there is no need to specify a resource type as a separate argument/,
    );
    const unquoted = h.run('kubectl get pod $(rm -rf /)');
    expect(unquoted.stderr).toMatch(/^bash: rm: command not found\n/);
    const huge = 'a'.repeat(10_000);
    for (const line of [
      `kubectl ${huge}`,
      `kubectl get ${huge}`,
      `kubectl get pod ${huge}`,
      `kubectl delete pod ${huge}`,
      `kubectl drain ${huge}`,
      `kubectl get pods --${huge}`,
    ]) {
      const r = h.run(line);
      expect(r.status, line.slice(0, 40)).toBe(1);
      expect(r.stderr, line.slice(0, 40)).not.toContain('internal error');
      expect(r.busy).toBe(false);
    }
  });
});

describe('names that are properties of every object', () => {
  it('are names that are not there, and send nothing', () => {
    const { h } = fakeHarness();
    for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      for (const line of [
        `kubectl cordon ${name}`,
        `kubectl uncordon ${name}`,
        `kubectl drain ${name}`,
        `kubectl get node ${name}`,
        `kubectl scale deployment ${name} --replicas=1`,
        `kubectl delete pod ${name}`,
      ]) {
        const r = h.run(line);
        expect(r.status, line).toBe(1);
        expect(r.requests, line).toEqual([]);
        expect(r.stderr, line).toMatch(/NotFound/);
      }
      expect(h.shell.complete(`kubectl ${name} --`, name.length + 11).candidates).toEqual([
        '--help',
      ]);
    }
  });
});
