/**
 * Rolling updates as `docker service update` shows them: batches of `--update-parallelism`
 * tasks `--update-delay` apart, pause or rollback when new tasks fail, start-first order, and
 * scaling that restarts nothing.
 */
import { describe, expect, it } from 'vitest';
import { ClusterDriver } from './driver';
import type { SwarmTask } from './types';

function setup(
  seed: string,
  update: Parameters<ClusterDriver['createService']>[1]['update'],
): ClusterDriver {
  const d = new ClusterDriver({ seed, nodes: 4 });
  d.form(1, 3);
  d.createService('node-1', { name: 'web', replicas: 6, image: 'nginx:latest', update });
  d.advance(15_000);
  return d;
}

const withImage = (image: string, args?: string[]) => (spec: Record<string, unknown>) => {
  const task = spec['TaskTemplate'] as { ContainerSpec: Record<string, unknown> };
  return {
    ...spec,
    TaskTemplate: {
      ...task,
      ContainerSpec: { ...task.ContainerSpec, Image: image, ...(args ? { Args: args } : {}) },
    },
  };
};

function service(d: ClusterDriver) {
  return Object.values(d.cluster.world.services).find((s) => s.spec.name === 'web')!;
}

function tasksWithImage(d: ClusterDriver, image: string): SwarmTask[] {
  return d.running('web').filter((t) => t.template.image === image);
}

describe('rolling updates', () => {
  it('replaces tasks two at a time, 10 s apart, then marks the update completed', () => {
    const d = setup('batches', { parallelism: 2, delayMs: 10_000 });
    const before = new Set(d.running('web').map((t) => t.id));
    expect(d.updateService('node-1', 'web', withImage('nginx:alpine')).status).toBe(200);
    expect(service(d).updateStatus?.state).toBe('updating');
    d.advance(8000);
    expect(tasksWithImage(d, 'nginx:alpine')).toHaveLength(2);
    d.advance(10_000);
    expect(tasksWithImage(d, 'nginx:alpine')).toHaveLength(4);
    d.advance(30_000);
    expect(tasksWithImage(d, 'nginx:alpine')).toHaveLength(6);
    expect(d.running('web').some((t) => before.has(t.id))).toBe(false);
    const created = Object.values(d.cluster.world.tasks)
      .filter((t) => t.template.image === 'nginx:alpine')
      .map((t) => t.createdAt)
      .sort((a, b) => a - b);
    expect(created[2]! - created[1]!).toBeGreaterThanOrEqual(10_000);
    expect(created[1]! - created[0]!).toBeLessThan(1000);
    expect(service(d).updateStatus).toMatchObject({
      state: 'completed',
      message: 'update completed',
    });
  });

  it('pauses when a new task fails, with SwarmKit\u2019s message, leaving the rest on the old spec', () => {
    const d = setup('pause', { parallelism: 1, failureAction: 'pause' });
    d.updateService('node-1', 'web', withImage('alpine:latest', ['false']));
    d.advance(20_000);
    const status = service(d).updateStatus!;
    expect(status.state).toBe('paused');
    expect(status.message).toMatch(
      /^update paused due to failure or early termination of task [0-9a-z]{25}$/,
    );
    expect(tasksWithImage(d, 'nginx:latest').length).toBeGreaterThanOrEqual(4);
  });

  it('rolls back to the previous spec when the failure action is rollback', () => {
    const d = setup('rollback', { parallelism: 1, failureAction: 'rollback' });
    d.updateService('node-1', 'web', withImage('alpine:latest', ['false']));
    d.advance(60_000);
    const s = service(d);
    expect(s.spec.image).toBe('nginx:latest');
    expect(s.updateStatus?.state).toBe('rollback_completed');
    expect(s.updateStatus?.message).toBe('rollback completed');
    expect(tasksWithImage(d, 'nginx:latest')).toHaveLength(6);
  });

  it('start-first shuts each old task down only once its replacement runs; stop-first the other way round', () => {
    for (const order of ['start-first', 'stop-first'] as const) {
      const d = setup(order, { parallelism: 1, order });
      d.updateService('node-1', 'web', withImage('nginx:alpine'));
      d.advance(40_000);
      expect(tasksWithImage(d, 'nginx:alpine')).toHaveLength(6);
      for (const fresh of tasksWithImage(d, 'nginx:alpine')) {
        const old = Object.values(d.cluster.world.tasks).find(
          (t) => t.slot === fresh.slot && t.template.image === 'nginx:latest',
        )!;
        expect(old.state).toBe('shutdown');
        if (order === 'start-first') expect(old.stateAt).toBeGreaterThanOrEqual(fresh.stateAt);
        else expect(old.stateAt).toBeLessThanOrEqual(fresh.stateAt);
      }
    }
  });

  it('scaling alone restarts no task', () => {
    const d = setup('scale-only', {});
    const before = d
      .running('web')
      .map((t) => t.id)
      .sort();
    expect(d.scale('node-1', 'web', 8).status).toBe(200);
    d.advance(15_000);
    const after = d.running('web').map((t) => t.id);
    expect(after).toHaveLength(8);
    for (const id of before) expect(after).toContain(id);
    expect(service(d).updateStatus).toBeNull();
    d.scale('node-1', 'web', 3);
    d.advance(15_000);
    expect(d.running('web')).toHaveLength(3);
  });
});
