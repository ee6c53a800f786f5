/** The API panel's rows: each request paired with its answer, under the line that sent it. */
import { describe, expect, it } from 'vitest';
import { ShellHarness } from '../../cli/shell/testing';
import { apiExchanges } from './apiExchanges';

describe('apiExchanges', () => {
  it('pairs each request with its response and names the typed line', () => {
    const t = new ShellHarness();
    t.run('docker run -d --name web nginx');
    t.run('docker ps');
    const rows = apiExchanges(t.sim.trace, t.sim.trace.length - 1);
    expect(rows.map((r) => `${r.command} | ${r.method} ${r.path} -> ${r.statusLine}`)).toEqual([
      'docker run -d --name web nginx | HEAD /_ping -> 200 OK',
      'docker run -d --name web nginx | POST /v1.51/containers/create?name=web -> 404 Not Found',
      'docker run -d --name web nginx | POST /v1.51/images/create?fromImage=docker.io%2Flibrary%2Fnginx&tag=latest -> 200 OK',
      'docker run -d --name web nginx | POST /v1.51/containers/create?name=web -> 201 Created',
      expect.stringMatching(
        /\| POST \/v1\.51\/containers\/[0-9a-f]{64}\/wait\?condition=next-exit -> 200 OK$/,
      ),
      expect.stringMatching(/\| POST \/v1\.51\/containers\/[0-9a-f]{64}\/start -> 204 No Content$/),
      'docker ps | HEAD /_ping -> 200 OK',
      'docker ps | GET /v1.51/containers/json -> 200 OK',
    ]);
    const pull = rows[2];
    expect(Array.isArray(pull?.response?.['stream'])).toBe(true);
    expect(rows[1]?.requestBody).toMatchObject({ Image: 'nginx' });
  });

  it('shows only what happened up to the cursor, and refused connections as such', () => {
    const t = new ShellHarness();
    t.run('systemctl stop docker');
    t.run('docker ps');
    const rows = apiExchanges(t.sim.trace, t.sim.trace.length - 1);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.refused).toBe(true);
    expect(apiExchanges(t.sim.trace, 0)).toEqual([]);
  });

  it('credits requests from the real CLI to their port, not to the last typed line', () => {
    const t = new ShellHarness();
    t.run('docker ps');
    t.sim.request({
      method: 'GET',
      path: '/v1.50/containers/json',
      via: { port: 2376, tls: true, client: 'student' },
    });
    const rows = apiExchanges(t.sim.trace, t.sim.trace.length - 1);
    const last = rows.at(-1);
    expect(last).toMatchObject({ via: 'tcp 2376, TLS, student', path: '/v1.50/containers/json' });
    expect(last?.command).toBeUndefined();
  });
});
