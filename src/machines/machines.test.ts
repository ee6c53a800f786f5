/**
 * The lifecycle machines hold the rules the simulation asks before it acts (src/sim/lifecycle.ts).
 * These tests check the rules against FACTS.md §1-3. The model-based test that plays the
 * container machine's paths against the simulation is src/sim/containerModel.test.ts: machines
 * sit below the sim floor and may not import it (src/architecture.test.ts).
 */
import { describe, expect, it } from 'vitest';
import {
  initialTransition,
  transition,
  type AnyMachineSnapshot,
  type AnyStateMachine,
  type EventFromLogic,
} from 'xstate';
import { getShortestPaths, getSimplePaths } from 'xstate/graph';
import {
  containerMachine,
  containerdMachine,
  dockerdMachine,
  ociRuntimeMachine,
  runcInvocationMachine,
  shimMachine,
  type ContainerEvent,
} from '.';

/**
 * The state after `event` in state `from`, or null when the machine has no transition for it.
 * (The simulation asks the same question through src/sim/lifecycle.ts; this file may not import
 * the sim floor, so it asks XState directly.)
 */
function nextState<M extends AnyStateMachine>(
  machine: M,
  from: string,
  event: EventFromLogic<M>,
): string | null {
  const logic: AnyStateMachine = machine;
  const snapshot = logic.resolveState({ value: from, context: undefined });
  if (!snapshot.can(event)) return null;
  const [next] = transition(logic, snapshot, event) as [AnyMachineSnapshot, unknown];
  return typeof next.value === 'string' ? next.value : null;
}

function allows<M extends AnyStateMachine>(
  machine: M,
  from: string,
  event: EventFromLogic<M>,
): boolean {
  return nextState(machine, from, event) !== null;
}

function stateNames(machine: AnyStateMachine): string[] {
  return Object.keys(machine.root.states);
}

function isFinal(machine: AnyStateMachine, state: string): boolean {
  return machine.root.states[state]?.type === 'final';
}

/** Drives a machine from its initial state with `transition()`; returns the states visited. */
function walk<M extends AnyStateMachine>(machine: M, events: EventFromLogic<M>[]): string[] {
  const logic: AnyStateMachine = machine;
  let [snapshot] = initialTransition(logic) as [AnyMachineSnapshot, unknown];
  const visited = [String(snapshot.value)];
  for (const event of events) {
    [snapshot] = transition(logic, snapshot, event) as [AnyMachineSnapshot, unknown];
    visited.push(String(snapshot.value));
  }
  return visited;
}

describe('the OCI runtime state (runc)', () => {
  const m = ociRuntimeMachine;

  it("has the runtime spec's four states plus runc's paused", () => {
    expect(stateNames(m)).toEqual(
      expect.arrayContaining(['creating', 'created', 'running', 'stopped', 'paused']),
    );
    expect(m.root.initial?.target[0]?.key).toBe('creating');
  });

  it('start is an error unless the container is created', () => {
    for (const state of stateNames(m))
      expect(allows(m, state, { type: 'START' }), state).toBe(state === 'created');
    expect(nextState(m, 'created', { type: 'START' })).toBe('running');
  });

  it('delete only works on a stopped container, and deleted is the end', () => {
    for (const state of stateNames(m))
      expect(allows(m, state, { type: 'DELETE' }), state).toBe(state === 'stopped');
    expect(isFinal(m, 'deleted')).toBe(true);
    for (const type of m.root.events)
      expect(allows(m, 'deleted', { type } as never), type).toBe(false);
  });

  it('kill only works in created or running (and in runc’s paused)', () => {
    for (const state of stateNames(m))
      expect(allows(m, state, { type: 'KILL' }), state).toBe(
        ['created', 'running', 'paused'].includes(state),
      );
  });

  it('has no stop operation: a kill does not stop, the process exiting does', () => {
    expect(m.root.events.filter((e) => /STOP/i.test(e))).toEqual([]);
    for (const state of ['created', 'running', 'paused'])
      expect(nextState(m, state, { type: 'KILL' })).toBe(state);
    expect(
      walk(m, [
        { type: 'CREATED' },
        { type: 'START' },
        { type: 'KILL' },
        { type: 'PROCESS_EXITED' },
        { type: 'DELETE' },
      ]),
    ).toEqual(['creating', 'created', 'running', 'running', 'stopped', 'deleted']);
  });

  it('a container whose init dies during create ends stopped without ever running', () => {
    expect(walk(m, [{ type: 'PROCESS_EXITED' }, { type: 'START' }])).toEqual([
      'creating',
      'stopped',
      'stopped',
    ]);
  });

  it('only a running container can be paused, only a paused one resumed', () => {
    for (const state of stateNames(m)) {
      expect(allows(m, state, { type: 'PAUSE' }), state).toBe(state === 'running');
      expect(allows(m, state, { type: 'RESUME' }), state).toBe(state === 'paused');
    }
  });
});

