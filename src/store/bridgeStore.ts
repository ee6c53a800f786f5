/**
 * The app connected to a running bridge (`npm run bridge`): the real docker CLI talks to the
 * bridge's simulation over tcp 2375 and 2376, and the app shows that simulation.
 *
 * How: the simulation is deterministic, so the app keeps a mirror of it. The bridge's host is
 * the one machine of a Swarm Cluster (so `docker swarm init` works on it); the bridge streams
 * the cluster's options and input log (Server-Sent Events, /_anatomy/stream), and the mirror
 * applies the same inputs at the same virtual times and so has the same worlds and traces,
 * packet for packet.
 * While connected the session store shows the mirror (a visit of kind `bridge`), the terminal
 * runs lines in the bridge's own shell (bridgeTerminal.ts), and buttons send their host inputs
 * to the bridge. EventSource reconnects by itself after a bridge restart; a new bridge session
 * (another id) starts a new mirror.
 *
 * Contract: `connect` accepts only http(s) URLs on this machine (a hostile `?bridge=` value is
 * refused with a console warning); nothing from the bridge is trusted beyond what the
 * simulation's own inputs can do.
 */
import { create } from 'zustand';
import type { Cluster, ClusterOptions } from '../sim/cluster/cluster';
import type { ClusterInput, LoggedClusterInput } from '../sim/cluster/inputs';
import type { Input } from '../sim/inputs';
import type { Simulation } from '../sim/simulation';
import { useSessionStore } from './sessionStore';

export type BridgeStatus = 'off' | 'connecting' | 'connected' | 'lost';

export interface BridgeState {
  url: string | null;
  status: BridgeStatus;
  /** Why the last attempt failed, in words for the user. */
  error: string | null;
  connect: (url: string) => string | null;
  disconnect: () => void;
}

export const DEFAULT_BRIDGE_URL = 'http://127.0.0.1:2375';

/** The bridge's base URL, or null when `raw` is not an http(s) URL on this machine. */
export function bridgeUrl(raw: string): string | null {
  try {
    const url = new URL(raw.trim());
    const local = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
    if (!local || (url.protocol !== 'http:' && url.protocol !== 'https:')) return null;
    if (url.username || url.password) return null;
    return `${url.protocol}//${url.host}`;
  } catch {
    return null;
  }
}

interface Hello {
  readonly session: string;
  readonly options: ClusterOptions;
  /** The machine of the cluster that the bridge's ports lead to. */
  readonly node: string;
  readonly log: readonly LoggedClusterInput[];
}

interface LogUpdate {
  readonly from: number;
  readonly entries: readonly LoggedClusterInput[];
}

/** What a mirror needs of a simulation: a Cluster here, a bare Simulation alike. */
export interface Mirrored<I extends { kind: string }> {
  readonly log: readonly { readonly at: number; readonly input: I }[];
  apply(input: I, at?: number): unknown;
  /** Lets more time pass inside the last logged input (an `advance` the followed one extended). */
  extendIdle(ms: number): void;
}

/** A bridge runs one machine; a mirror never builds more than a big cluster's worth. */
const MAX_MIRROR_NODES = 50;

let source: EventSource | null = null;
let mirror: { session: string; cluster: Cluster; node: string } | null = null;
/** Listeners of the bridge's shared terminal (bridgeTerminal.ts). */
export const terminalListeners = new Set<(data: unknown) => void>();

/**
 * Brings the mirror up to the bridge's log. Entries already applied are skipped, except the
 * last one when the bridge extended its idle spell: the difference passes here too, inside the
 * mirror's own last entry.
 */
export function applyLog<I extends { kind: string; ms?: number }>(
  sim: Mirrored<I>,
  from: number,
  entries: readonly { readonly at: number; readonly input: I }[],
): void {
  entries.forEach((entry, k) => {
    const i = from + k;
    if (i < sim.log.length) {
      const mine = sim.log[i];
      const theirs = entry.input.kind === 'advance' ? (entry.input.ms ?? 0) : 0;
      const ours = mine?.input.kind === 'advance' ? (mine.input.ms ?? 0) : 0;
      if (i === sim.log.length - 1 && ours > 0 && theirs > ours) sim.extendIdle(theirs - ours);
      return;
    }
    sim.apply(entry.input, entry.at);
  });
}

