/**
 * The systemd journal of the Docker units, read from the trace. The simulation records what
 * the daemons log (the `journal` change op); this adds what the journal would also hold:
 * which process wrote each line (`dockerd[845]`), the daemons' logrus format, and systemd's
 * own lines about the units as their state changes in the trace (Starting/Started, Stopping,
 * Deactivated, Failed with result, and the left-over processes a restart finds in
 * containerd.service's cgroup: the shims, which KillMode=process leaves behind).
 *
 * Contract: deterministic and incremental. `JournalReader.read` walks the trace from where it
 * stopped, so `journalctl -f` reads each entry once and two readers agree line for line.
 */
import { BOOT_PIDS } from '../../sim/world';
import type { Era } from '../../sim/eras';
import type { TraceEntry } from '../../sim/trace';
import type { DaemonState, Process, ServiceName, World } from '../../sim/types';
import { logrusTime, subMillis } from './clock';

export type UnitName = 'docker' | 'containerd';

export interface JournalEntry {
  readonly t: number;
  /** Trace position it came from (negative for the boot entries), for a stable order. */
  readonly seq: number;
  /** The unit it belongs to (`journalctl -u`), or null. */
  readonly unit: UnitName | null;
  /** SYSLOG_IDENTIFIER: `systemd`, `dockerd`, `containerd`, `docker`. */
  readonly ident: string;
  readonly pid: number;
  readonly message: string;
}

export const UNIT_DESCRIPTION: Record<UnitName, string> = {
  docker: 'Docker Application Container Engine',
  containerd: 'containerd container runtime',
};

/** Units systemd knows in an era: containerd.service exists since the 18.09 packaging split. */
export function unitsOf(era: Era): UnitName[] {
  return era === 'modern' ? ['containerd', 'docker'] : ['docker'];
}

const UNIT_OF: Record<ServiceName, UnitName> = { dockerd: 'docker', containerd: 'containerd' };

interface TrackedProcess {
  name: string;
  role: Process['role'];
}

interface ServiceTrack {
  pid: number | null;
  lastPid: number | null;
  state: DaemonState;
  stoppedByUser: boolean;
  /** State when its main process last exited: a start that failed, or a running daemon. */
  stateAtExit: DaemonState | null;
}

function exitStatusName(status: number): string {
  const names: Record<number, string> = { 0: 'SUCCESS', 1: 'FAILURE', 2: 'INVALIDARGUMENT' };
  return names[status] ?? String(status);
}

/** A logrus text line as dockerd and containerd write it. */
function logrus(world: World, t: number, seq: number, text: string, extra = ''): string {
  if (/^unable to configure the Docker daemon/.test(text)) return text;
  const level = /^(Error|error|failed)/.test(text) ? 'error' : 'info';
  const msg = text.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
  return `time="${logrusTime(world, t, subMillis(seq))}" level=${level} msg="${msg}"${extra}`;
}

/** Reads the journal out of the trace, incrementally. */
export class JournalReader {
  private pos = 0;
  private booted = false;
  private readonly era: Era;
  private readonly processes = new Map<number, TrackedProcess>();
  private readonly services: Record<ServiceName, ServiceTrack>;
  /**
   * systemd logs "Started" when the daemon reports READY, after its own start-up lines; the
   * simulation marks the service up first and then journals those lines (same instant), so
   * the "Started" line waits for them.
   */
  private pendingStarted: { service: ServiceName; entry: JournalEntry } | null = null;

  constructor(private readonly world: World) {
    this.era = world.settings.era;
    const era = this.era;
    this.processes.set(1, { name: 'systemd', role: 'init' });
    this.processes.set(BOOT_PIDS.dockerd, {
      name: era === 'monolith' ? 'docker' : 'dockerd',
      role: 'dockerd',
    });
    const containerdPid =
      era === 'modern' ? BOOT_PIDS.containerd : era === 'split' ? BOOT_PIDS.splitContainerd : null;
    if (containerdPid !== null)
      this.processes.set(containerdPid, {
        name: era === 'split' ? 'docker-containerd' : 'containerd',
        role: 'containerd',
      });
    const track = (pid: number | null): ServiceTrack => ({
      pid,
      lastPid: pid,
      state: pid === null ? 'down' : 'up',
      stoppedByUser: false,
      stateAtExit: null,
    });
    this.services = { dockerd: track(BOOT_PIDS.dockerd), containerd: track(containerdPid) };
  }

