/**
 * Any line at all gets an answer and leaves the laptop's terminal working: random lines of
 * kubectl words, flags, names (hostile ones too), shell syntax, control characters and
 * unbalanced quotes never throw, never print an internal error, end with exactly one `ready`
 * (at once, or when their job ends or is interrupted), and the shell takes the next line.
 * Replaying the cluster's log rebuilds the same output.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KubeCluster } from '../../sim/kube/kubeCluster';
import type { OutputChunk } from '../shell/types';
import { KubeShell } from './kubeShell';
import { replayKubeTerminal } from './replay';

const WORDS = [
  'kubectl',
  'kubectl',
  'kubectl',
  'get',
  'create',
  'deployment',
  'deploy',
  'scale',
  'delete',
  'cordon',
  'uncordon',
  'drain',
  'version',
  'cluster-info',
  'help',
  'describe',
  'all',
  'pods',
  'pod',
  'po',
  'nodes',
  'no',
  'deployments',
  'rs',
  'ds',
  'svc',
  'web',
  'worker-1',
  'worker-2',
  'control-plane',
  'pod/web',
  'deploy/web',
  '--image=nginx',
  '--image',
  'nginx',
  '--replicas=2',
  '--replicas',
  '3',
  '-1',
  '--replicas=99999',
  '-o',
  'wide',
  'name',
  'yaml',
  '-owide',
  '-A',
  '-n',
  'kube-system',
  '--all',
  '--wait=false',
  '--ignore-daemonsets',
  '--force',
  '-w',
  '--foo',
  '-x',
  '--',
  '--help',
  'docker',
  'crictl',
  'echo',
  'grep',
  'sleep',
  '1',
  '&&',
  '||',
  ';',
  '|',
  '>',
  '$(kubectl get pods -o name)',
  '$(rm -rf /)',
  "'$(rm -rf /)'",
  '"',
  "'",
  '\\',
  '\u0000',
  '\u0003',
  'Bad_Name',
  '__proto__',
  'constructor',
  'x'.repeat(300),
];

const line = fc.oneof(
  fc.array(fc.constantFrom(...WORDS), { minLength: 0, maxLength: 8 }).map((w) => w.join(' ')),
  fc.string({ maxLength: 60 }),
  fc.constant(`kubectl get pod ${'a'.repeat(10_000)}`),
);

function run(lines: readonly string[]) {
  const cluster = new KubeCluster({ seed: 'kubectl-property', workers: 2 });
  const shell = new KubeShell(cluster);
  const output: OutputChunk[] = [];
  let ready = 0;
  shell.subscribe((e) => {
    if (e.type === 'output') output.push(e.chunk);
    if (e.type === 'ready') ready++;
  });
  for (const text of lines) {
    const before = ready;
    expect(() => shell.execute(text)).not.toThrow();
    for (let waited = 0; shell.busy && waited < 3000; waited += 500) {
      cluster.advance(500);
      expect(() => shell.poll()).not.toThrow();
    }
    if (shell.busy) expect(() => shell.interrupt()).not.toThrow();
    expect(shell.busy).toBe(false);
    expect(ready).toBe(before + 1);
  }
  return { cluster, output };
}

describe('KubeShell with random lines', () => {
  it('never throws, never fails inside, and always gives the prompt back', () => {
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 6 }), (lines) => {
        const { output } = run(lines);
        const text = output.map((c) => c.text).join('');
        expect(text).not.toContain('internal error');
        // No name reached an object's prototype (`kubectl cordon __proto__`).
        expect(Object.prototype).not.toHaveProperty('unschedulable');
      }),
      { numRuns: 120 },
    );
  });

  it('replays a random session to the same output', () => {
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 5 }), (lines) => {
        const { cluster, output } = run(lines);
        const replayed = replayKubeTerminal({ seed: 'kubectl-property', workers: 2 }, cluster.log);
        expect(replayed.divergedAt).toBeNull();
        expect(replayed.output).toEqual(output);
      }),
      { numRuns: 40 },
    );
  });
});
