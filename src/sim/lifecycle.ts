/**
 * Asks a lifecycle machine (src/machines) what an event does in a given state. The world
 * stores only state names; the machines hold the rules, so the simulation cannot drift from
 * what the inspector draws.
 */
import {
  transition,
  type AnyMachineSnapshot,
  type AnyStateMachine,
  type EventFromLogic,
} from 'xstate';

// The machines hold no context, so an answer depends only on (machine, state, event) and
// can be memoised: resolving a snapshot costs tens of microseconds, a lookup far less.
const memo = new WeakMap<AnyStateMachine, Map<string, string | null>>();

/** The state after `event`, or null when the machine does not allow it in `from`. */
export function nextState<M extends AnyStateMachine>(
  machine: M,
  from: string,
  event: EventFromLogic<M>,
): string | null {
  let answers = memo.get(machine);
  if (!answers) {
    answers = new Map();
    memo.set(machine, answers);
  }
  const key = `${from}|${JSON.stringify(event)}`;
  const known = answers.get(key);
  if (known !== undefined) return known;
  const answer = compute(machine, from, event);
  answers.set(key, answer);
  return answer;
}

function compute(
  machine: AnyStateMachine,
  from: string,
  event: EventFromLogic<AnyStateMachine>,
): string | null {
  const snapshot: AnyMachineSnapshot = machine.resolveState({ value: from, context: undefined });
  if (!snapshot.can(event)) return null;
  const [next] = transition(machine as AnyStateMachine, snapshot, event) as [
    AnyMachineSnapshot,
    unknown,
  ];
  return typeof next.value === 'string' ? next.value : null;
}

/** Whether the machine allows `event` in state `from`. */
export function allows<M extends AnyStateMachine>(
  machine: M,
  from: string,
  event: EventFromLogic<M>,
): boolean {
  return nextState(machine, from, event) !== null;
}
