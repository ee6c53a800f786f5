/**
 * A lifecycle machine as a chart to draw: its states (initial, final, current) and its
 * transitions, read from the XState definition itself (`machine.root.states` and each state's
 * `on`), so the inspector can never draw rules the simulation does not follow. Pure.
 */
import type { AnyStateMachine } from 'xstate';

export interface ChartState {
  readonly id: string;
  readonly description: string;
  readonly isInitial: boolean;
  readonly isFinal: boolean;
  readonly isCurrent: boolean;
}

/** One arrow: every event that leads from one state to another (or back to itself). */
export interface ChartTransition {
  readonly from: string;
  readonly to: string;
  /** `EVENT`, `EVENT [guard]`, or `EVENT [else]` for the fallback of a guarded event. */
  readonly events: readonly string[];
}

export interface Statechart {
  readonly machineId: string;
  readonly states: readonly ChartState[];
  readonly transitions: readonly ChartTransition[];
  /** The current state, when it is one of the machine's. */
  readonly current: string | null;
  /** A current state the machine does not have (the view says so instead of lighting none). */
  readonly unknownCurrent: string | null;
}

interface TransitionLike {
  readonly target?: readonly { readonly key: string }[] | undefined;
  readonly guard?: unknown;
}

function guardName(guard: unknown): string | null {
  if (guard === undefined || guard === null) return null;
  if (typeof guard === 'string') return guard;
  if (typeof guard === 'function') return guard.name || 'guard';
  if (typeof guard === 'object' && 'type' in guard) return String(guard.type);
  return 'guard';
}

/** The chart of `machine`, with `current` lit (null: no instance of it runs now). */
export function statechart(machine: AnyStateMachine, current: string | null): Statechart {
  const initial = machine.root.initial?.target[0]?.key ?? null;
  const nodes = Object.entries(machine.root.states);
  const known = current !== null && nodes.some(([id]) => id === current);
  const states = nodes.map(([id, node]) => ({
    id,
    description: node.description ?? '',
    isInitial: id === initial,
    isFinal: node.type === 'final',
    isCurrent: known && id === current,
  }));
  const arrows = new Map<string, { from: string; to: string; events: string[] }>();
  for (const [from, node] of nodes) {
    for (const [event, definitions] of Object.entries(node.on)) {
      const candidates = definitions as readonly TransitionLike[];
      const guarded = candidates.some((d) => guardName(d.guard) !== null);
      for (const definition of candidates) {
        const guard = guardName(definition.guard);
        const label = guard ? `${event} [${guard}]` : guarded ? `${event} [else]` : event;
        // A targetless transition stays where it is; draw it as a loop.
        const targets = definition.target?.map((t) => t.key) ?? [from];
        for (const to of targets) {
          const key = `${from}\u0000${to}`;
          const arrow = arrows.get(key) ?? { from, to, events: [] };
          arrow.events.push(label);
          arrows.set(key, arrow);
        }
      }
    }
  }
  return {
    machineId: machine.id,
    states,
    transitions: [...arrows.values()],
    current: known ? current : null,
    unknownCurrent: current !== null && !known ? current : null,
  };
}

/** The transitions leaving `state`, one line per event: `EVENT -> target`. */
export function exitsOf(
  chart: Statechart,
  state: string,
): readonly { event: string; to: string }[] {
  return chart.transitions
    .filter((t) => t.from === state)
    .flatMap((t) => t.events.map((event) => ({ event, to: t.to })));
}
