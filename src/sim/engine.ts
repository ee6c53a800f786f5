/**
 * The host's engine: what an input does (./dispatch.ts: the Engine API, typed lines, signals,
 * systemctl, time passing), how each process's supervisor reacts when it exits, and what a
 * timer runs when it falls due. Installed on import (simulation.ts says why): the docker CLI,
 * the stores' actions, the lessons, the clusters, the bridge, the benchmarks and the tests
 * import it before they apply inputs. It is the bulk of the simulation (about 55 KB gzip in
 * the browser), which the app's first screen does without.
 */
import { onExecProcessExit } from './daemon/exec';
import { forgetExecs } from './daemon/execStore';
import { onRestartDue, onTaskExit } from './daemon/exits';
import {
  onDaemonExit,
  onServiceRestartDue,
  reloadDockerd,
  stopContainerd,
  stopDockerd,
} from './daemon/service';
import { dispatch } from './dispatch';
import type { DockerHost, TimerAction } from './host';
import { childrenOf, exitProcess } from './kernel';
import { onInitExit, onShimExit } from './runtime';
import { installHostEngine } from './simulation';
import type { Process } from './types';

/** The kernel reports an exit: the supervisor of that process reacts. */
function onProcessExit(h: DockerHost, p: Process, status: number): void {
  switch (p.role) {
    case 'dockerd':
      if (h.world.services.dockerd.pid === p.pid) {
        forgetExecs(h); // the exec store lives in dockerd's memory
        onDaemonExit(h, 'dockerd', status);
      }
      return;
    case 'containerd':
      if (h.world.services.containerd.pid === p.pid) onDaemonExit(h, 'containerd', status);
      return;
    case 'shim':
      if (p.containerId) onShimExit(h, p.containerId, p.pid);
      return;
    case 'container':
    case 'docker-init':
    case 'runc-init':
      // A `docker exec` process: the shim reaps it and reports the exit for its exec ID.
      if (p.role === 'container' && p.execId) onExecProcessExit(h, p, status);
      if (p.nsPid !== 1 || !p.containerId) return;
      if (h.world.settings.era === 'monolith') {
        // The 1.10 daemon reaps its own children; a daemon that is dying (its children are
        // killed with it) records nothing: its restart marks them exited 137.
        const daemon = h.world.services.dockerd.pid;
        const alive = daemon !== null && h.world.processes[daemon] !== undefined;
        const state = h.world.services.dockerd.state;
        if (alive && (state === 'up' || state === 'stopping')) onTaskExit(h, p.containerId, status);
      } else {
        onInitExit(h, p.containerId, status);
      }
      return;
    default:
      return;
  }
}

function runTimer(h: DockerHost, action: TimerAction): void {
  switch (action.kind) {
    case 'programExit': {
      const p = h.world.processes[action.pid];
      if (!p) return;
      // A frozen program cannot finish: its exit waits for the thaw.
      if (p.frozen)
        h.change(
          { op: 'process.pending', pid: p.pid, pendingExit: action.status },
          'kernel',
          'exit pending (frozen)',
        );
      else {
        // A graceful shutdown: the program tells its children to quit and waits for them.
        if (action.graceful) for (const child of childrenOf(h, p.pid)) exitProcess(h, child.pid, 0);
        exitProcess(h, action.pid, action.status);
      }
      return;
    }
    case 'restartContainer':
      onRestartDue(h, action.containerId);
      return;
    case 'serviceRestart':
      onServiceRestartDue(h, action.service);
      return;
  }
}

installHostEngine({
  dispatch,
  hooks: {
    onExit: onProcessExit,
    onDaemonSignal: (h, p, signal) => {
      if (p.role === 'dockerd') {
        if (signal === 'SIGTERM' || signal === 'SIGINT') stopDockerd(h, false);
        else if (signal === 'SIGHUP') reloadDockerd(h);
      } else if (signal === 'SIGTERM' || signal === 'SIGINT') {
        stopContainerd(h, false);
      }
    },
    onTaskExit,
  },
  runTimer,
});
