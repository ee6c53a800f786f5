/**
 * The laptop's shell: the prompt, the log of typed lines, chains, pipes into grep and the other
 * filters, `$?`, what is not on a laptop (docker, crictl, files), its help, Tab completion from
 * the world, submit and clear events, and that a failing command cannot take it down.
 */
import { describe, expect, it } from 'vitest';
import type { KubePort } from '../../sim/kube/port';
import type { TerminalEvent } from '../shell/types';
import { KUBE_PROMPT, KubeShell } from './kubeShell';
import { FakeKubePort, addDeployment, fakeHarness, fixtureWorld } from './testing';

describe('KubeShell', () => {
  it("is the student's laptop", () => {
    const shell = new KubeShell(new FakeKubePort());
    expect(shell.prompt()).toBe(KUBE_PROMPT);
    expect(KUBE_PROMPT).toBe('student@laptop:~$ ');
    expect(shell.columns).toBe(80);
  });

  it('logs each line as typed before the requests it makes, and keeps a history', () => {
    const { h, port } = fakeHarness();
    h.run('kubectl cordon worker-1');
    expect(port.inputs).toEqual([
      { kind: 'typed', line: 'kubectl cordon worker-1' },
      { kind: 'api', request: { verb: 'cordon', node: 'worker-1' } },
    ]);
    h.run('   ');
    expect(h.shell.history()).toEqual(['kubectl cordon worker-1']);
    expect(h.run('history').stdout).toBe('    1  kubectl cordon worker-1\n    2  history\n');
  });

  it('runs ; && || chains by exit status, and knows $?', () => {
    const { h } = fakeHarness();
    expect(h.run('kubectl get foo || echo fallback').stdout).toBe('fallback\n');
    expect(h.run('kubectl get foo && echo never').stdout).toBe('');
    expect(h.run('kubectl get foo; echo $?').stdout).toBe('1\n');
    expect(h.run('kubectl cordon worker-1 && kubectl get no worker-1 --no-headers').stdout).toBe(
      'node/worker-1 cordoned\nworker-1   Ready,SchedulingDisabled   <none>   10m   v1.33.1\n',
    );
  });

  it('pipes output into grep, head, tail and wc', () => {
    const world = fixtureWorld();
    addDeployment(world, { name: 'web', replicas: 3 });
    const { h } = fakeHarness(world);
    const grep = h.run('kubectl get pods -A | grep coredns');
    expect(grep.stdout.split('\n').filter(Boolean)).toHaveLength(2);
    expect(grep.status).toBe(0);
    expect(h.run('kubectl get nodes | grep -c worker').stdout).toBe('3\n');
    expect(h.run('kubectl get pods --no-headers | wc -l').stdout).toBe('3\n');
    expect(h.run('kubectl get pods | head -1').stdout).toMatch(/^NAME {3}/);
    expect(h.run('kubectl get pods | grep nothing-like-this').status).toBe(1);
  });

  it('has no docker, crictl or files, and says so', () => {
    const { h } = fakeHarness();
    expect(h.run('docker ps')).toMatchObject({
      stderr:
        'bash: docker: command not found\n(the nodes run containerd through CRI; there is no Docker Engine in this cluster)\n',
      status: 127,
    });
    expect(h.run('crictl ps')).toMatchObject({
      stderr: 'bash: crictl: command not found\n',
      status: 127,
    });
    expect(h.run('kubectl get pods > pods.txt')).toMatchObject({
      stderr: 'bash: pods.txt: this simulated laptop has no files\n',
      status: 1,
    });
    expect(h.run('constructor').status).toBe(127);
  });

  it("reports bash's syntax errors with status 2", () => {
    const { h } = fakeHarness();
    expect(h.run('kubectl get pods |')).toMatchObject({
      stderr: "bash: syntax error near unexpected token `newline'\n",
      status: 2,
    });
    expect(h.run('echo "unclosed').status).toBe(2);
  });

  it('explains where it is in help', () => {
    const { h } = fakeHarness();
    const help = h.run('help').stdout;
    expect(help).toContain('This terminal is your laptop');
    expect(help).toContain('https://10.0.0.10:6443');
    expect(help).toContain('containerd through CRI');
    expect(help).toContain('`docker` is not here');
    expect(help).toMatch(/\n {2}kubectl {2}the Kubernetes CLI/);
  });

  it('emits clear, submitted and ready events', () => {
    const shell = new KubeShell(new FakeKubePort());
    const events: TerminalEvent[] = [];
    shell.subscribe((e) => events.push(e));
    shell.submit('clear');
    expect(events).toEqual([
      { type: 'submitted', line: 'clear' },
      { type: 'clear' },
      { type: 'ready' },
    ]);
  });

  it('ignores lines while a job holds the prompt, and sleep waits on the cluster clock', () => {
    const { h, port } = fakeHarness();
    expect(h.run('sleep 2').busy).toBe(true);
    h.shell.execute('kubectl cordon worker-1');
    expect(port.world.nodes['worker-1']?.unschedulable).toBe(false);
    expect(h.advance(2000).busy).toBe(false);
    expect(h.run('sleep 1', 1000)).toMatchObject({ busy: false, status: 0 });
  });

  it('completes commands, subcommands, types, names, namespaces and output formats', () => {
    const world = fixtureWorld();
    addDeployment(world, { name: 'web', replicas: 2 });
    const shell = new KubeShell(new FakeKubePort(world));
    const at = (line: string) => shell.complete(line, line.length);
    expect(at('kub')).toEqual({ from: 0, candidates: ['kubectl'] });
    expect(at('kubectl g').candidates).toEqual(['get']);
    expect(at('kubectl get p').candidates).toEqual(['pods']);
    expect(at('kubectl get pods w').candidates).toEqual([
      'web-7c5ddbdf54-b7mzt',
      'web-7c5ddbdf54-x2k9q',
    ]);
    expect(at('kubectl delete pod ').candidates).toHaveLength(2);
    expect(at('kubectl get pods -n kube-system k').candidates).toContain('kube-proxy-q7x2n');
    expect(at('kubectl drain w').candidates).toEqual(['worker-1', 'worker-2', 'worker-3']);
    expect(at('kubectl scale deployment ').candidates).toEqual(['web']);
    expect(at('kubectl get -n kube-').candidates).toEqual([
      'kube-node-lease',
      'kube-public',
      'kube-system',
    ]);
    expect(at('kubectl get pods -o ').candidates).toEqual(['name', 'wide']);
    expect(at('kubectl drain worker-1 --ig').candidates).toEqual(['--ignore-daemonsets']);
    expect(at('echo hi && kubectl cor').candidates).toEqual(['cordon']);
  });

  it('survives a command that throws, with the prompt back', () => {
    const broken: KubePort = {
      get world(): never {
        throw new Error('world on fire');
      },
      trace: [],
      now: 0,
      apiReachable: () => true,
      connectionRefused: () => 'refused',
      apply: () => ({ ok: true }),
    };
    const shell = new KubeShell(broken);
    const events: TerminalEvent[] = [];
    shell.subscribe((e) => events.push(e));
    expect(() => shell.execute('kubectl get pods')).not.toThrow();
    expect(events.at(-1)).toEqual({ type: 'ready' });
    expect(JSON.stringify(events)).toContain('internal error: world on fire');
    expect(shell.complete('kubectl get pods ', 17).candidates).toEqual([]);
    expect(shell.busy).toBe(false);
  });
});
