/**
 * What /proc/<pid>/ holds for the files the host tools read: status (with NSpid showing a
 * container process's PID on the host and inside its namespace), cmdline, comm, cgroup, and
 * the namespace links of ns/. Numbers the simulation does not model (memory, capabilities of
 * host daemons, context switches) are steady, plausible values; the teaching ones are real:
 * a container process has Docker's default capability set, seccomp mode 2, its own
 * namespaces and PID 1 inside them. Pure.
 */
import type { World } from '../../sim/types';
import { cgroupV2 } from './hostinfo';
import type { HostProcess } from './proctable';
import { SIGNALS } from '../../sim/signals';

/** Docker's default capability set (moby oci/caps/defaults.go): 0x00000000a80425fb. */
const DOCKER_CAPS = '00000000a80425fb';
const FULL_CAPS = '000001ffffffffff';
/** A Go program catches nearly every signal (runtime.sighandler). */
const GO_SIGCGT = 'fffffffe7fc1feff';

function hex16(n: bigint): string {
  return n.toString(16).padStart(16, '0');
}

function sigMask(names: readonly string[]): string {
  let mask = 0n;
  for (const name of names) {
    const n = (SIGNALS as Record<string, number>)[name];
    if (n !== undefined) mask |= 1n << BigInt(n - 1);
  }
  return hex16(mask);
}

const kb = (n: number): string => `${String(n).padStart(8)} kB`;

/** Session leader and process group as the kernel records them. */
function sidAndPgid(p: HostProcess, byPid: Map<number, HostProcess>): [number, number] {
  const leader = (q: HostProcess): HostProcess => {
    let cur = q;
    for (let i = 0; i < 64; i++) {
      if (cur.stat.includes('s')) return cur;
      const parent = byPid.get(cur.ppid);
      if (!parent) return cur;
      cur = parent;
    }
    return cur;
  };
  const sid = leader(p).pid;
  const ownGroup = p.stat.includes('s') || p.stat.includes('+') || p.threads > 1;
  const pgid = ownGroup ? p.pid : (byPid.get(p.ppid)?.pid ?? p.pid);
  return [sid, pgid];
}

/** The namespace-relative number of a host PID in a container (its NSpid). */
function nsNumber(
  pid: number,
  table: readonly HostProcess[],
  containerId: string | undefined,
): number | null {
  if (!containerId) return null;
  return table.find((q) => q.pid === pid && q.containerId === containerId)?.nsPid ?? null;
}

export function statusFile(p: HostProcess, table: readonly HostProcess[]): string {
  const byPid = new Map(table.map((q) => [q.pid, q]));
  const [sid, pgid] = sidAndPgid(p, byPid);
  const inContainer = p.nsPid !== undefined;
  const ns = (hostPid: number): string => {
    const inner = inContainer ? nsNumber(hostPid, table, p.containerId) : null;
    return inner === null ? String(hostPid) : `${hostPid}\t${inner}`;
  };
  const state =
    p.stat[0] === 'R' ? 'R (running)' : p.stat[0] === 'D' ? 'D (disk sleep)' : 'S (sleeping)';
  const go = p.threads > 1;
  const sigCgt = go
    ? GO_SIGCGT
    : p.name === 'bash'
      ? '000000004b813efb'
      : sigMask(p.handles.filter((h) => h !== 'SIGKILL' && h !== 'SIGSTOP'));
  const caps = inContainer ? DOCKER_CAPS : FULL_CAPS;
  const rssAnon = Math.round(p.rssKb * 0.6);
  const lines: [string, string][] = [
    ['Name', p.comm],
    ['Umask', '0022'],
    ['State', state],
    ['Tgid', String(p.pid)],
    ['Ngid', '0'],
    ['Pid', String(p.pid)],
    ['PPid', String(p.ppid)],
    ['TracerPid', '0'],
    ['Uid', '0\t0\t0\t0'],
    ['Gid', '0\t0\t0\t0'],
    ['FDSize', go ? '128' : '64'],
    ['Groups', p.session ? '0 ' : ''],
    ['NStgid', ns(p.pid)],
    ['NSpid', ns(p.pid)],
    ['NSpgid', ns(pgid)],
    ['NSsid', ns(sid)],
    ['VmPeak', kb(p.vszKb + 4)],
    ['VmSize', kb(p.vszKb)],
    ['VmLck', kb(0)],
    ['VmPin', kb(0)],
    ['VmHWM', kb(p.rssKb)],
    ['VmRSS', kb(p.rssKb)],
    ['RssAnon', kb(rssAnon)],
    ['RssFile', kb(p.rssKb - rssAnon)],
    ['RssShmem', kb(0)],
    ['VmData', kb(Math.round(p.vszKb * 0.3))],
    ['VmStk', kb(132)],
    ['VmExe', kb(Math.round(p.vszKb * 0.02))],
    ['VmLib', kb(go ? 0 : 1_800)],
    ['VmPTE', kb(Math.max(44, Math.round(p.rssKb / 200)))],
    ['VmSwap', kb(0)],
    ['HugetlbPages', kb(0)],
    ['CoreDumping', '0'],
    ['THP_enabled', '1'],
    ['Threads', String(p.threads)],
    ['SigQ', '0/15433'],
    ['SigPnd', hex16(0n)],
    ['ShdPnd', hex16(0n)],
    ['SigBlk', hex16(0n)],
    ['SigIgn', p.name === 'bash' ? '0000000000384004' : hex16(0n)],
    ['SigCgt', sigCgt],
    ['CapInh', hex16(0n)],
    ['CapPrm', caps],
    ['CapEff', caps],
    ['CapBnd', caps],
    ['CapAmb', hex16(0n)],
    ['NoNewPrivs', '0'],
    ['Seccomp', inContainer ? '2' : '0'],
    ['Seccomp_filters', inContainer ? '1' : '0'],
    ['Speculation_Store_Bypass', inContainer ? 'thread force mitigated' : 'thread vulnerable'],
    ['SpeculationIndirectBranch', 'conditional enabled'],
    ['Cpus_allowed', 'f'],
    ['Cpus_allowed_list', '0-3'],
    ['Mems_allowed', '00000000,00000001'],
    ['Mems_allowed_list', '0'],
    ['voluntary_ctxt_switches', String(40 + ((p.pid * 37) % 900))],
    ['nonvoluntary_ctxt_switches', String((p.pid * 13) % 40)],
  ];
  return lines.map(([k, v]) => `${k}:\t${v}\n`).join('');
}

