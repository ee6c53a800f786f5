import { describe, expect, it } from 'vitest';
import { resolveName } from './network';
import { Driver } from './testing/driver';

describe('container DNS (libnetwork in dockerd)', () => {
  it('resolves peers by name on a user-defined bridge, not on the default bridge', () => {
    const d = new Driver();
    d.api('POST', '/networks/create', { Name: 'appnet' });
    d.run('redis', { name: 'cache', network: 'appnet' });
    d.run('alpine', { name: 'client', network: 'appnet', cmd: ['sleep', '600'] });
    d.run('alpine', { name: 'lonely', cmd: ['sleep', '600'] });
    d.run('nginx', { name: 'web' });
    const client = d.container('client');
    expect(resolveName(d.sim.host, client, 'cache')).toBe(
      d.container('cache').networks['appnet']?.ipAddress,
    );
    expect(d.container('cache').networks['appnet']?.ipAddress).toMatch(/^172\.18\.0\.\d+$/);
    // On the default bridge containers reach each other only by IP.
    expect(resolveName(d.sim.host, d.container('lonely'), 'web')).toBeNull();
    expect(resolveName(d.sim.host, client, 'web')).toBeNull();
  });

  it('forgets a stopped peer', () => {
    const d = new Driver();
    d.api('POST', '/networks/create', { Name: 'appnet' });
    d.run('redis', { name: 'cache', network: 'appnet' });
    d.run('alpine', { name: 'client', network: 'appnet', cmd: ['sleep', '600'] });
    d.stop('cache');
    expect(resolveName(d.sim.host, d.container('client'), 'cache')).toBeNull();
  });
});
