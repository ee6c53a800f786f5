import { describe, expect, it } from 'vitest';
import { ClusterDriver } from './driver';

describe('swarm basics', () => {
  it('init, joins, a service of 6 replicas spread over the nodes', () => {
    const d = new ClusterDriver({ seed: 'basics', nodes: 6 });
    const init = d.init('node-1');
    expect(init.status).toBe(200);
    expect(typeof init.body).toBe('string');
    expect(d.join('node-2', 'manager', 'node-1').status).toBe(200);
    expect(d.join('node-3', 'manager', 'node-1').status).toBe(200);
    for (const n of ['node-4', 'node-5', 'node-6'])
      expect(d.join(n, 'worker', 'node-1').status).toBe(200);
    d.advance(2000);
    const nodes = d.api('node-1', 'GET', '/nodes').body as {
      Spec: { Role: string };
      Status: { State: string };
      ManagerStatus?: { Leader?: boolean };
    }[];
    expect(nodes).toHaveLength(6);
    expect(nodes.filter((n) => n.Spec.Role === 'manager')).toHaveLength(3);
    expect(nodes.every((n) => n.Status.State === 'ready')).toBe(true);
    expect(nodes.filter((n) => n.ManagerStatus?.Leader)).toHaveLength(1);
    expect(d.createService('node-1', { name: 'web', replicas: 6 }).status).toBe(201);
    d.advance(10_000);
    expect(d.running('web')).toHaveLength(6);
    for (let i = 1; i <= 6; i++) expect(d.containersOn(`node-${i}`, 'web')).toBe(1);
  });
});
