/**
 * Opening a Swarm machine in the host views: the session shows that machine's simulation,
 * what the terminal does there goes through the cluster (and into its log), a terminal job
 * waiting on it moves the cluster's time, and leaving brings the session's own host back.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { useClusterStore } from './clusterStore';
import { useSessionStore } from './sessionStore';

const cluster = () => useClusterStore.getState();
const session = () => useSessionStore.getState();

afterEach(() => {
  session().leave();
  cluster().stopClock();
});

describe('visiting a cluster machine', () => {
  it('shows its host, acts through the cluster, and comes back home', () => {
    const home = session().sim;
    expect(cluster().setUp()).toBeNull();
    cluster().visit('node-4');
    const machine = cluster().ensure().node('node-4');
    expect(session().sim).toBe(machine.sim);
    expect(session().visiting?.machine).toBe('node-4');
    expect(cluster().visiting).toBe('node-4');

    // `docker ps` on node-4: an Engine API request the cluster logs for that machine.
    const logged = cluster().ensure().log.length;
    const result = session().run({
      kind: 'api',
      request: { method: 'GET', path: '/v1.51/containers/json', headers: {}, body: null },
    });
    expect(result.response?.status).toBe(200);
    expect(
      cluster()
        .ensure()
        .log.slice(logged)
        .map((e) => e.input),
    ).toEqual([expect.objectContaining({ kind: 'api', node: 'node-4' })]);

    // A waiting terminal job lets the cluster's time pass, not just this machine's.
    const before = cluster().ensure().now;
    session().tick(2000);
    expect(cluster().ensure().now).toBeGreaterThanOrEqual(before + 2000);

    session().leave();
    expect(session().sim).toBe(home);
    expect(session().visiting).toBeNull();
    expect(cluster().visiting).toBeNull();
  });

  it('a new cluster ends the visit', () => {
    cluster().setUp();
    cluster().visit('node-2');
    cluster().reset();
    expect(session().visiting).toBeNull();
    expect(cluster().visiting).toBeNull();
  });
});
