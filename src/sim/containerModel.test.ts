/**
 * Model-based tests: paths through the container lifecycle machine (src/machines/container.ts),
 * generated with XState's graph tools, played against the real simulation through the test
 * driver; after every step the simulated container's `state` must be the machine's state. And
 * the other way round: what the machine forbids, dockerd must refuse.
 */
import { describe, expect, it } from 'vitest';
import { getShortestPaths, getSimplePaths } from 'xstate/graph';
import {
  transition,
  type AnyMachineSnapshot,
  type AnyStateMachine,
  type EventObject,
} from 'xstate';
import {
  containerMachine,
  containerdMachine,
  dockerdMachine,
  ociRuntimeMachine,
  runcInvocationMachine,
  shimMachine,
  type ContainerEvent,
} from '../machines';
import type { Era } from './eras';
import { allows, nextState } from './lifecycle';
import { Driver } from './testing/driver';

function stateNames(): string[] {
  return Object.keys(containerMachine.root.states);
}

const MODEL_EVENTS: ContainerEvent[] = [
  { type: 'START' },
  { type: 'PAUSE' },
  { type: 'UNPAUSE' },
  { type: 'EXITED', willRestart: true },
  { type: 'EXITED', willRestart: false },
  { type: 'RESTART_DUE' },
  { type: 'STOP_REQUESTED' },
  { type: 'REMOVE' },
  { type: 'REMOVED' },
];

type Path = { event: ContainerEvent; state: string }[];

function pathsOf(
  raw: { steps: { event: { type: string }; state: { value: unknown } }[] }[],
): Path[] {
  return raw.map((p) =>
    p.steps
      .filter((s) => !s.event.type.startsWith('xstate.'))
      .map((s) => ({ event: s.event as ContainerEvent, state: String(s.state.value) })),
  );
}

/**
 * Paths to test: every simple path from `created` (no state twice), plus, for transition
 * coverage, the shortest path to each state followed by each transition leaving it (the simple
 * paths cannot contain exited -> START -> running, as running was visited before).
 * REMOVAL_FAILED is left out: nothing a user does makes dockerd's removal fail, and the
 * simulation has no fault for it, so `dead` cannot be reached honestly.
 */
function modelPaths(): Path[] {
  const simple = pathsOf(getSimplePaths(containerMachine, { events: MODEL_EVENTS }));
  const shortest = getShortestPaths(containerMachine, { events: MODEL_EVENTS });
  const edges: Path[] = [];
  for (const [path] of shortest.map((p) => pathsOf([p]))) {
    const last = path?.at(-1)?.state ?? 'created';
    for (const event of MODEL_EVENTS) {
      const next = nextState(containerMachine, last, event);
      if (next) edges.push([...(path ?? []), { event, state: next }]);
    }
  }
  return [...simple, ...edges].filter((p) => p.length > 0);
}

/** The last state the trace recorded for the container before it was removed (or now). */
function lastRecordedState(d: Driver, id: string, since: number): string[] {
  const states: string[] = [];
  for (const entry of d.sim.trace.slice(since)) {
    const change = entry.change;
    if (change?.op === 'container.update' && change.id === id && change.patch.state)
      states.push(change.patch.state);
    if (change?.op === 'container.remove' && change.id === id) states.push('<removed>');
  }
  return states;
}

/**
 * The mapping from machine events to what a user does. Every container runs nginx with
 * `--restart always`, so the same container can both exit for good and be restarted:
 * - START: `docker start` (answers 204).
 * - PAUSE / UNPAUSE: `docker pause` / `docker unpause` (204).
 * - EXITED, willRestart: the nginx process is SIGKILLed from the host (`kill -9 <pid>`); nobody
 *   asked Docker to stop it, so `always` restarts it.
 * - EXITED, no restart: `docker stop` (a manual stop: `always` does not restart it).
 * - RESTART_DUE: time passes, as long as the restart manager's longest back-off (1 minute).
 * - STOP_REQUESTED: `docker stop` while it waits to restart.
 * - REMOVE: `docker rm` (`docker rm -f` from restarting, which dockerd requires). dockerd's
 *   removal is one synchronous step here, so `removing` is checked in the trace.
 * - REMOVED: nothing to do; the container must be gone from dockerd's records.
 */
