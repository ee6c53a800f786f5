/**
 * Property tests (fast-check): random sessions of docker commands and faults in every era,
 * with what FACTS.md §1-3 imply checked after every step; and random Engine API requests,
 * which must always get an answer. Each group of invariants is its own property, so that one
 * broken rule does not hide the others. Seeds are fixed (reproducible in CI); the last property
 * runs with a fresh seed each time, and fast-check prints the seed and the shrunk session when it
 * fails.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { STATUS_TEXT, type ApiResponse } from './api/types';
import { applyChange } from './changes';
import type { Era } from './eras';
import type { HostOptions } from './host';
import type { SystemctlAction, Unit } from './inputs';
import { Simulation } from './simulation';
import { Driver } from './testing/driver';
import {
  checkProcessTree,
  checkRecordsMatchProcesses,
  initsOf,
  isActive,
  isInformed,
} from './testing/invariants';
import type { Container, World } from './types';

/** PROPERTY_RUNS=5000 npx vitest run src/sim/properties.test.ts: a deeper search, locally. */
const DEEP_RUNS = Number(process.env['PROPERTY_RUNS'] ?? 60);

/** Every status the router and the socket answer with (0: nothing listens on the socket). */
const KNOWN_STATUSES = new Set(Object.keys(STATUS_TEXT).map(Number));

// ---------------------------------------------------------------------------------------------
// Commands
// ---------------------------------------------------------------------------------------------

interface Run {
  kind: 'run';
  image: string;
  cmd: string[] | null;
  env: string[];
  restart: string;
  rm: boolean;
  init: boolean;
  name: string | null;
  publish: string | null;
  volume: string | null;
}
/** A container: an index into the containers in creation order, or a name as typed. */
type Target = number | string;
type Command =
  | Run
  | { kind: 'stop'; target: Target; t: number | null }
  | { kind: 'kill'; target: Target; signal: string | null }
  | { kind: 'pause' | 'unpause' | 'start' | 'restart'; target: Target }
  | { kind: 'rm'; target: Target; force: boolean; volumes: boolean }
  | {
      kind: 'signal';
      who: 'dockerd' | 'containerd' | 'shim' | 'container';
      target: Target;
      signal: string;
    }
  | { kind: 'systemctl'; action: SystemctlAction; unit: Unit }
  | { kind: 'daemonJson'; content: string; reload: boolean }
  | { kind: 'advance'; ms: number }
  | { kind: 'armFault' }
  | { kind: 'exec'; target: Target; cmd: readonly string[]; detach: boolean; tty: boolean };

const NAMES = ['web', 'db', 'job'];
const target: fc.Arbitrary<Target> = fc.oneof(
  { weight: 5, arbitrary: fc.nat(7) },
  { weight: 1, arbitrary: fc.constantFrom(...NAMES, 'nope') },
);

const runCommand: fc.Arbitrary<Run> = fc
  .record({
    image: fc.constantFrom(
      'nginx',
      'nginx',
      'alpine',
      'alpine',
      'redis',
      'busybox',
      'hello-world',
      'postgres',
    ),
    cmd: fc.constantFrom<string[] | null>(
      null,
      ['sleep', '1'],
      ['sleep', '5'],
      ['sleep', '3600'],
      ['sleep', '3600'],
      ['top'],
      ['echo', 'hi'],
      ['sh', '-c', 'exit 3'],
      ['false'],
      ['bash'],
    ),
    password: fc.boolean(),
    restart: fc.constantFrom('no', 'no', 'always', 'on-failure:2', 'unless-stopped'),
    rm: fc.boolean(),
    init: fc.boolean(),
    name: fc.option(fc.constantFrom(...NAMES), { nil: null }),
    publish: fc.option(fc.constantFrom('8080', '8081'), { nil: null, freq: 3 }),
    volume: fc.option(fc.constantFrom('data:/data', 'cache:/cache'), { nil: null, freq: 3 }),
  })
  .map(({ image, cmd, password, ...rest }) => ({
    kind: 'run' as const,
    image,
    // Only the small images get a command; nginx, redis and postgres run their own.
    cmd: image === 'alpine' || image === 'busybox' ? cmd : null,
    env: image === 'postgres' && password ? ['POSTGRES_PASSWORD=secret'] : [],
    ...rest,
  }));

