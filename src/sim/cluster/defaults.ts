/**
 * SwarmKit's timings and defaults, each with where it comes from. Small delays that the
 * sources do not fix (how long a status report or a scheduling decision takes on a LAN) are
 * marked "pacing": they only space the trace out so that a view can animate it.
 */
import type { RestartPolicy, UpdateConfig } from './types';

/** Raft tick: swarmkit manager/state/raft NewNode, `TickInterval` defaults to one second. */
export const TICK_MS = 1000;

/**
 * ElectionTick 10 and HeartbeatTick 1 (ticks): swarmkit raft.DefaultNodeConfig since
 * moby/swarmkit#2564 "Increase raft ElectionTick to 10xHeartbeatTick" (Docker 18.03; it was 3
 * before). etcd/raft draws each follower's timeout in [ElectionTick, 2*ElectionTick).
 */
export const ELECTION_TICK = 10;
export const HEARTBEAT_TICK = 1;

/**
 * The dispatcher: nodes heartbeat every 5 s, each period chosen in 5 s +/- 0.5 s, and a node
 * is marked down when no heartbeat came for period * 3 (swarmkit manager/dispatcher:
 * DefaultHeartBeatPeriod, defaultHeartBeatEpsilon, defaultGracePeriodMultiplier).
 */
export const HEARTBEAT_PERIOD_MS = 5000;
export const HEARTBEAT_EPSILON_MS = 500;
export const GRACE_MULTIPLIER = 3;

/**
 * An agent whose session fails tries again; the backoff starts at 100 ms and grows to at most
 * 8 s (swarmkit agent: initialSessionFailureBackoff, maxSessionFailureBackoff).
 */
export const SESSION_BACKOFF_MS: readonly [number, number] = [100, 8000];

/** The dispatcher commits agents' status reports in batches at least every 100 ms (maxBatchInterval). */
export const DISPATCH_BATCH_MS = 100;

/** The scheduler waits 50 ms after a change before a pass (commitDebounceGap, scheduler.go). */
export const SCHEDULER_DEBOUNCE_MS = 50;

/** A node with 5 failures of a service in 5 minutes is picked last for it (scheduler.go). */
export const MAX_FAILURES = 5;
export const MONITOR_FAILURES_MS = 5 * 60_000;

/** `docker swarm init --task-history-limit` defaults to 5 tasks kept per slot. */
export const TASK_HISTORY_LIMIT = 5;

/**
 * `--restart-condition any`, `--restart-delay 5s`, unlimited attempts (docker/cli
 * service_create.md; swarmkit api/defaults).
 */
export const DEFAULT_RESTART: RestartPolicy = { condition: 'any', delay: 5000, maxAttempts: 0 };

/** `--stop-grace-period` defaults to 10 s (docker/cli service_create.md). */
export const DEFAULT_STOP_GRACE_MS = 10_000;

/**
 * `--update-parallelism 1`, `--update-delay 0s`, `--update-failure-action pause`,
 * `--update-monitor 5s`, `--update-max-failure-ratio 0`, `--update-order stop-first`; the
 * `--rollback-*` flags have the same defaults (docker/cli service_create.md; swarmkit
 * api/defaults).
 */
export const DEFAULT_UPDATE: UpdateConfig = {
  parallelism: 1,
  delay: 0,
  failureAction: 'pause',
  monitor: 5000,
  maxFailureRatio: 0,
  order: 'stop-first',
};

/** The restart supervisor waits at most this long for the task it replaces to stop. */
export const OLD_TASK_TIMEOUT_MS = 60_000;

/** The swarm's listen port (`docker swarm init --listen-addr 0.0.0.0:2377`). */
export const SWARM_PORT = 2377;

/** Pacing: one hop of a report between an agent and the leader on a LAN. */
export const HOP_MS: readonly [number, number] = [5, 20];
