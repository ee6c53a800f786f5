/**
 * Linux signals as the simulation needs them: numbers (exit status 128+N), names in the
 * forms Docker accepts (`SIGTERM`, `TERM`, `15`), and what a process does with each one.
 */

export const SIGNALS = {
  SIGHUP: 1,
  SIGINT: 2,
  SIGQUIT: 3,
  SIGKILL: 9,
  SIGUSR1: 10,
  SIGUSR2: 12,
  SIGTERM: 15,
  SIGCONT: 18,
  SIGSTOP: 19,
  SIGWINCH: 28,
} as const;

export type SignalName = keyof typeof SIGNALS;

/** Parses `SIGTERM`, `TERM`, `term` or `15`; null when it is no signal we know. */
export function parseSignal(input: string): SignalName | null {
  const text = input.trim().toUpperCase();
  if (/^\d+$/.test(text)) {
    const n = Number(text);
    const entry = Object.entries(SIGNALS).find(([, num]) => num === n);
    return entry ? (entry[0] as SignalName) : null;
  }
  const name = text.startsWith('SIG') ? text : `SIG${text}`;
  return name in SIGNALS ? (name as SignalName) : null;
}

export function signalNumber(name: SignalName): number {
  return SIGNALS[name];
}

/** Exit status of a process killed by a signal: 128 + N (137 for SIGKILL, 143 for SIGTERM). */
export function killedStatus(name: SignalName): number {
  return 128 + SIGNALS[name];
}

/** Signals whose default action is to ignore them (not to terminate). */
export function isIgnoredByDefault(name: SignalName): boolean {
  return name === 'SIGCONT' || name === 'SIGWINCH' || name === 'SIGSTOP';
}