const command: fc.Arbitrary<Command> = fc.oneof(
  { weight: 6, arbitrary: runCommand },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('stop' as const),
      target,
      t: fc.option(fc.constantFrom(0, 1, 3), { nil: null }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('kill' as const),
      target,
      signal: fc.option(fc.constantFrom('KILL', 'TERM', 'SIGINT', 'HUP', 'QUIT', 'USR1', '15'), {
        nil: null,
      }),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constantFrom(
        'pause' as const,
        'pause' as const,
        'unpause' as const,
        'start' as const,
        'restart' as const,
      ),
      target,
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('rm' as const),
      target,
      force: fc.boolean(),
      volumes: fc.boolean(),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('signal' as const),
      who: fc.constantFrom(
        'dockerd' as const,
        'containerd' as const,
        'shim' as const,
        'container' as const,
      ),
      target,
      signal: fc.constantFrom('SIGKILL', 'SIGKILL', 'SIGTERM', 'SIGHUP'),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('systemctl' as const),
      action: fc.constantFrom<SystemctlAction>('start', 'stop', 'restart', 'reload'),
      unit: fc.constantFrom<Unit>('docker', 'containerd'),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('daemonJson' as const),
      content: fc.constantFrom(
        '{ "live-restore": true }',
        '{ "live-restore": false }',
        '{}',
        '{ "live-restore": tru }',
      ),
      reload: fc.boolean(),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('advance' as const),
      ms: fc.oneof(fc.integer({ min: 1, max: 500 }), fc.integer({ min: 500, max: 15_000 })),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'armFault' as const }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('exec' as const),
      target,
      cmd: fc.constantFrom(
        ['ls'],
        ['ps', 'aux'],
        ['sleep', '2'],
        ['sleep', '3600'],
        ['cat', '/etc/hosts'],
        ['sh', '-c', 'exit 3'],
        ['sh'],
        ['nope'],
      ),
      detach: fc.boolean(),
      tty: fc.boolean(),
    }),
  },
);

type Options = HostOptions & { era: Era };
const options: fc.Arbitrary<Options> = fc.record({
  era: fc.constantFrom<Era>('monolith', 'split', 'modern'),
  seed: fc.integer({ min: 1, max: 1_000_000 }),
  liveRestore: fc.boolean(),
  systemdRestart: fc.boolean(),
});

const commands = fc.array(command, { minLength: 3, maxLength: 30, size: 'medium' });

// ---------------------------------------------------------------------------------------------
// Playing commands
// ---------------------------------------------------------------------------------------------

function containersInOrder(world: World): Container[] {
  return Object.values(world.containers).sort(
    (a, b) => a.created - b.created || (a.id < b.id ? -1 : 1),
  );
}

function resolve(world: World, t: Target): string {
  if (typeof t === 'string') return t;
  const all = containersInOrder(world);
  return all.length === 0 ? 'nope' : (all[t % all.length]?.id ?? 'nope');
}

/** The container a reference names, as Docker resolves it: ID or name, else a unique ID prefix. */
function idOf(world: World, ref: string): string | undefined {
  const all = Object.values(world.containers);
  const exact = all.find((c) => c.id === ref || c.name === ref);
  if (exact) return exact.id;
  const byPrefix = ref === '' ? [] : all.filter((c) => c.id.startsWith(ref));
  return byPrefix.length === 1 ? byPrefix[0]?.id : undefined;
}

interface Step {
  readonly cmd: Command;
  /** The world before the step (a deep copy). */
  readonly before: World;
  readonly responses: ApiResponse[];
  /** Trace length before the step: the step's entries follow. */
  readonly traceFrom: number;
  /** The container the command was aimed at, if it existed. */
  target?: string;
  /** Container created by this step (a run that got 201). */
  created?: string;
  /** The input's own answer (systemctl, signals), e.g. `{ ok: false, message }`. */
  ok?: boolean;
}

/** `docker run -d`, as the CLI sends it: create, pull on 404, create, wait, start. */
function runContainer(d: Driver, c: Run, step: Step): void {
  const [restartName = 'no', retries = '0'] = c.restart.split(':');
  const body = {
    Image: c.image,
    Cmd: c.cmd,
    Env: c.env,
    HostConfig: {
      RestartPolicy: { Name: restartName, MaximumRetryCount: Number(retries) },
      AutoRemove: c.rm,
      Init: c.init,
      Binds: c.volume ? [c.volume] : null,
      PortBindings: c.publish ? { '80/tcp': [{ HostIp: '', HostPort: c.publish }] } : {},
    },
  };
  const path = `/containers/create${c.name ? `?name=${c.name}` : ''}`;
  let created = d.api('POST', path, body);
  step.responses.push(created);
  if (created.status === 404) {
    step.responses.push(d.pull(c.image));
    created = d.api('POST', path, body);
    step.responses.push(created);
  }
  if (created.status !== 201) return;
  const id = (created.body as { Id: string }).Id;
  step.created = id;
  step.target = id;
  step.responses.push(d.api('POST', `/containers/${id}/wait?condition=next-exit`));
  step.responses.push(d.api('POST', `/containers/${id}/start`));
}