function playPath(era: Era, path: Path): void {
  const d = new Driver({ era });
  d.pull('nginx');
  const created = d.api('POST', '/containers/create?name=web', {
    Image: 'nginx',
    HostConfig: { RestartPolicy: { Name: 'always', MaximumRetryCount: 0 } },
  });
  expect(created.status).toBe(201);
  const id = (created.body as { Id: string }).Id;
  expect(d.container(id).state).toBe('created');
  let machineState = 'created';
  for (const [i, { event, state }] of path.entries()) {
    const where = `${era}: step ${i} ${event.type}${'willRestart' in event ? `(${String(event.willRestart)})` : ''} from ${machineState}`;
    const since = d.sim.trace.length;
    switch (event.type) {
      case 'START':
        expect(d.start(id).status, where).toBe(204);
        break;
      case 'PAUSE':
        expect(d.api('POST', `/containers/${id}/pause`).status, where).toBe(204);
        break;
      case 'UNPAUSE':
        expect(d.api('POST', `/containers/${id}/unpause`).status, where).toBe(204);
        break;
      case 'EXITED':
        if (event.willRestart) d.signal({ container: id }, 'SIGKILL');
        else expect(d.stop(id).status, where).toBe(204);
        break;
      case 'RESTART_DUE':
        d.advance(60_000);
        break;
      case 'STOP_REQUESTED':
        expect(d.stop(id).status, where).toBe(204);
        break;
      case 'REMOVE':
        expect(d.rm(id, { force: machineState === 'restarting' }).status, where).toBe(204);
        break;
      case 'REMOVED':
      case 'REMOVAL_FAILED':
        break;
    }
    machineState = state;
    if (state === 'removing') {
      expect(lastRecordedState(d, id, since).slice(-2), where).toEqual(['removing', '<removed>']);
    } else if (state === 'removed') {
      expect(d.hasContainer(id), where).toBe(false);
      expect(
        d.sim.world.events.some((e) => e.actorId === id && e.action === 'destroy'),
        where,
      ).toBe(true);
    } else {
      expect(d.container(id).state, where).toBe(state);
    }
  }
}

describe('model-based: the simulated container follows containerMachine', () => {
  const paths = modelPaths();

  it('covers every transition of the machine except REMOVAL_FAILED', () => {
    const covered = new Set<string>();
    for (const path of paths) {
      let from = 'created';
      for (const { event, state } of path) {
        covered.add(`${from}|${JSON.stringify(event)}`);
        from = state;
      }
    }
    for (const from of stateNames()) {
      for (const event of MODEL_EVENTS) {
        if (from === 'dead' || from === 'removed') continue;
        if (allows(containerMachine, from, event))
          expect(covered.has(`${from}|${JSON.stringify(event)}`), `${from} ${event.type}`).toBe(
            true,
          );
      }
    }
  });

  for (const era of ['modern', 'split', 'monolith'] as const) {
    it(`in the ${era} era, state for state along ${paths.length} paths`, () => {
      for (const path of paths) playPath(era, path);
    });
  }
});

/**
 * What the user tries in a state where the machine has no transition for it: dockerd must
 * refuse (304 when there is nothing to do, 409 for a conflict) and leave the state as it was.
 * moby answers `docker start` on a running or restarting container with 304 (a restarting
 * container counts as running: container/state.go SetRestarting keeps Running true), on a
 * paused one with 409; pause/unpause/rm with 409; stop on a stopped container with 304.
 */
