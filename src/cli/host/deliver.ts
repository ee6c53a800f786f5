/**
 * Sending a signal to a host process, for kill, pkill, killall and systemctl kill: the one
 * place that decides what happens. Simulated processes get it through `host.apply` (the
 * simulation then does what the kernel and the program would do). The terminal's own session
 * is protected: an interactive bash ignores TERM, INT and QUIT as the real one does, and a
 * signal that would end the session is refused with an honest reason. A signal the simulation
 * does not model is refused too rather than silently dropped.
 */
import type { CommandContext } from '../shell/types';
import { isSessionPid, SHELL_PID } from './session';
import { simulatedSignal, terminatesByDefault } from './signals';

export type Delivery =
  | { readonly ok: true }
  | { readonly ok: false; readonly reason: 'no-such-process' | 'session' | 'not-simulated' };

/** Signals an interactive bash ignores or handles without exiting. */
const BASH_SURVIVES = [0, 2, 3, 15, 17, 18, 20, 21, 22, 23, 28];

export function deliver(ctx: CommandContext, pid: number, signal: number): Delivery {
  const world = ctx.host.world;
  if (isSessionPid(pid)) {
    if (pid === SHELL_PID ? BASH_SURVIVES.includes(signal) : !terminatesByDefault(signal))
      return { ok: true };
    return { ok: false, reason: 'session' };
  }
  if (!world.processes[pid]) return { ok: false, reason: 'no-such-process' };
  if (signal === 0) return { ok: true };
  const name = simulatedSignal(signal);
  if (name === null) {
    // Ignored by default and not caught by the simulated programs: nothing happens.
    if (signal === 17 || signal === 23) return { ok: true };
    return { ok: false, reason: 'not-simulated' };
  }
  const result = ctx.host.apply({ kind: 'signal', target: { pid }, signal: name });
  return result.ok ? { ok: true } : { ok: false, reason: 'no-such-process' };
}

/** Why a delivery was refused, in a tool's voice after its `prog: ` prefix. */
export function refusal(reason: 'session' | 'not-simulated', signalName: string): string {
  return reason === 'session'
    ? 'not ending the terminal session of this simulation'
    : `SIG${signalName} is not simulated here`;
}
