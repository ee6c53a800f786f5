/**
 * What each input does to the host: an Engine API request goes through the API socket to
 * dockerd's routes (or a cluster's, for swarm), a signal to the process it names, systemctl to
 * the daemons, a file write to the host's files, time to the host's timers.
 * Contract: called by `Simulation.apply` only, after the input is logged.
 */
import { route } from './api/router';
import { serverHeaders } from './api/system';
import { CANNOT_CONNECT, STATUS_TEXT, type ApiRequest, type ApiResponse } from './api/types';
import { findContainer } from './daemon/lookup';
import {
  reloadDockerd,
  startContainerd,
  startDockerd,
  stopContainerd,
  stopDockerd,
} from './daemon/service';
import type { DockerHost } from './host';
import { MAX_ADVANCE_MS, type Input, type InputResult, type SignalTarget } from './inputs';
import { signalProcess } from './kernel';
import { parseSignal } from './signals';
import type { Pid } from './types';

/** Answers an Engine API request in place of the host's own routes (a cluster's swarm routes). */
export type RouteOverride = ((request: ApiRequest, next: () => ApiResponse) => ApiResponse) | null;

export function dispatch(h: DockerHost, input: Input, override: RouteOverride): InputResult {
  switch (input.kind) {
    case 'api':
      return { ok: true, response: apiRequest(h, input.request, override) };
    case 'signal':
      return sendSignal(h, input.target, input.signal);
    case 'systemctl':
      return systemctl(h, input.action, input.unit);
    case 'writeFile':
      if (input.path.startsWith('/root/') && !input.path.endsWith('/')) {
        h.change(
          { op: 'file.write', path: input.path, content: input.content },
          'kernel',
          `wrote ${input.path}`,
        );
        return { ok: true };
      }
      if (input.path !== '/etc/docker/daemon.json')
        return { ok: false, message: `${input.path}: Read-only file system` };
      h.change(
        { op: 'settings', patch: { daemonJson: input.content } },
        'kernel',
        'wrote /etc/docker/daemon.json',
      );
      return { ok: true };
    case 'advance':
      h.elapse(Math.max(0, Math.min(input.ms, MAX_ADVANCE_MS)));
      return { ok: true };
    case 'armFault':
      h.armedFaults.add(input.fault);
      return { ok: true };
    case 'typed':
    case 'interrupt':
      return { ok: true };
  }
}

function apiRequest(h: DockerHost, request: ApiRequest, override: RouteOverride): ApiResponse {
  const label = `${request.method.toUpperCase()} ${request.path}`;
  if (h.world.services.dockerd.state !== 'up') {
    h.emit('http-request', 'cli', 'api', label, { refused: true });
    h.emit('http-response', 'api', 'cli', 'connection refused', { error: CANNOT_CONNECT });
    return { status: 0, headers: {}, connectionRefused: true };
  }
  const detail = {
    method: request.method,
    path: request.path,
    ...(request.body === undefined ? {} : { body: request.body }),
    ...(request.via ? { via: request.via } : {}),
  };
  h.emit('http-request', 'cli', 'api', label, detail);
  h.elapse(1);
  const forwarded = h.emit('http-request', 'api', 'dockerd', label, {
    method: request.method,
    path: request.path,
  });
  h.elapse(1);
  const own = (): ApiResponse => route(h, request, forwarded.seq);
  const response = override ? override(request, own) : own();
  const headers = { ...serverHeaders(h), ...response.headers };
  const answer = { ...response, headers };
  const statusLine = `${response.status} ${STATUS_TEXT[response.status] ?? ''}`.trim();
  h.emit('http-response', 'dockerd', 'api', statusLine, { status: response.status });
  // What the API panel shows of the answer: status, the headers that matter, and the body,
  // stream lines or stdio frames (bounded, so a long pull or log does not bloat the trace).
  h.emit('http-response', 'api', 'cli', statusLine, {
    status: response.status,
    headers,
    ...(response.body === undefined ? {} : { body: response.body }),
    ...(response.stream ? { stream: response.stream.slice(0, 100) } : {}),
    ...(response.frames ? { frames: response.frames.slice(-100) } : {}),
    ...(response.wait ? { held: 'the body is sent when the container exits' } : {}),
  });
  h.elapse(1);
  return answer;
}

function resolveTarget(h: DockerHost, target: SignalTarget): { pid: Pid } | { error: string } {
  if ('pid' in target)
    return h.world.processes[target.pid]
      ? { pid: target.pid }
      : { error: `(${target.pid}) - No such process` };
  if ('service' in target) {
    const pid = h.world.services[target.service].pid;
    return pid !== null ? { pid } : { error: `${target.service}: no process found` };
  }
  const ref = 'shim' in target ? target.shim : target.container;
  const found = findContainer(h, ref);
  if (!found.ok) return { error: found.message };
  const task = h.world.tasks[found.value.id];
  if ('shim' in target)
    return task?.shimPid && h.world.processes[task.shimPid]
      ? { pid: task.shimPid }
      : { error: `no shim runs for ${ref}` };
  const pid = found.value.pid;
  return pid && h.world.processes[pid] ? { pid } : { error: `container ${ref} is not running` };
}

function sendSignal(h: DockerHost, target: SignalTarget, signalText: string): InputResult {
  const signal = parseSignal(signalText);
  if (!signal) return { ok: false, message: `${signalText}: invalid signal specification` };
  const resolved = resolveTarget(h, target);
  if ('error' in resolved) return { ok: false, message: resolved.error };
  signalProcess(h, resolved.pid, signal, 'user');
  return { ok: true };
}

function systemctl(
  h: DockerHost,
  action: 'start' | 'stop' | 'restart' | 'reload',
  unit: 'docker' | 'containerd',
): InputResult {
  if (unit === 'containerd') {
    if (h.world.settings.era !== 'modern')
      return {
        ok: false,
        message: `Failed to ${action} containerd.service: Unit containerd.service not found.`,
      };
    if (action === 'stop' || action === 'restart') stopContainerd(h, true);
    if (action === 'start' || action === 'restart') startContainerd(h);
    if (action === 'reload')
      return {
        ok: false,
        message:
          'Failed to reload containerd.service: Job type reload is not applicable for unit containerd.service.',
      };
    return { ok: true };
  }
  if (action === 'reload') {
    if (h.world.services.dockerd.state !== 'up')
      return { ok: false, message: 'docker.service is not active, cannot reload.' };
    reloadDockerd(h);
    return { ok: true };
  }
  if (action === 'stop' || action === 'restart') stopDockerd(h, true);
  if (action === 'start' || action === 'restart') {
    startDockerd(h);
    if (h.world.services.dockerd.state === 'down') {
      return {
        ok: false,
        message:
          'Job for docker.service failed because the control process exited with error code.\nSee "systemctl status docker.service" and "journalctl -xeu docker.service" for details.',
      };
    }
  }
  return { ok: true };
}
