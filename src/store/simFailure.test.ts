/**
 * The failure guard on the real stores: a simulation made to throw (a spy standing in for a
 * bug, after the input is logged, as a real one would be) is caught in the store, that world
 * stops, the failure holds the log and a link that replays it, and "restore" brings the world
 * back exactly as it was before the failing input.
 */
import { decompressFromEncodedURIComponent } from 'lz-string';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Cluster } from '../sim/cluster/cluster';
import { DockerHost } from '../sim/host';
import type { Input } from '../sim/inputs';
import { KubeCluster } from '../sim/kube/kubeCluster';
import { Simulation } from '../sim/simulation';
import { useClusterStore } from './clusterStore';
import { useKubeStore } from './kubeStore';
import { decodePermalink, PERMALINK_PARAM } from './permalink';
import { FAILED_RESULT, newSimulation, useSessionStore } from './sessionStore';
import { SIM_FAILED_MESSAGE, useSimFailureStore, type SimFailure } from './simFailure';
import { failureLogLines, failurePermalink } from './simFailureReport';
import { terminalController } from './terminalStore';

const session = () => useSessionStore.getState();
const failures = () => useSimFailureStore.getState().failures;
const onlyFailure = (): SimFailure => {
  expect(failures()).toHaveLength(1);
  return failures()[0] as SimFailure;
};

/** The bug: the simulation throws once it has logged and applied a line typed as `boom`. */
function breakOnBoom() {
  const apply = Simulation.prototype.apply;
  return vi.spyOn(Simulation.prototype, 'apply').mockImplementation(function (
    this: Simulation,
    input: Input,
    at?: number,
  ) {
    const result = apply.call(this, input, at);
    if (input.kind === 'typed' && input.line === 'boom') throw new Error('boom: a bug');
    return result;
  });
}

/** A host with a container running, typed and requested as the terminal would. */
function busyHost(): Simulation {
  const sim = newSimulation();
  sim.apply({ kind: 'typed', line: 'docker run -d nginx' });
  sim.request({ method: 'POST', path: '/v1.51/images/create?fromImage=nginx&tag=latest' });
  const created = sim.request({
    method: 'POST',
    path: '/v1.51/containers/create',
    body: { Image: 'nginx' },
  });
  sim.request({
    method: 'POST',
    path: `/v1.51/containers/${(created.body as { Id: string }).Id}/start`,
  });
  return sim;
}

