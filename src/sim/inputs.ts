/**
 * Inputs: everything from outside that can change the host, as data. The command log of a
 * session is a list of inputs stamped with the virtual time they arrived at; replaying the
 * log on a fresh host with the same seed gives the same trace, byte for byte.
 */
import type { ApiRequest, ApiResponse } from './api/types';
import type { ServiceName } from './types';

/**
 * The most virtual time one `advance` lets pass; a longer one is cut to this, live and in
 * replay alike. Idle spells merge into one logged advance only up to this, or the replay of
 * a long quiet session would stop a day short of what was shown.
 */
export const MAX_ADVANCE_MS = 24 * 3_600_000;

export type SignalTarget =
  | { readonly pid: number }
  | { readonly service: ServiceName }
  /** The shim of a container, by container name or ID. */
  | { readonly shim: string }
  /** The main process of a container, by container name or ID, signalled from the host (not via Docker). */
  | { readonly container: string };

export type SystemctlAction = 'start' | 'stop' | 'restart' | 'reload';
export type Unit = 'docker' | 'containerd';

export type Input =
  | { readonly kind: 'api'; readonly request: ApiRequest }
  | { readonly kind: 'signal'; readonly target: SignalTarget; readonly signal: string }
  | { readonly kind: 'systemctl'; readonly action: SystemctlAction; readonly unit: Unit }
  | { readonly kind: 'writeFile'; readonly path: string; readonly content: string }
  | { readonly kind: 'advance'; readonly ms: number }
  | { readonly kind: 'armFault'; readonly fault: 'killRuncOnNextStart' }
  /**
   * A line typed at the host's terminal, and Ctrl-C. The simulation only records them (the
   * trace says what the user did); the shell (src/cli) turns a line into the inputs that follow
   * it in the log, so replaying the log through the shell reproduces what the terminal printed.
   */
  | { readonly kind: 'typed'; readonly line: string }
  | { readonly kind: 'interrupt' };

export interface LoggedInput {
  /** Virtual time the input arrived at. */
  readonly at: number;
  readonly input: Input;
}

export interface InputResult {
  readonly ok: boolean;
  /** What went wrong, in the words of the tool that would say it. */
  readonly message?: string;
  readonly response?: ApiResponse;
}

/** A one-line label for the trace's input entries. */
export function describeInput(input: Input): string {
  switch (input.kind) {
    case 'api':
      return `${input.request.method} ${input.request.path}`;
    case 'signal': {
      const t = input.target;
      const who =
        'pid' in t
          ? `pid ${t.pid}`
          : 'service' in t
            ? t.service
            : 'shim' in t
              ? `shim of ${t.shim}`
              : `container ${t.container}`;
      return `kill -${input.signal} ${who}`;
    }
    case 'systemctl':
      return `systemctl ${input.action} ${input.unit}`;
    case 'writeFile':
      return `write ${input.path}`;
    case 'advance':
      return 'time passes';
    case 'armFault':
      return 'arm fault: kill runc during the next start';
    case 'typed':
      return `$ ${input.line.length > 200 ? `${input.line.slice(0, 200)}…` : input.line}`;
    case 'interrupt':
      return '^C';
  }
}
