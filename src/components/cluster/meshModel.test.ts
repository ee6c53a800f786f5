/**
 * The routing mesh table on a real swarm: every machine answers a published port, those with
 * no task of the service by passing the connection on; a powered-off machine answers nothing.
 */
import { describe, expect, it } from 'vitest';
import { Cluster } from '../../sim/cluster/cluster';
import { setUpSwarm } from '../../cli/cluster/swarmSetup';
import { meshPorts } from './meshModel';

describe('routing mesh table', () => {
  it('any node answers on the published port, passing it on when it runs no task', () => {
    const cluster = new Cluster({ seed: 'mesh-view', nodes: 4 });
    const error = setUpSwarm(cluster, {
      managers: 1,
      workers: 3,
      services: [
        { name: 'web', image: 'nginx', replicas: 2, ports: [{ published: 8080, target: 80 }] },
      ],
    });
    expect(error).toBeNull();
    cluster.advance(30_000);
    const [port] = meshPorts(cluster);
    expect(port).toMatchObject({ service: 'web', port: 8080, target: 80 });
    expect(port?.rows.map((r) => r.node)).toEqual(['node-1', 'node-2', 'node-3', 'node-4']);
    // Connection after connection, each machine hands out both tasks in turn.
    for (const row of port?.rows ?? []) {
      expect(row.answers.map((a) => a.taskName).sort()).toEqual(['web.1', 'web.2']);
      expect(row.forwards).toBe(row.answers.some((a) => a.node !== row.node));
    }
    // Two tasks on four machines: every machine passes some connections on.
    expect(port?.rows.every((r) => r.forwards)).toBe(true);

    cluster.apply({ kind: 'powerOff', node: 'node-4' });
    const after = meshPorts(cluster)[0]?.rows.find((r) => r.node === 'node-4');
    expect(after?.answers).toEqual([]);
  });
});