  /** Entries added since the last call (all of them on the first call). */
  read(trace: readonly TraceEntry[]): JournalEntry[] {
    const out: JournalEntry[] = [];
    if (!this.booted) {
      this.booted = true;
      let seq = -10;
      for (const unit of unitsOf(this.era)) {
        const desc = `${unit}.service - ${UNIT_DESCRIPTION[unit]}`;
        out.push(this.systemd(0, seq++, unit, `Starting ${desc}...`));
        out.push(this.systemd(0, seq++, unit, `Started ${desc}.`));
      }
    }
    // A trace that was cut shorter (a rewound session) is read again from its start.
    if (this.pos > trace.length) this.pos = 0;
    for (; this.pos < trace.length; this.pos++) {
      const entry = trace[this.pos];
      if (!entry?.change) continue;
      const pending = this.pendingStarted;
      const c = entry.change;
      const ownLine =
        pending !== null &&
        c.op === 'journal' &&
        c.unit === pending.service &&
        entry.t === pending.entry.t &&
        !/^(docker|containerd)\.service: /.test(c.text);
      if (pending && !ownLine && (c.op === 'journal' || c.op === 'service')) {
        out.push(pending.entry);
        this.pendingStarted = null;
      }
      this.apply(entry, out);
    }
    if (this.pendingStarted) {
      out.push(this.pendingStarted.entry);
      this.pendingStarted = null;
    }
    return out;
  }

  private systemd(t: number, seq: number, unit: UnitName | null, message: string): JournalEntry {
    return { t, seq, unit, ident: 'systemd', pid: 1, message };
  }

  private isUnit(service: ServiceName): boolean {
    return unitsOf(this.era).includes(UNIT_OF[service]);
  }

  /** The unit whose cgroup holds a process (docker-containerd and its shims: docker.service). */
  private cgroupUnit(p: TrackedProcess): UnitName | null {
    if (p.role === 'dockerd') return 'docker';
    if (p.role === 'containerd' || p.role === 'shim' || p.role === 'runc')
      return this.era === 'modern' ? 'containerd' : 'docker';
    return null;
  }

  private leftovers(unit: UnitName, exceptPid: number | null): [number, TrackedProcess][] {
    return [...this.processes.entries()]
      .filter(([pid, p]) => pid !== exceptPid && this.cgroupUnit(p) === unit)
      .sort((a, b) => a[0] - b[0]);
  }

  private apply(entry: TraceEntry, out: JournalEntry[]): void {
    const change = entry.change;
    if (!change) return;
    const t = entry.t;
    const seq = entry.seq;
    switch (change.op) {
      case 'process.spawn':
        this.processes.set(change.process.pid, {
          name: change.process.name,
          role: change.process.role,
        });
        return;
      case 'process.exec': {
        const p = this.processes.get(change.pid);
        if (p) {
          p.name = change.name;
          if (change.role) p.role = change.role;
        }
        return;
      }
      case 'process.exit':
        this.processes.delete(change.pid);
        return;
      case 'service':
        this.onService(t, seq, change.service, change.patch, out);
        return;
      case 'journal':
        this.onJournal(t, seq, change.unit, change.text, out);
        return;
      default:
        return;
    }
  }

  private onService(
    t: number,
    seq: number,
    service: ServiceName,
    patch: Partial<{ state: DaemonState; pid: number | null; stoppedByUser: boolean }>,
    out: JournalEntry[],
  ): void {
    const s = this.services[service];
    const unit = UNIT_OF[service];
    const desc = `${unit}.service - ${UNIT_DESCRIPTION[unit]}`;
    const managed = this.isUnit(service);
    if (patch.stoppedByUser !== undefined) s.stoppedByUser = patch.stoppedByUser;
    if (patch.pid !== undefined) {
      if (patch.pid !== null) {
        if (managed) {
          if (s.state === 'restarting') out.push(this.systemd(t, seq, unit, `Stopped ${desc}.`));
          out.push(this.systemd(t, seq, unit, `Starting ${desc}...`));
          for (const [pid, p] of this.leftovers(unit, patch.pid)) {
            out.push(
              this.systemd(
                t,
                seq,
                unit,
                `${unit}.service: Found left-over process ${pid} (${p.name.slice(0, 15)}) in control group while starting unit. Ignoring.`,
              ),
            );
            out.push(
              this.systemd(
                t,
                seq,
                unit,
                `${unit}.service: This usually indicates unclean termination of a previous run, or service implementation deficiencies.`,
              ),
            );
          }
        }
        s.pid = patch.pid;
        s.lastPid = patch.pid;
      } else {
        s.stateAtExit = s.state;
        s.pid = null;
      }
    }
    if (patch.state !== undefined && patch.state !== s.state) {
      const before = s.state;
      s.state = patch.state;
      if (!managed) return;
      if (patch.state === 'up')
        this.pendingStarted = { service, entry: this.systemd(t, seq, unit, `Started ${desc}.`) };
      if (patch.state === 'stopping' && s.stoppedByUser)
        out.push(this.systemd(t, seq, unit, `Stopping ${desc}...`));
      if (patch.state === 'down' && before === 'restarting' && s.stoppedByUser)
        out.push(this.systemd(t, seq, unit, `Stopped ${desc}.`));
    }
  }

