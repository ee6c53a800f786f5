/**
 * Test helpers for the shell: run lines on a fresh simulation and read back what was printed,
 * the exit status, and the Engine API requests the CLI sent (as `METHOD path` labels).
 */
import { Simulation } from '../../sim/simulation';
import type { HostOptions } from '../../sim/host';
import { Shell } from './shell';
import type { OutputChunk } from './types';

export interface Ran {
  readonly stdout: string;
  readonly stderr: string;
  readonly status: number;
  /** `METHOD /path` of every request from the CLI to the API socket while the line ran. */
  readonly requests: readonly string[];
}

export class ShellHarness {
  readonly sim: Simulation;
  readonly shell: Shell;
  private chunks: OutputChunk[] = [];
  private ready = 0;

  constructor(options: HostOptions = {}) {
    this.sim = new Simulation({ seed: 'shell-test', era: 'modern', ...options });
    this.shell = new Shell(this.sim);
    this.shell.subscribe((e) => {
      if (e.type === 'output') this.chunks.push(e.chunk);
      if (e.type === 'ready') this.ready++;
    });
  }

  /** Runs a line; if it leaves a job running, lets virtual time pass (up to `waitMs`) for it. */
  run(line: string, waitMs = 0): Ran & { busy: boolean } {
    this.chunks = [];
    const start = this.sim.trace.length;
    this.shell.execute(line);
    for (let waited = 0; this.shell.busy && waited < waitMs; waited += 100) {
      this.sim.advance(100);
      this.shell.poll();
    }
    return { ...this.output(start), busy: this.shell.busy };
  }

  /** Lets time pass with the shell polled, as the live view's clock does. */
  advance(ms: number): Ran {
    this.chunks = [];
    const start = this.sim.trace.length;
    for (let waited = 0; waited < ms; waited += 100) {
      this.sim.advance(100);
      this.shell.poll();
    }
    return this.output(start);
  }

  interrupt(): Ran {
    this.chunks = [];
    const start = this.sim.trace.length;
    this.shell.interrupt();
    return this.output(start);
  }

  get readyCount(): number {
    return this.ready;
  }

  private output(start: number): Ran {
    return {
      stdout: this.chunks
        .filter((c) => c.stream === 'stdout')
        .map((c) => c.text)
        .join(''),
      stderr: this.chunks
        .filter((c) => c.stream === 'stderr')
        .map((c) => c.text)
        .join(''),
      status: this.shell.lastStatus,
      requests: this.sim.trace
        .slice(start)
        .filter((e) => e.kind === 'http-request' && e.from === 'cli')
        .map((e) => e.label),
    };
  }
}