describe('one runc invocation', () => {
  it('is short-lived: whatever happens, it ends after one outcome', () => {
    const m = runcInvocationMachine;
    expect(m.root.initial?.target[0]?.key).toBe('running');
    for (const type of m.root.events) {
      const next = nextState(m, 'running', { type } as never);
      expect(next, type).not.toBeNull();
      expect(isFinal(m, next!), `${type} -> ${next}`).toBe(true);
    }
    for (const state of stateNames(m).filter((s) => s !== 'running'))
      expect(isFinal(m, state), state).toBe(true);
  });
});

describe('the shim', () => {
  const m = shimMachine;

  it('launches, serves, reaps its container and shuts down', () => {
    expect(walk(m, [{ type: 'SERVING' }, { type: 'TASK_EXITED' }, { type: 'SHUTDOWN' }])).toEqual([
      'launching',
      'serving',
      'reaped',
      'exited',
    ]);
    expect(isFinal(m, 'exited')).toBe(true);
  });

  it('can be killed at any time before it has shut down, and a killed shim stays dead', () => {
    for (const state of ['launching', 'serving', 'reaped'])
      expect(nextState(m, state, { type: 'KILLED' }), state).toBe('killed');
    expect(isFinal(m, 'killed')).toBe(true);
    for (const type of m.root.events) expect(allows(m, 'killed', { type } as never)).toBe(false);
  });

  it('does not serve again once its task has exited', () => {
    expect(allows(m, 'reaped', { type: 'SERVING' })).toBe(false);
    expect(allows(m, 'reaped', { type: 'TASK_EXITED' })).toBe(false);
  });
});

describe('containerd', () => {
  const m = containerdMachine;

  it('starts by reconnecting to the shims before it serves', () => {
    expect(nextState(m, 'down', { type: 'START' })).toBe('reconnecting');
    expect(nextState(m, 'restarting', { type: 'START' })).toBe('reconnecting');
    expect(nextState(m, 'reconnecting', { type: 'SHIMS_LOADED' })).toBe('up');
    for (const path of getSimplePaths(m, { toState: (s) => s.value === 'up' })) {
      const states = path.steps.map((s) => String(s.state.value));
      expect(states.indexOf('reconnecting'), states.join(' -> ')).toBeGreaterThan(-1);
      expect(states.indexOf('reconnecting')).toBeLessThan(states.indexOf('up'));
    }
  });

  it('goes down when killed, and only through stopping when stopped cleanly', () => {
    expect(nextState(m, 'up', { type: 'KILLED' })).toBe('down');
    expect(nextState(m, 'reconnecting', { type: 'KILLED' })).toBe('down');
    expect(
      walk(m, [{ type: 'START' }, { type: 'SHIMS_LOADED' }, { type: 'STOP' }, { type: 'STOPPED' }]),
    ).toEqual(['down', 'reconnecting', 'up', 'stopping', 'down']);
    expect(allows(m, 'up', { type: 'STOPPED' })).toBe(false);
  });

  it("systemd's Restart=always waits in restarting; a stop there cancels it", () => {
    expect(nextState(m, 'down', { type: 'AUTO_RESTART_SCHEDULED' })).toBe('restarting');
    expect(nextState(m, 'restarting', { type: 'STOP' })).toBe('down');
  });
});

