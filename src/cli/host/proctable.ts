/**
 * The host's process table as /proc shows it: the simulation's processes plus the terminal's
 * session (see session.ts), with what the kernel keeps about each one: comm (the name cut to
 * 15 characters), state, controlling terminal, cgroup, CPU time and memory. Pure: the world in,
 * plain rows out, sorted by PID as /proc lists them.
 *
 * CPU and memory are not simulated; they are steady, plausible figures per program so that
 * `ps aux` reads like a real host. Everything else comes from the world.
 */
import type { Process, World } from '../../sim/types';
import type { CommandContext } from '../shell/types';
import { cgroupV2, containerCgroup } from './hostinfo';
import {
  LOGIN_PID,
  SESSION_CGROUP,
  SESSION_TTY,
  SHELL_PID,
  isSessionPid,
  sudoArgv,
} from './session';

/** The kernel keeps 15 characters of a program's name (TASK_COMM_LEN 16 with the NUL). */
export const COMM_LEN = 15;

export interface HostProcess {
  readonly pid: number;
  readonly ppid: number;
  /** What /proc/<pid>/comm holds: the name cut to 15 characters (`containerd-shim`). */
  readonly comm: string;
  /** The full program name (`containerd-shim-runc-v2`). */
  readonly name: string;
  /** argv, as /proc/<pid>/cmdline holds it. */
  readonly args: readonly string[];
  readonly startedAt: number;
  /** Controlling terminal as ps prints it: `?`, `tty1`, `pts/0`. */
  readonly tty: string;
  /** procps' STAT: state letter and flags (`Ssl`, `S`, `R+`). */
  readonly stat: string;
  readonly cpuMs: number;
  readonly vszKb: number;
  readonly rssKb: number;
  readonly threads: number;
  /** cgroup v2 path (or the v1 unit/container path). */
  readonly cgroup: string;
  readonly containerId?: string;
  /** PID in the container's PID namespace. */
  readonly nsPid?: number;
  readonly frozen: boolean;
  /** Signals the program catches (for /proc/<pid>/status SigCgt). */
  readonly handles: readonly string[];
  /** Part of the terminal's own session (login, bash, the running command). */
  readonly session: boolean;
  /** Whether the simulation owns it (signals go through `host.apply`). */
  readonly simulated: boolean;
}

export const MEM_TOTAL_KB = 4_006_236;

interface Footprint {
  readonly vsz: number;
  readonly rss: number;
  /** CPU used per second of life, in ms. */
  readonly cpuPerSec: number;
  readonly threads: number;
}

const FOOTPRINTS: Record<string, Footprint> = {
  systemd: { vsz: 168_912, rss: 13_040, cpuPerSec: 1.5, threads: 1 },
  login: { vsz: 9_848, rss: 4_216, cpuPerSec: 0, threads: 1 },
  bash: { vsz: 8_264, rss: 5_124, cpuPerSec: 0.2, threads: 1 },
  tool: { vsz: 11_084, rss: 4_460, cpuPerSec: 0, threads: 1 },
  sudo: { vsz: 10_852, rss: 5_376, cpuPerSec: 0, threads: 1 },
  dockerd: { vsz: 2_493_596, rss: 89_412, cpuPerSec: 3, threads: 12 },
  docker: { vsz: 1_183_224, rss: 61_880, cpuPerSec: 3, threads: 11 },
  containerd: { vsz: 1_947_284, rss: 48_236, cpuPerSec: 2, threads: 11 },
  shim: { vsz: 1_238_656, rss: 13_876, cpuPerSec: 0.3, threads: 10 },
  runc: { vsz: 1_866_496, rss: 15_200, cpuPerSec: 20, threads: 8 },
  'runc-init': { vsz: 1_793_104, rss: 11_356, cpuPerSec: 0, threads: 6 },
  'docker-init': { vsz: 1_044, rss: 4, cpuPerSec: 0, threads: 1 },
  'nginx-master': { vsz: 11_412, rss: 7_512, cpuPerSec: 0.05, threads: 1 },
  nginx: { vsz: 11_876, rss: 2_924, cpuPerSec: 0.02, threads: 1 },
  'redis-server': { vsz: 139_320, rss: 10_404, cpuPerSec: 1, threads: 5 },
  postgres: { vsz: 218_364, rss: 28_340, cpuPerSec: 0.3, threads: 1 },
  sleep: { vsz: 1_616, rss: 884, cpuPerSec: 0, threads: 1 },
  sh: { vsz: 1_680, rss: 1_020, cpuPerSec: 0, threads: 1 },
  bash_container: { vsz: 4_612, rss: 3_496, cpuPerSec: 0, threads: 1 },
  other: { vsz: 4_420, rss: 1_540, cpuPerSec: 0.01, threads: 1 },
};

function footprintKey(p: Process): string {
  switch (p.role) {
    case 'init':
      return 'systemd';
    case 'dockerd':
      return p.name === 'docker' ? 'docker' : 'dockerd';
    case 'containerd':
    case 'shim':
    case 'runc':
    case 'runc-init':
    case 'docker-init':
      return p.role;
    case 'container':
      if (p.name === 'nginx')
        return p.args[0]?.startsWith('nginx: master') ? 'nginx-master' : 'nginx';
      if (p.name === 'bash') return 'bash_container';
      if (p.name === 'ash' || p.name === 'dash') return 'sh';
      return Object.hasOwn(FOOTPRINTS, p.name) ? p.name : 'other';
  }
}

/** The state letter: frozen tasks show D under the v1 freezer, S under the v2 one. */
function stateLetter(p: Process, v2: boolean): string {
  return p.frozen && !v2 ? 'D' : 'S';
}

