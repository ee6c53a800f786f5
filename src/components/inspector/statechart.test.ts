import { describe, expect, it } from 'vitest';
import { setup } from 'xstate';
import {
  containerMachine,
  dockerdMachine,
  ociRuntimeMachine,
  runcInvocationMachine,
  shimMachine,
} from '../../machines';
import { exitsOf, statechart } from './statechart';
import { arrowPath, labelLines, layoutStatechart, STATE_HEIGHT } from './statechartLayout';
import { machineOfRole, MACHINES } from './machines';
import { recentMessages, touchesPart } from './recentMessages';
import { Driver } from '../../sim/testing/driver';

/** Arrows as `from -EVENT,EVENT-> to` lines, for reading at a glance. */
function arrows(chart: ReturnType<typeof statechart>): string[] {
  return chart.transitions.map((t) => `${t.from} -${t.events.join(',')}-> ${t.to}`);
}

describe('the statechart model', () => {
  it('draws every state of dockerd, with up lit as the current state', () => {
    const chart = statechart(dockerdMachine, 'up');
    expect(chart.machineId).toBe('dockerd');
    expect(chart.states.map((s) => s.id)).toEqual([
      'down',
      'restarting',
      'restoring',
      'up',
      'stopping',
    ]);
    expect(chart.states.filter((s) => s.isCurrent).map((s) => s.id)).toEqual(['up']);
    expect(chart.current).toBe('up');
    expect(chart.states.find((s) => s.isInitial)?.id).toBe('down');
    expect(chart.states.find((s) => s.id === 'up')?.description).toBe('Serving the Engine API.');
  });

  it('draws each transition as one arrow per pair of states, loops included', () => {
    expect(arrows(statechart(dockerdMachine, null))).toEqual([
      'down -START-> restoring',
      'down -AUTO_RESTART_SCHEDULED-> restarting',
      'restarting -START-> restoring',
      'restarting -STOP-> down',
      'restoring -RESTORED-> up',
      'restoring -KILLED-> down',
      'up -STOP-> stopping',
      'up -KILLED-> down',
      'up -RELOAD-> up',
      'stopping -STOPPED,KILLED-> down',
    ]);
  });

  it('labels a guarded transition with its guard, and its fallback with else', () => {
    const chart = statechart(containerMachine, 'running');
    expect(arrows(chart)).toContain('running -EXITED [restartPolicyApplies]-> restarting');
    expect(arrows(chart)).toContain('running -EXITED [else]-> exited');
    expect(exitsOf(chart, 'running')).toEqual([
      { event: 'PAUSE', to: 'paused' },
      { event: 'EXITED [restartPolicyApplies]', to: 'restarting' },
      { event: 'EXITED [else]', to: 'exited' },
    ]);
    expect(labelLines(['EXITED [restartPolicyApplies]', 'PAUSE'])).toEqual([
      'EXITED',
      '[restartPolicyApplies]',
      'PAUSE',
    ]);
  });

  it('marks final states, which nothing leaves', () => {
    const chart = statechart(ociRuntimeMachine, 'created');
    expect(chart.states.filter((s) => s.isFinal).map((s) => s.id)).toEqual(['deleted']);
    expect(exitsOf(chart, 'deleted')).toEqual([]);
    expect(arrows(chart)).toContain('created -KILL-> created');
    const runc = statechart(runcInvocationMachine, 'running');
    expect(runc.states.filter((s) => s.isFinal).map((s) => s.id)).toEqual([
      'exited',
      'failed',
      'killed',
    ]);
  });

  it('lights nothing when no instance runs, and names a state the machine lacks', () => {
    const none = statechart(shimMachine, null);
    expect(none.states.some((s) => s.isCurrent)).toBe(false);
    expect(none.unknownCurrent).toBeNull();
    const odd = statechart(dockerdMachine, 'reconnecting');
    expect(odd.current).toBeNull();
    expect(odd.unknownCurrent).toBe('reconnecting');
    expect(odd.states.some((s) => s.isCurrent)).toBe(false);
  });

  it('reads guards given as objects or functions too', () => {
    const machine = setup({
      guards: { ready: () => true },
    }).createMachine({
      id: 'm',
      initial: 'a',
      states: {
        a: { on: { GO: [{ guard: { type: 'ready' }, target: 'b' }, { target: 'a' }] } },
        b: {
          on: {
            BACK: {
              guard: function enough() {
                return true;
              },
              target: 'a',
            },
          },
        },
      },
    });
    expect(arrows(statechart(machine, 'a'))).toEqual([
      'a -GO [ready]-> b',
      'a -GO [else]-> a',
      'b -BACK [enough]-> a',
    ]);
  });
});

