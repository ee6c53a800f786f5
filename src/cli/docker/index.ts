/**
 * `docker ...` in the in-app shell: global flags, the command tree with its long forms
 * (`docker container ls` = `docker ps`), flag parsing against the real CLI's own flag lists,
 * argument checks, the ping, then the command. Every usage error is printed as cobra prints
 * it, with the same exit codes (125 for flag errors, 1 for argument errors and daemon errors).
 */
// Wherever a docker CLI runs, `docker build` and `commit --change` may parse a Dockerfile.
import '../../sim/build/dockerfileAst';
import '../../sim/engine';
import { CANNOT_CONNECT } from '../../sim/api/types';
import { ERA_INFO } from '../../sim/eras';
import type { CommandContext, CommandOutcome, CommandSpec } from '../shell/types';
import { EngineClient } from './client';
import type { ArgRule, DockerCommand } from './command';
import { boolOf, listOf, parseFlags } from './flags';
import { commandReference, listedCommands } from './reference';
import { build } from './commands/build';
import { commit } from './commands/commit';
import * as containers from './commands/containers';
import { diff } from './commands/diff';
import { exec } from './commands/exec';
import { history } from './commands/history';
import * as images from './commands/images';
import * as inspect from './commands/inspect';
import { logs } from './commands/logs';
import * as networks from './commands/networks';
import { ps } from './commands/ps';
import { push } from './commands/push';
import { create, run } from './commands/run';
import * as system from './commands/system';
import * as nodes from './commands/node';
import { serviceCreate } from './commands/serviceCreate';
import { serviceLs } from './commands/serviceList';
import { servicePs } from './commands/serviceTasks';
import * as serviceUpdates from './commands/serviceUpdate';
import * as swarm from './commands/swarm';
import { nodeInspect, serviceInspect } from './commands/swarmInspect';

/** The container commands, which `docker container ...` offers under the same names. */
const CONTAINER: Readonly<Record<string, DockerCommand>> = {
  run,
  create,
  start: containers.start,
  stop: containers.stop,
  kill: containers.kill,
  restart: containers.restart,
  pause: containers.pause,
  unpause: containers.unpause,
  rm: containers.rm,
  wait: containers.wait,
  top: containers.top,
  logs,
  exec,
  diff,
  commit,
};

const TOP: Readonly<Record<string, DockerCommand>> = {
  ...CONTAINER,
  ps,
  build,
  inspect: inspect.inspect,
  pull: images.pull,
  images: images.images,
  rmi: images.rmi,
  tag: images.tag,
  push,
  history,
  version: system.version,
  info: system.info,
  events: system.events,
};

/** Management commands and their subcommands (aliases map to the same command). */
const GROUPS: Readonly<Record<string, Readonly<Record<string, DockerCommand>>>> = {
  container: {
    ...CONTAINER,
    ls: ps,
    list: ps,
    ps,
    remove: containers.rm,
    inspect: inspect.containerInspect,
  },
  image: {
    build,
    ls: images.images,
    list: images.images,
    pull: images.pull,
    rm: images.rmi,
    remove: images.rmi,
    tag: images.tag,
    push,
    history,
    inspect: inspect.imageInspect,
  },
  network: {
    ls: networks.networkLs,
    list: networks.networkLs,
    create: networks.networkCreate,
    rm: networks.networkRm,
    remove: networks.networkRm,
    inspect: inspect.networkInspect,
  },
  volume: {
    ls: networks.volumeLs,
    list: networks.volumeLs,
    create: networks.volumeCreate,
    rm: networks.volumeRm,
    remove: networks.volumeRm,
    inspect: inspect.volumeInspect,
  },
  system: { df: system.df, info: system.info, events: system.events },
  swarm: {
    init: swarm.swarmInit,
    join: swarm.swarmJoin,
    'join-token': swarm.swarmJoinToken,
    leave: swarm.swarmLeave,
  },
  node: {
    ls: nodes.nodeLs,
    list: nodes.nodeLs,
    inspect: nodeInspect,
    promote: nodes.nodePromote,
    demote: nodes.nodeDemote,
    update: nodes.nodeUpdate,
    rm: nodes.nodeRm,
    remove: nodes.nodeRm,
    ps: nodes.nodePs,
  },
  service: {
    create: serviceCreate,
    ls: serviceLs,
    list: serviceLs,
    ps: servicePs,
    scale: serviceUpdates.serviceScale,
    update: serviceUpdates.serviceUpdate,
    rollback: serviceUpdates.serviceRollback,
    rm: serviceUpdates.serviceRm,
    remove: serviceUpdates.serviceRm,
    inspect: serviceInspect,
  },
};

