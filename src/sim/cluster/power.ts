/**
 * Machine faults, done to a machine's host the way they happen:
 * - power off: every process stops at once, with no signal and no exit to report (the kernel
 *   is gone with them); /run is a tmpfs, so containerd's task state is gone too. Only the
 *   records on disk stay: dockerd's containers (still marked running) and images.
 * - power on: systemd starts containerd and dockerd as at boot; dockerd's restore finds the
 *   old containers dead and marks them exited. Swarm task containers are not restarted by
 *   dockerd (they have no restart policy): the agent reconciles with the managers.
 * - partition and heal: the machine runs on; only what it can reach changes (see net.ts).
 */
import { startContainerd, startDockerd } from '../daemon/service';
import type { DockerHost } from '../host';
import { hostSync } from './hostclock';
import type { ClusterRuntime } from './runtime';
import { patchNode } from './store';
import type { MachineHealth, NodeId } from './types';

function setHealth(rt: ClusterRuntime, id: NodeId, machine: MachineHealth, label: string): void {
  patchNode(rt, id, { machine }, id, label, false);
}

function cutPower(h: DockerHost): void {
  h.cancelTimers(() => true);
  h.emit('note', 'kernel', 'kernel', 'power lost: every process stops');
  for (const p of Object.values(h.world.processes)) {
    if (p.pid === 1) continue;
    h.change(
      { op: 'process.exit', pid: p.pid, status: 137 },
      'kernel',
      `${p.name} (${p.pid}) gone`,
    );
  }
  for (const id of Object.keys(h.world.tasks))
    h.change({ op: 'task.remove', id }, 'kernel', 'tmpfs /run lost');
  for (const service of ['dockerd', 'containerd'] as const)
    h.change(
      { op: 'service', service, patch: { state: 'down', pid: null, lastExit: 'power failure' } },
      service,
      `${service} down`,
    );
}

export function powerOff(rt: ClusterRuntime, id: NodeId): void {
  if (rt.world.nodes[id]?.machine === 'powered-off') return;
  cutPower(hostSync(rt, id));
  setHealth(rt, id, 'powered-off', `${id} powered off`);
}

export function partition(rt: ClusterRuntime, id: NodeId): void {
  if (rt.world.nodes[id]?.machine !== 'up') return;
  setHealth(rt, id, 'partitioned', `${id} cut off the network`);
}

/** Power on, or heal a partition. */
export function restore(rt: ClusterRuntime, id: NodeId): void {
  const health = rt.world.nodes[id]?.machine;
  if (health === 'partitioned') setHealth(rt, id, 'up', `${id} back on the network`);
  if (health !== 'powered-off') return;
  const h = hostSync(rt, id);
  h.emit('note', 'kernel', 'kernel', 'power on: systemd boots the units');
  setHealth(rt, id, 'up', `${id} powered on`);
  if (h.world.settings.era === 'modern') startContainerd(h);
  startDockerd(h);
}