const REFUSALS: {
  name: string;
  event: ContainerEvent;
  act: (d: Driver, id: string) => number;
  expected: (state: string) => number;
}[] = [
  {
    name: 'docker start',
    event: { type: 'START' },
    act: (d, id) => d.start(id).status,
    expected: (state) => (state === 'paused' ? 409 : 304),
  },
  {
    name: 'docker pause',
    event: { type: 'PAUSE' },
    act: (d, id) => d.api('POST', `/containers/${id}/pause`).status,
    expected: () => 409,
  },
  {
    name: 'docker unpause',
    event: { type: 'UNPAUSE' },
    act: (d, id) => d.api('POST', `/containers/${id}/unpause`).status,
    expected: () => 409,
  },
  {
    name: 'docker rm (no force)',
    event: { type: 'REMOVE' },
    act: (d, id) => d.rm(id).status,
    expected: () => 409,
  },
];

describe('model-based: what the machine forbids, dockerd refuses', () => {
  const reachable = getShortestPaths(containerMachine, { events: MODEL_EVENTS })
    .map((p) => pathsOf([p])[0] ?? [])
    .filter((p) => {
      const last = p.at(-1)?.state ?? 'created';
      return last !== 'removing' && last !== 'removed';
    });

  for (const refusal of REFUSALS) {
    it(`${refusal.name} where the machine has no ${refusal.event.type}`, () => {
      let tried = 0;
      for (const path of reachable) {
        const state = path.at(-1)?.state ?? 'created';
        if (allows(containerMachine, state, refusal.event)) continue;
        const d = new Driver();
        d.pull('nginx');
        const created = d.api('POST', '/containers/create', {
          Image: 'nginx',
          HostConfig: { RestartPolicy: { Name: 'always', MaximumRetryCount: 0 } },
        });
        const id = (created.body as { Id: string }).Id;
        for (const { event } of path) {
          if (event.type === 'START') d.start(id);
          if (event.type === 'PAUSE') d.api('POST', `/containers/${id}/pause`);
          if (event.type === 'EXITED' && event.willRestart) d.signal({ container: id }, 'SIGKILL');
          if (event.type === 'EXITED' && !event.willRestart) d.stop(id);
        }
        expect(d.container(id).state).toBe(state);
        expect(refusal.act(d, id), `${refusal.name} in ${state}`).toBe(refusal.expected(state));
        expect(d.container(id).state, `state after ${refusal.name} in ${state}`).toBe(state);
        tried++;
      }
      expect(tried).toBeGreaterThan(0);
    });
  }

  it('docker stop of a container that is not running does nothing (304)', () => {
    const d = new Driver();
    d.pull('nginx');
    const id = (d.api('POST', '/containers/create', { Image: 'nginx' }).body as { Id: string }).Id;
    expect(d.stop(id).status).toBe(304);
    expect(d.container(id).state).toBe('created');
    d.start(id);
    d.stop(id);
    expect(d.stop(id).status).toBe(304);
    expect(d.container(id).state).toBe('exited');
  });
});

describe('src/sim/lifecycle.ts asks the machines', () => {
  it('gives the answer XState gives, for every machine, state and event, asked twice (memo)', () => {
    const all: AnyStateMachine[] = [
      containerMachine,
      ociRuntimeMachine,
      runcInvocationMachine,
      shimMachine,
      containerdMachine,
      dockerdMachine,
    ];
    let compared = 0;
    for (const machine of all) {
      const events: EventObject[] = machine.root.events.flatMap((type) =>
        type === 'EXITED'
          ? [
              { type, willRestart: true },
              { type, willRestart: false },
            ]
          : [{ type }],
      );
      for (const from of Object.keys(machine.root.states)) {
        for (const event of events) {
          const snapshot = machine.resolveState({ value: from, context: undefined });
          const expected = snapshot.can(event)
            ? String((transition(machine, snapshot, event)[0] as AnyMachineSnapshot).value)
            : null;
          const where = `${machine.id} ${from} ${JSON.stringify(event)}`;
          expect(nextState(machine, from, event), where).toBe(expected);
          expect(nextState(machine, from, event), `${where} (memo)`).toBe(expected);
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(100);
  });
});