function play(d: Driver, cmd: Command): Step {
  const sim = d.sim;
  const step: Step = {
    cmd,
    before: structuredClone(sim.world),
    responses: [],
    traceFrom: sim.trace.length,
  };
  const ref = 'target' in cmd ? resolve(sim.world, cmd.target) : '';
  const id = idOf(sim.world, ref);
  if (id) step.target = id;
  switch (cmd.kind) {
    case 'run':
      runContainer(d, cmd, step);
      break;
    case 'stop':
      step.responses.push(d.stop(ref, cmd.t ?? undefined));
      break;
    case 'kill':
      step.responses.push(d.kill(ref, cmd.signal ?? undefined));
      break;
    case 'pause':
    case 'unpause':
    case 'start':
    case 'restart':
      step.responses.push(d.api('POST', `/containers/${ref}/${cmd.kind}`));
      break;
    case 'rm':
      step.responses.push(d.rm(ref, { force: cmd.force, volumes: cmd.volumes }));
      break;
    case 'signal': {
      const t =
        cmd.who === 'dockerd' || cmd.who === 'containerd'
          ? { service: cmd.who }
          : cmd.who === 'shim'
            ? { shim: ref }
            : { container: ref };
      step.ok = sim.apply({ kind: 'signal', target: t, signal: cmd.signal }).ok;
      break;
    }
    case 'systemctl':
      step.ok = sim.apply({ kind: 'systemctl', action: cmd.action, unit: cmd.unit }).ok;
      break;
    case 'daemonJson':
      sim.apply({ kind: 'writeFile', path: '/etc/docker/daemon.json', content: cmd.content });
      if (cmd.reload) sim.apply({ kind: 'systemctl', action: 'reload', unit: 'docker' });
      break;
    case 'advance':
      sim.advance(cmd.ms);
      break;
    case 'armFault':
      sim.apply({ kind: 'armFault', fault: 'killRuncOnNextStart' });
      break;
    case 'exec': {
      // `docker exec [-d] [-t]`: the dummy inspect, create, start (hijacked unless -d), inspect.
      step.responses.push(d.api('GET', `/containers/${ref}/json`));
      const created = d.api('POST', `/containers/${ref}/exec`, {
        AttachStdout: !cmd.detach,
        AttachStderr: !cmd.detach,
        Tty: cmd.tty,
        Cmd: cmd.cmd,
      });
      step.responses.push(created);
      if (created.status !== 201) break;
      const execId = (created.body as { Id: string }).Id;
      step.responses.push(
        d.api('POST', `/exec/${execId}/start`, { Detach: cmd.detach, Tty: cmd.tty }),
      );
      if (!cmd.detach) step.responses.push(d.api('GET', `/exec/${execId}/json`));
      break;
    }
  }
  return step;
}

// ---------------------------------------------------------------------------------------------
// Invariants. Each check reads the world after a step (and the world before it, in `step`).
// ---------------------------------------------------------------------------------------------

type Check = (sim: Simulation, step: Step, say: (what: string) => string) => void;

const processTree: Check = (sim, _step, say) => checkProcessTree(sim.world, say);
const recordsMatchProcesses: Check = (sim, _step, say) =>
  checkRecordsMatchProcesses(sim.world, say);

/**
 * Containers, names, ports, addresses, volumes, policies (FACTS §3, §8).
 * - Containers appear only by create, and disappear only by `docker rm` or `--rm`.
 * - Names are unique.
 * - A host port is published by at most one running container; addresses on a network are
 *   unique.
 * - Named volumes are never removed automatically; anonymous ones only by `rm -v` or `--rm`.
 * - `--restart no` never restarts; `on-failure:N` at most N times, and only after a failure.
 * - Once dockerd is informed (and not shutting down), an exited `--rm` container is gone.
 * - Every API answer has a status the router uses.
 */
