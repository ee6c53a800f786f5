/**
 * A machine of the cluster seen as the Docker host it is: its containers (a Swarm task's
 * container is named `web.3.<task id>`), their state, exit code and host PID, read from that
 * machine's own Simulation world, and which faults make sense for it now.
 * Contract: pure; reads a host World and a NodeCard, changes nothing.
 */
import type { World } from '../../sim/types';
import type { NodeCard } from './clusterModel';

export interface HostContainer {
  readonly id: string;
  readonly name: string;
  readonly image: string;
  readonly state: string;
  readonly exitCode: number | null;
  readonly pid: number | null;
}

/** Live containers first, then the rest, each group by name. */
export function hostContainers(world: World): HostContainer[] {
  return Object.values(world.containers)
    .map((c) => ({
      id: c.id,
      name: c.name.replace(/^\//, ''),
      image: c.config.image,
      state: c.state,
      exitCode: c.state === 'exited' || c.state === 'dead' ? c.exitCode : null,
      pid: c.pid > 0 ? c.pid : null,
    }))
    .sort(
      (a, b) =>
        Number(b.state === 'running') - Number(a.state === 'running') ||
        a.name.localeCompare(b.name),
    );
}

export type NodeAction = 'powerOff' | 'partition' | 'restore' | 'drain' | 'activate';
export const NODE_ACTIONS: readonly NodeAction[] = [
  'powerOff',
  'partition',
  'restore',
  'drain',
  'activate',
];

/** Whether an action would do anything to this machine now (buttons that would not are disabled). */
export function canAct(card: NodeCard, action: NodeAction): boolean {
  switch (action) {
    case 'powerOff':
      return card.machine !== 'powered-off';
    case 'partition':
      return card.machine === 'up';
    case 'restore':
      return card.machine !== 'up';
    case 'drain':
      return card.role !== null && card.availability !== 'drain';
    case 'activate':
      return card.role !== null && card.availability !== 'active';
  }
}
