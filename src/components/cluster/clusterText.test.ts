import { describe, expect, it } from 'vitest';
import { AGGREGATE_OVER, nodeCards, serviceLines } from './clusterModel';
import { nodeName, quorumText, serviceCountText, toleranceText } from './clusterText';
import { faultTolerance, quorumSize, raftSummary } from './quorum';
import { englishT, node, service, swarm, task, withTasks } from './testWorld';

const t = englishT();

describe('quorum', () => {
  it('needs a majority and tolerates floor((N-1)/2) failures', () => {
    expect([1, 2, 3, 4, 5, 7].map(quorumSize)).toEqual([1, 2, 2, 3, 3, 4]);
    expect([1, 2, 3, 4, 5, 7].map(faultTolerance)).toEqual([0, 0, 1, 1, 2, 3]);
  });

  it.each([
    [
      1,
      0,
      '1 of 1 manager reachable — quorum holds',
      '1 manager: a quorum is 1, so no manager may fail.',
    ],
    [3, 1, '2 of 3 managers reachable — quorum holds', '3 managers: a quorum is 2, so 1 may fail.'],
    [5, 2, '3 of 5 managers reachable — quorum holds', '5 managers: a quorum is 3, so 2 may fail.'],
  ])('says whether %i managers with %i down keep the quorum', (managers, down, text, tolerance) => {
    const world = swarm(managers, 0);
    for (let i = managers; i > managers - down; i--)
      world.nodes[`node-${i}`] = node(i, 'manager', {
        state: 'down',
        managerStatus: { leader: false, reachability: 'unreachable', addr: '' },
      });
    const raft = raftSummary(world);
    expect(quorumText(raft, t)).toBe(text);
    expect(toleranceText(raft, t)).toBe(tolerance);
  });

  it('says what a lost quorum means', () => {
    const world = swarm(3, 0);
    world.raft = { ...world.raft, leader: null };
    for (const id of ['node-1', 'node-2'])
      world.nodes[id] = node(Number(id.slice(5)), 'manager', {
        state: 'down',
        managerStatus: { leader: false, reachability: 'unreachable', addr: '' },
      });
    const raft = raftSummary(world);
    expect(raft.state).toBe('lost');
    expect(quorumText(raft, t)).toBe(
      '1 of 3 managers reachable — quorum lost: nothing can be created, scaled or updated; running tasks keep running',
    );
  });

  it('tells an election apart, and no swarm at all', () => {
    const world = swarm(3, 0);
    world.raft = { ...world.raft, leader: null };
    expect(raftSummary(world).state).toBe('electing');
    expect(quorumText(raftSummary(swarm(0, 3)), t)).toBe('No swarm: no managers, no Raft.');
  });
});

describe('accessible names', () => {
  const web = service('s1', 'web', { replicated: { replicas: 6 } });

  it('names a card with its role, leadership, status and tasks', () => {
    const world = withTasks(
      swarm(3, 3),
      [web],
      [
        task('s1', 1, 'node-1'),
        task('s1', 4, 'node-1'),
        task('s1', 6, 'node-1', { state: 'starting' }),
      ],
    );
    const [leader, , , worker] = nodeCards(world);
    expect(nodeName(leader!, t)).toBe(
      'node-1, manager, leader, ready, 3 tasks: web.1 running, web.4 running, web.6 starting',
    );
    expect(nodeName(worker!, t)).toBe('node-4, worker, ready, no tasks');
  });

  it('says both what the managers believe and what happened to the machine', () => {
    const world = swarm(3, 1);
    world.nodes['node-4'] = node(4, 'worker', {
      state: 'down',
      machine: 'partitioned',
      availability: 'drain',
    });
    withTasks(world, [web], [task('s1', 2, 'node-4', { desiredState: 'shutdown' })]);
    expect(nodeName(nodeCards(world)[3]!, t)).toBe(
      'node-4, worker, down, drained, partitioned, 1 task: web.2 out of contact',
    );
  });

  it('counts per service once a card aggregates', () => {
    const tasks = Array.from({ length: AGGREGATE_OVER + 3 }, (_, i) =>
      task('s1', i + 1, 'node-2', i < 3 ? { state: 'pending' } : {}),
    );
    const card = nodeCards(withTasks(swarm(1, 1), [web], tasks))[1]!;
    expect(nodeName(card, t)).toBe(
      `node-2, worker, ready, ${AGGREGATE_OVER + 3} tasks: web ${AGGREGATE_OVER} running, 3 starting`,
    );
  });

  it('names a machine that has not joined', () => {
    const world = swarm(0, 0);
    world.nodes['node-1'] = node(1, null);
    expect(nodeName(nodeCards(world)[0]!, t)).toBe('node-1, not in the swarm, idle, no tasks');
  });

  it('writes service counts as running/desired', () => {
    const world = withTasks(swarm(1, 0), [web], [task('s1', 1, 'node-1')]);
    expect(serviceCountText(serviceLines(world)[0]!, t)).toBe('1/6, converging');
  });
});
