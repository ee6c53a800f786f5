import { describe, expect, it } from 'vitest';
import { ERAS, type Era } from '../../sim/eras';
import { hostGraph, NODE_HEIGHT, NODE_WIDTH, type HostGraph } from './hostGraph';

function namesOf(graph: HostGraph): string[] {
  return graph.nodes.map((node) => node.data.name);
}

function nodeOf(graph: HostGraph, id: string) {
  const node = graph.nodes.find((candidate) => candidate.id === id);
  if (!node) throw new Error(`no node ${id}`);
  return node;
}

describe('hostGraph', () => {
  it('draws the modern runtime chain with its real binary names', () => {
    const graph = hostGraph({ era: 'modern' });
    expect(namesOf(graph)).toEqual(
      expect.arrayContaining([
        'docker',
        'dockerd',
        'containerd',
        'containerd-shim-runc-v2',
        'runc',
      ]),
    );
    expect(nodeOf(graph, 'api').data.name).toBe('/var/run/docker.sock');
    expect(nodeOf(graph, 'containerd').data.note?.key).toBe('systemdService');
  });

  it('uses the docker- prefixed binaries of 1.12 to 18.06', () => {
    const graph = hostGraph({ era: 'split' });
    expect(namesOf(graph)).toEqual(
      expect.arrayContaining([
        'dockerd',
        'docker-containerd',
        'docker-containerd-shim',
        'docker-runc',
      ]),
    );
    expect(namesOf(graph)).not.toContain('containerd-shim-runc-v2');
    expect(nodeOf(graph, 'containerd').data.note?.key).toBe('startedByDockerd');
  });

  it('has no containerd, shim or runc in the monolith, whose daemon parents the containers', () => {
    const graph = hostGraph({ era: 'monolith' });
    const ids = graph.nodes.map((node) => node.id);
    expect(ids).not.toContain('runc');
    expect(ids).not.toContain('shim');
    expect(ids).not.toContain('containerd');
    const daemon = nodeOf(graph, 'dockerd');
    expect(daemon.data.name).toBe('docker');
    expect(daemon.data.note?.key).toBe('childrenOfDaemon');
  });

  it('shows the API version each era speaks on the socket', () => {
    expect(nodeOf(hostGraph({ era: 'monolith' }), 'api').data.note?.values).toEqual({
      version: '1.22',
    });
    expect(nodeOf(hostGraph({ era: 'modern' }), 'api').data.note?.values).toEqual({
      version: '1.51',
    });
  });

  it.each(ERAS)('connects only nodes that exist (%s)', (era: Era) => {
    const graph = hostGraph({ era });
    const ids = new Set(graph.nodes.map((node) => node.id));
    for (const edge of graph.edges) {
      expect(ids.has(edge.source), edge.id).toBe(true);
      expect(ids.has(edge.target), edge.id).toBe(true);
    }
    expect(new Set(graph.edges.map((edge) => edge.id)).size).toBe(graph.edges.length);
  });

  it.each(ERAS)('lays out without overlaps, the chain top to bottom (%s)', (era: Era) => {
    const graph = hostGraph({ era });
    for (const a of graph.nodes) {
      for (const b of graph.nodes) {
        if (a === b) continue;
        const apart =
          Math.abs(a.position.x - b.position.x) >= NODE_WIDTH ||
          Math.abs(a.position.y - b.position.y) >= NODE_HEIGHT;
        expect(apart, `${a.id} overlaps ${b.id}`).toBe(true);
      }
    }
    const chain = ['cli', 'api', 'dockerd', 'containerd', 'shim', 'runc'].filter((id) =>
      graph.nodes.some((node) => node.id === id),
    );
    const ys = chain.map((id) => nodeOf(graph, id).position.y);
    expect(ys).toEqual([...ys].sort((a, b) => a - b));
    expect(new Set(ys).size).toBe(ys.length);
  });

  it('keeps the modern runtime chain in one straight column', () => {
    const graph = hostGraph({ era: 'modern' });
    const xs = ['cli', 'api', 'dockerd', 'containerd', 'shim', 'runc'].map(
      (id) => nodeOf(graph, id).position.x,
    );
    expect(new Set(xs).size).toBe(1);
  });

  it('is deterministic', () => {
    expect(hostGraph({ era: 'split' })).toEqual(hostGraph({ era: 'split' }));
  });
});
