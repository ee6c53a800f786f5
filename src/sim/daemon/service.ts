/**
 * dockerd and containerd as services: crash, clean stop, start (with restore), reload, and
 * systemd's Restart=always. What survives follows FACTS.md §3:
 * - dockerd SIGKILLed: containers keep running under their shims; a restarted dockerd without
 *   live-restore shuts them down, then applies restart policies; with live-restore it reconnects.
 * - dockerd stopped cleanly: without live-restore it stops every container first.
 * - containerd killed: containers keep running; containerd reconnects to the shims on start.
 * - 1.10 era: containers are the daemon's children and die with it.
 */
import { containerdMachine, dockerdMachine } from '../../machines';
import { containerdArgs, containerdName, daemonArgs } from '../binaries';
import type { DockerHost } from '../host';
import { exitProcess, spawn } from '../kernel';
import { nextState } from '../lifecycle';
import { publishExit, reconnectShims, deleteTask } from '../runtime';
import type { DaemonState, ServiceName } from '../types';
import { parseDaemonJson } from './daemonJson';
import { removeContainer, stopContainer } from './control';
import { restartsOnDaemonStart } from './exits';
import { isActive, signalContainer } from './signal';
import { startContainer } from './start';

/** docker.service: RestartSec=2; containerd.service: RestartSec=5; StartLimitBurst=3 in 60 s. */
export const RESTART_SEC: Record<ServiceName, number> = { dockerd: 2000, containerd: 5000 };
const START_LIMIT_BURST = 3;
const START_LIMIT_INTERVAL_MS = 60_000;
/** In the split era dockerd supervises its docker-containerd child and restarts it. */
const SPLIT_CONTAINERD_RESTART_MS = 1000;

const UNIT: Record<ServiceName, string> = { dockerd: 'docker', containerd: 'containerd' };

function setState(
  h: DockerHost,
  service: ServiceName,
  event: { type: string },
  fallback?: DaemonState,
): void {
  const machine = service === 'dockerd' ? dockerdMachine : containerdMachine;
  const current = h.world.services[service].state;
  const next = (nextState(machine, current, event as never) as DaemonState | null) ?? fallback;
  if (next && next !== current)
    h.change({ op: 'service', service, patch: { state: next } }, service, `${service} ${next}`);
}

function journal(h: DockerHost, unit: ServiceName, text: string): void {
  h.change({ op: 'journal', unit, text }, unit, text);
}

/** Services stopped with `systemctl stop` are not restarted by systemd. */
function setStoppedByUser(h: DockerHost, service: ServiceName, stopped: boolean): void {
  if (h.world.services[service].stoppedByUser !== stopped) {
    h.change(
      { op: 'service', service, patch: { stoppedByUser: stopped } },
      service,
      stopped ? 'stopped by systemctl' : 'enabled',
    );
  }
}

/** A daemon process exited: mark the service down and let systemd (or dockerd) restart it. */
export function onDaemonExit(h: DockerHost, service: ServiceName, status: number): void {
  const era = h.world.settings.era;
  const how = status === 137 ? 'code=killed, status=9/KILL' : `code=exited, status=${status}`;
  h.change(
    { op: 'service', service, patch: { pid: null, lastExit: how } },
    service,
    `${service} exited`,
  );
  setState(h, service, { type: 'KILLED' }, 'down');
  if (h.world.services[service].state !== 'down') setState(h, service, { type: 'STOPPED' }, 'down');
  journal(h, service, `${UNIT[service]}.service: Main process exited, ${how}`);

  if (service === 'containerd' && h.world.services.dockerd.state === 'up') {
    journal(h, 'dockerd', 'containerd connection lost; will reconnect when it is back');
  }
  if (service === 'containerd' && era === 'split') {
    // dockerd's supervisor restarts its child, unless dockerd itself is what died.
    const dockerdPid = h.world.services.dockerd.pid;
    if (
      dockerdPid !== null &&
      h.world.processes[dockerdPid] &&
      h.world.services.dockerd.state === 'up'
    ) {
      journal(h, 'dockerd', 'containerd not running, starting daemon managed containerd');
      h.schedule(SPLIT_CONTAINERD_RESTART_MS, { kind: 'serviceRestart', service });
    }
    return;
  }
  if (h.world.services[service].stoppedByUser) return;
  if (!h.world.settings.systemdRestart) return;
  const recent = h.world.services[service].restartTimes.filter(
    (t) => h.now - t < START_LIMIT_INTERVAL_MS,
  );
  if (recent.length >= START_LIMIT_BURST) {
    journal(h, service, `${UNIT[service]}.service: Start request repeated too quickly.`);
    journal(h, service, `${UNIT[service]}.service: Failed with result 'start-limit-hit'.`);
    return;
  }
  // systemd's own words: the failure now; the restart line when RestartSec has passed.
  journal(
    h,
    service,
    `${UNIT[service]}.service: Failed with result '${status === 137 ? 'signal' : 'exit-code'}'.`,
  );
  setState(h, service, { type: 'AUTO_RESTART_SCHEDULED' });
  h.change(
    { op: 'service', service, patch: { restartTimes: [...recent, h.now] } },
    service,
    'restart scheduled',
  );
  h.schedule(RESTART_SEC[service], { kind: 'serviceRestart', service });
}

