/**
 * Changes are data: every mutation of the world is one `Change`, applied by `applyChange`
 * and recorded in the trace. Replaying the changes of a trace onto the initial world gives
 * the world at any position, which is how the views render a past moment.
 */
import type {
  BuildRecord,
  BuildStep,
  Container,
  DockerEvent,
  Image,
  Layer,
  Network,
  Pid,
  Process,
  ServiceName,
  ServiceStatus,
  Settings,
  DaemonConfig,
  Exec,
  Task,
  Volume,
  World,
  LogLine,
} from './types';
import { applyRegistryChange, type RegistryChange } from './images/registryStore';

/** Builds kept in World.builds: enough for the build view's history, bounded for long sessions. */
const BUILDS_KEPT = 10;

export type Change =
  | { op: 'process.spawn'; process: Process }
  | { op: 'process.exit'; pid: Pid; status: number }
  | { op: 'process.reparent'; pid: Pid; ppid: Pid }
  | {
      op: 'process.exec';
      pid: Pid;
      name: string;
      args: string[];
      role?: Process['role'];
      handles?: Process['handles'];
    }
  | { op: 'process.pending'; pid: Pid; pendingExit?: number | null; pendingSignals?: string[] }
  | { op: 'process.freeze'; pids: Pid[]; frozen: boolean }
  | { op: 'service'; service: ServiceName; patch: Partial<ServiceStatus> }
  | { op: 'settings'; patch: Partial<Settings> }
  | { op: 'file.write'; path: string; content: string }
  | { op: 'file.remove'; path: string }
  | { op: 'build.start'; build: BuildRecord }
  | { op: 'build.step'; id: string; step: BuildStep }
  | { op: 'build.end'; id: string; imageId: string | null; error: BuildRecord['error'] }
  | { op: 'daemonConfig'; config: DaemonConfig }
  | { op: 'container.add'; container: Container }
  | { op: 'container.update'; id: string; patch: Partial<Container> }
  | { op: 'container.log'; id: string; line: LogLine }
  | { op: 'container.remove'; id: string }
  | { op: 'task.set'; task: Task }
  | { op: 'task.update'; id: string; patch: Partial<Task> }
  | { op: 'task.remove'; id: string }
  | { op: 'exec.add'; exec: Exec }
  | { op: 'exec.update'; id: string; patch: Partial<Exec> }
  | { op: 'exec.remove'; id: string }
  | { op: 'image.add'; image: Image }
  | { op: 'image.update'; id: string; patch: Partial<Image> }
  | { op: 'image.remove'; id: string }
  | { op: 'layer.add'; layer: Layer }
  | { op: 'layer.remove'; digest: string }
  | { op: 'network.add'; network: Network }
  | { op: 'network.update'; id: string; patch: Partial<Network> }
  | { op: 'network.remove'; id: string }
  | { op: 'volume.add'; volume: Volume }
  | { op: 'volume.remove'; name: string }
  | { op: 'volume.files'; name: string; files: Record<string, string> }
  | { op: 'event'; event: DockerEvent }
  | { op: 'journal'; unit: ServiceName; text: string }
  | RegistryChange;

/** How many `docker events` entries, journal lines and log lines per container are kept. */
export const HISTORY_LIMIT = 500;

function pushBounded<T>(list: T[], item: T): void {
  list.push(item);
  if (list.length > HISTORY_LIMIT) list.splice(0, list.length - HISTORY_LIMIT);
}

