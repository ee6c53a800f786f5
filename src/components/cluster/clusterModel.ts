/**
 * The cluster view's model: one card per machine (role, leader, status as the managers see it,
 * availability, the machine's real health, its tasks) and one line per service (desired vs
 * running, mode, ports, update), computed from a ClusterWorld.
 * Contract: pure and total; it renders the simulation's records and invents nothing. Nodes
 * keep the simulation's order (node-1..node-N), tasks sort by service then slot. A card with
 * more than AGGREGATE_OVER tasks carries counts per service and phase instead of badges, so
 * 50 nodes with 1,000 tasks stay readable and cheap to draw.
 */
import type {
  ClusterWorld,
  MachineHealth,
  NodeAvailability,
  NodeId,
  NodeRole,
  NodeState,
  SwarmService,
  SwarmTask,
  UpdateStatus,
} from '../../sim/cluster/types';
import { isShownOnNode, TASK_PHASES, taskPhase, type TaskPhase } from './taskPhase';

/** Above this many tasks a card shows counts per service instead of one badge per task. */
export const AGGREGATE_OVER = 12;

/** How many distinct service colours there are; services past it reuse them (names still differ). */
export const SERVICE_COLOURS = 8;

export interface TaskBadge {
  readonly id: string;
  readonly serviceId: string;
  /** `web.1` (slot) or `web` (a global service's task), as `docker service ps` names it. */
  readonly label: string;
  readonly phase: TaskPhase;
  readonly colour: number;
}

export interface ServiceTally {
  readonly serviceId: string;
  readonly name: string;
  readonly colour: number;
  readonly total: number;
  /** Count per phase; phases with no task are absent. */
  readonly phases: Readonly<Partial<Record<TaskPhase, number>>>;
}

export interface NodeCard {
  readonly id: NodeId;
  readonly hostname: string;
  readonly addr: string;
  /** null: not in the swarm. */
  readonly role: NodeRole | null;
  readonly leader: boolean;
  /** What the managers believe (`docker node ls` STATUS). */
  readonly state: NodeState;
  /** A manager the others cannot reach (MANAGER STATUS Unreachable). */
  readonly unreachable: boolean;
  readonly availability: NodeAvailability;
  /** What happened to the machine, whatever the managers believe. */
  readonly machine: MachineHealth;
  /** Every task shown on the card (live ones and those that just ended). */
  readonly tasks: readonly TaskBadge[];
  /** Set when the card aggregates: counts per service, in service order. */
  readonly tallies: readonly ServiceTally[] | null;
}

export interface ServiceLine {
  readonly id: string;
  readonly name: string;
  readonly image: string;
  readonly colour: number;
  readonly mode: 'replicated' | 'global';
  readonly desired: number;
  /** Tasks running where they should, on nodes the managers can reach (`service ls` REPLICAS). */
  readonly running: number;
  /** Not at rest: counts differ, tasks start or stop, or an update is running. */
  readonly converging: boolean;
  /** `8080:80/tcp`, and ` (host)` outside the routing mesh. */
  readonly ports: readonly string[];
  readonly update: UpdateStatus['state'] | null;
}

function serviceOrder(services: Record<string, SwarmService>): SwarmService[] {
  return Object.values(services).sort(
    (a, b) => a.createdAt - b.createdAt || a.spec.name.localeCompare(b.spec.name),
  );
}

function taskLabel(task: SwarmTask, service: SwarmService | undefined): string {
  const name = service?.spec.name ?? task.serviceId.slice(0, 12);
  return task.slot > 0 ? `${name}.${task.slot}` : name;
}

function tally(tasks: readonly TaskBadge[], services: readonly SwarmService[]): ServiceTally[] {
  const byService = new Map<
    string,
    { phases: Partial<Record<TaskPhase, number>>; total: number }
  >();
  for (const task of tasks) {
    const entry = byService.get(task.serviceId) ?? { phases: {}, total: 0 };
    entry.phases[task.phase] = (entry.phases[task.phase] ?? 0) + 1;
    entry.total += 1;
    byService.set(task.serviceId, entry);
  }
  const out: ServiceTally[] = [];
  services.forEach((service, colour) => {
    const entry = byService.get(service.id);
    if (entry)
      out.push({
        serviceId: service.id,
        name: service.spec.name,
        colour: colour % SERVICE_COLOURS,
        ...entry,
      });
  });
  return out;
}

