/**
 * The Docker units as systemd sees them: load state, active state and sub-state, when the
 * unit entered that state, its main process and how the last one exited, derived from the
 * world's ServiceStatus and the service changes recorded in the trace. Pure.
 *
 * Units per era: docker.service always; containerd.service only since the 18.09 split (in
 * 17.x/18.x dockerd ran docker-containerd as its own child, FACTS.md §3-§4).
 */
import { containerdArgs, daemonArgs } from '../../sim/binaries';
import { BOOT_PIDS } from '../../sim/world';
import type { TraceEntry } from '../../sim/trace';
import type { ServiceName, World } from '../../sim/types';
import { unitsOf, UNIT_DESCRIPTION, type UnitName } from './journal';

export const SERVICE_OF: Record<UnitName, ServiceName> = {
  docker: 'dockerd',
  containerd: 'containerd',
};

export const UNIT_DOCS: Record<UnitName, string> = {
  docker: 'https://docs.docker.com',
  containerd: 'https://containerd.io',
};

/** As packaged: Restart=always; RestartSec=2 (docker) and 5 (containerd); KillMode=process. */
export const RESTART_SEC: Record<UnitName, number> = { docker: 2, containerd: 5 };

export type ActiveState = 'active' | 'inactive' | 'failed' | 'activating' | 'deactivating';

export interface UnitStatus {
  readonly unit: UnitName;
  readonly description: string;
  readonly active: ActiveState;
  readonly sub: 'running' | 'dead' | 'failed' | 'auto-restart' | 'start' | 'stop-sigterm';
  /** `signal`, `exit-code`, `start-limit-hit`, or null for success. */
  readonly result: string | null;
  /** Virtual time the unit entered its current state, or null if it never left boot. */
  readonly since: number;
  readonly mainPid: number | null;
  /** The last main process that exited and how (`code=killed, signal=KILL`). */
  readonly lastExit: { pid: number; how: string } | null;
  /** The command line systemd runs (ExecStart). */
  readonly execStart: string;
}

/** Parses `unit`, `unit.service`; null for a unit this host does not have. */
export function unitNamed(world: World, name: string): UnitName | null {
  const base = name.replace(/\.service$/, '');
  if (base !== name && !name.endsWith('.service')) return null;
  return (unitsOf(world.settings.era) as string[]).includes(base) ? (base as UnitName) : null;
}

/** `foo` -> `foo.service`, as systemctl completes a bare name. */
export function fullUnitName(name: string): string {
  return /\.[a-z]+$/.test(name) ? name : `${name}.service`;
}

/** systemd's words for an exit (`code=exited, status=1/FAILURE`, `code=killed, signal=KILL`). */
function describeExit(lastExit: string): string {
  const killed = /code=killed, status=(\d+)\/(\w+)/.exec(lastExit);
  if (killed) return `code=killed, signal=${killed[2] ?? 'KILL'}`;
  const exited = /code=exited, status=(\d+)/.exec(lastExit);
  if (exited) {
    const n = Number(exited[1]);
    return `code=exited, status=${n}/${n === 0 ? 'SUCCESS' : n === 1 ? 'FAILURE' : String(n)}`;
  }
  return lastExit;
}

export function unitStatus(world: World, trace: readonly TraceEntry[], unit: UnitName): UnitStatus {
  const service = SERVICE_OF[unit];
  const s = world.services[service];
  const era = world.settings.era;
  let since = 0;
  let lastPid: number | null =
    service === 'dockerd' ? BOOT_PIDS.dockerd : era === 'modern' ? BOOT_PIDS.containerd : null;
  let startLimitHit = false;
  for (const entry of trace) {
    const c = entry.change;
    if (c?.op === 'service' && c.service === service) {
      if (c.patch.state !== undefined) since = entry.t;
      if (typeof c.patch.pid === 'number') {
        lastPid = c.patch.pid;
        startLimitHit = false;
      }
    } else if (
      c?.op === 'journal' &&
      c.text === `${unit}.service: Failed with result 'start-limit-hit'.`
    ) {
      startLimitHit = true;
    }
  }
  const exitResult =
    s.lastExit === null
      ? null
      : s.lastExit.startsWith('code=killed')
        ? 'signal'
        : /status=0$/.test(s.lastExit)
          ? null
          : 'exit-code';
  const result = startLimitHit ? 'start-limit-hit' : exitResult;
  let active: ActiveState;
  let sub: UnitStatus['sub'];
  switch (s.state) {
    case 'up':
      active = 'active';
      sub = 'running';
      break;
    case 'restoring':
    case 'reconnecting':
      active = 'activating';
      sub = 'start';
      break;
    case 'stopping':
      active = 'deactivating';
      sub = 'stop-sigterm';
      break;
    case 'restarting':
      active = 'activating';
      sub = 'auto-restart';
      break;
    case 'down':
      if (result !== null && !s.stoppedByUser) {
        active = 'failed';
        sub = 'failed';
      } else {
        active = 'inactive';
        sub = 'dead';
      }
      break;
  }
  const running = s.pid !== null && world.processes[s.pid] !== undefined;
  const args = service === 'dockerd' ? daemonArgs(era) : containerdArgs(era);
  return {
    unit,
    description: UNIT_DESCRIPTION[unit],
    active,
    sub,
    result: active === 'active' ? null : result,
    since,
    mainPid: running ? s.pid : null,
    lastExit:
      !running && s.lastExit !== null && lastPid !== null
        ? { pid: lastPid, how: describeExit(s.lastExit) }
        : null,
    execStart: args.join(' '),
  };
}