const records: Check = (sim, step, say) => {
  const w = sim.world;
  const before = step.before;
  for (const r of step.responses)
    expect(KNOWN_STATUSES.has(r.status), say(`status ${r.status} is known`)).toBe(true);

  const autoRemove = (id: string): boolean =>
    (before.containers[id] ?? w.containers[id])?.hostConfig.autoRemove === true;
  const rmOk =
    step.cmd.kind === 'rm' && step.responses.some((r) => r.status === 204) ? step.target : null;
  for (const id of Object.keys(w.containers))
    if (!before.containers[id])
      expect(id, say('a new container comes from this create')).toBe(step.created);
  for (const id of Object.keys(before.containers))
    if (!w.containers[id])
      expect(
        id === rmOk || autoRemove(id),
        say(`container ${id.slice(0, 12)} went only by rm or --rm`),
      ).toBe(true);

  const names = Object.values(w.containers).map((c) => c.name);
  expect(new Set(names).size, say(`unique names ${names.join(',')}`)).toBe(names.length);

  const active = Object.values(w.containers).filter(isActive);
  const ports = active.flatMap((c) =>
    Object.values(c.hostConfig.portBindings).flatMap((bs) => bs.map((b) => b.hostPort)),
  );
  expect(new Set(ports).size, say(`host ports published once: ${ports.join(',')}`)).toBe(
    ports.length,
  );
  const addresses = active.flatMap((c) =>
    Object.entries(c.networks).map(([net, e]) => `${net}/${e.ipAddress}`),
  );
  expect(new Set(addresses).size, say(`unique addresses ${addresses.join(',')}`)).toBe(
    addresses.length,
  );

  for (const v of Object.values(before.volumes)) {
    if (w.volumes[v.name]) continue;
    expect(v.anonymous, say(`named volume ${v.name} is never removed automatically`)).toBe(true);
    const byRmV = step.cmd.kind === 'rm' && step.cmd.volumes && rmOk !== null && rmOk !== undefined;
    const byAutoRemove = Object.keys(before.containers).some(
      (id) => !w.containers[id] && autoRemove(id),
    );
    expect(byRmV || byAutoRemove, say(`anonymous volume went by rm -v or --rm`)).toBe(true);
  }

  for (const c of Object.values(w.containers)) {
    const policy = c.hostConfig.restartPolicy;
    if (policy.name === 'no')
      expect(c.state, say(`${c.name} (--restart no) never restarts`)).not.toBe('restarting');
    if (policy.name === 'on-failure' && policy.maximumRetryCount > 0)
      expect(c.restartCount, say(`${c.name} restarted at most N times`)).toBeLessThanOrEqual(
        policy.maximumRetryCount,
      );
    if (policy.name === 'on-failure' && c.state === 'restarting')
      expect(c.exitCode, say(`${c.name} (on-failure) restarts only after a failure`)).not.toBe(0);
  }
  if (isInformed(w))
    for (const c of Object.values(w.containers))
      if (c.hostConfig.autoRemove)
        expect(c.state, say(`--rm container ${c.name} is not left exited`)).not.toBe('exited');
};

/**
 * What each fault and command does to the containers that were running (FACTS §2-3):
 * ("Keep running" is checked as: no signal reaches them in that step; a program may still end
 * by itself meanwhile.)
 * - dockerd SIGKILLed: they keep running under their shims (1.10: they die with the daemon).
 * - dockerd stopped cleanly (`systemctl stop`, SIGTERM): without live-restore (and always in
 *   1.10) dockerd stops every one of them first; with live-restore they keep running.
 * - dockerd started again after a crash: without live-restore it shuts down those still alive
 *   (restart policies may start new ones); with live-restore it reconnects, same PIDs.
 * - containerd killed or stopped: they keep running.
 * - a shim killed while containerd is up: its container is killed with it.
 * - `docker stop` / `docker kill` (SIGKILL) answered 204: the process is gone and the container
 *   is exited (or removed, with --rm); `docker rm -f` 204: the container and its processes are gone.
 */
