/**
 * The kubectl terminal's controller: a KubeShell (src/cli/kubectl) on the student's laptop,
 * talking to the kube store's cluster (whichever one is current: a reset swaps it). While a
 * command waits (`kubectl delete pod` until the pod is gone, `drain` until its pods are
 * evicted) and the cluster's clock is paused, virtual time is ticked here so it can finish.
 * The shell and its writes run under the cluster's failure guard (simFailure.ts).
 */
import { KubeShell } from '../cli/kubectl';
import type { TerminalController } from '../cli/shell/types';
import type { KubePort } from '../sim/kube/port';
import { jobTicker, JOB_TICK_MS } from './jobTicker';
import { FAILED_KUBE_RESULT, guardKube, useKubeStore } from './kubeStore';

const cluster = () => useKubeStore.getState().ensure();

/** The current cluster as kubectl's port; writes bump the store's revision. */
const port: KubePort = {
  get world() {
    return cluster().world;
  },
  get trace() {
    return cluster().trace;
  },
  get now() {
    return cluster().now;
  },
  apiReachable: () => cluster().apiReachable(),
  connectionRefused: () => cluster().connectionRefused(),
  apply: (input) =>
    guardKube(() => {
      const result = cluster().apply(input);
      useKubeStore.setState((s) => ({ revision: s.revision + 1 }));
      return result;
    }, FAILED_KUBE_RESULT),
};

/** Runs the shell under the guard: a bug it meets in the cluster does not escape the key press. */
const guarded = (act: () => void) => guardKube(act, undefined);

function createController(): TerminalController {
  const shell = new KubeShell(port);
  let views = 0;
  const pollable = {
    get busy() {
      return shell.busy;
    },
    poll: () => guarded(() => shell.poll()),
  };
  const tickWhileBusy = jobTicker(pollable, () => {
    const state = useKubeStore.getState();
    // A playing clock already moves time; a paused one must not leave the job stuck.
    if (!state.playing) state.advance(JOB_TICK_MS);
  });
  useKubeStore.subscribe((state, previous) => {
    if (state.revision !== previous.revision && shell.busy) {
      pollable.poll();
      tickWhileBusy();
    }
  });
  return {
    prompt: () => shell.prompt(),
    execute(line) {
      guarded(() => shell.execute(line));
      tickWhileBusy();
    },
    submit(line) {
      guarded(() => shell.submit(line));
      tickWhileBusy();
    },
    interrupt() {
      guarded(() => shell.interrupt());
      tickWhileBusy();
    },
    busy: () => shell.busy,
    history: () => shell.history(),
    complete: (line, cursor) => shell.complete(line, cursor),
    resize: (columns) => {
      if (Number.isInteger(columns) && columns > 0) shell.columns = columns;
    },
    watched: () => views > 0,
    subscribe: (listener) => {
      views += 1;
      const unsubscribe = shell.subscribe(listener);
      return () => {
        views -= 1;
        unsubscribe();
      };
    },
  };
}

let controller: TerminalController | null = null;

/** The kubectl terminal's one controller, created with the Kubernetes view. */
export function kubeTerminalController(): TerminalController {
  controller ??= createController();
  return controller;
}
