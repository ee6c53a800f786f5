/**
 * Waiting for a service to converge, as `docker service create|update|scale|rollback` do
 * unless `-d` (docker/cli's ServiceProgress): every 200 ms of virtual time one round of
 * `GET /services/{ref}?insertDefaults=false`, `GET /tasks?filters={"_up-to-date":...,
 * "service":...}` and `GET /nodes`; once every slot runs, `verify: Waiting N seconds to verify
 * that tasks are stable...` for the update monitor period (5 s by default), then
 * `verify: Service {ref} converged`. A paused update ends it with `service update paused: ...`.
 *
 * Contract: the first round runs at once; the returned Job runs the next ones as the shell
 * polls it. Ctrl-C while not converged prints `Operation continuing in background.` and the
 * `docker service ps` hint and ends the wait with status 0, as the real CLI does (it catches
 * SIGINT). Several services (`service scale a=1 b=2`) are waited for one after the other.
 * Errors are collected and printed at the end, each after its prefix (`web: ` for scale).
 */
import type { CommandContext, CommandOutcome, Job } from '../../shell/types';
import { errorText, isError, query, segment, type EngineClient } from '../client';
import { ProgressDisplay, type ProgressMessage } from '../format/jsonProgress';
import { GlobalUpdater, ReplicatedUpdater, type ProgressUpdater } from './serviceProgressUpdaters';
import { filtersJson, type ApiNode, type ApiService, type ApiTask } from './swarmApi';

const ROUND_MS = 200;
const DEFAULT_MONITOR_MS = 5000;

export interface WaitTarget {
  /** The service as the user named it (ID or name): requests and messages use it. */
  readonly ref: string;
  /** Put before this service's errors (`web: ` for scale; empty for create and update). */
  readonly errorPrefix: string;
}

type Round = { done: false } | { done: true; error?: string };

/** One service's convergence watch: the state of docker/cli's loop between rounds. */
class Watch {
  private updater: ProgressUpdater | null = null;
  private converged = false;
  private convergedAt: number | null = null;
  private rollback = false;
  private message: ProgressMessage | null = null;

  constructor(
    private readonly client: EngineClient,
    private readonly ref: string,
    private readonly emit: (message: ProgressMessage) => void,
  ) {}

  get isConverged(): boolean {
    return this.converged;
  }

  round(now: number): Round {
    const inspected = this.client.get(
      `/services/${segment(this.ref)}${query({ insertDefaults: 'false' })}`,
    );
    if (isError(inspected)) return { done: true, error: errorText(inspected) };
    const service = inspected.body as ApiService;
    const monitorNs = service.Spec?.UpdateConfig?.Monitor ?? 0;
    const monitor = monitorNs !== 0 ? monitorNs / 1e6 : DEFAULT_MONITOR_MS;
    if (!this.updater) {
      const mode = service.Spec?.Mode;
      const rollback = (): boolean => this.rollback;
      if (mode?.Replicated?.Replicas !== undefined)
        this.updater = new ReplicatedUpdater(this.emit, rollback);
      else if (mode?.Global) this.updater = new GlobalUpdater(this.emit, rollback);
      else return { done: true, error: 'unrecognized service mode' };
    }
    const status = service.UpdateStatus;
    switch (status?.State) {
      case 'updating':
        this.rollback = false;
        break;
      case 'completed':
        if (!this.converged) return { done: true };
        break;
      case 'paused':
        return { done: true, error: `service update paused: ${status.Message ?? ''}` };
      case 'rollback_started':
        if (!this.rollback && status.Message)
          this.emit({ id: 'rollback', text: status.Message, progress: true });
        this.rollback = true;
        break;
      case 'rollback_paused':
        return { done: true, error: `service rollback paused: ${status.Message ?? ''}` };
      case 'rollback_completed':
        if (!this.converged)
          this.message = { id: 'rollback', text: status.Message ?? '', progress: false };
        this.rollback = true;
        break;
    }
    if (this.converged && this.convergedAt !== null && now - this.convergedAt >= monitor) {
      this.emit({ id: 'verify', text: `Service ${this.ref} converged`, progress: true });
      if (this.message) this.emit(this.message);
      return { done: true };
    }
    const filters = filtersJson([
      ['service', service.ID],
      ['_up-to-date', 'true'],
    ]);
    const tasks = this.client.get(`/tasks${query({ filters })}`);
    if (isError(tasks)) return { done: true, error: errorText(tasks) };
    const nodes = this.client.get('/nodes');
    if (isError(nodes)) return { done: true, error: errorText(nodes) };
    const active = new Set(
      ((nodes.body as ApiNode[] | undefined) ?? [])
        .filter((n) => n.Status?.State !== 'down')
        .map((n) => n.ID),
    );
    this.converged = this.updater.update(
      service,
      (tasks.body as ApiTask[] | undefined) ?? [],
      active,
    );
    if (this.converged) {
      this.convergedAt ??= now;
      const wait = monitor - (now - this.convergedAt);
      // Go prints wait/time.Second+1 a moment after convergedAt: the seconds left, rounded up.
      if (wait >= 0)
        this.emit({
          id: 'verify',
          text: `Waiting ${Math.max(1, Math.ceil(wait / 1000))} seconds to verify that tasks are stable...`,
          progress: true,
        });
    } else {
      if (this.convergedAt !== null)
        this.emit({ id: 'verify', text: 'Detected task failure', progress: true });
      this.convergedAt = null;
    }
    return { done: false };
  }
}

/**
 * Waits for each target in turn. `errors` holds errors found before waiting (printed last,
 * as the CLI joins them); the outcome is 1 if there is any error, else 0.
 */
export function waitOnServices(
  ctx: CommandContext,
  client: EngineClient,
  targets: readonly WaitTarget[],
  options: { readonly quiet: boolean; readonly errors?: readonly string[] },
): CommandOutcome {
  const errors = [...(options.errors ?? [])];
  const queue = [...targets];
  const display = new ProgressDisplay(
    (text) => {
      if (!options.quiet) ctx.out(text);
    },
    !ctx.piped,
    ctx.columns,
  );
  const emit = (message: ProgressMessage): void => display.write(message);
  let current: { target: WaitTarget; watch: Watch } | null = null;
  let nextAt = ctx.host.now;

  const finish = (): number => {
    for (const error of errors) ctx.err(`${error}\n`);
    return errors.length > 0 ? 1 : 0;
  };
  /** Runs rounds that are due; the exit status once every target is done, else null. */
  const step = (): number | null => {
    while (ctx.host.now >= nextAt) {
      if (!current) {
        const target = queue.shift();
        if (!target) return finish();
        current = { target, watch: new Watch(client, target.ref, emit) };
      }
      const result = current.watch.round(ctx.host.now);
      if (!result.done) {
        nextAt = ctx.host.now + ROUND_MS;
        return null;
      }
      if (result.error) errors.push(`${current.target.errorPrefix}${result.error}`);
      current = null;
    }
    return null;
  };

  const first = step();
  if (first !== null) return first;
  const job: Job = {
    poll: step,
    interrupt: () => {
      if (current && !current.watch.isConverged) {
        emit({ id: '', text: 'Operation continuing in background.', progress: false });
        emit({
          id: '',
          text: `Use \`docker service ps ${current.target.ref}\` to check progress.`,
          progress: false,
        });
      }
      // SIGINT ends this service's wait only; the next one starts its own.
      current = null;
      nextAt = ctx.host.now;
      return step();
    },
  };
  return job;
}