const postconditions: Check = (sim, step, say) => {
  const w = sim.world;
  const b = step.before;
  const era = w.settings.era;
  const cmd = step.cmd;
  const wasAlive = initsOf(b);
  const alive = (pid: number): boolean => initsOf(w).some((p) => p.pid === pid);
  /** No signal reached them in this step (a program may still end by itself meanwhile). */
  const allSurvive = (why: string): void => {
    const signalled = new Set(
      sim.trace
        .slice(step.traceFrom)
        .filter((e) => e.kind === 'signal')
        .map((e) => e.detail?.['pid']),
    );
    for (const p of wasAlive)
      expect(signalled.has(p.pid), say(`${why}: nothing signals init ${p.pid}`)).toBe(false);
  };
  const noneSurvive = (why: string): void => {
    for (const p of wasAlive)
      expect(alive(p.pid), say(`${why}: init ${p.pid} is gone`)).toBe(false);
  };
  const dockerdWasUp = b.services.dockerd.state === 'up';
  const containerdWasUp = era === 'monolith' || b.services.containerd.state === 'up';

  const killsDockerd = cmd.kind === 'signal' && cmd.who === 'dockerd' && cmd.signal === 'SIGKILL';
  const stopsDockerd =
    (cmd.kind === 'signal' && cmd.who === 'dockerd' && cmd.signal === 'SIGTERM') ||
    (cmd.kind === 'systemctl' && cmd.unit === 'docker' && cmd.action === 'stop');
  const stopsContainerd =
    (cmd.kind === 'signal' && cmd.who === 'containerd' && cmd.signal !== 'SIGHUP') ||
    (cmd.kind === 'systemctl' && cmd.unit === 'containerd' && cmd.action === 'stop');
  const startsDockerd = cmd.kind === 'systemctl' && cmd.unit === 'docker' && cmd.action === 'start';

  if (killsDockerd && dockerdWasUp) {
    if (era === 'monolith') noneSurvive('1.10 daemon killed');
    else allSurvive('dockerd killed');
  }
  if (stopsDockerd && dockerdWasUp) {
    if (era === 'monolith' || !b.daemonConfig.liveRestore) {
      if (containerdWasUp) noneSurvive('dockerd stopped without live-restore');
    } else allSurvive('dockerd stopped with live-restore');
  }
  if (stopsContainerd && era !== 'monolith') allSurvive('containerd went down');
  if (
    cmd.kind === 'signal' &&
    cmd.who === 'shim' &&
    cmd.signal !== 'SIGHUP' &&
    step.ok &&
    step.target &&
    w.services.containerd.state === 'up'
  ) {
    const init = wasAlive.find((p) => p.containerId === step.target);
    if (init) expect(alive(init.pid), say('the shim died: its container is killed')).toBe(false);
  }
  if (startsDockerd && b.services.dockerd.state !== 'up' && w.services.dockerd.state === 'up') {
    // An init that was alive when dockerd came back (it may have died on the way for its own
    // reasons only if dockerd was told, so look at the ones still there before and after).
    if (era !== 'monolith' && containerdWasUp) {
      if (w.daemonConfig.liveRestore) allSurvive('restored with live-restore');
      else noneSurvive('restored without live-restore');
    }
  }

  const answered = (status: number): boolean => step.responses.some((r) => r.status === status);
  const targetInit = wasAlive.find((p) => p.containerId === step.target);
  const after = step.target ? w.containers[step.target] : undefined;
  if (cmd.kind === 'stop' && answered(204) && step.target) {
    if (targetInit)
      expect(alive(targetInit.pid), say('docker stop: the process is gone')).toBe(false);
    if (after) expect(after.state, say('docker stop: exited')).toBe('exited');
  }
  if (cmd.kind === 'kill' && answered(204) && step.target && (cmd.signal ?? 'KILL') === 'KILL') {
    if (targetInit)
      expect(alive(targetInit.pid), say('docker kill: the process is gone')).toBe(false);
    if (after) expect(after.state, say('docker kill: exited')).toBe('exited');
  }
  if (cmd.kind === 'rm' && answered(204) && step.target) {
    expect(after, say('docker rm: the container is gone')).toBeUndefined();
    expect(
      Object.values(w.processes).filter((p) => p.containerId === step.target),
      say('docker rm: none of its processes is left'),
    ).toEqual([]);
  }
};

// ---------------------------------------------------------------------------------------------
// Sessions
// ---------------------------------------------------------------------------------------------

function session(opts: Options, cmds: Command[], checks: readonly Check[]): Driver {
  const d = new Driver(opts);
  for (const [i, cmd] of cmds.entries()) {
    const step = play(d, cmd);
    const where = `[${opts.era}] step ${i + 1} ${JSON.stringify(cmd)}`;
    const say = (what: string): string => `${where}: ${what}`;
    for (const check of checks) check(d.sim, step, say);
  }
  return d;
}

/** The world rebuilt from the trace's changes, each applied at its entry's time. */
function rebuildFromTrace(sim: Simulation): World {
  const world = new Simulation(sim.options).world;
  for (const e of sim.trace) {
    world.now = e.t;
    if (e.change) applyChange(world, e.change);
  }
  return world;
}

/** A world as JSON, without the clock and the PID counter (which are not changes). */
function comparable(w: World): unknown {
  const { now: _now, nextPid: _nextPid, ...rest } = w;
  return JSON.parse(JSON.stringify(rest));
}

const RUNS = 120;