/** Applies one change to the world in place. Changes are trusted: the simulation made them. */
export function applyChange(world: World, change: Change): void {
  switch (change.op) {
    case 'process.spawn':
      world.processes[change.process.pid] = { ...change.process };
      world.nextPid = Math.max(world.nextPid, change.process.pid + 1);
      return;
    case 'process.exit':
      delete world.processes[change.pid];
      return;
    case 'process.reparent': {
      const p = world.processes[change.pid];
      if (p) p.ppid = change.ppid;
      return;
    }
    case 'process.exec': {
      const p = world.processes[change.pid];
      if (p) {
        p.name = change.name;
        p.args = [...change.args];
        if (change.role) p.role = change.role;
        if (change.handles) p.handles = { ...change.handles };
      }
      return;
    }
    case 'process.pending': {
      const p = world.processes[change.pid];
      if (!p) return;
      if (change.pendingExit !== undefined) {
        if (change.pendingExit === null) delete p.pendingExit;
        else p.pendingExit = change.pendingExit;
      }
      if (change.pendingSignals !== undefined) {
        if (change.pendingSignals.length === 0) delete p.pendingSignals;
        else p.pendingSignals = [...change.pendingSignals];
      }
      return;
    }
    case 'process.freeze':
      for (const pid of change.pids) {
        const p = world.processes[pid];
        if (p) p.frozen = change.frozen;
      }
      return;
    case 'service':
      Object.assign(world.services[change.service], change.patch);
      return;
    case 'settings':
      Object.assign(world.settings, change.patch);
      return;
    case 'file.write':
      world.files[change.path] = change.content;
      return;
    case 'file.remove':
      delete world.files[change.path];
      return;
    case 'build.start':
      world.builds = [...world.builds.slice(-(BUILDS_KEPT - 1)), change.build];
      return;
    case 'build.step':
    case 'build.end': {
      const i = world.builds.findIndex((b) => b.id === change.id);
      const build = world.builds[i];
      if (!build) return;
      world.builds[i] =
        change.op === 'build.step'
          ? { ...build, steps: [...build.steps, change.step] }
          : { ...build, imageId: change.imageId, error: change.error, finishedAt: world.now };
      return;
    }
    case 'daemonConfig':
      world.daemonConfig = { ...change.config };
      return;
    case 'container.add':
      world.containers[change.container.id] = structuredClone(change.container);
      return;
    case 'container.update': {
      const c = world.containers[change.id];
      if (c) Object.assign(c, structuredClone(change.patch));
      return;
    }
    case 'container.log': {
      const c = world.containers[change.id];
      if (c) pushBounded(c.logs, { ...change.line });
      return;
    }
    case 'container.remove':
      delete world.containers[change.id];
      return;
    case 'task.set':
      world.tasks[change.task.containerId] = { ...change.task };
      return;
    case 'task.update': {
      const task = world.tasks[change.id];
      if (task) Object.assign(task, change.patch);
      return;
    }
    case 'task.remove':
      delete world.tasks[change.id];
      return;
    case 'exec.add':
      world.execs[change.exec.id] = structuredClone(change.exec);
      return;
    case 'exec.update': {
      const e = world.execs[change.id];
      if (e) Object.assign(e, structuredClone(change.patch));
      return;
    }
    case 'exec.remove':
      delete world.execs[change.id];
      return;
    case 'image.add':
      world.images[change.image.id] = structuredClone(change.image);
      return;
    case 'image.update': {
      const image = world.images[change.id];
      if (image) Object.assign(image, structuredClone(change.patch));
      return;
    }
    case 'image.remove':
      delete world.images[change.id];
      return;
    case 'layer.add':
      world.layers[change.layer.digest] = { ...change.layer };
      return;
    case 'layer.remove':
      delete world.layers[change.digest];
      return;
    case 'network.add':
      world.networks[change.network.id] = { ...change.network };
      return;
    case 'network.update': {
      const n = world.networks[change.id];
      if (n) Object.assign(n, change.patch);
      return;
    }
    case 'network.remove':
      delete world.networks[change.id];
      return;
    case 'volume.add':
      world.volumes[change.volume.name] = { ...change.volume };
      return;
    case 'volume.remove':
      delete world.volumes[change.name];
      return;
    case 'volume.files': {
      const v = world.volumes[change.name];
      if (v) v.files = { ...change.files };
      return;
    }
    case 'event':
      pushBounded(world.events, { ...change.event });
      return;
    case 'registry.reset':
    case 'registry.blob':
    case 'registry.manifest':
      applyRegistryChange(world, change);
      return;
    case 'journal':
      pushBounded(world.journal, { t: world.now, unit: change.unit, text: change.text });
      return;
  }
}
