/**
 * Test helper: the in-app shell on a host whose Engine API answers swarm routes, either from
 * the scripted FakeSwarm (./fakeSwarm.ts) or from any other HostPort (a Cluster node). A line
 * is run, virtual time passes in 100 ms steps while its job holds the prompt, and the test
 * reads what was printed (and, for progress redrawn in place, what the screen shows), the exit
 * status and the requests the CLI sent.
 */
import { Simulation } from '../../sim/simulation';
import { renderScreen } from '../docker/format/jsonProgress';
import { Shell } from '../shell/shell';
import type { HostPort, OutputChunk } from '../shell/types';
import { FakeSwarm, fakeRequest } from './fakeSwarm';
import { routeRequests } from './hostPort';

export interface SwarmRan {
  readonly stdout: string;
  readonly stderr: string;
  readonly status: number;
  /** `METHOD /path` of every request the CLI sent while the line ran. */
  readonly requests: readonly string[];
  /** The terminal's lines after stdout, cursor movements applied. */
  readonly screen: readonly string[];
  readonly busy: boolean;
}

export class SwarmShell {
  readonly shell: Shell;
  private chunks: OutputChunk[] = [];
  private sent: string[] = [];

  constructor(
    host: HostPort,
    /** Lets virtual time pass on whatever the host runs on. */
    private readonly advanceBy: (ms: number) => void,
    columns = 80,
  ) {
    const recording = routeRequests(host, (request) => {
      this.sent.push(`${request.method} ${request.path}`);
      return host.request(request);
    });
    this.shell = new Shell(recording, { columns });
    this.shell.subscribe((e) => {
      if (e.type === 'output') this.chunks.push(e.chunk);
    });
  }

  /** Runs a line, then lets time pass (up to `waitMs`) while its job holds the prompt. */
  run(line: string, waitMs = 0): SwarmRan {
    return this.capture(() => {
      this.shell.execute(line);
      this.pass(waitMs, true);
    });
  }

  /** Lets time pass with the shell polled, as the live view's clock does. */
  advance(ms: number): SwarmRan {
    return this.capture(() => this.pass(ms, false));
  }

  interrupt(): SwarmRan {
    return this.capture(() => this.shell.interrupt());
  }

  private pass(ms: number, untilIdle: boolean): void {
    for (let waited = 0; waited < ms && (!untilIdle || this.shell.busy); waited += 100) {
      this.advanceBy(100);
      this.shell.poll();
    }
  }

  private capture(act: () => void): SwarmRan {
    this.chunks = [];
    this.sent = [];
    act();
    const text = (stream: OutputChunk['stream']): string =>
      this.chunks
        .filter((c) => c.stream === stream)
        .map((c) => c.text)
        .join('');
    const stdout = text('stdout');
    return {
      stdout,
      stderr: text('stderr'),
      status: this.shell.lastStatus,
      requests: this.sent,
      screen: renderScreen(stdout),
      busy: this.shell.busy,
    };
  }
}

/** A shell on a single simulated host whose swarm routes the FakeSwarm answers. */
export function fakeSwarmShell(columns = 80): { t: SwarmShell; swarm: FakeSwarm; sim: Simulation } {
  const sim = new Simulation({ seed: 'swarm-test', era: 'modern' });
  const swarm = new FakeSwarm(sim);
  const host = routeRequests(sim, (request) => fakeRequest(swarm, sim, request));
  return { t: new SwarmShell(host, (ms) => sim.advance(ms), columns), swarm, sim };
}