describe('random sessions of commands and faults, in every era', () => {
  it('keep the process tree FACTS §1-2 describes', () => {
    fc.assert(
      fc.property(options, commands, (opts, cmds) => void session(opts, cmds, [processTree])),
      { numRuns: RUNS, seed: 1 },
    );
  });

  it("keep dockerd's records in line with the processes, once it has been told", () => {
    fc.assert(
      fc.property(
        options,
        commands,
        (opts, cmds) => void session(opts, cmds, [recordsMatchProcesses]),
      ),
      { numRuns: RUNS, seed: 2 },
    );
  });

  it('keep containers, names, ports, addresses, volumes and restart counts sane', () => {
    fc.assert(
      fc.property(options, commands, (opts, cmds) => void session(opts, cmds, [records])),
      { numRuns: RUNS, seed: 3 },
    );
  });

  it('do to running containers what each fault and command should (FACTS §3 table)', () => {
    fc.assert(
      fc.property(options, commands, (opts, cmds) => void session(opts, cmds, [postconditions])),
      { numRuns: RUNS, seed: 4 },
    );
  });

  it('are traced in time order, replay from the input log to the same trace, and rebuild the world', () => {
    fc.assert(
      fc.property(options, commands, (opts, cmds) => {
        const d = session(opts, cmds, []);
        const backwards = d.sim.trace.findIndex((e, i) => i > 0 && e.t < d.sim.trace[i - 1]!.t);
        expect(backwards, 'trace entries are in time order').toBe(-1);
        const replayed = Simulation.replay(opts, d.sim.log);
        expect(JSON.stringify(replayed.trace) === JSON.stringify(d.sim.trace), 'same trace').toBe(
          true,
        );
        expect(comparable(rebuildFromTrace(d.sim)), 'changes rebuild the world').toEqual(
          comparable(d.sim.world),
        );
      }),
      { numRuns: RUNS, seed: 5 },
    );
  });

  it('seek to their last trace entry (sim.worldAt, what playback renders) as the live world', () => {
    fc.assert(
      fc.property(options, commands, (opts, cmds) => {
        const d = session(opts, cmds, []);
        expect(comparable(d.sim.worldAt(d.sim.trace.length - 1))).toEqual(comparable(d.sim.world));
      }),
      { numRuns: 60, seed: 7 },
    );
  });

  it('leave nothing stuck in restarting once both daemons are back', () => {
    fc.assert(
      fc.property(options, commands, (opts, cmds) => {
        const d = session(opts, cmds, []);
        const sim = d.sim;
        sim.apply({ kind: 'writeFile', path: '/etc/docker/daemon.json', content: '{}' });
        if (opts.era === 'modern')
          sim.apply({ kind: 'systemctl', action: 'start', unit: 'containerd' });
        sim.apply({ kind: 'systemctl', action: 'start', unit: 'docker' });
        sim.advance(2000);
        const restarting = Object.values(sim.world.containers)
          .filter((c) => c.state === 'restarting')
          .map((c) => ({ ...c }));
        sim.advance(61_000);
        for (const r of restarting) {
          const now = sim.world.containers[r.id];
          const progressed =
            !now ||
            now.state !== 'restarting' ||
            now.restartCount !== r.restartCount ||
            now.finishedAt !== r.finishedAt;
          expect(progressed, `${r.name} stuck in restarting`).toBe(true);
        }
      }),
      { numRuns: 200, seed: 6 },
    );
  });

  it(
    'keep every invariant with a fresh seed each run',
    () => {
      fc.assert(
        fc.property(options, commands, (opts, cmds) => {
          const d = session(opts, cmds, [
            processTree,
            recordsMatchProcesses,
            records,
            postconditions,
          ]);
          expect(JSON.stringify(Simulation.replay(opts, d.sim.log).trace)).toBe(
            JSON.stringify(d.sim.trace),
          );
        }),
        { numRuns: DEEP_RUNS },
      );
    },
    Math.max(20_000, DEEP_RUNS * 20),
  );
});

// ---------------------------------------------------------------------------------------------
// Random Engine API requests
// ---------------------------------------------------------------------------------------------

const NASTY = [
  '',
  '..',
  '%',
  '%zz',
  '%2F',
  '%E0%A4%A',
  '%00',
  '%25',
  '🐳',
  'ünïcödé',
  '\u0000',
  ' ',
  'x'.repeat(20_000),
  '%41'.repeat(5_000),
];

/** Something to name a container, image, network or volume with. */
const ref: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.constantFrom(
      'web',
      'job',
      'topper',
      'bridge',
      'host',
      'none',
      'net1',
      'data',
      'nginx',
      'alpine:latest',
      'docker.io%2Flibrary%2Fnginx',
      'sha256:abc',
      'Nginx',
      'web%2Fjson',
    ),
  },
  { weight: 2, arbitrary: fc.constantFrom(...NASTY) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  {
    weight: 1,
    arbitrary: fc.string({
      unit: fc.constantFrom(...'0123456789abcdef'),
      minLength: 1,
      maxLength: 64,
    }),
  },
);

/** Paths: the router's own routes with random names, or random segments. */
const routePath: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .tuple(
        fc.constantFrom(
          '/containers/{}/json',
          '/containers/{}/start',
          '/containers/{}/stop',
          '/containers/{}/restart',
          '/containers/{}/kill',
          '/containers/{}/pause',
          '/containers/{}/unpause',
          '/containers/{}/wait',
          '/containers/{}/attach',
          '/containers/{}/resize',
          '/containers/{}/logs',
          '/containers/{}/top',
          '/containers/{}',
          '/containers/{}/exec',
          '/exec/{}/start',
          '/exec/{}/json',
          '/exec/{}/resize',
          '/images/{}/json',
          '/images/{}/tag',
          '/images/{}',
          '/networks/{}',
          '/volumes/{}',
        ),
        ref,
      )
      .map(([template, name]) => template.replace('{}', name)),
  },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '/_ping',
      '/version',
      '/info',
      '/events',
      '/system/df',
      '/containers/create',
      '/containers/json',
      '/images/create',
      '/images/json',
      '/networks',
      '/networks/create',
      '/volumes',
      '/volumes/create',
    ),
  },
  {
    weight: 2,
    arbitrary: fc
      .array(fc.oneof(ref, fc.constantFrom('containers', 'images', 'json', 'v1.51')), {
        maxLength: 5,
      })
      .map((segments) => `/${segments.join('/')}`),
  },
);