function statOf(world: World, p: Process): string {
  const s = stateLetter(p, cgroupV2(world.settings.era));
  switch (p.role) {
    case 'init':
      return 'Ss';
    case 'dockerd':
    case 'containerd':
      return `${s}sl`;
    case 'shim':
    case 'runc':
      return `${s}l`;
    case 'runc-init':
      return `${s}sl`;
    case 'docker-init':
    case 'container': {
      // runc makes the container's init a session leader (setsid); its children are not.
      const leader = p.nsPid === 1 ? 's' : '';
      const tty = world.containers[p.containerId ?? '']?.config.tty ? '+' : '';
      return `${s}${leader}${tty}`;
    }
  }
}

function cgroupOf(world: World, p: Process): string {
  const era = world.settings.era;
  switch (p.role) {
    case 'init':
      return '/init.scope';
    case 'dockerd':
      return '/system.slice/docker.service';
    case 'containerd':
    case 'shim':
    case 'runc':
      // A modern shim is started by containerd and stays in its cgroup (containerd.service
      // has KillMode=process for that reason); in 17.x/18.x everything hung under dockerd.
      return era === 'modern' ? '/system.slice/containerd.service' : '/system.slice/docker.service';
    default:
      return p.containerId ? containerCgroup(era, p.containerId) : '/system.slice/docker.service';
  }
}

function cpuMs(f: Footprint, startedAt: number, now: number, base = 0): number {
  return base + Math.floor(((now - startedAt) / 1000) * f.cpuPerSec);
}

function fromWorld(world: World, p: Process): HostProcess {
  const f = FOOTPRINTS[footprintKey(p)] ?? (FOOTPRINTS['other'] as Footprint);
  const tty =
    p.containerId && world.containers[p.containerId]?.config.tty && p.nsPid !== undefined
      ? 'pts/0'
      : '?';
  return {
    pid: p.pid,
    ppid: p.ppid,
    comm: p.name.slice(0, COMM_LEN),
    name: p.name,
    args: p.args,
    startedAt: p.startedAt,
    tty,
    stat: statOf(world, p),
    cpuMs: cpuMs(f, p.startedAt, world.now),
    vszKb: f.vsz,
    rssKb: f.rss,
    threads: f.threads,
    cgroup: cgroupOf(world, p),
    ...(p.containerId ? { containerId: p.containerId } : {}),
    ...(p.nsPid !== undefined ? { nsPid: p.nsPid } : {}),
    frozen: p.frozen === true,
    handles: Object.keys(p.handles ?? {}),
    session: false,
    simulated: true,
  };
}

function sessionProcess(
  world: World,
  fields: Pick<HostProcess, 'pid' | 'ppid' | 'name' | 'args' | 'stat' | 'startedAt'>,
  footprint: string,
): HostProcess {
  const f = FOOTPRINTS[footprint] ?? (FOOTPRINTS['other'] as Footprint);
  return {
    ...fields,
    comm: fields.name.slice(0, COMM_LEN),
    tty: SESSION_TTY,
    cpuMs: cpuMs(f, fields.startedAt, world.now),
    vszKb: f.vsz,
    rssKb: f.rss,
    threads: 1,
    cgroup: SESSION_CGROUP,
    frozen: false,
    handles: footprint === 'bash' ? ['SIGINT', 'SIGCHLD', 'SIGWINCH'] : [],
    session: true,
    simulated: false,
  };
}

/**
 * Every process on the host, by PID. `tool` is the argv of the command reading the table
 * (`['ps', '-ef']`): it is running, so it is listed, as the real `ps` lists itself.
 */
export function processTable(
  world: World,
  tool: readonly string[] | null,
  sudo: readonly string[] | null = null,
): HostProcess[] {
  const rows = Object.values(world.processes).map((p) => fromWorld(world, p));
  rows.push(
    sessionProcess(
      world,
      {
        pid: LOGIN_PID,
        ppid: 1,
        name: 'login',
        args: ['/bin/login', '-p', '--'],
        stat: 'Ss',
        startedAt: 0,
      },
      'login',
    ),
    sessionProcess(
      world,
      { pid: SHELL_PID, ppid: LOGIN_PID, name: 'bash', args: ['-bash'], stat: 'S', startedAt: 0 },
      'bash',
    ),
  );
  if (tool && tool[0] !== undefined) {
    // The next PIDs the kernel would hand out: the command (and sudo above it) exist only now.
    let parent = SHELL_PID;
    let pid = world.nextPid;
    if (sudo && sudo[0] !== undefined) {
      rows.push(
        sessionProcess(
          world,
          { pid, ppid: parent, name: 'sudo', args: sudo, stat: 'S+', startedAt: world.now },
          'sudo',
        ),
      );
      parent = pid;
      pid += 1;
    }
    rows.push(
      sessionProcess(
        world,
        { pid, ppid: parent, name: tool[0], args: tool, stat: 'R+', startedAt: world.now },
        'tool',
      ),
    );
  }
  return rows.sort((a, b) => a.pid - b.pid);
}

/** The table as the running command sees it. */
export function tableFor(ctx: CommandContext, tool: readonly string[]): HostProcess[] {
  return processTable(ctx.host.world, tool, sudoArgv(ctx));
}

/** The full command line as ps -f and pgrep -f show it (argv joined by spaces). */
export function cmdline(p: Pick<HostProcess, 'args' | 'comm'>): string {
  const text = p.args.join(' ');
  return text.length > 0 ? text : `[${p.comm}]`;
}

export { isSessionPid };