export function onServiceRestartDue(h: DockerHost, service: ServiceName): void {
  const state = h.world.services[service].state;
  const splitChild =
    service === 'containerd' &&
    h.world.settings.era === 'split' &&
    state === 'down' &&
    h.world.services.dockerd.state === 'up';
  if (state !== 'restarting' && !splitChild) return;
  if (!splitChild) {
    const counter = h.world.services[service].restartTimes.length;
    journal(
      h,
      service,
      `${UNIT[service]}.service: Scheduled restart job, restart counter is at ${counter}.`,
    );
  }
  if (service === 'dockerd') startDockerd(h);
  else startContainerd(h);
}

export function startContainerd(h: DockerHost): void {
  const era = h.world.settings.era;
  if (era === 'monolith' || h.world.services.containerd.state === 'up') return;
  h.cancelTimers((a) => a.kind === 'serviceRestart' && a.service === 'containerd');
  setStoppedByUser(h, 'containerd', false);
  const ppid = era === 'split' ? (h.world.services.dockerd.pid ?? 1) : 1;
  const p = spawn(
    h,
    {
      ppid,
      name: containerdName(era),
      args: containerdArgs(era),
      role: 'containerd',
      diesWithParent: era === 'split',
    },
    `start ${containerdName(era)}`,
  );
  h.change(
    { op: 'service', service: 'containerd', patch: { pid: p.pid } },
    'containerd',
    'containerd started',
  );
  setState(h, 'containerd', { type: 'START' }, 'reconnecting');
  journal(h, 'containerd', 'loading tasks from the state directory and reconnecting to shims');
  h.elapse(h.jitter(40, 80));
  setState(h, 'containerd', { type: 'SHIMS_LOADED' }, 'up');
  journal(h, 'containerd', `containerd successfully booted`);
  reconnectShims(h);
  // A modern dockerd that started before containerd waits for it, then restores.
  if (era === 'modern' && h.world.services.dockerd.state === 'restoring') restore(h);
}

export function startDockerd(h: DockerHost): void {
  const dockerd = h.world.services.dockerd;
  if (dockerd.state === 'up' || dockerd.state === 'restoring' || dockerd.state === 'stopping')
    return;
  h.cancelTimers((a) => a.kind === 'serviceRestart' && a.service === 'dockerd');
  setStoppedByUser(h, 'dockerd', false);
  const era = h.world.settings.era;
  const config = parseDaemonJson(h.world.settings.daemonJson);
  const p = spawn(
    h,
    {
      ppid: 1,
      name: era === 'monolith' ? 'docker' : 'dockerd',
      args: daemonArgs(era),
      role: 'dockerd',
    },
    'start dockerd',
  );
  h.change(
    { op: 'service', service: 'dockerd', patch: { pid: p.pid } },
    'dockerd',
    'dockerd started',
  );
  if (!config.ok) {
    journal(
      h,
      'dockerd',
      `unable to configure the Docker daemon with file /etc/docker/daemon.json: ${config.error}`,
    );
    exitProcess(h, p.pid, 1);
    return;
  }
  h.change(
    { op: 'daemonConfig', config: config.value },
    'dockerd',
    `live-restore ${config.value.liveRestore ? 'on' : 'off'}`,
  );
  setState(h, 'dockerd', { type: 'START' }, 'restoring');
  journal(h, 'dockerd', 'Starting up');
  h.elapse(h.jitter(150, 250));
  if (era === 'split' && h.world.services.containerd.state !== 'up') startContainerd(h);
  if (era === 'modern' && h.world.services.containerd.state !== 'up') {
    journal(h, 'dockerd', 'waiting for containerd at /run/containerd/containerd.sock');
    return; // restore() runs when containerd comes up
  }
  restore(h);
}

