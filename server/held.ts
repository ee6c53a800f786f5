/**
 * The answers the bridge keeps open while the simulation moves on: a `/wait` body, an attach or
 * exec stream, the events stream, `logs -f`. Each re-checks its condition on every change of
 * the session (`session.onChange`), and ends when it is done, when the client goes, when the
 * client reads too slowly (more than `maxBuffered` bytes queued), or when the dockerd process
 * that held the connection dies.
 * Contract: `count` says how many are open; `closeAll` ends them (the bridge is closing).
 */
import { includesEvent } from '../src/sim/api/eventFilter';
import { parseFilters } from '../src/sim/api/filters';
import { rfc3339NanoFixed } from '../src/sim/api/goTime';
import { eventJson } from '../src/sim/api/system';
import type { ApiResponse, PendingWait } from '../src/sim/api/types';
import { findContainer } from '../src/sim/daemon/lookup';
import type { BridgeSession } from './session';
import { encodeFrame, flag, jsonLine, MULTIPLEXED, type Reply } from './wire';

/**
 * Whether the container exited (or was removed) in trace entries (from, to]: its stdio closes
 * then, which ends an attach or a followed log on a real host, even if a restart follows.
 */
function exitedBetween(session: BridgeSession, id: string, from: number, to: number): boolean {
  const { sim } = session;
  if (!sim.world.containers[id]) return true;
  for (let i = from + 1; i <= to; i++) {
    const change = sim.trace[i]?.change;
    if (
      change?.op === 'event' &&
      change.event.actorId === id &&
      (change.event.action === 'die' || change.event.action === 'destroy')
    )
      return true;
  }
  return false;
}

export class HeldAnswers {
  private readonly held = new Set<{ close(): void }>();

  constructor(
    private readonly session: BridgeSession,
    private readonly maxBuffered: number,
    private readonly log: (message: string) => void,
  ) {}

  get count(): number {
    return this.held.size;
  }

  closeAll(): void {
    for (const h of [...this.held]) h.close();
  }

  /**
   * Keeps an answer open: `step` runs now and after every change of the session until it
   * returns true (it has ended the answer), the client goes, or dockerd dies.
   */
  private hold(reply: Reply, what: string, step: () => boolean): void {
    const sim = this.session.sim;
    const dockerdPid = sim.world.services.dockerd.pid;
    let finished = false;
    let unsubscribe = (): void => {};
    const entry = {
      close: (): void => {
        reply.destroy();
        finish();
      },
    };
    const finish = (): void => {
      if (finished) return;
      finished = true;
      unsubscribe();
      this.held.delete(entry);
    };
    const run = (): void => {
      if (finished) return;
      if (reply.closed) return finish();
      if (sim.world.services.dockerd.pid !== dockerdPid) {
        // The process holding the connection is gone: so is the connection.
        reply.destroy();
        return finish();
      }
      if (reply.pending > this.maxBuffered) {
        this.log(`${what}: the client reads too slowly (${reply.pending} bytes queued); dropped`);
        reply.destroy();
        return finish();
      }
      let done: boolean;
      try {
        done = step();
      } catch (e) {
        this.log(`${what} failed: ${e instanceof Error ? e.message : String(e)}`);
        reply.destroy();
        return finish();
      }
      if (done) finish();
    };
    this.held.add(entry);
    reply.onClose(finish);
    unsubscribe = this.session.onChange(run);
    run();
  }

  /** `/wait`: the 200 headers at once, the body when the condition holds. */
  wait(response: ApiResponse, wait: PendingWait, reply: Reply): void {
    reply.head(response.status, response.headers);
    this.hold(reply, `wait ${wait.containerId.slice(0, 12)}`, () => {
      const result = this.session.sim.waitResult(wait);
      if (!result) return false;
      reply.end(jsonLine(result));
      return true;
    });
  }

