/**
 * What `docker version`, `docker events --filter ...` and `docker logs --timestamps` get from
 * the simulated dockerd, in the shapes the real CLI prints as they come (ENGINE-API.md).
 */
import { describe, expect, it } from 'vitest';
import { Driver } from '../testing/driver';
import type { ApiResponse } from './types';

interface EventJson {
  Type: string;
  Action: string;
  Actor: { ID: string; Attributes: Record<string, string> };
  time: number;
}

function events(d: Driver, query: string): EventJson[] {
  const r = d.api('GET', `/events?${query}`);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return (r.stream ?? []) as EventJson[];
}

function filtersQuery(filters: unknown): string {
  return `since=0&filters=${encodeURIComponent(JSON.stringify(filters))}`;
}

function message(r: ApiResponse): string {
  return (r.body as { message?: string } | undefined)?.message ?? '';
}

describe('docker version: the Server lines come from Components[0].Details', () => {
  const LINES = [
    'ApiVersion',
    'Arch',
    'BuildTime',
    'Experimental',
    'GitCommit',
    'GoVersion',
    'KernelVersion',
    'MinAPIVersion',
    'Os',
  ];

  it('the Engine details hold every field the CLI prints, as strings, matching the top level', () => {
    const body = new Driver().api('GET', '/version').body as Record<string, unknown>;
    const engine = (body['Components'] as { Name: string; Details: Record<string, unknown> }[])[0];
    expect(engine?.Name).toBe('Engine');
    const details = engine?.Details ?? {};
    expect(Object.keys(details).sort()).toEqual(LINES);
    for (const key of LINES) {
      expect(typeof details[key], key).toBe('string');
      expect(details[key], key).not.toBe('');
      if (key !== 'Experimental') expect(details[key], key).toBe(body[key]);
    }
    expect(details).toMatchObject({
      ApiVersion: '1.51',
      MinAPIVersion: '1.24',
      GoVersion: 'go1.24.8',
      Os: 'linux',
      Arch: 'amd64',
      Experimental: 'false',
    });
    // `Built:` is parsed as RFC3339Nano by the CLI and printed in Go's ANSIC layout.
    expect(Number.isFinite(Date.parse(String(details['BuildTime'])))).toBe(true);
  });

  it('each era reports its own versions in both places', () => {
    const body = new Driver({ era: 'split' }).api('GET', '/version').body as {
      Version: string;
      GoVersion: string;
      Components: { Version: string; Details: Record<string, string> }[];
    };
    expect(body.Version).toBe('18.06.3-ce');
    expect(body.Components[0]?.Version).toBe('18.06.3-ce');
    expect(body.Components[0]?.Details).toMatchObject({
      ApiVersion: '1.38',
      MinAPIVersion: '1.12',
      GoVersion: 'go1.10.8',
    });
    expect(body.GoVersion).toBe('go1.10.8');
  });
});

describe('docker events --since ... --filter ...', () => {
  /** web (nginx) started and stopped, db (redis) started. */
  function session(): { d: Driver; web: string; db: string } {
    const d = new Driver();
    const web = d.run('nginx', { name: 'web' });
    const db = d.run('redis', { name: 'db' });
    d.stop('web');
    return { d, web, db };
  }

  it('without filters every past event comes: images, containers, redis’s /data volume', () => {
    const { d } = session();
    const all = events(d, 'since=0');
    expect(new Set(all.map((e) => e.Type))).toEqual(new Set(['image', 'container', 'volume']));
    const volumes = events(d, filtersQuery({ type: { volume: true } }));
    expect(volumes.length).toBeGreaterThan(0);
    expect(volumes.every((e) => e.Type === 'volume')).toBe(true);
  });

  it('--filter type=container --filter event=start (the CLI’s map form): only starts', () => {
    const { d, web, db } = session();
    const got = events(d, filtersQuery({ type: { container: true }, event: { start: true } }));
    expect(got.map((e) => [e.Type, e.Action, e.Actor.ID])).toEqual([
      ['container', 'start', web],
      ['container', 'start', db],
    ]);
  });

  it('the legacy list form, with container=web: only web’s start', () => {
    const { d, web } = session();
    const got = events(
      d,
      filtersQuery({ type: ['container'], container: ['web'], event: ['start'] }),
    );
    expect(got).toHaveLength(1);
    expect(got[0]).toMatchObject({ Action: 'start', Actor: { ID: web } });
  });

  it('container= takes the name or an ID prefix, as dockerd matches it', () => {
    const { d, web } = session();
    const byId = events(d, filtersQuery({ container: { [web.slice(0, 12)]: true } }));
    expect(byId.length).toBeGreaterThan(2);
    expect(byId.every((e) => e.Actor.ID === web)).toBe(true);
    expect(byId.map((e) => e.Action)).toEqual(expect.arrayContaining(['create', 'start']));
    const byName = events(d, filtersQuery({ container: { web: true } }));
    expect(byName).toEqual(byId);
  });

  it('image=nginx: the pull and the containers made from nginx, not redis', () => {
    const { d } = session();
    const got = events(d, filtersQuery({ image: { nginx: true } }));
    expect(got.some((e) => e.Type === 'image' && e.Action === 'pull')).toBe(true);
    expect(got.some((e) => e.Type === 'container' && e.Actor.Attributes['name'] === 'web')).toBe(
      true,
    );
    expect(got.some((e) => e.Actor.Attributes['name'] === 'db')).toBe(false);
    expect(got.some((e) => e.Actor.ID.startsWith('redis'))).toBe(false);
  });

  it('filters and --until together: the stop after `until` is left out', () => {
    const d = new Driver();
    d.run('nginx', { name: 'web' });
    d.advance(5_000);
    const until = Math.floor((d.sim.world.epochMs + d.sim.now) / 1000);
    d.advance(5_000);
    d.stop('web');
    const stops = { type: { container: true }, event: { stop: true, die: true } };
    expect(events(d, filtersQuery(stops)).map((e) => e.Action)).toEqual(['die', 'stop']);
    expect(events(d, `${filtersQuery(stops)}&until=${until}`)).toEqual([]);
  });

  it('filters that are not JSON: 400 "invalid filter"', () => {
    const r = new Driver().api('GET', '/events?since=0&filters=type%3Dcontainer');
    expect(r.status).toBe(400);
    expect(message(r)).toBe('invalid filter');
  });
});

describe('docker logs --timestamps', () => {
  it('stamps each line in RFC3339Nano with nine digits, at the time the line was written', () => {
    const d = new Driver();
    d.run('nginx', { name: 'web' });
    const c = d.container('web');
    const frames = d.api('GET', '/containers/web/logs?stdout=1&stderr=1&timestamps=1').frames;
    expect(frames?.length).toBe(c.logs.length);
    (frames ?? []).forEach((f, i) => {
      const m = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.(\d{9})Z) (.*)\n$/s.exec(f.data);
      expect(m, f.data).not.toBeNull();
      const line = c.logs[i];
      expect(m?.[3]).toBe(line?.text);
      expect(Date.parse(m?.[1] ?? '')).toBe(d.sim.world.epochMs + (line?.t ?? NaN));
      expect(m?.[2]).toMatch(/^\d{3}000000$/);
    });
  });
});
