/**
 * The laptop shell's own commands. Most are the host shell's builtins (src/cli/shell/
 * builtins.ts: help, clear, history, echo, env, export, and the filters grep, head, tail, wc
 * that kubectl's output is piped into), run through a context whose Docker host is absent:
 * they read only their arguments, stdin and the environment. `sleep` waits on the cluster's
 * virtual clock; `cd` and `exit` know this terminal is a laptop.
 */
import { builtins, type ShellServices } from '../shell/builtins';
import type { CommandContext, HostPort, Job } from '../shell/types';
import type { KubeCommandContext, KubeCommandSpec } from './types';

function absent(): never {
  throw new Error('this command needs a Docker host, and the laptop has none');
}

/** No Docker host: a reused builtin that reached for one would be a bug, reported as one. */
const NO_HOST: HostPort = {
  get world(): never {
    return absent();
  },
  get trace(): never {
    return absent();
  },
  get now(): never {
    return absent();
  },
  apply: absent,
  request: absent,
  waitResult: absent,
  outputSince: absent,
};

const REUSED = [
  'help',
  'clear',
  'history',
  'echo',
  'true',
  'false',
  'pwd',
  'env',
  'export',
  'grep',
  'head',
  'tail',
  'wc',
] as const;

function hostContext(ctx: KubeCommandContext): CommandContext {
  return {
    host: NO_HOST,
    env: ctx.env,
    columns: ctx.columns,
    ...(ctx.stdin !== undefined ? { stdin: ctx.stdin } : {}),
    piped: ctx.piped ?? false,
    out: ctx.out,
    err: ctx.err,
  };
}

/** `sleep N`: a job that ends when N seconds of the cluster's virtual time have passed. */
function sleep(ctx: KubeCommandContext, args: readonly string[]) {
  const text = args[0];
  if (text === undefined) {
    ctx.err("sleep: missing operand\nTry 'sleep --help' for more information.\n");
    return 1;
  }
  const m = /^(\d+(?:\.\d+)?)([smhd]?)$/.exec(text);
  if (!m) {
    ctx.err(`sleep: invalid time interval ‘${text}’\nTry 'sleep --help' for more information.\n`);
    return 1;
  }
  const unit = { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[m[2] ?? ''] ?? 1;
  const until = ctx.port.now + Number(m[1]) * unit * 1000;
  const job: Job = { poll: () => (ctx.port.now >= until ? 0 : null), interrupt: () => 130 };
  return job.poll() ?? job;
}

export function kubeBuiltins(services: ShellServices): Record<string, KubeCommandSpec> {
  const host = builtins(services);
  const specs: Record<string, KubeCommandSpec> = {};
  for (const name of REUSED) {
    const spec = host[name];
    if (spec)
      specs[name] = { summary: spec.summary, run: (ctx, args) => spec.run(hostContext(ctx), args) };
  }
  specs['sleep'] = { summary: 'wait N seconds of simulated time', run: sleep };
  specs['cd'] = {
    summary: 'change directory (this shell stays in your home)',
    run: (ctx, args) => {
      const to = args[0];
      const home = ctx.env['HOME'] ?? '/home/student';
      if (to === undefined || to === '~' || to === home || to === '.') return 0;
      ctx.err(`bash: cd: ${to}: this simulated laptop has only your home directory\n`);
      return 1;
    },
  };
  specs['exit'] = {
    summary: 'leave the shell (here it stays open)',
    run: (ctx) => {
      ctx.err('exit: this terminal is your simulated laptop and stays open\n');
      return 0;
    },
  };
  return specs;
}