const initialSession = useSessionStore.getState();
beforeEach(() => {
  useSimFailureStore.setState({ failures: [] });
  useSessionStore.setState(initialSession);
  session().load(busyHost());
  // The guard tells the console; the tests read the failure instead.
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => {
  vi.restoreAllMocks();
  useSimFailureStore.setState({ failures: [] });
});

describe('the host session', () => {
  it('catches a failing input: no exception, the store is left as it was, the world stops', () => {
    const before = { trace: session().sim.trace.length, revision: session().revision };
    const bug = breakOnBoom();
    let result: unknown;
    expect(() => (result = session().run({ kind: 'typed', line: 'boom' }))).not.toThrow();
    expect(result).toBe(FAILED_RESULT);
    expect(session().revision).toBe(before.revision);

    const failure = onlyFailure();
    expect(failure.source.world).toBe('host');
    expect(failure.message).toBe('boom: a bug');
    expect(failure.stack).toContain('boom: a bug');
    expect(failure.source.log.at(-1)?.input).toEqual({ kind: 'typed', line: 'boom' });
    expect(failure.source.before).toEqual(failure.source.log.slice(0, -1));
    expect(
      failureLogLines(failure)
        .filter((l) => l.failed)
        .map((l) => l.label),
    ).toEqual(['$ boom']);

    // Stopped: later inputs and time are refused, so the log that reproduces it stays as it is.
    bug.mockRestore();
    const length = session().sim.log.length;
    expect(session().run({ kind: 'typed', line: 'docker ps' })).toEqual(FAILED_RESULT);
    session().tick(5000);
    expect(session().sim.log).toHaveLength(length);
    expect(FAILED_RESULT.message).toBe(SIM_FAILED_MESSAGE);
  });

  it('keeps a link that decodes to the logged session, failing input included', () => {
    const bug = breakOnBoom();
    session().run({ kind: 'typed', line: 'boom' });
    const failure = onlyFailure();
    const fragment = failurePermalink(failure);
    expect(fragment).toMatch(new RegExp(`^#${PERMALINK_PARAM}=`));
    const packed = (fragment ?? '').slice(PERMALINK_PARAM.length + 2);
    const json = JSON.parse(decompressFromEncodedURIComponent(packed)) as { log: unknown };
    expect(json.log).toEqual(failure.source.log);
    // While the bug is there, opening the link meets it again: that is what reproduces it.
    const reproduced = decodePermalink(fragment ?? '');
    expect(reproduced.ok ? '' : reproduced.reason).toContain('boom: a bug');
    // Once it is fixed, the link opens the whole session.
    bug.mockRestore();
    const opened = decodePermalink(fragment ?? '');
    expect(opened.ok && opened.sim.log).toEqual(failure.source.log);
  });

  it('restores the world as it was before the failing input, and takes input again', () => {
    const sim = session().sim;
    const before = {
      trace: sim.trace.length,
      world: JSON.stringify(sim.world),
      log: sim.log.slice(),
    };
    breakOnBoom();
    session().run({ kind: 'typed', line: 'boom' });
    useSimFailureStore.getState().restore(onlyFailure().id);

    expect(failures()).toEqual([]);
    const restored = session().sim;
    expect(restored).not.toBe(sim);
    expect(restored.trace).toHaveLength(before.trace);
    expect(JSON.stringify(restored.world)).toBe(before.world);
    expect(restored.log).toEqual(before.log);
    expect(session().cursor).toBe(before.trace - 1);
    expect(session().run({ kind: 'typed', line: 'docker ps' }).ok).toBe(true);
    expect(restored.trace.length).toBeGreaterThan(before.trace);
  });

  it('restores an idle spell that failed after it was merged into the one before', () => {
    session().tick(100);
    const sim = session().sim;
    const before = { trace: sim.trace.length, log: sim.log.slice() };
    const elapse = DockerHost.prototype.elapse;
    vi.spyOn(DockerHost.prototype, 'elapse').mockImplementation(function (this: DockerHost, ms) {
      elapse.call(this, ms);
      throw new Error('timer wheel broke');
    });
    expect(() => session().tick(100)).not.toThrow();
    const failure = onlyFailure();
    // The log that reproduces it holds the merged spell; the restored one the spell before it.
    expect(failure.source.log.at(-1)?.input).toEqual({ kind: 'advance', ms: 200 });
    expect(failure.source.before).toEqual(before.log);
    expect(failureLogLines(failure).at(-1)?.failed).toBe(true);

    vi.restoreAllMocks();
    useSimFailureStore.getState().restore(failure.id);
    expect(session().sim.trace).toHaveLength(before.trace);
    expect(session().sim.log).toEqual(before.log);
  });

  it('never shows a fork that failed: the session stays where it was, paused in the past', () => {
    const sim = session().sim;
    session().seek(3);
    breakOnBoom();
    session().run({ kind: 'typed', line: 'boom' });
    expect(session().sim).toBe(sim);
    expect(session().cursor).toBe(3);
    const failure = onlyFailure();
    // The fork's log: the inputs up to the cursor, then the failing one.
    expect(failure.source.log.length).toBeLessThan(sim.log.length);
    useSimFailureStore.getState().restore(failure.id);
    expect(session().sim.log).toEqual(failure.source.before);
  });

  it('catches a failure met by a line typed in the terminal', () => {
    breakOnBoom();
    const terminal = terminalController();
    const printed: string[] = [];
    const unsubscribe = terminal.subscribe((event) => {
      if (event.type === 'output') printed.push(event.chunk.text);
    });
    expect(() => terminal.submit('boom')).not.toThrow();
    unsubscribe();
    expect(onlyFailure().source.log.at(-1)?.input).toEqual({ kind: 'typed', line: 'boom' });
    // The shell itself carried on to its next prompt.
    expect(printed.join('')).toContain('boom: command not found');
  });

  it('offers a clean session when the log does not replay either', () => {
    const apply = Simulation.prototype.apply;
    // A bug in every typed line: the line already in the log breaks its replay as well.
    vi.spyOn(Simulation.prototype, 'apply').mockImplementation(function (
      this: Simulation,
      input: Input,
      at?: number,
    ) {
      const result = apply.call(this, input, at);
      if (input.kind === 'typed') throw new Error('every line breaks');
      return result;
    });
    session().run({ kind: 'typed', line: 'boom' });
    const { id } = onlyFailure();
    useSimFailureStore.getState().restore(id);
    expect(onlyFailure().restoreError).toBe('every line breaks');

    useSimFailureStore.getState().startClean(id);
    expect(failures()).toEqual([]);
    expect(session().sim.log).toEqual([]);
    expect(session().sim.options).toEqual(newSimulation().options);
  });
});

describe('the clusters', () => {
  it('stops a Swarm cluster that throws, and restores it to just before', () => {
    const store = useClusterStore.getState();
    expect(store.setUp()).toBeNull();
    const cluster = useClusterStore.getState().ensure();
    const before = { trace: cluster.trace.length, revision: useClusterStore.getState().revision };
    const apply = Cluster.prototype.apply;
    vi.spyOn(Cluster.prototype, 'apply').mockImplementation(function (this: Cluster, input, at) {
      const result = apply.call(this, input, at);
      if (input.kind === 'powerOff') throw new Error('raft lost its mind');
      return result;
    });
    expect(() => store.fault('node-2', 'powerOff')).not.toThrow();
    const failure = onlyFailure();
    expect(failure.source.world).toBe('swarm');
    expect(failurePermalink(failure)).toBeNull();
    expect(useClusterStore.getState().revision).toBe(before.revision);
    // Its clock stops with it; the scale button says why it does nothing.
    const now = cluster.now;
    store.advance(5000);
    expect(cluster.now).toBe(now);
    expect(store.scale('web', 2)).toBe(SIM_FAILED_MESSAGE);
    // The host session is another world: it goes on.
    expect(session().run({ kind: 'typed', line: 'docker ps' }).ok).toBe(true);

    vi.restoreAllMocks();
    useSimFailureStore.getState().restore(failure.id);
    const restored = useClusterStore.getState().ensure();
    expect(restored).not.toBe(cluster);
    expect(restored.trace).toHaveLength(before.trace);
    expect(restored.world.nodes['node-2']?.machine).not.toBe('powered-off');
  });

  it('stops a Kubernetes cluster whose time fails to pass, and starts it clean on request', () => {
    const store = useKubeStore.getState();
    store.reset();
    expect(store.createDeployment('web', 'nginx', 2)).toBeNull();
    const cluster = useKubeStore.getState().ensure();
    const apply = KubeCluster.prototype.apply;
    vi.spyOn(KubeCluster.prototype, 'apply').mockImplementation(function (
      this: KubeCluster,
      input,
      at,
    ) {
      const result = apply.call(this, input, at);
      if (input.kind === 'advance') throw new Error('the scheduler divided by zero');
      return result;
    });
    expect(() => store.advance(1000)).not.toThrow();
    expect(onlyFailure().source.world).toBe('kubernetes');
    // Stopped: neither kubectl's writes nor time reach it any more.
    expect(store.scale('web', 3)).toBe(SIM_FAILED_MESSAGE);
    const now = cluster.now;
    store.advance(1000);
    expect(cluster.now).toBe(now);

    vi.restoreAllMocks();
    useSimFailureStore.getState().startClean(onlyFailure().id);
    expect(failures()).toEqual([]);
    const fresh = useKubeStore.getState().ensure();
    expect(fresh.log).toEqual([]);
    expect(Object.keys(cluster.world.deployments)).toContain('default/web');
    expect(Object.keys(fresh.world.deployments)).not.toContain('default/web');
  });
});
