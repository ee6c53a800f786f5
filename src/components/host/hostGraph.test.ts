import { describe, expect, it } from 'vitest';
import { ERAS, type Era } from '../../sim/eras';
import { Driver } from '../../sim/testing/driver';
import {
  hostGraph,
  layoutHost,
  NODE_HEIGHT,
  NODE_WIDTH,
  sessionContainerIds,
  type HostGraph,
} from './hostGraph';
import { hostParts } from './hostParts';

function graphAt(d: Driver, seq = d.sim.trace.length - 1): HostGraph {
  const world = d.sim.worldAt(seq);
  return hostGraph({
    era: world.settings.era,
    parts: hostParts(world),
    containerIds: sessionContainerIds(d.sim.trace),
  });
}

function node(graph: HostGraph, id: string) {
  const found = graph.nodes.find((n) => n.id === id);
  if (!found) throw new Error(`no node ${id}`);
  return found;
}

const names = (g: HostGraph) => g.nodes.map((n) => n.data.part.name);

describe('hostGraph', () => {
  it('draws the modern host by its real binary names, shim and runc as not running yet', () => {
    const g = graphAt(new Driver());
    expect(names(g)).toEqual(
      expect.arrayContaining([
        'docker',
        '/var/run/docker.sock',
        'dockerd',
        'containerd',
        'containerd-shim-runc-v2',
        'runc',
      ]),
    );
    const shim = g.nodes.find((n) => n.data.part.role === 'shim');
    expect(shim?.data.placeholder).toBe(true);
    expect(node(g, 'dockerd').data.part.status).toBe('up');
  });

  it('uses the docker- prefixed binaries of 1.12 to 18.06, and none of them in 1.10', () => {
    expect(names(graphAt(new Driver({ era: 'split' })))).toEqual(
      expect.arrayContaining(['docker-containerd', 'docker-containerd-shim', 'docker-runc']),
    );
    const mono = graphAt(new Driver({ era: 'monolith' }));
    expect(mono.nodes.map((n) => n.data.part.role)).not.toContain('containerd');
    expect(mono.nodes.map((n) => n.data.part.role)).not.toContain('runc');
    expect(node(mono, 'dockerd').data.part.name).toBe('docker');
  });

  it('shows a running container under its shim, and runc only while it runs', () => {
    const d = new Driver();
    const id = d.run('nginx', { name: 'web' });
    const g = graphAt(d);
    expect(node(g, `container:${id}`).data.part.status).toBe('running');
    expect(node(g, `shim:${id}`).data.part.name).toBe('containerd-shim-runc-v2');
    expect(g.nodes.some((n) => n.id === `runc:${id}`)).toBe(false);
    const during = d.sim.trace.findIndex((e) => e.label === 'runc create') + 2;
    expect(node(graphAt(d, during), `runc:${id}`).data.part.detail['operation']).toBe('create');
  });

  it('keeps the container running while dockerd is down', () => {
    const d = new Driver({ systemdRestart: false });
    const id = d.run('nginx', { name: 'web' });
    d.signal({ service: 'dockerd' }, 'SIGKILL');
    const g = graphAt(d);
    expect(node(g, 'dockerd').data.part.status).toBe('down');
    expect(node(g, `container:${id}`).data.part.status).toBe('running');
    expect(node(g, `shim:${id}`).data.part.status).toBe('up');
  });

  it('keeps every node where it was as the session goes on', () => {
    const d = new Driver();
    const id = d.run('nginx', { name: 'web' });
    d.run('redis', { name: 'cache' });
    const early = graphAt(d, 40);
    const late = graphAt(d);
    for (const id0 of ['dockerd', 'containerd', `shim:${id}`]) {
      const a = early.nodes.find((n) => n.id === id0);
      if (a) expect(node(late, id0).position).toEqual(a.position);
    }
  });

  it.each(ERAS)('connects only drawn nodes and lays them out without overlaps (%s)', (era: Era) => {
    const d = new Driver({ era });
    d.run('nginx', { name: 'web' });
    d.run('alpine', { name: 'job', cmd: ['sleep', '1'] });
    const g = graphAt(d);
    const ids = new Set(g.nodes.map((n) => n.id));
    for (const e of g.edges) expect(ids.has(e.source) && ids.has(e.target), e.id).toBe(true);
    for (const a of g.nodes) {
      for (const b of g.nodes) {
        if (a === b) continue;
        expect(
          Math.abs(a.position.x - b.position.x) >= NODE_WIDTH ||
            Math.abs(a.position.y - b.position.y) >= NODE_HEIGHT,
          `${a.id} overlaps ${b.id}`,
        ).toBe(true);
      }
    }
  });

  it('puts the request chain top to bottom in one column', () => {
    const positions = layoutHost('modern', []);
    const chain = ['cli', 'api', 'dockerd', 'containerd'].map((id) => positions.get(id)!);
    expect(chain.map((p) => p.y)).toEqual([...chain.map((p) => p.y)].sort((a, b) => a - b));
    expect(new Set(chain.map((p) => p.x)).size).toBe(1);
  });
});

describe('a 1.10 container after its daemon died', () => {
  it('is drawn down with no process, while the dead daemon has not written it down yet', () => {
    const d = new Driver({ era: 'monolith', systemdRestart: false });
    const id = d.run('nginx', { name: 'web' });
    d.signal({ service: 'dockerd' }, 'SIGKILL');
    const web = node(graphAt(d), `container:${id}`);
    expect(web.data.part.status).toBe('down');
    expect(web.data.part.machineState).toBe('running');
    expect(web.data.part.pid).toBeNull();
  });
});

describe('a build in the host view', () => {
  it('each step flies from dockerd into the image store, and the store says which step it is on', () => {
    const d = new Driver();
    d.api('POST', '/build?t=app', {
      context: {
        Dockerfile: 'FROM alpine\nWORKDIR /app\nCOPY a.txt .\nCMD ["cat", "a.txt"]\n',
        'a.txt': 'hello',
      },
    });
    const steps = d.sim.trace.filter((e) => e.from === 'dockerd' && e.to === 'images');
    expect(steps.map((e) => e.label)).toEqual([
      'Step 1: base image',
      'Step 2: config only',
      'Step 3: layer 5B',
      'Step 4: config only',
    ]);
    const during = graphAt(d, steps[1]?.seq);
    expect(node(during, 'images').data.part.detail).toMatchObject({ buildStep: 3, buildTotal: 4 });
    expect(node(graphAt(d), 'images').data.part.detail).not.toHaveProperty('buildStep');
  });
});
