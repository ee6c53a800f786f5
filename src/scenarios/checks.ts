/**
 * Evaluates a lesson's check on the simulated world: is `web` running, is dockerd down, does
 * a process named `nginx` still run, is live-restore on, does `web` have 6 running tasks.
 * Pure: the worlds in, a verdict out, with a sentence saying what is not yet so (the player
 * shows it to a learner who asks).
 */
import type { ClusterWorld } from '../sim/cluster/types';
import type { KubeWorld } from '../sim/kube/types';
import type { TraceEntry } from '../sim/trace';
import type { World } from '../sim/types';
import type { Check } from './schema';

/**
 * What a check can see. `host` is the host the terminal acts on (node-1 in a Swarm lesson);
 * `trace` is its trace from where the step began; `swarm` and `kube` exist in those lessons.
 */
export interface LessonView {
  readonly host?: World;
  readonly trace?: readonly TraceEntry[];
  readonly swarm?: ClusterWorld;
  readonly kube?: KubeWorld;
}

export interface Verdict {
  readonly ok: boolean;
  /** What is not so yet, for a learner (empty when ok). */
  readonly missing: string;
}

const OK: Verdict = { ok: true, missing: '' };

/** A container by its name, or else by an ID prefix (as the docker CLI resolves them). */
function byName(world: World, name: string) {
  const containers = Object.values(world.containers);
  return containers.find((c) => c.name === name) ?? containers.find((c) => c.id.startsWith(name));
}

function imagePresent(world: World, ref: string): boolean {
  // A tag follows the last `:` after the last `/` (localhost:5000/app has none).
  const want = /:[^/]*$/.test(ref) ? ref : `${ref}:latest`;
  return Object.values(world.images).some((image) => image.repoTags.includes(want));
}

const no = (missing: string): Verdict => ({ ok: false, missing });

