/**
 * The terminal while the app is connected to a bridge: lines go to the bridge's own shell
 * (POST /_anatomy/terminal), and what it prints comes back on the bridge's event stream to
 * every connected app. Busy from a sent line until the shell says `ready`, as a local shell is.
 * Contract: the same TerminalEvents as a local shell; events that are not well-formed are
 * dropped, never drawn.
 */
import type { TerminalEvent } from '../cli/shell/types';
import { bridgeTerminalSend, terminalListeners } from './bridgeStore';

function asEvent(data: unknown): TerminalEvent | null {
  const event = (data as { event?: unknown } | null)?.event as Partial<TerminalEvent> | undefined;
  if (!event || typeof event !== 'object') return null;
  if (event.type === 'ready' || event.type === 'clear') return { type: event.type };
  if (event.type === 'submitted' && typeof event.line === 'string')
    return { type: 'submitted', line: event.line };
  const chunk = event.type === 'output' ? event.chunk : undefined;
  if (
    chunk &&
    (chunk.stream === 'stdout' || chunk.stream === 'stderr') &&
    typeof chunk.text === 'string'
  )
    return { type: 'output', chunk: { stream: chunk.stream, text: chunk.text } };
  return null;
}

export interface RemoteTerminal {
  readonly busy: () => boolean;
  execute(line: string): void;
  interrupt(): void;
  subscribe(listener: (event: TerminalEvent) => void): () => void;
}

export function remoteTerminal(): RemoteTerminal {
  let busy = false;
  terminalListeners.add((data) => {
    if (asEvent(data)?.type === 'ready') busy = false;
  });
  return {
    busy: () => busy,
    execute(line) {
      busy = true;
      bridgeTerminalSend({ line });
    },
    interrupt() {
      bridgeTerminalSend({ interrupt: true });
    },
    subscribe(listener) {
      const forward = (data: unknown) => {
        const event = asEvent(data);
        if (event) listener(event);
      };
      terminalListeners.add(forward);
      return () => terminalListeners.delete(forward);
    },
  };
}