function argProblem(
  rule: ArgRule,
  count: number,
): { text: string; see: boolean; prefix?: string } | null {
  const plural = (n: number): string => `${n} argument${n === 1 ? '' : 's'}`;
  switch (rule.kind) {
    case 'none':
      return count > 0 ? { text: 'accepts no arguments', see: false } : null;
    case 'exact':
      return count !== rule.n ? { text: `requires ${plural(rule.n)}`, see: false } : null;
    case 'min':
      return count < rule.n ? { text: `requires at least ${plural(rule.n)}`, see: true } : null;
    case 'max':
      // docker 28 really prints "SRun" here (a stray "S" in cli/required.go); we print what it prints.
      return count > rule.n
        ? { text: `requires at most ${plural(rule.n)}`, see: false, prefix: 'SRun' }
        : null;
    case 'range':
      return count < rule.min || count > rule.max
        ? { text: `requires at least ${rule.min} and at most ${plural(rule.max)}`, see: false }
        : null;
    case 'any':
      return null;
  }
}

/** The reference for what the user typed, falling back to the command's canonical path. */
function referenceFor(typed: string, command: DockerCommand) {
  return commandReference(typed) ?? commandReference(command.path);
}

function invoke(
  ctx: CommandContext,
  typed: string,
  command: DockerCommand,
  argv: readonly string[],
): CommandOutcome {
  const name = `docker ${typed}`;
  const ref = referenceFor(typed, command);
  const usage = ref?.usage ?? `Usage:  ${name}`;
  const parsed = parseFlags(ref?.flags ?? [], argv, command.interspersed ?? true);
  if (!parsed.ok) {
    ctx.err(`${parsed.error}\n\n${usage}\n\nRun '${name} --help' for more information\n`);
    return 125;
  }
  if (boolOf(parsed.value.flags, 'help')) {
    ctx.out(ref?.help ?? `${usage}\n`);
    return 0;
  }
  const problem = argProblem(command.args, parsed.value.args.length);
  if (problem) {
    ctx.err(
      `docker: '${name}' ${problem.text}\n\n${usage}\n\n${problem.prefix ?? (problem.see ? 'See' : 'Run')} '${name} --help' for more information\n`,
    );
    return 1;
  }
  const custom = command.checkArgs?.(parsed.value.args, name);
  if (custom) {
    ctx.err(custom);
    return 1;
  }
  const client = new EngineClient(ctx.host);
  if (!client.ping()) {
    if (command === run || command === create) {
      ctx.err(`docker: ${CANNOT_CONNECT}\n\nRun '${name} --help' for more information\n`);
      return 125;
    }
    ctx.err(`${CANNOT_CONNECT}\n`);
    return 1;
  }
  return command.run({ ctx, client, name, flags: parsed.value.flags, args: parsed.value.args });
}

/** Real docker commands this single simulated host does not run, named honestly. */
const NOT_SIMULATED = new Set([
  'attach',
  'builder',
  'buildx',
  'checkpoint',
  'compose',
  'config',
  'context',
  'cp',
  'export',
  'import',
  'load',
  'login',
  'logout',
  'manifest',
  'plugin',
  'port',
  'rename',
  'save',
  'search',
  'secret',
  'stack',
  'stats',
  'trust',
  'update',
]);

