/**
 * Evaluates a lesson's check on the simulated world: is `web` running, is dockerd down, does
 * a process named `nginx` still run, is live-restore on. Pure: the world in, a verdict out,
 * with a sentence saying what is not yet so (the player shows it to a learner who asks).
 */
import type { World } from '../sim/types';
import type { Check } from './schema';

export interface Verdict {
  readonly ok: boolean;
  /** What is not so yet, for a learner (empty when ok). */
  readonly missing: string;
}

const OK: Verdict = { ok: true, missing: '' };

function byName(world: World, name: string) {
  return Object.values(world.containers).find((c) => c.name === name || c.id.startsWith(name));
}

function imagePresent(world: World, ref: string): boolean {
  const want = ref.includes(':') ? ref : `${ref}:latest`;
  return Object.values(world.images).some((image) => image.repoTags.includes(want));
}

export function evaluate(check: Check, world: World): Verdict {
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
    case 'all': {
      for (const part of check.checks) {
        const verdict = evaluate(part, world);
        if (!verdict.ok) return verdict;
      }
      return OK;
    }
    case 'any': {
      const verdicts = check.checks.map((part) => evaluate(part, world));
      return verdicts.some((v) => v.ok)
        ? OK
        : { ok: false, missing: verdicts.map((v) => v.missing).join('; or ') };
    }
  }
}