/** The cards, one per machine, in the simulation's order. */
export function nodeCards(world: ClusterWorld): NodeCard[] {
  const services = serviceOrder(world.services);
  const colourOf = new Map(services.map((s, i) => [s.id, i % SERVICE_COLOURS]));
  const rank = new Map(services.map((s, i) => [s.id, i]));
  const byNode = new Map<NodeId, SwarmTask[]>();
  for (const task of Object.values(world.tasks)) {
    if (task.nodeId === null || !isShownOnNode(task, world.now)) continue;
    const list = byNode.get(task.nodeId) ?? [];
    list.push(task);
    byNode.set(task.nodeId, list);
  }
  return Object.values(world.nodes).map((node) => {
    const tasks = (byNode.get(node.id) ?? [])
      .sort(
        (a, b) =>
          (rank.get(a.serviceId) ?? 0) - (rank.get(b.serviceId) ?? 0) ||
          a.slot - b.slot ||
          a.stateAt - b.stateAt ||
          a.id.localeCompare(b.id),
      )
      .map((task) => ({
        id: task.id,
        serviceId: task.serviceId,
        label: taskLabel(task, world.services[task.serviceId]),
        phase: taskPhase(task, node.state === 'down'),
        colour: colourOf.get(task.serviceId) ?? 0,
      }));
    return {
      id: node.id,
      hostname: node.hostname,
      addr: node.addr,
      role: node.role,
      leader: node.managerStatus?.leader === true,
      state: node.state,
      unreachable: node.managerStatus?.reachability === 'unreachable',
      availability: node.availability,
      machine: node.machine,
      tasks,
      tallies: tasks.length > AGGREGATE_OVER ? tally(tasks, services) : null,
    };
  });
}

function portText(port: SwarmService['spec']['ports'][number]): string {
  const text = `${port.publishedPort}:${port.targetPort}/${port.protocol}`;
  return port.publishMode === 'host' ? `${text} (host)` : text;
}

/** One line per service, oldest first. */
export function serviceLines(world: ClusterWorld): ServiceLine[] {
  const tasks = Object.values(world.tasks);
  const reachable = (nodeId: NodeId | null) =>
    nodeId !== null && world.nodes[nodeId]?.state !== 'down';
  return serviceOrder(world.services).map((service, index) => {
    const own = tasks.filter((t) => t.serviceId === service.id);
    const wanted = own.filter((t) => t.desiredState === 'running');
    const running = wanted.filter((t) => t.state === 'running' && reachable(t.nodeId)).length;
    const { mode } = service.spec;
    // A global service wants one task per node that may run it: the orchestrator's own count.
    const desired =
      'replicated' in mode
        ? mode.replicated.replicas
        : wanted.filter((t) => reachable(t.nodeId)).length;
    const moving = own.some((t) => {
      const phase = taskPhase(t, !reachable(t.nodeId) && t.nodeId !== null);
      return phase === 'starting' || phase === 'stopping';
    });
    const update = service.updateStatus?.state ?? null;
    return {
      id: service.id,
      name: service.spec.name,
      image: service.spec.image,
      colour: index % SERVICE_COLOURS,
      mode: 'replicated' in mode ? 'replicated' : 'global',
      desired,
      running,
      converging:
        running !== desired || moving || update === 'updating' || update === 'rollback_started',
      ports: service.spec.ports.map(portText),
      update,
    };
  });
}

/** Phase counts of a tally in display order, for text and drawing alike. */
export function phaseCounts(phases: ServiceTally['phases']): { phase: TaskPhase; count: number }[] {
  return TASK_PHASES.flatMap((phase) => {
    const count = phases[phase] ?? 0;
    return count > 0 ? [{ phase, count }] : [];
  });
}