describe('the statechart layout', () => {
  it('places every state in a box of the same height, inside the chart', () => {
    for (const machine of Object.values(MACHINES)) {
      const chart = statechart(machine, null);
      const layout = layoutStatechart(chart, 13);
      expect([...layout.boxes.keys()]).toEqual(chart.states.map((s) => s.id));
      for (const box of layout.boxes.values()) {
        expect(box.height).toBe(STATE_HEIGHT);
        expect(box.x).toBeGreaterThanOrEqual(0);
        expect(box.y).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width).toBeLessThanOrEqual(layout.width + 1);
        expect(box.y + box.height).toBeLessThanOrEqual(layout.height + 1);
      }
      expect(layout.arrows).toHaveLength(chart.transitions.length);
      for (const arrow of layout.arrows) {
        expect(arrow.points.length).toBeGreaterThan(1);
        expect(arrow.loop).toBe(arrow.from === arrow.to);
        expect(arrow.label.x).toBeLessThanOrEqual(layout.width);
      }
    }
  });

  it('draws a transition back to the same state as a loop on the right of its box', () => {
    const layout = layoutStatechart(statechart(dockerdMachine, 'up'), 13);
    const reload = layout.arrows.find((a) => a.from === 'up' && a.to === 'up');
    const up = layout.boxes.get('up');
    expect(reload?.loop).toBe(true);
    expect(reload?.points[0]?.x).toBe((up?.x ?? 0) + (up?.width ?? 0));
    expect(reload?.label.x).toBeGreaterThan((up?.x ?? 0) + (up?.width ?? 0));
    expect(arrowPath(reload?.points ?? [], true)).toMatch(/^M[\d.,]+ C[\d.,]+ [\d.,]+ [\d.,]+$/);
  });

  it('does not move a box when another state is lit', () => {
    const a = layoutStatechart(statechart(dockerdMachine, 'up'), 13);
    const b = layoutStatechart(statechart(dockerdMachine, 'down'), 13);
    expect(b.boxes).toEqual(a.boxes);
  });

  it('draws arrows as paths through their points', () => {
    expect(arrowPath([])).toBe('');
    expect(
      arrowPath([
        { x: 0, y: 0 },
        { x: 10, y: 5 },
      ]),
    ).toBe('M0.0,0.0 L10.0,5.0');
    expect(
      arrowPath([
        { x: 0, y: 0 },
        { x: 10, y: 10 },
        { x: 20, y: 10 },
      ]),
    ).toBe('M0.0,0.0 Q10.0,10.0 15.0,10.0 L20.0,10.0');
  });
});

describe('which machine a part has', () => {
  it('maps roles with a lifecycle to their machine, and the rest to none', () => {
    expect(machineOfRole('dockerd')).toBe('dockerd');
    expect(machineOfRole('shim')).toBe('shim');
    expect(machineOfRole('container')).toBe('container');
    expect(machineOfRole('cli')).toBeNull();
    expect(machineOfRole('volumes')).toBeNull();
  });
});

describe('recent messages', () => {
  const d = new Driver({ seed: 'demo' });
  const id = d.run('nginx', { name: 'web' });
  const trace = d.sim.trace;

  it('are the last eight steps up to the cursor to or from the part, oldest first', () => {
    const messages = recentMessages(trace, trace.length - 1, 'containerd');
    expect(messages).toHaveLength(8);
    expect(messages.every((e) => e.from === 'containerd' || e.to === 'containerd')).toBe(true);
    expect(messages.map((e) => e.seq)).toEqual(
      [...messages.map((e) => e.seq)].sort((a, b) => a - b),
    );
    expect(messages.at(-1)?.label).toBe('/tasks/start');
  });

  it('see nothing after the cursor', () => {
    const start = trace.findIndex((e) => e.label === 'Tasks.Start');
    const messages = recentMessages(trace, start - 1, 'containerd');
    expect(messages.at(-1)?.label).toBe('Tasks.Create: pid 1210');
    expect(recentMessages(trace, -1, 'containerd')).toEqual([]);
  });

  it('match a bare role against every part of that role', () => {
    expect(touchesPart(`shim:${id}`, 'shim')).toBe(true);
    expect(touchesPart(`shim:${id}`, `shim:${id}`)).toBe(true);
    expect(touchesPart(`shim:${id}`, 'shim:other')).toBe(false);
    expect(touchesPart('dockerd', 'shim')).toBe(false);
    expect(recentMessages(trace, trace.length - 1, 'runc').map((e) => e.label)).toContain(
      'runc start',
    );
  });
});
