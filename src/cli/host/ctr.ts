/**
 * `ctr` (containerd 1.7's debug client): `namespaces ls`, `containers ls`, `tasks ls`,
 * `tasks ps ID`, `tasks kill [-s SIG] [-a] ID`, `images ls`, `version`. Docker keeps its
 * containers in containerd namespace `moby` (FACTS.md §2); ctr uses `default`, so without
 * `-n moby` the lists are empty. With containerd down it fails to dial as the real client
 * does: refused when a killed daemon left its socket, a timeout when the socket is gone.
 * In 17.x/18.x the client was `docker-containerd-ctr` and dockerd's containerd listened on
 * /var/run/docker/containerd/docker-containerd.sock; 1.10 had no containerd at all.
 */
import type { World } from '../../sim/types';
import type { CommandContext, CommandSpec } from '../shell/types';
import { deliver } from './deliver';
import { containerdAddress } from './hostinfo';
import { bashSignal } from './signals';
import { tabwrite } from '../tabwriter';
import { processTable } from './proctable';

const DEFAULT_ADDRESS = '/run/containerd/containerd.sock';

const HELP = `NAME:
   ctr - 
        __
  _____/ /______
 / ___/ __/ ___/
/ /__/ /_/ /
\\___/\\__/_/

containerd CLI


USAGE:
   ctr [global options] command [command options] [arguments...]

DESCRIPTION:
   
ctr is an unsupported debug and administrative client for interacting
with the containerd daemon. Because it is unsupported, the commands,
options, and operations are not guaranteed to be backward compatible or
stable from release to release of the containerd project.

COMMANDS (simulated here):
   version                    Print the client and server versions
   containers, c, container   Manage containers
   images, image, i           Manage images
   namespaces, namespace, ns  Manage namespaces
   tasks, t, task             Manage tasks

GLOBAL OPTIONS:
   --address value, -a value    Address for containerd's GRPC server (default: "/run/containerd/containerd.sock") [$CONTAINERD_ADDRESS]
   --namespace value, -n value  Namespace to use with commands (default: "default") [$CONTAINERD_NAMESPACE]
   --help, -h                   show help
   --version, -v                print the version
`;

interface Global {
  address: string;
  namespace: string;
  rest: string[];
}

function parseGlobal(
  args: readonly string[],
  env: Readonly<Record<string, string>>,
): Global | string {
  const g: Global = {
    address: env['CONTAINERD_ADDRESS'] ?? DEFAULT_ADDRESS,
    namespace: env['CONTAINERD_NAMESPACE'] ?? 'default',
    rest: [],
  };
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i] ?? '';
    const m = /^--?(address|a|namespace|n|timeout|connect-timeout)(?:=(.*))?$/.exec(a);
    if (m) {
      const value = m[2] ?? args[++i];
      if (value === undefined) return `flag needs an argument: -${m[1]}`;
      if (m[1] === 'address' || m[1] === 'a') g.address = value;
      if (m[1] === 'namespace' || m[1] === 'n') g.namespace = value;
      continue;
    }
    if (a === '--debug') continue;
    if (a === '--help' || a === '-h') return 'help';
    if (a === '--version' || a === '-v') return 'version';
    if (a.startsWith('-')) return `flag provided but not defined: ${a.replace(/^-+/, '-')}`;
    break;
  }
  g.rest = args.slice(i);
  return g;
}