const queryValue: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '1',
    '0',
    'true',
    'false',
    '',
    '-1',
    '1e308',
    'NaN',
    'Infinity',
    '999999999',
    'next-exit',
    'removed',
    'not-running',
    'KILL',
    'SIGTERM',
    '99',
    'nginx',
    'Nginx',
    'docker.io/library/alpine',
    'latest',
    `sha256:${'a'.repeat(64)}`,
    'all',
  ),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
);

const query: fc.Arbitrary<string> = fc
  .array(
    fc.tuple(
      fc.constantFrom(
        'name',
        'force',
        'v',
        't',
        'timeout',
        'signal',
        'condition',
        'fromImage',
        'tag',
        'all',
        'stdout',
        'stderr',
        'tail',
        'timestamps',
        'since',
        'until',
        'repo',
        'h',
        'w',
      ),
      queryValue,
    ),
    { maxLength: 4 },
  )
  .map((pairs) => pairs.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&'));

const json = fc.jsonValue({ maxDepth: 3 });
const createLikeBody = fc.record(
  {
    Image: fc.oneof(fc.constantFrom('nginx', 'alpine', 'NGINX', '', 'a@b', 'alpine:latest'), json),
    Cmd: fc.oneof(fc.constant(null), fc.array(fc.string(), { maxLength: 4 }), json),
    Entrypoint: json,
    Env: fc.oneof(fc.array(fc.string(), { maxLength: 3 }), json),
    Tty: json,
    StopTimeout: fc.oneof(fc.integer(), fc.double(), json),
    StopSignal: fc.oneof(fc.constantFrom('SIGKILL', 'SIGQUIT', 'BOGUS'), json),
    HostConfig: fc.record(
      {
        RestartPolicy: fc.record(
          {
            Name: fc.oneof(
              fc.constantFrom('no', 'always', 'on-failure', 'unless-stopped', 'sometimes'),
              json,
            ),
            MaximumRetryCount: fc.oneof(fc.integer(), json),
          },
          { requiredKeys: [] },
        ),
        AutoRemove: json,
        Init: json,
        PortBindings: fc.oneof(
          fc.dictionary(
            fc.constantFrom('80/tcp', '80', 'x', '99999/udp'),
            fc.array(
              fc.record(
                {
                  HostIp: json,
                  HostPort: fc.oneof(fc.constantFrom('8080', '0', '', '70000', 'abc'), json),
                },
                { requiredKeys: [] },
              ),
              { maxLength: 2 },
            ),
          ),
          json,
        ),
        NetworkMode: fc.oneof(
          fc.constantFrom('default', 'bridge', 'host', 'none', 'net1', 'nope'),
          json,
        ),
        Binds: fc.oneof(
          fc.array(fc.constantFrom('data:/data', '/srv:/srv', 'bad name:/x', ':', 'x:y'), {
            maxLength: 2,
          }),
          json,
        ),
      },
      { requiredKeys: [] },
    ),
    Name: fc.oneof(fc.constantFrom('net1', 'data', 'bridge', ''), fc.string(), json),
    Driver: fc.oneof(fc.constantFrom('bridge', 'overlay', 'macvlan'), json),
  },
  { requiredKeys: [] },
);

const request = fc.record({
  method: fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom('GET', 'POST', 'DELETE', 'HEAD') },
    { weight: 1, arbitrary: fc.constantFrom('PUT', 'PATCH', 'OPTIONS', 'get', 'post', 'BREW', '') },
  ),
  prefix: fc.constantFrom(
    '',
    '/v1.51',
    '/v1.51',
    '/v1.51',
    '/v1.24',
    '/v1.99',
    '/v0.1',
    '/v1.5x',
    '/v99999999999999999999.1',
    '/V1.51',
  ),
  path: routePath,
  query: fc.option(query, { nil: null }),
  body: fc.option(fc.oneof(json, createLikeBody, fc.string({ maxLength: 200 })), {
    nil: undefined,
  }),
});

/**
 * A host with something in it: a running nginx `web`, an alpine `top` that runs until killed
 * (`topper`), an exited alpine `job`, a network.
 */