describe('dockerd', () => {
  const m = dockerdMachine;

  it('starts by restoring its containers before it serves the API', () => {
    expect(walk(m, [{ type: 'START' }, { type: 'RESTORED' }])).toEqual(['down', 'restoring', 'up']);
    expect(allows(m, 'down', { type: 'RESTORED' })).toBe(false);
    const paths = getSimplePaths(m, { toState: (s) => s.value === 'up' });
    expect(paths.length).toBeGreaterThan(0);
    for (const path of paths) {
      const states = path.steps.map((s) => String(s.state.value));
      expect(states, states.join(' -> ')).toContain('restoring');
    }
  });

  it('reloads (SIGHUP) only while up, and stays up', () => {
    expect(nextState(m, 'up', { type: 'RELOAD' })).toBe('up');
    for (const state of stateNames(m).filter((s) => s !== 'up'))
      expect(allows(m, state, { type: 'RELOAD' }), state).toBe(false);
  });

  it('a clean stop goes through stopping; a kill goes straight down from anywhere it runs', () => {
    expect(
      walk(m, [{ type: 'START' }, { type: 'RESTORED' }, { type: 'STOP' }, { type: 'STOPPED' }]),
    ).toEqual(['down', 'restoring', 'up', 'stopping', 'down']);
    for (const state of ['restoring', 'up', 'stopping'])
      expect(nextState(m, state, { type: 'KILLED' }), state).toBe('down');
  });

  it("systemd's restart waits in restarting, then starts (restoring) again", () => {
    expect(walk(m, [{ type: 'AUTO_RESTART_SCHEDULED' }, { type: 'START' }])).toEqual([
      'down',
      'restarting',
      'restoring',
    ]);
  });
});

describe('the Docker container lifecycle', () => {
  const m = containerMachine;

  it('has every state Docker reports (moby api/types/container/state.go)', () => {
    expect(stateNames(m)).toEqual(
      expect.arrayContaining([
        'created',
        'running',
        'paused',
        'restarting',
        'removing',
        'exited',
        'dead',
      ]),
    );
    expect(m.root.initial?.target[0]?.key).toBe('created');
  });

  it('an exit goes to restarting when the restart policy applies, else to exited', () => {
    for (const from of ['running', 'paused']) {
      expect(nextState(m, from, { type: 'EXITED', willRestart: true }), from).toBe('restarting');
      expect(nextState(m, from, { type: 'EXITED', willRestart: false }), from).toBe('exited');
    }
  });

  it('a removed container is gone for good', () => {
    const [, ...states] = walk(m, [{ type: 'REMOVE' }, { type: 'REMOVED' }]);
    expect(states).toEqual(['removing', 'removed']);
    expect(isFinal(m, 'removed')).toBe(true);
    let [snapshot] = initialTransition(m);
    [snapshot] = transition(m, snapshot, { type: 'REMOVE' });
    [snapshot] = transition(m, snapshot, { type: 'REMOVED' });
    expect(snapshot.status).toBe('done');
    for (const type of m.root.events) expect(allows(m, 'removed', { type } as never)).toBe(false);
  });

  it('start works from created and exited; a restarting container is started by its timer', () => {
    for (const state of stateNames(m))
      expect(allows(m, state, { type: 'START' }), state).toBe(
        state === 'created' || state === 'exited',
      );
    for (const state of stateNames(m))
      expect(allows(m, state, { type: 'RESTART_DUE' }), state).toBe(state === 'restarting');
  });

  it('a running or paused container must stop before it can be removed', () => {
    expect(allows(m, 'running', { type: 'REMOVE' })).toBe(false);
    expect(allows(m, 'paused', { type: 'REMOVE' })).toBe(false);
    for (const state of ['created', 'exited', 'restarting', 'dead'])
      expect(nextState(m, state, { type: 'REMOVE' }), state).toBe('removing');
  });

  it('pause only from running, unpause only from paused', () => {
    for (const state of stateNames(m)) {
      expect(allows(m, state, { type: 'PAUSE' }), state).toBe(state === 'running');
      expect(allows(m, state, { type: 'UNPAUSE' }), state).toBe(state === 'paused');
    }
  });

  it('a failed removal leaves it dead, and removal is tried again from there', () => {
    expect(nextState(m, 'removing', { type: 'REMOVAL_FAILED' })).toBe('dead');
    expect(nextState(m, 'dead', { type: 'REMOVE' })).toBe('removing');
    expect(allows(m, 'dead', { type: 'START' })).toBe(false);
  });

  it('every state is reachable from created', () => {
    const events: ContainerEvent[] = [
      { type: 'START' },
      { type: 'PAUSE' },
      { type: 'UNPAUSE' },
      { type: 'EXITED', willRestart: true },
      { type: 'EXITED', willRestart: false },
      { type: 'RESTART_DUE' },
      { type: 'STOP_REQUESTED' },
      { type: 'REMOVE' },
      { type: 'REMOVED' },
      { type: 'REMOVAL_FAILED' },
    ];
    const reached = getShortestPaths(m, { events }).map((p) => String(p.state.value));
    expect(reached.sort()).toEqual(stateNames(m).sort());
  });
});
