/**
 * Linux signals (x86_64) as the host tools name them, and which of them the simulation can
 * deliver. bash's `kill`, procps' `pkill` and psmisc's `killall` each parse names their own
 * way; the differences (case, the SIG prefix, numbers) are kept, since students type all of
 * them. A signal the simulation does not model is refused with an honest message, never
 * silently dropped.
 */
import { SIGNALS } from '../../sim/signals';

/** Standard signals 1-31 (x86_64 numbering). */
const STANDARD: readonly (readonly [number, string])[] = [
  [1, 'HUP'],
  [2, 'INT'],
  [3, 'QUIT'],
  [4, 'ILL'],
  [5, 'TRAP'],
  [6, 'ABRT'],
  [7, 'BUS'],
  [8, 'FPE'],
  [9, 'KILL'],
  [10, 'USR1'],
  [11, 'SEGV'],
  [12, 'USR2'],
  [13, 'PIPE'],
  [14, 'ALRM'],
  [15, 'TERM'],
  [16, 'STKFLT'],
  [17, 'CHLD'],
  [18, 'CONT'],
  [19, 'STOP'],
  [20, 'TSTP'],
  [21, 'TTIN'],
  [22, 'TTOU'],
  [23, 'URG'],
  [24, 'XCPU'],
  [25, 'XFSZ'],
  [26, 'VTALRM'],
  [27, 'PROF'],
  [28, 'WINCH'],
  [29, 'IO'],
  [30, 'PWR'],
  [31, 'SYS'],
];

export const SIGRTMIN = 34;
export const SIGRTMAX = 64;

/** bash's name for a signal number (without SIG), e.g. `RTMIN+3`; null when there is none. */
export function bashName(n: number): string | null {
  const std = STANDARD.find(([num]) => num === n);
  if (std) return std[1];
  if (n < SIGRTMIN || n > SIGRTMAX) return null;
  if (n === SIGRTMIN) return 'RTMIN';
  if (n === SIGRTMAX) return 'RTMAX';
  const mid = SIGRTMIN + Math.floor((SIGRTMAX - SIGRTMIN) / 2);
  return n <= mid ? `RTMIN+${n - SIGRTMIN}` : `RTMAX-${SIGRTMAX - n}`;
}

function rtNumber(name: string): number | null {
  const m = /^RT(MIN|MAX)(?:([+-])(\d+))?$/.exec(name);
  if (!m) return null;
  const base = m[1] === 'MIN' ? SIGRTMIN : SIGRTMAX;
  const off = m[3] === undefined ? 0 : Number(m[3]) * (m[2] === '-' ? -1 : 1);
  if (m[1] === 'MIN' && m[2] === '-') return null;
  if (m[1] === 'MAX' && m[2] === '+') return null;
  const n = base + off;
  return n >= SIGRTMIN && n <= SIGRTMAX ? n : null;
}

/** bash decode_signal: a number 0-64, or a name in any case with or without `SIG`. */
export function bashSignal(spec: string): number | null {
  if (/^\d+$/.test(spec)) {
    const n = Number(spec);
    if (n === 0) return 0;
    return bashName(n) !== null ? n : null;
  }
  const upper = spec.toUpperCase();
  const name = upper.startsWith('SIG') ? upper.slice(3) : upper;
  const std = STANDARD.find(([, s]) => s === name);
  if (std) return std[0];
  if (name === 'POLL') return 29;
  return rtNumber(name);
}

/** procps signal_name_to_number: case-insensitive, SIG optional, numbers, CLD/IO/IOT aliases. */
export function procpsSignal(spec: string): number | null {
  let name = spec;
  if (name.toUpperCase().startsWith('SIG')) name = name.slice(3);
  const upper = name.toUpperCase();
  const aliases: Record<string, number> = { CLD: 17, IO: 29, IOT: 6, POLL: 29, EXIT: 0, NULL: 0 };
  if (Object.hasOwn(aliases, upper)) return aliases[upper] ?? null;
  const std = STANDARD.find(([, s]) => s === upper);
  if (std && upper !== 'IO') return std[0];
  if (upper === 'RTMIN') return SIGRTMIN;
  let offset = 0;
  let digits = name;
  if (upper.startsWith('RTMIN+')) {
    offset = SIGRTMIN;
    digits = name.slice(6);
  }
  if (!/^[+-]?\d+$/.test(digits)) return null;
  const val = Number(digits);
  if (val + SIGRTMIN > 127) return null;
  const n = val + offset;
  return n >= 0 && n <= SIGRTMAX ? n : null;
}

/** psmisc's names, in the order `killall -l` lists them (POLL for 29). */
export const PSMISC_NAMES: readonly string[] = STANDARD.map(([n, s]) => (n === 29 ? 'POLL' : s));

/** psmisc get_signal: a leading digit means a number; else an exact upper-case name. */
export function psmiscSignal(spec: string): number | null {
  if (/^\d/.test(spec)) {
    const n = Number.parseInt(spec, 10);
    return Number.isFinite(n) ? n : null;
  }
  const name = spec.startsWith('SIG') ? spec.slice(3) : spec;
  const i = PSMISC_NAMES.indexOf(name);
  return i < 0 ? null : i + 1;
}

/** The simulation's name for a signal number (`SIGKILL`), or null when it cannot deliver it. */
export function simulatedSignal(n: number): string | null {
  const entry = Object.entries(SIGNALS).find(([, num]) => num === n);
  return entry ? entry[0] : null;
}

/** `kill -l`, as bash prints it: five to a line, `%2d) SIG%s` separated by tabs. */
export function bashSignalTable(): string {
  const names: string[] = [];
  for (let n = 1; n <= SIGRTMAX; n++) {
    const name = bashName(n);
    if (name) names.push(`${String(n).padStart(2)}) SIG${name}`);
  }
  let out = '';
  names.forEach((entry, i) => {
    out += entry;
    out += (i + 1) % 5 === 0 ? '\n' : '\t';
  });
  if (names.length % 5 !== 0) out += '\n';
  return out;
}

/** `killall -l`: names separated by spaces, wrapped before 80 columns. */
export function psmiscSignalTable(): string {
  let out = '';
  let col = 0;
  for (const name of PSMISC_NAMES) {
    if (col + name.length + 1 > 80) {
      out += '\n';
      col = 0;
    }
    out += `${col ? ' ' : ''}${name}`;
    col += name.length + 1;
  }
  return `${out}\n`;
}

/** Signals whose default action ends the process (the rest are ignored, stop or continue). */
export function terminatesByDefault(n: number): boolean {
  return ![0, 17, 18, 19, 20, 21, 22, 23, 28].includes(n);
}