function populated(): Driver {
  const d = new Driver({ seed: 3 });
  d.run('nginx', { name: 'web', publish: { '8080': '80/tcp' } });
  d.run('alpine', { name: 'topper', cmd: ['top'] });
  d.run('alpine', { name: 'job', cmd: ['echo', 'hi'], volumes: ['data:/data'] });
  d.api('POST', '/networks/create', { Name: 'net1' });
  const exec = d.api('POST', '/containers/topper/exec', { Cmd: ['sleep', '3600'] });
  d.api('POST', `/exec/${(exec.body as { Id: string }).Id}/start`, { Detach: true });
  d.advance(100);
  return d;
}

describe('random Engine API requests', () => {
  it('always get an answer with a status the router uses, and leave a sane host', () => {
    fc.assert(
      fc.property(fc.array(request, { minLength: 1, maxLength: 4 }), (requests) => {
        const d = populated();
        for (const r of requests) {
          const path = `${r.prefix}${r.path}${r.query === null ? '' : `?${r.query}`}`;
          const what = `${r.method} ${path.slice(0, 200)}`;
          const response = d.sim.request(
            r.body === undefined
              ? { method: r.method, path }
              : { method: r.method, path, body: r.body },
          );
          expect(KNOWN_STATUSES.has(response.status), `${what} -> ${response.status}`).toBe(true);
          if (response.status >= 400)
            expect(
              typeof (response.body as { message?: unknown } | undefined)?.message,
              `${what}: an error carries a message`,
            ).toBe('string');
          expect(Number.isFinite(d.sim.now), `${what}: the clock stays finite`).toBe(true);
          const names = Object.values(d.sim.world.containers).map((c) => c.name);
          expect(new Set(names).size, `${what}: names stay unique`).toBe(names.length);
        }
      }),
      { numRuns: 500, seed: 42 },
    );
  });

  it('on the container routes that act, with odd parameters: a known status and a readable clock', () => {
    const action = fc.oneof(
      fc
        .tuple(
          fc.constantFrom('web', 'topper', 'job', 'nope'),
          fc.constantFrom('stop', 'restart', 'kill', 'wait', 'pause', 'unpause', 'start'),
          query,
        )
        .map(([name, verb, q]) => ({ method: 'POST', path: `/containers/${name}/${verb}?${q}` })),
      fc
        .tuple(fc.constantFrom('web', 'topper', 'job'), query)
        .map(([name, q]) => ({ method: 'DELETE', path: `/containers/${name}?${q}` })),
      fc
        .tuple(fc.constantFrom('web', 'topper', 'job', 'nope'), query)
        .map(([name, q]) => ({ method: 'POST', path: `/containers/${name}/exec?${q}` })),
    );
    fc.assert(
      fc.property(fc.array(action, { minLength: 1, maxLength: 3 }), (requests) => {
        const d = populated();
        for (const r of requests) {
          const response = d.api(r.method, r.path);
          const what = `${r.method} ${r.path}`;
          expect(KNOWN_STATUSES.has(response.status), `${what} -> ${response.status}`).toBe(true);
          expect(Number.isFinite(d.sim.now), `${what}: the clock stays finite`).toBe(true);
        }
      }),
      { numRuns: 300, seed: 43 },
    );
  });
});

describe('the trace', () => {
  it('never runs the clock backwards, even in a crash loop (a restart due during a wait)', () => {
    const d = new Driver();
    d.run('alpine', { name: 'loop', cmd: ['sh', '-c', 'exit 1'], restart: 'always' });
    d.advance(3_000);
    const times = d.sim.trace.map((e) => e.t);
    const backwards = times.findIndex((t, i) => i > 0 && t < times[i - 1]!);
    expect(backwards === -1 ? null : d.sim.trace.slice(backwards - 1, backwards + 1)).toBeNull();
  });

  it('rebuilds a running container’s process, exec included: its role and signal handlers', () => {
    const d = new Driver();
    const id = d.run('nginx', { name: 'web' });
    const pid = d.container(id).pid;
    const rebuilt = rebuildFromTrace(d.sim).processes[pid];
    expect(rebuilt?.role).toBe('container');
    expect(rebuilt).toEqual(d.sim.world.processes[pid]);
  });

  it('sim.worldAt(last) shows the journal with the times the lines were written', () => {
    // dockerd restarts while containerd is down: "waiting for containerd" is written at ~0.2 s.
    const d = new Driver({ systemdRestart: false });
    d.signal({ service: 'containerd' }, 'SIGKILL');
    d.systemctl('restart', 'docker');
    expect(d.sim.world.journal.at(-1)?.t).toBeGreaterThan(0);
    expect(d.sim.worldAt(d.sim.trace.length - 1).journal).toEqual(d.sim.world.journal);
  });
});