const DEFAULT_HOST = 'unix:///var/run/docker.sock';

function runDocker(ctx: CommandContext, argv: readonly string[]): CommandOutcome {
  const top = commandReference('');
  const globals = parseFlags(top?.flags ?? [], argv, false);
  if (!globals.ok) {
    ctx.err(
      `${globals.error}\n\n${top?.usage ?? 'Usage:  docker [OPTIONS] COMMAND'} [ARG...]\n\nRun 'docker --help' for more information\n`.replace(
        'COMMAND [ARG...] [ARG...]',
        'COMMAND [ARG...]',
      ),
    );
    return 125;
  }
  const { flags, args } = globals.value;
  const era = ctx.host.world.settings.era;
  if (boolOf(flags, 'version')) {
    ctx.out(`Docker version ${ERA_INFO[era].serverVersion}, build sim\n`);
    return 0;
  }
  const hosts = listOf(flags, 'host');
  const host = hosts.at(-1) ?? ctx.env['DOCKER_HOST'];
  if (host !== undefined && host !== DEFAULT_HOST && host !== DEFAULT_HOST.replace('/var', '')) {
    ctx.err(
      `docker-anatomy: this terminal talks to the simulated daemon on ${DEFAULT_HOST}; ${host} is reached with the real docker CLI and \`npm run bridge\`.\n`,
    );
    return 1;
  }
  const [word, ...rest] = args;
  if (word === undefined || boolOf(flags, 'help') || word === 'help') {
    ctx.out(top?.help ?? '');
    return 0;
  }
  const own = <T>(table: Readonly<Record<string, T>>, key: string): T | undefined =>
    Object.hasOwn(table, key) ? table[key] : undefined;
  const direct = own(TOP, word);
  if (direct) return invoke(ctx, word, direct, rest);
  const group = own(GROUPS, word);
  if (group) {
    const [sub, ...subArgs] = rest;
    if (sub === undefined || sub === '--help' || sub === '-h') {
      ctx.out(commandReference(word)?.help ?? '');
      return 0;
    }
    const command = own(group, sub);
    if (command) return invoke(ctx, `${word} ${sub}`, command, subArgs);
    if (listedCommands(word).includes(sub) || sub.startsWith('-')) {
      if (sub.startsWith('-')) {
        ctx.err(
          `unknown flag: ${sub}\n\nUsage:  docker ${word} COMMAND\n\nRun 'docker ${word} --help' for more information\n`,
        );
        return 125;
      }
      ctx.err(
        `docker-anatomy: 'docker ${word} ${sub}' is a real docker command that this simulation does not run.\n`,
      );
      return 1;
    }
    ctx.err(
      `docker: unknown command: docker ${word} ${sub}\n\nUsage:  docker ${word}\n\nRun 'docker ${word} --help' for more information\n`,
    );
    return 1;
  }
  if (NOT_SIMULATED.has(word)) {
    ctx.err(
      `docker-anatomy: 'docker ${word}' is a real docker command that this simulation does not run (yet).\n`,
    );
    return 1;
  }
  ctx.err(`docker: unknown command: docker ${word}\n\nRun 'docker --help' for more information\n`);
  return 1;
}

export const dockerCommand: CommandSpec = {
  summary: 'the Docker CLI, talking to the simulated daemon over the Engine API',
  run: runDocker,
};

/** Words that may follow `docker` (and `docker GROUP`), for Tab completion. */
export function dockerSubcommands(group?: string): string[] {
  if (group === undefined) return [...Object.keys(TOP), ...Object.keys(GROUPS)].sort();
  return Object.hasOwn(GROUPS, group) ? Object.keys(GROUPS[group] ?? {}).sort() : [];
}

/** The management commands that take a subcommand (`container`, `network`, `service`, ...). */
export function dockerGroups(): string[] {
  return Object.keys(GROUPS).sort();
}

export { commandReference };
