import { describe, expect, it } from 'vitest';
import { AGGREGATE_OVER, nodeCards, phaseCounts, serviceLines } from './clusterModel';
import { isShownOnNode, LINGER_MS, taskPhase } from './taskPhase';
import { node, service, swarm, task, withTasks } from './testWorld';

describe('task phases', () => {
  it('folds SwarmKit states into starting, running, stopping, failed and ended', () => {
    expect(taskPhase({ state: 'preparing', desiredState: 'running' })).toBe('starting');
    expect(taskPhase({ state: 'running', desiredState: 'running' })).toBe('running');
    expect(taskPhase({ state: 'running', desiredState: 'shutdown' })).toBe('stopping');
    expect(taskPhase({ state: 'shutdown', desiredState: 'shutdown' })).toBe('ended');
    expect(taskPhase({ state: 'failed', desiredState: 'shutdown' })).toBe('failed');
    expect(taskPhase({ state: 'rejected', desiredState: 'running' })).toBe('failed');
  });

  it('keeps an ended task on its card for a moment only', () => {
    const ended = task('s1', 1, 'node-1', {
      state: 'shutdown',
      desiredState: 'shutdown',
      stateAt: 1000,
    });
    expect(isShownOnNode(ended, 1000 + LINGER_MS - 1)).toBe(true);
    expect(isShownOnNode(ended, 1000 + LINGER_MS)).toBe(false);
    expect(isShownOnNode(task('s1', 2, 'node-1'), 1e9)).toBe(true);
  });
});

describe('node cards', () => {
  it('shows one badge per task up to the threshold, counts per service above it', () => {
    const web = service('s1', 'web', { replicated: { replicas: 30 } }, 1);
    const api = service('s2', 'api', { replicated: { replicas: 5 } }, 2);
    const few = Array.from({ length: AGGREGATE_OVER }, (_, i) => task('s1', i + 1, 'node-1'));
    const many = [
      ...Array.from({ length: AGGREGATE_OVER }, (_, i) => task('s1', 100 + i, 'node-2')),
      task('s2', 1, 'node-2', { state: 'starting' }),
    ];
    const cards = nodeCards(withTasks(swarm(1, 1), [api, web], [...few, ...many]));
    expect(cards[0]?.tallies).toBeNull();
    expect(cards[0]?.tasks.map((t) => t.label).slice(0, 3)).toEqual(['web.1', 'web.2', 'web.3']);
    const big = cards[1];
    expect(big?.tasks).toHaveLength(AGGREGATE_OVER + 1);
    expect(big?.tallies).toEqual([
      {
        serviceId: 's1',
        name: 'web',
        colour: 0,
        total: AGGREGATE_OVER,
        phases: { running: AGGREGATE_OVER },
      },
      { serviceId: 's2', name: 'api', colour: 1, total: 1, phases: { starting: 1 } },
    ]);
    expect(phaseCounts({ starting: 2, running: 3 })).toEqual([
      { phase: 'running', count: 3 },
      { phase: 'starting', count: 2 },
    ]);
  });

  it('says who leads, what the managers believe and what happened to the machine', () => {
    const world = swarm(3, 1);
    world.nodes['node-2'] = node(2, 'manager', {
      state: 'down',
      machine: 'powered-off',
      managerStatus: { leader: false, reachability: 'unreachable', addr: '10.0.0.12:2377' },
    });
    world.nodes['node-4'] = node(4, 'worker', { availability: 'drain' });
    const [one, two, , four] = nodeCards(world);
    expect(one).toMatchObject({ leader: true, role: 'manager', state: 'ready', machine: 'up' });
    expect(two).toMatchObject({
      leader: false,
      state: 'down',
      unreachable: true,
      machine: 'powered-off',
    });
    expect(four).toMatchObject({ role: 'worker', availability: 'drain' });
  });
});

describe('service lines', () => {
  it('counts desired vs running, leaving out tasks still starting and tasks on down nodes', () => {
    const world = swarm(1, 2);
    world.nodes['node-3'] = node(3, 'worker', { state: 'down', machine: 'powered-off' });
    withTasks(
      world,
      [service('s1', 'web', { replicated: { replicas: 6 } })],
      [
        task('s1', 1, 'node-1'),
        task('s1', 2, 'node-2'),
        task('s1', 3, 'node-2', { state: 'preparing' }),
        task('s1', 4, 'node-3'),
        task('s1', 5, 'node-1'),
        task('s1', 6, null, { state: 'pending' }),
        task('s1', 6, 'node-2', { state: 'shutdown', desiredState: 'shutdown' }),
      ],
    );
    const [web] = serviceLines(world);
    expect(web).toMatchObject({
      name: 'web',
      mode: 'replicated',
      desired: 6,
      running: 3,
      converging: true,
    });
    expect(web?.ports).toEqual(['8080:80/tcp']);
  });

  it('is at rest once every slot runs', () => {
    const world = withTasks(
      swarm(1, 1),
      [service('s1', 'web', { replicated: { replicas: 2 } })],
      [task('s1', 1, 'node-1'), task('s1', 2, 'node-2')],
    );
    expect(serviceLines(world)[0]).toMatchObject({ running: 2, desired: 2, converging: false });
  });

  it('wants one task per reachable node of a global service', () => {
    const world = swarm(1, 2);
    world.nodes['node-3'] = node(3, 'worker', { state: 'down' });
    withTasks(
      world,
      [service('g', 'agent', { global: true })],
      [
        task('g', 0, 'node-1'),
        task('g', 0, 'node-2', { state: 'starting' }),
        task('g', 0, 'node-3'),
      ],
    );
    expect(serviceLines(world)[0]).toMatchObject({
      mode: 'global',
      desired: 2,
      running: 1,
      converging: true,
    });
  });
});