/** Whether the address answers, and the error a client gets when it does not. */
function dial(world: World, address: string): string | null {
  const era = world.settings.era;
  const real = containerdAddress(era);
  const normal = address.replace(/^unix:\/\//, '').replace(/^\/var\/run\//, '/run/');
  const s = world.services.containerd;
  const isContainerd = real !== null && normal === real;
  const listening =
    isContainerd && s.pid !== null && s.state !== 'down' && s.state !== 'restarting';
  if (listening) return null;
  const stale = isContainerd && s.lastExit !== null && s.lastExit.startsWith('code=killed');
  const word = era === 'split' ? 'error' : 'Error';
  if (stale)
    return `failed to dial "${address}": connection error: desc = "transport: ${word} while dialing: dial unix ${normal}: connect: connection refused"`;
  return `failed to dial "${address}": context deadline exceeded: connection error: desc = "transport: ${word} while dialing: dial unix://${normal}: timeout"`;
}

function tasksOf(world: World, namespace: string) {
  return namespace === 'moby' ? Object.values(world.tasks).filter((t) => t.oci !== 'deleted') : [];
}

const STATUS: Record<string, string> = {
  creating: 'CREATED',
  created: 'CREATED',
  running: 'RUNNING',
  paused: 'PAUSED',
  stopped: 'STOPPED',
};

function quietFlag(args: readonly string[]): {
  quiet: boolean;
  rest: string[];
  bad: string | null;
} {
  let quiet = false;
  const rest: string[] = [];
  for (const a of args) {
    if (a === '-q' || a === '--quiet') quiet = true;
    else if (a.startsWith('-')) return { quiet, rest, bad: a };
    else rest.push(a);
  }
  return { quiet, rest, bad: null };
}

function run(
  ctx: CommandContext,
  args: readonly string[],
  client: 'ctr' | 'docker-containerd-ctr',
): number {
  const world = ctx.host.world;
  const era = world.settings.era;
  const installed = client === 'ctr' ? era === 'modern' : era === 'split';
  if (!installed) {
    ctx.err(`bash: ${client}: command not found\n`);
    return 127;
  }
  const g = parseGlobal(args, ctx.env);
  if (g === 'help') {
    ctx.out(HELP);
    return 0;
  }
  if (g === 'version') {
    ctx.out(
      `${client} github.com/containerd/containerd ${era === 'modern' ? 'v1.7.28' : 'v1.1.2'}\n`,
    );
    return 0;
  }
  if (typeof g === 'string') {
    ctx.err(`Incorrect Usage: ${g}\n\n${HELP}`);
    return 1;
  }
  const [group, verb, ...rest] = g.rest;
  if (group === undefined) {
    ctx.out(HELP);
    return 0;
  }
  const fail = (message: string): number => {
    ctx.err(`${client}: ${message}\n`);
    return 1;
  };
  const groups: Record<string, string> = {
    containers: 'containers',
    container: 'containers',
    c: 'containers',
    tasks: 'tasks',
    task: 'tasks',
    t: 'tasks',
    namespaces: 'namespaces',
    namespace: 'namespaces',
    ns: 'namespaces',
    images: 'images',
    image: 'images',
    i: 'images',
    version: 'version',
  };
  const which = Object.hasOwn(groups, group) ? groups[group] : undefined;
  if (!which) {
    const real = [
      'plugins',
      'plugin',
      'content',
      'events',
      'event',
      'leases',
      'pprof',
      'run',
      'snapshots',
      'snapshot',
      'install',
      'oci',
      'sandboxes',
      'info',
      'shim',
    ];
    if (real.includes(group)) return fail(`${group} is not simulated here`);
    ctx.err(`No help topic for '${group}'\n`);
    return 3;
  }
  const dialError = dial(world, g.address);
  if (which === 'version') {
    const v = era === 'modern' ? 'v1.7.28' : 'v1.1.2';
    ctx.out(`Client:\n  Version:  ${v}\n  Revision: sim\n  Go version: go1.24.8\n\n`);
    if (dialError) return fail(dialError);
    ctx.out(
      `Server:\n  Version:  ${v}\n  Revision: sim\n  UUID: 0c9e2f1a-6f5e-4b53-9a0e-5d3c1b8a7e42\n`,
    );
    return 0;
  }
  const listVerbs = ['list', 'ls'];
  if (verb === undefined) return fail(`${which} needs a subcommand: try ${client} ${group} ls`);
  if (listVerbs.includes(verb)) {
    const q = quietFlag(rest);
    if (q.bad) {
      ctx.err(`Incorrect Usage: flag provided but not defined: ${q.bad}\n`);
      return 1;
    }
    if (dialError) return fail(dialError);
    const tasks = tasksOf(world, g.namespace);
    if (which === 'namespaces') {
      // Docker's namespace exists once dockerd has used containerd on this host.
      const names = ['moby'];
      if (q.quiet) ctx.out(names.map((n) => `${n}\n`).join(''));
      else
        ctx.out(
          tabwrite(['NAME\tLABELS\t', ...names.map((n) => `${n}\t\t`)], {
            minwidth: 1,
            padding: 1,
          }),
        );
      return 0;
    }
    if (which === 'images') {
      // Docker 28 keeps images in its own graphdriver store, not in containerd's.
      if (!q.quiet)
        ctx.out(
          tabwrite(['REF\tTYPE\tDIGEST\tSIZE\tPLATFORMS\tLABELS\t'], { minwidth: 1, padding: 1 }),
        );
      return 0;
    }
    if (which === 'containers') {
      if (q.quiet) ctx.out(tasks.map((t) => `${t.containerId}\n`).join(''));
      else
        ctx.out(
          tabwrite(
            [
              'CONTAINER\tIMAGE\tRUNTIME\t',
              ...tasks.map(
                (t) =>
                  `${t.containerId}\t-\t${era === 'modern' ? 'io.containerd.runc.v2' : 'io.containerd.runtime.v1.linux'}\t`,
              ),
            ],
            { minwidth: 4, padding: 4 },
          ),
        );
      return 0;
    }
    if (q.quiet) ctx.out(tasks.map((t) => `${t.containerId}\n`).join(''));
    else
      ctx.out(
        tabwrite(
          [
            'TASK\tPID\tSTATUS\t',
            ...tasks.map(
              (t) => `${t.containerId}\t${t.initPid ?? 0}\t${STATUS[t.oci] ?? 'UNKNOWN'}`,
            ),
          ],
          { minwidth: 4, padding: 4 },
        ),
      );
    return 0;
  }
  if (which === 'tasks' && (verb === 'ps' || verb === 'kill')) {
    let signal = 15;
    let all = false;
    const ids: string[] = [];
    for (let i = 0; i < rest.length; i++) {
      const a = rest[i] ?? '';
      const m = /^--?(signal|s)(?:=(.*))?$/.exec(a);
      if (verb === 'kill' && m) {
        const spec = m[2] ?? rest[++i] ?? '';
        const n = bashSignal(spec);
        if (n === null) return fail(`invalid signal "${spec}"`);
        signal = n;
      } else if (verb === 'kill' && (a === '-a' || a === '--all')) all = true;
      else if (a.startsWith('-')) {
        ctx.err(`Incorrect Usage: flag provided but not defined: ${a}\n`);
        return 1;
      } else ids.push(a);
    }
    const id = ids[0];
    if (id === undefined) return fail('container id must be provided');
    if (dialError) return fail(dialError);
    const task = tasksOf(world, g.namespace).find((t) => t.containerId === id);
    if (!task) {
      const known = world.containers[id] !== undefined && g.namespace === 'moby';
      return fail(
        known
          ? `no running task found: task ${id} not found: not found`
          : `container "${id}" in namespace "${g.namespace}": not found`,
      );
    }
    const procs = processTable(world, null).filter(
      (p) => p.containerId === id && p.nsPid !== undefined,
    );
    if (verb === 'ps') {
      ctx.out(
        tabwrite(['PID\tINFO', ...procs.map((p) => `${p.pid}\t-`)], { minwidth: 1, padding: 4 }),
      );
      return 0;
    }
    const targets = all ? procs.map((p) => p.pid) : task.initPid ? [task.initPid] : [];
    if (targets.length === 0 || task.oci === 'stopped')
      return fail(`cannot kill task ${id}: process already finished: not found`);
    for (const pid of targets) {
      const r = deliver(ctx, pid, signal);
      if (!r.ok && r.reason === 'not-simulated')
        return fail(`signal ${signal} is not simulated here`);
    }
    return 0;
  }
  return fail(`${which} ${verb} is not simulated here`);
}

export const ctr: CommandSpec = {
  summary: "containerd's own client (ctr -n moby tasks ls, ctr namespaces ls)",
  run: (ctx, args) => run(ctx, args, 'ctr'),
  complete: (before, world) => {
    if (before.length === 0)
      return ['-n', 'namespaces', 'containers', 'tasks', 'images', 'version'];
    if (before.at(-1) === '-n' || before.at(-1) === '--namespace') return ['moby', 'default'];
    if (before.includes('ps') || before.includes('kill')) return Object.keys(world.tasks);
    return ['ls', 'list', 'ps', 'kill', 'namespaces', 'containers', 'tasks', 'images'];
  },
};

export const dockerContainerdCtr: CommandSpec = {
  summary:
    '17.x/18.x containerd client (docker-containerd-ctr -a /var/run/docker/containerd/docker-containerd.sock -n moby t ls)',
  run: (ctx, args) => run(ctx, args, 'docker-containerd-ctr'),
};