/** Strips the API version (`/v1.51/containers/json` -> `/containers/json`). */
const unversioned = (label: string) => label.replace(/ \/v[0-9.]+\//, ' /');

function evaluateSwarm(check: Check, swarm: ClusterWorld): Verdict | null {
  switch (check.kind) {
    case 'service': {
      const service = Object.values(swarm.services).find((s) => s.spec.name === check.name);
      if (!service) return no(`there is no service named ${check.name}`);
      // As `docker service ls` counts them: a task on a node the managers marked down is not
      // counted, though the store still says running (nobody has heard from it since).
      const running = Object.values(swarm.tasks).filter(
        (task) =>
          task.serviceId === service.id &&
          task.state === 'running' &&
          task.nodeId !== null &&
          swarm.nodes[task.nodeId]?.state !== 'down',
      ).length;
      return running === check.running
        ? OK
        : no(`service ${check.name} has ${running} running tasks, not ${check.running}`);
    }
    case 'node': {
      const node = swarm.nodes[check.node];
      if (!node) return no(`there is no machine named ${check.node}`);
      return node.state === check.state
        ? OK
        : no(`${check.node} is ${node.state}, not ${check.state}`);
    }
    default:
      return null;
  }
}

function evaluateKube(check: Check, kube: KubeWorld): Verdict | null {
  if (check.kind !== 'deployment') return null;
  const deployment = Object.values(kube.deployments).find((d) => d.name === check.name);
  if (!deployment) return no(`there is no deployment named ${check.name}`);
  const ready = Object.values(kube.pods).filter(
    (pod) =>
      pod.ready &&
      pod.deletionTimestamp === null &&
      pod.name.startsWith(`${check.name}-${deployment.templateHash}-`),
  ).length;
  return ready === check.ready
    ? OK
    : no(`deployment ${check.name} has ${ready} ready pods, not ${check.ready}`);
}

/** Verdict of `check` on what the lesson's worlds show. */
export function evaluate(check: Check, view: LessonView): Verdict {
  if (check.kind === 'all') {
    for (const part of check.checks) {
      const verdict = evaluate(part, view);
      if (!verdict.ok) return verdict;
    }
    return OK;
  }
  if (check.kind === 'any') {
    const verdicts = check.checks.map((part) => evaluate(part, view));
    return verdicts.some((v) => v.ok) ? OK : no(verdicts.map((v) => v.missing).join('; or '));
  }
  if (check.kind === 'service' || check.kind === 'node')
    return view.swarm
      ? (evaluateSwarm(check, view.swarm) ?? OK)
      : no('this check needs a Swarm lesson');
  if (check.kind === 'deployment')
    return view.kube
      ? (evaluateKube(check, view.kube) ?? OK)
      : no('this check needs a Kubernetes lesson');
  if (check.kind === 'traced') {
    const found = (view.trace ?? []).some(
      (entry) => entry.kind === check.message && unversioned(entry.label).includes(check.label),
    );
    return found ? OK : no(`no ${check.message} "${check.label}" has been sent yet`);
  }
  if (!view.host) return no('this check needs a host');
  return evaluateHost(check, view.host);
}

function evaluateHost(check: Check, world: World): Verdict {
  switch (check.kind) {
    case 'container': {
      const c = byName(world, check.name);
      if (c?.state === check.state) return OK;
      return {
        ok: false,
        missing: c
          ? `container ${check.name} is ${c.state}, not ${check.state}`
          : `there is no container named ${check.name}`,
      };
    }
    case 'noContainer':
      return byName(world, check.name)
        ? { ok: false, missing: `container ${check.name} still exists` }
        : OK;
    case 'process': {
      const alive = Object.values(world.processes).some((p) => p.name === check.name);
      if (alive === check.alive) return OK;
      return {
        ok: false,
        missing: check.alive
          ? `no process named ${check.name} runs`
          : `a process named ${check.name} still runs`,
      };
    }
    case 'daemon': {
      const state = world.services[check.service].state;
      return state === check.state
        ? OK
        : { ok: false, missing: `${check.service} is ${state}, not ${check.state}` };
    }
    case 'liveRestore':
      return world.daemonConfig.liveRestore === check.enabled
        ? OK
        : {
            ok: false,
            missing: `dockerd runs with live-restore ${check.enabled ? 'off' : 'on'}`,
          };
    case 'image':
      return imagePresent(world, check.ref) === check.present
        ? OK
        : {
            ok: false,
            missing: check.present
              ? `image ${check.ref} is not here`
              : `image ${check.ref} is here`,
          };
    case 'exitCode': {
      const c = byName(world, check.name);
      if (c && c.state === 'exited' && c.exitCode === check.code) return OK;
      return {
        ok: false,
        missing: !c
          ? `there is no container named ${check.name}`
          : c.state !== 'exited'
            ? `container ${check.name} is ${c.state}, not exited`
            : `container ${check.name} exited with ${c.exitCode}, not ${check.code}`,
      };
    }
    case 'restartPolicy': {
      const c = byName(world, check.name);
      if (!c) return no(`there is no container named ${check.name}`);
      const policy = c.hostConfig.restartPolicy.name;
      return policy === check.policy
        ? OK
        : no(`container ${check.name} has restart policy ${policy}, not ${check.policy}`);
    }
    case 'init': {
      const c = byName(world, check.name);
      if (!c) return no(`there is no container named ${check.name}`);
      return c.hostConfig.init === check.enabled
        ? OK
        : no(`container ${check.name} runs ${c.hostConfig.init ? 'with' : 'without'} --init`);
    }
    case 'volume': {
      const present = Object.values(world.volumes).some((v) => v.name === check.name);
      return present === check.present
        ? OK
        : no(present ? `volume ${check.name} still exists` : `there is no volume ${check.name}`);
    }
    case 'network': {
      const present = Object.values(world.networks).some((n) => n.name === check.name);
      return present === check.present
        ? OK
        : no(present ? `network ${check.name} still exists` : `there is no network ${check.name}`);
    }
    case 'attached': {
      const c = byName(world, check.name);
      if (!c) return no(`there is no container named ${check.name}`);
      const network = Object.values(world.networks).find((n) => n.name === check.network);
      // dockerd keeps a container's endpoints by network name, each naming its network's id.
      return network && Object.values(c.networks).some((e) => e.networkId === network.id)
        ? OK
        : no(`container ${check.name} is not on network ${check.network}`);
    }
    case 'published': {
      const c = byName(world, check.name);
      if (!c) return no(`there is no container named ${check.name}`);
      const published = Object.values(c.hostConfig.portBindings).some((bindings) =>
        bindings.some((b) => b.hostPort === String(check.hostPort)),
      );
      return published && c.state === 'running'
        ? OK
        : no(`container ${check.name} does not publish host port ${check.hostPort}`);
    }
    case 'file': {
      const text = world.files[check.path];
      if (text === undefined) return no(`there is no file ${check.path}`);
      return text.includes(check.contains)
        ? OK
        : no(`${check.path} does not contain ${check.contains}`);
    }
    default:
      return no(`a ${check.kind} check cannot be read from a host`);
  }
}
