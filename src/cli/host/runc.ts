/**
 * `runc` (1.3): `list`, `state ID`, `ps ID`, `kill ID [SIGNAL]`. runc keeps no daemon: what it
 * knows is the state directory under `--root`. Its default root is /run/runc, where Docker's
 * containers are not; the shim runs runc with `--root /run/docker/runtime-runc/moby` (moby's
 * exec root plus the containerd namespace), so that is where `runc list` finds them.
 * In 17.x/18.x the binary was `docker-runc`; 1.10 had none.
 */
import type { World } from '../../sim/types';
import type { CommandContext, CommandSpec } from '../shell/types';
import { rfc3339Nano, subMillis } from './clock';
import { deliver } from './deliver';
import { dockerRuncRoot, RUNC_DEFAULT_ROOT, taskBundle } from './hostinfo';
import { FORMATS, columnFor, renderTable, type Column } from './psformat';
import { processTable } from './proctable';
import { bashSignal } from './signals';
import { tabwrite } from '../tabwriter';

interface RuncState {
  id: string;
  pid: number;
  status: string;
  bundle: string;
  created: string;
}

function states(world: World, root: string): RuncState[] {
  const era = world.settings.era;
  const docker = dockerRuncRoot(era);
  const normal = root.replace(/\/+$/, '').replace(/^\/var\/run\//, '/run/');
  if (docker === null || normal !== docker) return [];
  return Object.values(world.tasks)
    .filter(
      (t) =>
        t.oci === 'created' || t.oci === 'running' || t.oci === 'paused' || t.oci === 'stopped',
    )
    .map((t) => {
      const init = t.initPid ? world.processes[t.initPid] : undefined;
      const created = init?.startedAt ?? world.containers[t.containerId]?.startedAt ?? 0;
      return {
        id: t.containerId,
        pid: t.oci === 'stopped' ? 0 : (t.initPid ?? 0),
        status: t.oci,
        bundle: taskBundle(era, t.containerId),
        created: rfc3339Nano(world, created, subMillis(t.initPid ?? 0)),
      };
    })
    .sort((a, b) => (a.id < b.id ? -1 : 1));
}

/** runc logs its errors through logrus; on a terminal that reads `ERRO[0000] ...`. */
function fatal(ctx: CommandContext, message: string): number {
  ctx.err(`ERRO[0000] ${message}\n`);
  return 1;
}

function run(ctx: CommandContext, args: readonly string[], binary: 'runc' | 'docker-runc'): number {
  const world = ctx.host.world;
  const era = world.settings.era;
  const installed = binary === 'runc' ? era === 'modern' : era === 'split';
  if (!installed) {
    ctx.err(`bash: ${binary}: command not found\n`);
    return 127;
  }
  let root = RUNC_DEFAULT_ROOT;
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i] ?? '';
    const m = /^--?(root|log|log-format|criu|rootless)(?:=(.*))?$/.exec(a);
    if (m) {
      const value = m[2] ?? args[++i];
      if (value === undefined) {
        ctx.err(`flag needs an argument: -${m[1]}\n`);
        return 1;
      }
      if (m[1] === 'root') root = value;
      continue;
    }
    if (a === '--debug' || a === '--systemd-cgroup') continue;
    if (a === '-v' || a === '--version') {
      ctx.out(
        era === 'modern'
          ? 'runc version 1.3.0\ncommit: v1.3.0-0-g4ca628d1\nspec: 1.2.1\ngo: go1.24.8\nlibseccomp: 2.5.4\n'
          : 'runc version 1.0.0-rc5+dev\ncommit: 69663f0bd4b60df09991c08812a60108003fa340\nspec: 1.0.0\n',
      );
      return 0;
    }
    if (a === '-h' || a === '--help') break;
    if (a.startsWith('-')) {
      ctx.err(`Incorrect Usage: flag provided but not defined: ${a.replace(/^-+/, '-')}\n`);
      return 1;
    }
    break;
  }
  const [command, ...rest] = args.slice(i);
  if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
    ctx.out(
      `NAME:\n   ${binary} - Open Container Initiative runtime\n\nUSAGE:\n   ${binary} [global options] command [command options] [arguments...]\n\nCOMMANDS (simulated here):\n   kill     kill sends the specified signal (default: SIGTERM) to the container's init process\n   list     lists containers started by runc with the given root\n   ps       ps displays the processes running inside a container\n   state    output the state of a container\n\nGLOBAL OPTIONS:\n   --root value  root directory for storage of container state (this should be located in tmpfs) (default: "/run/runc")\n`,
    );
    return 0;
  }
  const all = states(world, root);
  switch (command) {
    case 'list':
    case 'ls': {
      let quiet = false;
      let format = 'table';
      for (let j = 0; j < rest.length; j++) {
        const a = rest[j] ?? '';
        if (a === '-q' || a === '--quiet') quiet = true;
        else if (a === '-f' || a === '--format') format = rest[++j] ?? '';
        else if (a.startsWith('--format=')) format = a.slice(9);
        else if (a.startsWith('-')) {
          ctx.err(`Incorrect Usage: flag provided but not defined: ${a}\n`);
          return 1;
        } else return fatal(ctx, `${command}: ${command} requires exactly 0 argument(s)`);
      }
      if (quiet) {
        ctx.out(all.map((s) => `${s.id}\n`).join(''));
        return 0;
      }
      if (format === 'json') {
        ctx.out(
          `${all.length === 0 ? 'null' : JSON.stringify(all.map((s) => ({ ociVersion: '1.2.1', id: s.id, pid: s.pid, status: s.status, bundle: s.bundle, rootfs: `${s.bundle}/rootfs`, created: s.created, owner: 'root' })))}\n`,
        );
        return 0;
      }
      if (format !== 'table') return fatal(ctx, 'invalid format option');
      ctx.out(
        tabwrite(
          [
            'ID\tPID\tSTATUS\tBUNDLE\tCREATED\tOWNER',
            ...all.map((s) => `${s.id}\t${s.pid}\t${s.status}\t${s.bundle}\t${s.created}\troot`),
          ],
          { minwidth: 12, padding: 3 },
        ),
      );
      return 0;
    }
    case 'state':
    case 'ps':
    case 'kill': {
      const positional = rest.filter((a) => !a.startsWith('-'));
      const flags = rest.filter((a) => a.startsWith('-'));
      const id = positional[0];
      if (id === undefined)
        return fatal(ctx, `${command}: "${command}" requires a minimum of 1 argument(s)`);
      const state = all.find((s) => s.id === id);
      if (!state) return fatal(ctx, 'container does not exist');
      if (command === 'state') {
        const body = {
          ociVersion: '1.2.1',
          id: state.id,
          pid: state.pid,
          status: state.status,
          bundle: state.bundle,
          rootfs: `${state.bundle}/rootfs`,
          created: state.created,
          owner: '',
        };
        ctx.out(`${JSON.stringify(body, null, '  ')}\n`);
        return 0;
      }
      const procs = processTable(world, null).filter(
        (p) => p.containerId === id && p.nsPid !== undefined,
      );
      if (command === 'ps') {
        if (flags.includes('json') || rest.includes('json')) {
          ctx.out(`${JSON.stringify(procs.map((p) => p.pid))}\n`);
          return 0;
        }
        const columns = FORMATS.full.map((spec) => columnFor(spec) as Column);
        ctx.out(
          renderTable(
            columns,
            procs,
            { world, commOnly: false, prefix: () => '' },
            { noHeader: false, maxWidth: null },
          ),
        );
        return 0;
      }
      const spec = positional[1] ?? 'SIGTERM';
      const signal = bashSignal(spec);
      if (signal === null || signal === 0) return fatal(ctx, `invalid signal: ${spec}`);
      if (state.status === 'stopped') return fatal(ctx, 'container not running');
      const targets =
        flags.includes('-a') || flags.includes('--all') ? procs.map((p) => p.pid) : [state.pid];
      for (const pid of targets) {
        const r = deliver(ctx, pid, signal);
        if (!r.ok && r.reason === 'not-simulated')
          return fatal(ctx, `signal ${spec} is not simulated here`);
      }
      return 0;
    }
    case 'create':
    case 'start':
    case 'run':
    case 'delete':
    case 'exec':
    case 'pause':
    case 'resume':
    case 'events':
    case 'update':
    case 'checkpoint':
    case 'restore':
    case 'spec':
    case 'features':
      ctx.err(
        `${binary}: ${command} is not simulated here (containerd's shim drives runc for Docker)\n`,
      );
      return 1;
    default:
      ctx.err(`No help topic for '${command}'\n`);
      return 3;
  }
}

export const runc: CommandSpec = {
  summary: 'the OCI runtime (runc list; runc --root /run/docker/runtime-runc/moby list)',
  run: (ctx, args) => run(ctx, args, 'runc'),
  complete: (before, world) =>
    before.length === 0
      ? ['--root', 'list', 'state', 'ps', 'kill']
      : before.at(-1) === '--root'
        ? ['/run/docker/runtime-runc/moby', '/run/runc']
        : Object.keys(world.tasks),
};

export const dockerRunc: CommandSpec = {
  summary: '17.x/18.x runc (docker-runc --root /var/run/docker/runtime-runc/moby list)',
  run: (ctx, args) => run(ctx, args, 'docker-runc'),
};
