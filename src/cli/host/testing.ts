/**
 * Test helpers: a simulated host with a container running, and a way to run a host command
 * line against it and capture what the terminal would show. Not used by the app.
 */
import { parse } from 'shell-quote';
import { ERA_INFO, type Era } from '../../sim/eras';
import { Simulation } from '../../sim/simulation';
import type { Container } from '../../sim/types';
import { runDetached, type RunSpec } from '../client';
import type { CommandContext, CommandSpec, HostPort, Job } from '../shell/types';
import { isJob } from '../shell/types';
import { hostCommands } from './index';

export interface Captured {
  out: string;
  err: string;
  /** The exit status, or the job when the command keeps the prompt. */
  status: number | Job;
}

export interface RunOptionsForTest {
  columns?: number;
  commands?: Readonly<Record<string, CommandSpec>>;
}

/** Runs `name args` and captures its output. */
export function runArgs(
  host: HostPort,
  name: string,
  args: readonly string[],
  options: RunOptionsForTest = {},
): Captured {
  const captured: Captured = { out: '', err: '', status: 0 };
  const ctx: CommandContext = {
    host,
    env: { HOME: '/root', PWD: '/root', USER: 'root' },
    columns: options.columns ?? 200,
    out: (text) => {
      captured.out += text;
    },
    err: (text) => {
      captured.err += text;
    },
  };
  const spec = (options.commands ?? hostCommands)[name];
  if (!spec) throw new Error(`no host command ${name}`);
  captured.status = spec.run(ctx, args);
  return captured;
}

/** Splits a command line into words (quotes honoured) and runs it. */
export function runLine(host: HostPort, line: string, options: RunOptionsForTest = {}): Captured {
  const words = parse(line).map((w) => (typeof w === 'string' ? w : JSON.stringify(w)));
  const [name = '', ...args] = words;
  return runArgs(host, name, args, options);
}

/** The exit status of a finished command; throws if it left a job running. */
export function statusOf(c: Captured): number {
  if (isJob(c.status)) throw new Error('the command is still running as a job');
  return c.status;
}

/** A simulated host for tests: the simulation plus the few docker actions the tests need. */
export class TestHost {
  readonly sim: Simulation;

  constructor(
    readonly era: Era,
    liveRestore = false,
  ) {
    this.sim = new Simulation({ seed: 't', era, liveRestore });
  }

  /** `docker run -d`, as the CLI sends it. */
  run(spec: RunSpec): string {
    const result = runDetached(this.sim, this.era, spec);
    if (!result.ok) throw new Error(result.error);
    return result.id;
  }

  container(name: string): Container {
    const c = Object.values(this.sim.world.containers).find((x) => x.name === name);
    if (!c) throw new Error(`no container ${name}`);
    return c;
  }

  advance(ms: number): void {
    this.sim.advance(ms);
  }

  api(method: string, path: string): void {
    this.sim.request({ method, path: `/v${ERA_INFO[this.era].apiVersion}${path}` });
  }

  writeDaemonJson(content: string): void {
    this.sim.apply({ kind: 'writeFile', path: '/etc/docker/daemon.json', content });
  }
}

/** A host of the given era with `docker run -d --name web nginx` done and time gone by. */
export function hostWith(
  era: Era,
  containers: readonly RunSpec[] = [{ image: 'nginx', name: 'web' }],
  options: { liveRestore?: boolean } = {},
): TestHost {
  const host = new TestHost(era, options.liveRestore ?? false);
  for (const spec of containers) host.run(spec);
  host.advance(5_000);
  return host;
}

/** Shorthand: run a line on a test host. */
export function sh(host: TestHost, line: string, columns = 200): Captured {
  return runLine(host.sim, line, { columns });
}