/** dockerd's restore (moby daemon.restore): reconcile container records with live tasks. */
function restore(h: DockerHost): void {
  const era = h.world.settings.era;
  const liveRestore = h.world.daemonConfig.liveRestore && era !== 'monolith';
  for (const c of Object.values(h.world.containers)) {
    if (c.state !== 'running' && c.state !== 'paused' && c.state !== 'restarting') continue;
    const task = h.world.tasks[c.id];
    // A container waiting out its restart back-off has no task: the policy resumes below.
    if (c.state === 'restarting' && !task) continue;
    const alive =
      era !== 'monolith' &&
      task !== undefined &&
      task.oci !== 'stopped' &&
      task.initPid !== null &&
      h.world.processes[task.initPid] !== undefined;
    if (alive && liveRestore) {
      h.emit('grpc', 'dockerd', 'containerd', 'Tasks.Get', { id: c.id });
      h.emit('note', 'dockerd', 'dockerd', `live-restore: reconnected to ${c.name}`, { id: c.id });
      continue;
    }
    if (alive) {
      h.emit('grpc', 'dockerd', 'containerd', 'Tasks.Get', { id: c.id });
      h.emit(
        'note',
        'dockerd',
        'dockerd',
        `shutting down container considered alive by containerd: ${c.name}`,
        { id: c.id },
      );
      // Mark it as `up` so the exit reaches dockerd; restart policies run once the restore is done.
      stopContainer(h, c, null, false);
      const after = h.world.containers[c.id];
      if (after && isActive(h, c.id)) signalContainer(h, after, 'SIGKILL');
      continue;
    }
    const status = era === 'monolith' ? 137 : (task?.exitStatus ?? 137);
    h.change(
      {
        op: 'container.update',
        id: c.id,
        patch: { state: 'exited', exitCode: status, pid: 0, finishedAt: h.now, networks: {} },
      },
      'dockerd',
      `container ${c.name} exited (${status})`,
    );
    if (task) deleteTask(h, c.id);
  }
  setState(h, 'dockerd', { type: 'RESTORED' }, 'up');
  journal(h, 'dockerd', 'Daemon has completed initialization');
  journal(h, 'dockerd', 'API listen on /var/run/docker.sock');
  for (const task of Object.values(h.world.tasks))
    if (task.oci === 'stopped') publishExit(h, task.containerId);
  for (const c of Object.values(h.world.containers)) {
    if (c.state === 'exited' && c.hostConfig.autoRemove)
      removeContainer(h, c, { force: false, volumes: true });
    else if (c.state === 'exited' && restartsOnDaemonStart(c)) startContainer(h, c);
    else if (
      c.state === 'restarting' &&
      !h.hasTimer((a) => a.kind === 'restartContainer' && a.containerId === c.id)
    ) {
      // Its back-off ran out while dockerd was away or restoring: restart it now.
      startContainer(h, c, 'restart-policy');
    }
  }
}

/** SIGTERM or `systemctl stop docker`: a clean shutdown. */
export function stopDockerd(h: DockerHost, bySystemctl: boolean): void {
  const dockerd = h.world.services.dockerd;
  if (bySystemctl) setStoppedByUser(h, 'dockerd', true);
  if (dockerd.state === 'restarting') {
    h.cancelTimers((a) => a.kind === 'serviceRestart' && a.service === 'dockerd');
    setState(h, 'dockerd', { type: 'STOP' }, 'down');
    return;
  }
  if (dockerd.state !== 'up' || dockerd.pid === null) return;
  setState(h, 'dockerd', { type: 'STOP' }, 'stopping');
  journal(h, 'dockerd', "Processing signal 'terminated'");
  const era = h.world.settings.era;
  if (!h.world.daemonConfig.liveRestore || era === 'monolith') {
    for (const c of Object.values(h.world.containers)) {
      if (isActive(h, c.id)) stopContainer(h, c, null, false);
    }
  } else {
    journal(h, 'dockerd', 'live-restore: leaving containers running');
  }
  if (era === 'split' && h.world.services.containerd.pid !== null)
    exitProcess(h, h.world.services.containerd.pid, 0);
  journal(h, 'dockerd', 'Daemon shutdown complete');
  const pid = h.world.services.dockerd.pid;
  if (pid !== null) exitProcess(h, pid, 0);
}

/** SIGHUP or `systemctl reload docker`: re-read daemon.json (live-restore is reloadable). */
export function reloadDockerd(h: DockerHost): void {
  if (h.world.services.dockerd.state !== 'up') return;
  const config = parseDaemonJson(h.world.settings.daemonJson);
  if (!config.ok) {
    journal(h, 'dockerd', `Error reloading configuration: ${config.error}`);
    return;
  }
  h.change(
    { op: 'daemonConfig', config: config.value },
    'dockerd',
    `reloaded: live-restore ${config.value.liveRestore ? 'on' : 'off'}`,
  );
  journal(h, 'dockerd', `Reloaded configuration: {"live-restore":${config.value.liveRestore}}`);
}

export function stopContainerd(h: DockerHost, bySystemctl: boolean): void {
  if (bySystemctl) setStoppedByUser(h, 'containerd', true);
  const containerd = h.world.services.containerd;
  if (containerd.state === 'restarting') {
    h.cancelTimers((a) => a.kind === 'serviceRestart' && a.service === 'containerd');
    setState(h, 'containerd', { type: 'STOP' }, 'down');
    return;
  }
  if (containerd.pid === null) return;
  setState(h, 'containerd', { type: 'STOP' }, 'stopping');
  journal(h, 'containerd', 'Stopping containerd; shims and containers keep running');
  exitProcess(h, containerd.pid, 0);
}
