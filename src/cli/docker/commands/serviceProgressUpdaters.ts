/**
 * What the CLI's convergence progress says about one round of tasks (docker/cli's
 * service/progress updaters, re-expressed): for a replicated service one line per slot
 * (`1/3: running [====>]`) and `overall progress: 2 out of 3 tasks`; for a global service one
 * line per node. `update` returns true when every slot (or node) has a running task that is
 * meant to run. Slots are drawn in slot order (Go walks a map here, in no fixed order; a fixed
 * order keeps the simulation deterministic).
 */
import type { ProgressMessage } from '../format/jsonProgress';
import type { ApiService, ApiTask } from './swarmApi';
import { truncateId } from './swarmApi';

/** SwarmKit's task states in their order; the progress bar fills up to `running` (9). */
const NUMBERED: Readonly<Record<string, number>> = {
  new: 1,
  allocated: 2,
  pending: 3,
  assigned: 4,
  accepted: 5,
  preparing: 6,
  ready: 7,
  starting: 8,
  running: 9,
  complete: 10,
  shutdown: 11,
  failed: 12,
  rejected: 13,
};
/** `running`'s rank: a full bar, and the last state that is not terminal. */
const MAX_PROGRESS = 9;
const MAX_PROGRESS_BARS = 20;
/** The longest state name shown (`allocated`, `preparing`): states are padded to it. */
const LONGEST_STATE = 9;

const rank = (state: string | undefined): number => NUMBERED[state ?? ''] ?? 0;
const terminal = (state: string | undefined): boolean => rank(state) > MAX_PROGRESS;

export type Emit = (message: ProgressMessage) => void;

export interface ProgressUpdater {
  update(service: ApiService, tasks: readonly ApiTask[], active: ReadonlySet<string>): boolean;
}

/** Errors on one line, at most 75 characters (the last one `…`). */
function truncError(text: string): string {
  const line = text.replace(/\n/g, ' ');
  return line.length > 75 ? `${line.slice(0, 74)}…` : line;
}

function overall(emit: Emit, running: number, total: number, rollback: boolean): void {
  const text = `${running} out of ${total} tasks`;
  emit({
    id: 'overall progress',
    text: rollback ? `rolling back update: ${text}` : text,
    progress: true,
  });
}

function taskLine(emit: Emit, id: string, task: ApiTask): void {
  const error = task.Status?.Err ?? '';
  if (error !== '') {
    emit({ id, text: truncError(error), progress: true });
    return;
  }
  const state = task.Status?.State ?? '';
  if (terminal(task.DesiredState) || terminal(state)) return;
  emit({
    id,
    text: state.padEnd(LONGEST_STATE, ' '),
    progress: true,
    current: rank(state),
    total: MAX_PROGRESS,
  });
}

/** Of several tasks for one slot (or node), the one meant to run, else the furthest along. */
function preferred(existing: ApiTask | undefined, task: ApiTask): boolean {
  if (!existing) return true;
  const a = rank(existing.DesiredState);
  const b = rank(task.DesiredState);
  if (a < b) return false;
  return !(a === b && rank(existing.Status?.State) <= rank(task.Status?.State));
}

const counted = (t: ApiTask): boolean => rank(t.DesiredState) !== 0 && rank(t.Status?.State) !== 0;
const isRunning = (t: ApiTask): boolean =>
  !terminal(t.DesiredState) && t.Status?.State === 'running';

export class ReplicatedUpdater implements ProgressUpdater {
  private initialized = false;
  private done = false;
  private readonly slotMap = new Map<number, number>();

  constructor(
    private readonly emit: Emit,
    private readonly rollback: () => boolean,
  ) {}

  update(service: ApiService, tasks: readonly ApiTask[], active: ReadonlySet<string>): boolean {
    const replicas = service.Spec?.Mode?.Replicated?.Replicas ?? 0;
    if (!this.initialized) {
      overall(this.emit, 0, replicas, this.rollback());
      if (replicas <= MAX_PROGRESS_BARS)
        for (let i = 1; i <= replicas; i++)
          this.emit({ id: `${i}/${replicas}`, text: ' ', progress: true });
      this.initialized = true;
    }
    const bySlot = new Map<number, ApiTask>();
    for (const task of tasks) {
      if (!counted(task) || !preferred(bySlot.get(task.Slot ?? 0), task)) continue;
      if (task.NodeID && !active.has(task.NodeID)) continue;
      bySlot.set(task.Slot ?? 0, task);
    }
    const slots = [...bySlot.entries()].sort(([a], [b]) => a - b).map(([, t]) => t);
    if (this.done && slots.some((t) => t.Status?.State !== 'running')) this.done = false;
    let running = 0;
    for (const task of slots) {
      const slot = task.Slot ?? 0;
      let mapped = this.slotMap.get(slot);
      if (mapped === undefined) {
        mapped = this.slotMap.size + 1;
        this.slotMap.set(slot, mapped);
      }
      if (isRunning(task)) running++;
      if (!this.done && replicas <= MAX_PROGRESS_BARS && mapped <= replicas)
        taskLine(this.emit, `${mapped}/${replicas}`, task);
    }
    if (!this.done) {
      overall(this.emit, running, replicas, this.rollback());
      if (running === replicas) this.done = true;
    }
    return running === replicas;
  }
}

export class GlobalUpdater implements ProgressUpdater {
  private initialized = false;
  private done = false;

  constructor(
    private readonly emit: Emit,
    private readonly rollback: () => boolean,
  ) {}

  update(_service: ApiService, tasks: readonly ApiTask[], active: ReadonlySet<string>): boolean {
    const byNode = new Map<string, ApiTask>();
    for (const task of tasks) {
      if (!counted(task) || !preferred(byNode.get(task.NodeID ?? ''), task)) continue;
      byNode.set(task.NodeID ?? '', task);
    }
    const nodeCount = byNode.size;
    if (!this.initialized) {
      if (nodeCount === 0) {
        // The orchestrator has not made the tasks yet (or no node fits): wait.
        this.emit({ id: 'overall progress', text: 'waiting for new tasks', progress: true });
        return false;
      }
      overall(this.emit, 0, nodeCount, this.rollback());
      this.initialized = true;
    }
    const nodes = [...byNode.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, t]) => t);
    if (this.done && nodes.some((t) => t.Status?.State !== 'running')) this.done = false;
    let running = 0;
    for (const task of nodes) {
      if (!active.has(task.NodeID ?? '')) continue;
      if (isRunning(task)) running++;
      if (!this.done && nodeCount <= MAX_PROGRESS_BARS)
        taskLine(this.emit, truncateId(task.NodeID ?? ''), task);
    }
    if (!this.done) {
      overall(this.emit, running, nodeCount, this.rollback());
      if (running === nodeCount) this.done = true;
    }
    return running === nodeCount;
  }
}
