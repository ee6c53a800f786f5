/**
 * What the runtime floor's parts share: whether containerd answers, the wire to the shim,
 * the lifecycle steps of a task (asked of the OCI and shim machines) and one runc invocation.
 */
import { ociRuntimeMachine, shimMachine } from '../../machines';
import { containerdSocket, runcArgs } from '../binaries';
import type { DockerHost } from '../host';
import { spawn } from '../kernel';
import { nextState } from '../lifecycle';
import { endpoint } from '../trace';
import type { OciState, Task } from '../types';

export type RuntimeResult = { ok: true } | { ok: false; error: string; exitCode?: number };

export function isContainerdUp(h: DockerHost): boolean {
  return h.world.services.containerd.state === 'up';
}

export function containerdUnavailable(h: DockerHost): string {
  const sock = containerdSocket(h.world.settings.era);
  return `connection error: desc = "transport: Error while dialing: dial unix ${sock}: connect: connection refused": unavailable`;
}

/** The wire between containerd and the shim: ttRPC since containerd 1.1; gRPC before. */
export function shimWire(h: DockerHost): 'ttrpc' | 'grpc' {
  return h.world.settings.era === 'split' ? 'grpc' : 'ttrpc';
}

export function setOci(
  h: DockerHost,
  id: string,
  event: Parameters<typeof nextState<typeof ociRuntimeMachine>>[2],
  patch: Partial<Task> = {},
): void {
  const task = h.world.tasks[id];
  if (!task) return;
  const oci = nextState(ociRuntimeMachine, task.oci, event) as OciState | null;
  if (oci === null && Object.keys(patch).length === 0) return;
  h.change(
    { op: 'task.update', id, patch: { ...patch, ...(oci ? { oci } : {}) } },
    endpoint.shim(id),
    `task ${oci ?? task.oci}`,
  );
}

export function setShim(
  h: DockerHost,
  id: string,
  event: Parameters<typeof nextState<typeof shimMachine>>[2],
): void {
  const task = h.world.tasks[id];
  if (!task) return;
  const shimState = nextState(shimMachine, task.shimState, event) as Task['shimState'] | null;
  if (shimState)
    h.change(
      { op: 'task.update', id, patch: { shimState } },
      endpoint.shim(id),
      `shim ${shimState}`,
    );
}

/** Runs one runc operation as a short-lived child of the shim; returns its PID while it lives. */
export function runc(h: DockerHost, id: string, op: string, extra: string[] = []): number {
  const task = h.world.tasks[id];
  const args = runcArgs(h.world.settings.era, op, id, extra);
  h.emit(
    'exec',
    endpoint.shim(id),
    endpoint.runc(id),
    `runc ${op}${extra.length ? ` ${extra.join(' ')}` : ''}`,
    { args },
  );
  const p = spawn(
    h,
    { ppid: task?.shimPid ?? 1, name: args[0] ?? 'runc', args, role: 'runc', containerId: id },
    `${args[0]} ${op}`,
  );
  return p.pid;
}
