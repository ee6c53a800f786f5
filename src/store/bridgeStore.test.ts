/**
 * The bridge mirror: addresses the app accepts, and a mirror fed the bridge's log in pieces
 * (with idle spells extended in place, as the bridge's clock extends them) ends with the same
 * trace and world as the bridge's own simulation.
 */
import { describe, expect, it } from 'vitest';
import { Cluster } from '../sim/cluster/cluster';
import { applyLog, bridgeUrl } from './bridgeStore';

describe('bridge address', () => {
  it('takes http(s) on this machine only', () => {
    expect(bridgeUrl('http://127.0.0.1:2375')).toBe('http://127.0.0.1:2375');
    expect(bridgeUrl(' http://localhost:9000/whatever?x=1 ')).toBe('http://localhost:9000');
    for (const hostile of [
      'javascript:alert(1)',
      'http://evil.example:2375',
      'http://user:pw@127.0.0.1:2375',
      'ftp://127.0.0.1:2375',
      '<script>alert(1)</script>',
      'x'.repeat(100_000),
      '',
    ])
      expect(bridgeUrl(hostile)).toBeNull();
  });
});

describe('the mirror', () => {
  it('follows the bridge log piece by piece, idle spells included, to the same traces', () => {
    // The bridge's host is the one machine of a Cluster (so swarm commands work on it).
    const bridge = new Cluster({ seed: 'bridge', nodes: 1 });
    const mirror = new Cluster(bridge.options);
    let synced = 0;
    const sync = () => {
      // What /_anatomy/stream sends: from the last entry already sent (it may have grown).
      const from = Math.max(0, synced - 1);
      applyLog(mirror, from, bridge.log.slice(from));
      synced = bridge.log.length;
    };
    const post = (path: string, body: unknown) =>
      bridge.request('node-1', {
        method: 'POST',
        path,
        headers: { 'Content-Type': 'application/json' },
        body,
        via: { port: 2375, tls: false },
      });
    post('/v1.50/containers/create?name=web', { Image: 'nginx' });
    sync();
    bridge.idle(100);
    sync();
    bridge.idle(100);
    bridge.idle(250);
    sync();
    post('/v1.50/containers/web/start', null);
    post('/v1.50/swarm/init', { ListenAddr: '0.0.0.0:2377' });
    for (let i = 0; i < 50; i++) {
      bridge.idle(200);
      if (i % 7 === 0) sync();
    }
    sync();
    expect(mirror.log).toEqual(bridge.log);
    const traces = (c: Cluster) => JSON.stringify([c.trace, c.node('node-1').sim.trace]);
    expect(traces(mirror)).toBe(traces(bridge));
    expect(mirror.world).toEqual(bridge.world);
    expect(mirror.node('node-1').sim.world.containers).toEqual(
      bridge.node('node-1').sim.world.containers,
    );
  });
});