  private onJournal(
    t: number,
    seq: number,
    service: ServiceName,
    text: string,
    out: JournalEntry[],
  ): void {
    const unit = UNIT_OF[service];
    const systemdLine = /^(docker|containerd)\.service: /.exec(text);
    if (systemdLine) {
      const about = systemdLine[1] as UnitName;
      // systemd says nothing about a unit it does not have (17.x/18.x: dockerd's child).
      if (!unitsOf(this.era).includes(about)) return;
      // The failure line is written below, after the exit and with the left-over processes.
      if (/Failed with result '(signal|exit-code)'/.test(text)) return;
      const exited = /Main process exited, code=(exited|killed), status=(\d+)(\/\w+)?$/.exec(text);
      const message =
        exited && exited[1] === 'exited' ? `${text}/${exitStatusName(Number(exited[2]))}` : text;
      out.push(this.systemd(t, seq, about, message));
      if (exited)
        this.afterExit(t, seq, about, service, exited[1] === 'killed' || exited[2] !== '0', out);
      if (/Failed with result 'start-limit-hit'/.test(text))
        out.push(
          this.systemd(
            t,
            seq,
            about,
            `Failed to start ${about}.service - ${UNIT_DESCRIPTION[about]}.`,
          ),
        );
      return;
    }
    // In 17.x/18.x docker-containerd wrote to dockerd's stdout: its lines are dockerd's.
    const viaDockerd = service === 'containerd' && this.era === 'split';
    const owner = viaDockerd ? this.services.dockerd : this.services[service];
    const pid = owner.pid ?? owner.lastPid ?? 0;
    const ident =
      this.processes.get(pid)?.name ?? (service === 'dockerd' ? 'dockerd' : 'containerd');
    out.push({
      t,
      seq,
      unit: viaDockerd ? 'docker' : unit,
      ident: viaDockerd ? 'dockerd' : ident.slice(0, 15),
      pid,
      message: logrus(this.world, t, seq, text, viaDockerd ? ' module=containerd' : ''),
    });
  }

  /** What systemd logs after a unit's main process exited. */
  private afterExit(
    t: number,
    seq: number,
    unit: UnitName,
    service: ServiceName,
    failed: boolean,
    out: JournalEntry[],
  ): void {
    const s = this.services[service];
    const desc = `${unit}.service - ${UNIT_DESCRIPTION[unit]}`;
    const remaining = this.leftovers(unit, null).map(
      ([pid, p]) =>
        `${unit}.service: Unit process ${pid} (${p.name.slice(0, 15)}) remains running after unit stopped.`,
    );
    if (failed) {
      const result = /code=killed/.test(out.at(-1)?.message ?? '') ? 'signal' : 'exit-code';
      out.push(this.systemd(t, seq, unit, `${unit}.service: Failed with result '${result}'.`));
      for (const line of remaining) out.push(this.systemd(t, seq, unit, line));
      // It never became ready: the start job itself failed.
      if (s.stateAtExit !== 'up' && s.stateAtExit !== 'stopping')
        out.push(this.systemd(t, seq, unit, `Failed to start ${desc}.`));
      return;
    }
    for (const line of remaining) out.push(this.systemd(t, seq, unit, line));
    out.push(this.systemd(t, seq, unit, `${unit}.service: Deactivated successfully.`));
    if (s.stoppedByUser) out.push(this.systemd(t, seq, unit, `Stopped ${desc}.`));
  }
}

/** The whole journal so far. */
export function journalOf(world: World, trace: readonly TraceEntry[]): JournalEntry[] {
  return new JournalReader(world).read(trace);
}
