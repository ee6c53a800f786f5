/**
 * The bridge's own endpoints for the app, under /_anatomy/ on the plain port. The app keeps a
 * mirror of the bridge's simulation (a Cluster of one machine, see session.ts): it is
 * deterministic, so the same options and the same logged inputs give the same worlds and
 * traces, packet for packet. The app's terminal and buttons act on the bridge through it.
 *
 *   GET  /_anatomy/stream    Server-Sent Events: `hello` {session, options, node, log} once
 *                            (the cluster's options and log, and which machine is the host), then
 *                            `log` {from, entries} whenever the log grew (or its last idle
 *                            spell was extended), and `terminal` {event} for the shared shell
 *   POST /_anatomy/terminal  {"line": "..."} or {"interrupt": true}: the bridge's own shell
 *   POST /_anatomy/input     {"input": {...}}: any other input (a chaos button)
 *
 * Contract: answers only browsers on this machine (an Origin of http://localhost:* or
 * http://127.0.0.1:*, checked on every request); refuses everything else with 403. Bodies are
 * small JSON, validated before use; nothing here touches the file system.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { clusterHostPort } from '../src/cli/cluster/hostPort';
import { Shell } from '../src/cli/shell/shell';
import type { TerminalEvent } from '../src/cli/shell/types';
import { parseLiveInput } from './liveInput';
import { BRIDGE_NODE, type BridgeSession } from './session';

const PREFIX = '/_anatomy/';
const BODY_LIMIT = 64 * 1024;
const SYNC_MS = 150;

/** Browsers on this machine only: the app served by vite or any static server on loopback. */
export function allowedOrigin(origin: string | undefined): boolean {
  if (!origin) return false;
  try {
    const url = new URL(origin);
    return (
      (url.protocol === 'http:' || url.protocol === 'https:') &&
      (url.hostname === 'localhost' || url.hostname === '127.0.0.1' || url.hostname === '[::1]')
    );
  } catch {
    return false;
  }
}

interface LiveState {
  readonly id: string;
  readonly shell: Shell;
  readonly clients: Set<ServerResponse>;
}

const states = new WeakMap<BridgeSession, LiveState>();

function stateOf(session: BridgeSession): LiveState {
  const known = states.get(session);
  if (known) return known;
  // The shared terminal is the machine's own, its lines and requests inputs of the cluster.
  const shell = new Shell(clusterHostPort(session.cluster, BRIDGE_NODE));
  const state: LiveState = { id: randomUUID(), shell, clients: new Set() };
  shell.subscribe((event: TerminalEvent) => broadcast(state, 'terminal', { event }));
  // A job in the shared terminal (an attached run, logs -f) moves on as the simulation does.
  session.onChange(() => {
    if (shell.busy) shell.poll();
  });
  states.set(session, state);
  return state;
}

function send(res: ServerResponse, event: string, data: unknown): void {
  res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
}

function broadcast(state: LiveState, event: string, data: unknown): void {
  for (const client of state.clients) send(client, event, data);
}

function cors(req: IncomingMessage, res: ServerResponse): boolean {
  const origin = req.headers.origin;
  if (!allowedOrigin(origin)) {
    res.writeHead(403, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ message: 'only the app on this machine may use /_anatomy/' }));
    return false;
  }
  res.setHeader('Access-Control-Allow-Origin', origin ?? '');
  res.setHeader('Vary', 'Origin');
  return true;
}

function readJson(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > BODY_LIMIT) {
        reject(new Error('body too large'));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null'));
      } catch {
        reject(new Error('malformed JSON'));
      }
    });
    req.on('error', reject);
  });
}

function answer(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) return;
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
}

/** The log as the mirror needs it: a growing list whose last `advance` may be extended. */
function stream(session: BridgeSession, state: LiveState, res: ServerResponse): void {
  res.writeHead(200, {
    'Content-Type': 'text/event-stream',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
  });
  const cluster = session.cluster;
  send(res, 'hello', {
    session: state.id,
    options: cluster.options,
    node: BRIDGE_NODE,
    log: cluster.log,
  });
  let sent = cluster.log.length;
  let lastSent = JSON.stringify(cluster.log.at(-1) ?? null);
  state.clients.add(res);
  const timer = setInterval(() => {
    const log = cluster.log;
    const last = JSON.stringify(log.at(sent - 1) ?? null);
    const from = last === lastSent ? sent : Math.max(0, sent - 1);
    if (from >= log.length) return;
    send(res, 'log', { from, entries: log.slice(from) });
    sent = log.length;
    lastSent = JSON.stringify(log.at(-1) ?? null);
  }, SYNC_MS);
  res.on('close', () => {
    clearInterval(timer);
    state.clients.delete(res);
  });
}

async function terminal(state: LiveState, req: IncomingMessage, res: ServerResponse) {
  const body = (await readJson(req)) as { line?: unknown; interrupt?: unknown } | null;
  if (body && body.interrupt === true) {
    state.shell.interrupt();
    return answer(res, 202, { busy: state.shell.busy });
  }
  const line = body?.line;
  if (typeof line !== 'string' || line.length > 10_000 || /[\r\n]/.test(line))
    return answer(res, 400, { message: 'send {"line": "one command line"}' });
  if (state.shell.busy) return answer(res, 409, { message: 'a command is still running' });
  state.shell.execute(line);
  answer(res, 202, { busy: state.shell.busy });
}

async function input(session: BridgeSession, req: IncomingMessage, res: ServerResponse) {
  const parsed = parseLiveInput(await readJson(req));
  if (!parsed.ok) return answer(res, 400, { message: parsed.message });
  const result = session.apply(parsed.input);
  answer(res, 200, { ok: result.ok, message: result.message ?? null });
}

export function handleLive(
  session: BridgeSession,
  req: IncomingMessage,
  res: ServerResponse,
): boolean {
  const path = (req.url ?? '').split('?')[0] ?? '';
  if (!path.startsWith(PREFIX)) return false;
  if (!cors(req, res)) return true;
  if (req.method === 'OPTIONS') {
    res.writeHead(204, {
      'Access-Control-Allow-Methods': 'GET, POST',
      'Access-Control-Allow-Headers': 'Content-Type',
      'Access-Control-Max-Age': '600',
    });
    res.end();
    return true;
  }
  const state = stateOf(session);
  const route = `${req.method ?? 'GET'} ${path.slice(PREFIX.length)}`;
  const fail = (e: unknown) =>
    answer(res, 400, { message: e instanceof Error ? e.message : 'bad request' });
  if (route === 'GET stream') stream(session, state, res);
  else if (route === 'POST terminal') terminal(state, req, res).catch(fail);
  else if (route === 'POST input') input(session, req, res).catch(fail);
  else answer(res, 404, { message: `no such endpoint: ${req.method} ${path}` });
  return true;
}