function post(url: string, path: string, body: unknown): void {
  void fetch(`${url}/_anatomy/${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  }).catch(() => useBridgeStore.setState({ status: 'lost' }));
}

/** Sends a line (or Ctrl-C) to the bridge's shared terminal. */
export function bridgeTerminalSend(body: { line: string } | { interrupt: true }): void {
  const url = useBridgeStore.getState().url;
  if (url) post(url, 'terminal', body);
}

/** Set while a new mirror (a restarted bridge) takes the place of the old one. */
let replacing = false;

function showMirror(url: string, sim: Simulation): void {
  useSessionStore.getState().visit(sim, {
    kind: 'bridge',
    machine: new URL(url).host,
    apply: (input: Input) => {
      if (input.kind === 'api' || input.kind === 'typed' || input.kind === 'interrupt')
        return {
          ok: false,
          message:
            'connected to the bridge: type it in the terminal, or use the real docker CLI on tcp 2375 or 2376',
        };
      post(url, 'input', { input });
      return { ok: true };
    },
    // The bridge keeps its own time; the mirror follows its log.
    advance: () => undefined,
    // Leaving the bridge's view ends the connection, unless a restarted bridge's new mirror
    // is what replaces it.
    onLeave: () => {
      if (!replacing) useBridgeStore.getState().disconnect();
    },
  });
}

/** Opens the bridge's event stream and keeps the mirror in step with it. */
function listen(url: string, ClusterClass: typeof Cluster): void {
  const set = useBridgeStore.setState;
  const get = useBridgeStore.getState;
  const events = new EventSource(`${url}/_anatomy/stream`);
  source = events;
  /** Whatever the bridge sends, a message this app cannot follow ends the connection, not the app. */
  const on = (name: string, handle: (data: unknown) => void) =>
    events.addEventListener(name, (event) => {
      try {
        handle(JSON.parse((event as MessageEvent<string>).data));
      } catch (e) {
        get().disconnect();
        set({
          error: `the bridge sent something this app cannot follow (${String(e).slice(0, 200)})`,
        });
      }
    });
  on('hello', (data) => {
    const hello = data as Hello;
    if (!mirror || mirror.session !== hello.session) {
      const nodes = Math.max(
        1,
        Math.min(MAX_MIRROR_NODES, Math.floor(Number(hello.options.nodes))),
      );
      const cluster = new ClusterClass({ ...hello.options, nodes });
      replacing = mirror !== null;
      mirror = { session: hello.session, cluster, node: hello.node };
      try {
        showMirror(url, cluster.node(hello.node).sim);
      } finally {
        replacing = false;
      }
    }
    applyLog<ClusterInput>(mirror.cluster, 0, hello.log);
    useSessionStore.setState((s) => ({ revision: s.revision + 1 }));
    set({ status: 'connected', error: null });
  });
  on('log', (data) => {
    if (!mirror) return;
    const update = data as LogUpdate;
    applyLog<ClusterInput>(mirror.cluster, update.from, update.entries);
    useSessionStore.setState((s) => ({ revision: s.revision + 1 }));
  });
  on('terminal', (data) => {
    for (const listener of terminalListeners) listener(data);
  });
  events.onerror = () => {
    if (get().url === url) set({ status: 'lost' });
  };
}

export const useBridgeStore = create<BridgeState>()((set, get) => ({
  url: null,
  status: 'off',
  error: null,
  connect: (raw) => {
    const url = bridgeUrl(raw);
    if (!url) {
      const error = `not a bridge address on this machine: ${raw.slice(0, 100)}`;
      set({ error });
      return error;
    }
    get().disconnect();
    set({ url, status: 'connecting', error: null });
    // The cluster simulation is a chunk of its own: the first screen does not carry it. The
    // mirror replays what the real docker CLI did there, builds too: it needs the parser.
    void Promise.all([
      import('../sim/cluster/cluster'),
      import('../sim/build/dockerfileAst'),
      import('../sim/engine'),
    ]).then(
      ([{ Cluster }]) => {
        if (get().url === url && source === null) listen(url, Cluster);
      },
      () => {
        if (get().url === url)
          set({
            status: 'lost',
            error: 'part of the app could not be loaded: check your connection and connect again',
          });
      },
    );
    return null;
  },
  disconnect: () => {
    source?.close();
    source = null;
    const wasShown = mirror !== null;
    mirror = null;
    set({ url: null, status: 'off' });
    if (wasShown && useSessionStore.getState().visiting?.kind === 'bridge')
      useSessionStore.getState().leave();
  },
}));
