/**
 * The terminal's controller: one shell (src/cli) on the live session. Lines and Ctrl-C go
 * into the session's log through the shell; while a foreground job waits (an attached
 * `docker run`, `logs -f`, `sleep`), virtual time is ticked at the live end and the shell is
 * polled, so its output arrives as the simulation produces it. History is kept in
 * localStorage (versioned; anything unreadable there is dropped, never trusted). A session
 * opened from a link shows what its terminal printed (terminalTranscript.ts) until a line runs.
 * The shell runs under the failure guard of the world it acts on (simFailure.ts), so a bug it
 * meets in the simulation does not escape the key press.
 */
import { Shell, PROMPT } from '../cli/shell/shell';
import type { HostPort, TerminalController, TerminalEvent } from '../cli/shell/types';
import { remoteTerminal } from './bridgeTerminal';
import { jobTicker, JOB_TICK_MS } from './jobTicker';
import { guardSession, sessionTransport, useSessionStore } from './sessionStore';
import { browserStorage, readStored, writeStored } from './storage';
import { forgetTranscript, rememberColumns, transcriptFor } from './terminalTranscript';

const HISTORY_KEY = 'docker-anatomy.terminal.history.v1';
const HISTORY_LIMIT = 500;

function loadHistory(): string[] {
  try {
    const parsed: unknown = JSON.parse(readStored(browserStorage(), HISTORY_KEY) ?? '[]');
    return Array.isArray(parsed)
      ? parsed
          .filter((l): l is string => typeof l === 'string' && l.length < 10_000)
          .slice(-HISTORY_LIMIT)
      : [];
  } catch {
    return [];
  }
}

function saveHistory(lines: readonly string[]): void {
  writeStored(browserStorage(), HISTORY_KEY, JSON.stringify(lines.slice(-HISTORY_LIMIT)));
}

const sim = () => useSessionStore.getState().sim;

/** The session as the shell's host: reads the live end, acts through the store's `run`. */
const sessionHost: HostPort = {
  get world() {
    return sim().world;
  },
  get trace() {
    return sim().trace;
  },
  get now() {
    return sim().now;
  },
  apply: (input) => useSessionStore.getState().run(input),
  request: (request) => sessionTransport.request(request),
  waitResult: (wait) => sim().waitResult(wait),
  outputSince: (containerId, afterSeq) => sim().outputSince(containerId, afterSeq),
};

const guarded = (act: () => void) => guardSession(act, undefined);

function createController(): TerminalController {
  const shell = new Shell(sessionHost, { history: loadHistory() });
  const pollable = {
    get busy() {
      return shell.busy;
    },
    poll: () => guarded(() => shell.poll()),
  };
  const tickWhileBusy = jobTicker(pollable, () => {
    const state = useSessionStore.getState();
    state.tick(JOB_TICK_MS * state.speed);
  });
  // Connected to a bridge, lines run in the bridge's own shell, beside the real docker CLI.
  const remote = remoteTerminal();
  const onBridge = () => useSessionStore.getState().visiting?.kind === 'bridge';
  // A visit to a cluster machine or a bridge (or the way back) is said in the terminal, and
  // the prompt drawn again with the machine's name: the shell now runs there.
  const listeners = new Set<(event: TerminalEvent) => void>();
  useSessionStore.subscribe((state, previous) => {
    if (state.visiting?.machine === previous.visiting?.machine) return;
    const visiting = state.visiting;
    const text = !visiting
      ? '(back on your own host)\n'
      : visiting.kind === 'bridge'
        ? `(connected to the bridge at ${visiting.machine}: this terminal and the real docker CLI share its simulation)\n`
        : `(now on ${visiting.machine}, a machine of the Swarm cluster)\n`;
    for (const listener of listeners)
      listener({ type: 'output', chunk: { stream: 'stdout', text } });
  });
  // Anything that changes the simulation (a chaos button, a restart timer) may end a job.
  useSessionStore.subscribe((state, previous) => {
    if (state.revision !== previous.revision && shell.busy) {
      pollable.poll();
      tickWhileBusy();
    }
  });

  return {
    // On a visited cluster machine, the prompt names that machine.
    prompt: () => {
      const visiting = useSessionStore.getState().visiting;
      return visiting?.kind === 'cluster' ? `root@${visiting.machine}:~# ` : PROMPT;
    },
    execute(line) {
      forgetTranscript();
      if (onBridge()) return remote.execute(line);
      guarded(() => shell.execute(line));
      saveHistory(shell.history());
      tickWhileBusy();
    },
    submit(line) {
      forgetTranscript();
      if (onBridge()) {
        for (const listener of listeners) listener({ type: 'submitted', line });
        return remote.execute(line);
      }
      guarded(() => shell.submit(line));
      saveHistory(shell.history());
      tickWhileBusy();
    },
    interrupt() {
      forgetTranscript();
      if (onBridge()) return remote.interrupt();
      guarded(() => shell.interrupt());
      tickWhileBusy();
    },
    busy: () => (onBridge() ? remote.busy() : shell.busy),
    history: () => shell.history(),
    complete: (line, cursor) => shell.complete(line, cursor),
    resize: (columns) => {
      if (!Number.isInteger(columns) || columns <= 0) return;
      shell.columns = columns;
      rememberColumns(columns);
    },
    watched: () => listeners.size > 0,
    subscribe: (listener) => {
      // A session opened from a link: what its terminal showed, before the first prompt.
      for (const event of transcriptFor(useSessionStore.getState().sim)) listener(event);
      listeners.add(listener);
      const unsubscribe = shell.subscribe(listener);
      const unsubscribeRemote = remote.subscribe(listener);
      return () => {
        listeners.delete(listener);
        unsubscribe();
        unsubscribeRemote();
      };
    },
  };
}

let controller: TerminalController | null = null;

/** The app's one terminal controller, created on first use (with the terminal's lazy chunk). */
export function terminalController(): TerminalController {
  controller ??= createController();
  return controller;
}