export function cmdlineFile(p: HostProcess): string {
  return p.args.length === 0 ? '' : `${p.args.join('\0')}\0`;
}

const V1_CONTROLLERS = [
  '12:perf_event',
  '11:hugetlb',
  '10:devices',
  '9:pids',
  '8:misc',
  '7:freezer',
  '6:net_cls,net_prio',
  '5:cpuset',
  '4:memory',
  '3:rdma',
  '2:cpu,cpuacct',
  '1:name=systemd',
] as const;

/** Controllers systemd puts each service in (accounting on); the others stay at the root. */
const V1_ACCOUNTED = ['10:devices', '9:pids', '4:memory', '2:cpu,cpuacct', '1:name=systemd'];

export function cgroupFile(world: World, p: HostProcess): string {
  if (cgroupV2(world.settings.era)) return `0::${p.cgroup}\n`;
  const container = p.cgroup.startsWith('/docker/');
  const lines = V1_CONTROLLERS.map((c) => {
    const path = container || (V1_ACCOUNTED as readonly string[]).includes(c) ? p.cgroup : '/';
    return `${c}:${path}`;
  });
  lines.push(`0::${p.cgroup}`);
  return lines.map((l) => `${l}\n`).join('');
}

export const NS_TYPES = [
  'cgroup',
  'ipc',
  'mnt',
  'net',
  'pid',
  'pid_for_children',
  'time',
  'time_for_children',
  'user',
  'uts',
] as const;

/** The host's initial namespaces, as a fresh Linux boot numbers them. */
const HOST_NS: Record<string, number> = {
  cgroup: 4026531835,
  ipc: 4026531839,
  mnt: 4026531841,
  net: 4026531840,
  pid: 4026531836,
  pid_for_children: 4026531836,
  time: 4026531834,
  time_for_children: 4026531834,
  user: 4026531837,
  uts: 4026531838,
};

function containerNsInode(containerId: string, type: string): number {
  let h = 0;
  for (const c of `${containerId}/${type.replace('_for_children', '')}`)
    h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return 4026532000 + (h % 900);
}

/** Target of /proc/<pid>/ns/<type>: `mnt:[4026531841]`. */
export function nsLink(world: World, p: HostProcess, type: string): string {
  const base = type.replace('_for_children', '');
  const c = p.containerId ? world.containers[p.containerId] : undefined;
  const shared =
    p.nsPid === undefined ||
    base === 'user' ||
    base === 'time' ||
    (base === 'cgroup' && !cgroupV2(world.settings.era)) ||
    (base === 'net' && c?.hostConfig.networkMode === 'host');
  const inode =
    shared || !p.containerId ? (HOST_NS[type] ?? 0) : containerNsInode(p.containerId, type);
  return `${base}:[${inode}]`;
}