  /** Attach and exec: the socket becomes the process's stdio. */
  hijack(response: ApiResponse, reply: Reply, wantsUpgrade: boolean, stdin: Buffer): void {
    const sim = this.session.sim;
    const headers = { ...response.headers };
    let status = response.status;
    if (status === 101 && !wantsUpgrade) {
      // What dockerd does for a client that did not ask to upgrade: 200, then the raw stream.
      status = 200;
      delete headers['Connection'];
      delete headers['Upgrade'];
    }
    const multiplexed = headers['Content-Type'] === MULTIPLEXED;
    reply.head(status, headers);
    for (const f of response.frames ?? []) reply.write(encodeFrame(f, multiplexed));

    const target = response.upgrade
      ? `container ${response.upgrade.containerId.slice(0, 12)}`
      : `exec ${response.execStream?.execId.slice(0, 12) ?? ''}`;
    let toldStdin = false;
    const onStdin = (chunk: Buffer): void => {
      if (chunk.length === 0 || toldStdin) return;
      toldStdin = true;
      // No input kind of the simulation carries a program's stdin: say so here, drop the bytes.
      this.log(
        `stdin for ${target} ignored: the simulation has no input for a program's standard input`,
      );
    };
    onStdin(stdin);
    reply.onInput(onStdin);

    if (response.upgrade) {
      const id = response.upgrade.containerId;
      let cursor = sim.trace.length - 1;
      this.hold(reply, `attach ${target}`, () => {
        const from = cursor;
        cursor = sim.trace.length - 1;
        for (const f of sim.outputSince(id, from)) reply.write(encodeFrame(f, multiplexed));
        const exited = exitedBetween(this.session, id, from, cursor);
        if (exited) reply.end();
        return exited;
      });
      return;
    }
    const execId = response.execStream?.execId ?? '';
    this.hold(reply, target, () => {
      if (sim.world.execs[execId]?.running === true) return false;
      reply.end();
      return true;
    });
  }

  /** `GET /events`: the past events, then each new one (filtered), until the client goes or `until` passes. */
  events(response: ApiResponse, query: URLSearchParams, reply: Reply): void {
    const sim = this.session.sim;
    const until = Number(query.get('until') ?? NaN);
    // The same filters dockerd applies (and the route applied to the past ones above).
    const filters = parseFilters(query.get('filters'));
    const unixNow = (): number => (sim.world.epochMs + sim.now) / 1000;
    reply.head(response.status, response.headers);
    for (const line of response.stream ?? []) reply.write(jsonLine(line));
    let cursor = sim.trace.length - 1;
    this.hold(reply, 'events', () => {
      const from = cursor;
      cursor = sim.trace.length - 1;
      for (let i = from + 1; i <= cursor; i++) {
        const change = sim.trace[i]?.change;
        if (change?.op !== 'event') continue;
        if (Number.isFinite(until) && (sim.world.epochMs + change.event.time) / 1000 > until)
          continue;
        if (filters.ok && !includesEvent(filters.args, change.event)) continue;
        reply.write(jsonLine(eventJson(sim.host, change.event)));
      }
      if (Number.isFinite(until) && unixNow() > until) {
        reply.end();
        return true;
      }
      return false;
    });
  }

  /** `logs -f`: new lines until the container has stopped. */
  logs(ref: string, query: URLSearchParams, multiplexed: boolean, reply: Reply): void {
    const sim = this.session.sim;
    const found = findContainer(sim.host, decodeURIComponent(ref));
    if (!found.ok) {
      reply.end();
      return;
    }
    const id = found.value.id;
    const stdout = flag(query, 'stdout');
    const stderr = flag(query, 'stderr');
    const stamps = flag(query, 'timestamps');
    let cursor = sim.trace.length - 1;
    this.hold(reply, `logs -f ${id.slice(0, 12)}`, () => {
      const from = cursor;
      cursor = sim.trace.length - 1;
      for (let i = from + 1; i <= cursor; i++) {
        const change = sim.trace[i]?.change;
        if (change?.op !== 'container.log' || change.id !== id) continue;
        const line = change.line;
        if (line.stream === 'stdout' ? !stdout : !stderr) continue;
        const stamp = stamps ? `${rfc3339NanoFixed(sim.world.epochMs + line.t)} ` : '';
        reply.write(
          encodeFrame({ stream: line.stream, data: `${stamp}${line.text}\n` }, multiplexed),
        );
      }
      const c = sim.world.containers[id];
      const alive =
        c && (c.state === 'running' || c.state === 'paused' || c.state === 'restarting');
      if (alive && !exitedBetween(this.session, id, from, cursor)) return false;
      reply.end();
      return true;
    });
  }
}
