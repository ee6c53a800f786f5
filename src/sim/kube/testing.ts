/**
 * Test helpers for the Kubernetes cluster: a fresh cluster, a deployment's pods by status,
 * and shortcuts for the writes kubectl sends.
 */
import { KubeCluster } from './kubeCluster';
import type { KubeResult } from './inputs';
import type { Pod } from './types';

export function newKube(workers = 3, seed = 'kube-test'): KubeCluster {
  return new KubeCluster({ seed, workers });
}

export function createDeployment(c: KubeCluster, name: string, replicas: number, image = 'nginx') {
  return c.apply({
    kind: 'api',
    request: { verb: 'createDeployment', namespace: 'default', name, image, replicas },
  });
}

export function scale(c: KubeCluster, name: string, replicas: number): KubeResult {
  return c.apply({
    kind: 'api',
    request: { verb: 'scaleDeployment', namespace: 'default', name, replicas },
  });
}

export function deletePod(c: KubeCluster, name: string): KubeResult {
  return c.apply({ kind: 'api', request: { verb: 'deletePod', namespace: 'default', name } });
}

/** The pods of the default namespace (a deployment's, when `prefix` is its name). */
export function appPods(c: KubeCluster, prefix = ''): Pod[] {
  return Object.values(c.world.pods).filter(
    (p) => p.namespace === 'default' && p.name.startsWith(prefix),
  );
}

export function running(c: KubeCluster, prefix = ''): Pod[] {
  return appPods(c, prefix).filter((p) => p.status === 'running' && p.deletionTimestamp === null);
}
