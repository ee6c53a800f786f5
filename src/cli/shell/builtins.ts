/**
 * The shells' own commands. `shellBuiltins` are those of every shell in the app: `help`,
 * `clear`, `history`, `echo`, `true`, `false`, `pwd`, `env`, `export`, `sleep` (virtual time,
 * read from the clock the shell gives) and the filters of filters.ts (`grep`, `head`, `tail`,
 * `wc`); `stayHome` and `stayOpen` make a shell's `cd` and `exit`. `builtins` are the host
 * shell's: the shared ones on the host's clock, with `cd`, `date` and `exit`. They print what
 * bash and coreutils print, errors included.
 */
import { filters } from './filters';
import type {
  CommandContext,
  CommandEntry,
  CommandOutcome,
  CommandSpec,
  Job,
  StreamContext,
} from './types';

/** What a builtin may ask of the shell that runs it. */
export interface ShellServices {
  history(): readonly string[];
  clear(): void;
  help(): string;
  setEnv(name: string, value: string): void;
}

/** `sleep N`: a job that ends when N seconds have passed on the clock `now` (virtual ms). */
function sleepCommand<Ctx extends StreamContext>(now: (ctx: Ctx) => number): CommandEntry<Ctx> {
  const run = (ctx: Ctx, args: readonly string[]): CommandOutcome => {
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
    const until = now(ctx) + Number(m[1]) * unit * 1000;
    const job: Job = { poll: () => (now(ctx) >= until ? 0 : null), interrupt: () => 130 };
    return job.poll() ?? job;
  };
  return { summary: 'wait N seconds of simulated time', run };
}

/**
 * `cd` in a shell that has one directory, `home`: going there (or `~`, `.`, nowhere) succeeds
 * and changes nothing; anywhere else is refused, `why` saying so.
 */
export function stayHome<Ctx extends StreamContext>(
  summary: string,
  home: (ctx: Ctx) => string,
  why: string,
): CommandEntry<Ctx> {
  return {
    summary,
    run: (ctx, args) => {
      const to = args[0];
      if (to === undefined || to === '~' || to === home(ctx) || to === '.') return 0;
      ctx.err(`bash: cd: ${to}: ${why}\n`);
      return 1;
    },
  };
}

/** `exit` in a terminal that stays open; `what` is what the terminal is. */
export function stayOpen(what: string): CommandEntry<StreamContext> {
  return {
    summary: 'leave the shell (here it stays open)',
    run: (ctx) => {
      ctx.err(`exit: this terminal is ${what} and stays open\n`);
      return 0;
    },
  };
}

/** The builtins of every shell; `now` is the virtual clock (ms) that `sleep` waits on. */
export function shellBuiltins<Ctx extends StreamContext>(
  shell: ShellServices,
  now: (ctx: Ctx) => number,
): Readonly<Record<string, CommandEntry<Ctx>>> {
  return {
    help: {
      summary: 'list the commands this terminal knows',
      run: (ctx) => {
        ctx.out(shell.help());
        return 0;
      },
    },
    clear: {
      summary: 'clear the screen (Ctrl-L)',
      run: () => {
        shell.clear();
        return 0;
      },
    },
    history: {
      summary: 'list the commands typed so far',
      run: (ctx) => {
        const all = shell.history();
        ctx.out(all.map((l, i) => `${String(i + 1).padStart(5)}  ${l}\n`).join(''));
        return 0;
      },
    },
    echo: {
      summary: 'print its arguments',
      run: (ctx, args) => {
        const newline = args[0] !== '-n';
        ctx.out(`${(newline ? args : args.slice(1)).join(' ')}${newline ? '\n' : ''}`);
        return 0;
      },
    },
    true: { summary: 'do nothing, successfully', run: () => 0 },
    false: { summary: 'do nothing, unsuccessfully', run: () => 1 },
    pwd: {
      summary: 'print the working directory',
      run: (ctx) => {
        ctx.out(`${ctx.env['PWD'] ?? '/root'}\n`);
        return 0;
      },
    },
    env: {
      summary: 'print the environment',
      run: (ctx) => {
        ctx.out(
          Object.entries(ctx.env)
            .map(([k, v]) => `${k}=${v}\n`)
            .join(''),
        );
        return 0;
      },
    },
    export: {
      summary: 'set an environment variable (export NAME=value)',
      run: (ctx, args) => {
        for (const a of args) {
          const eq = a.indexOf('=');
          if (eq <= 0 || !/^[A-Za-z_]\w*$/.test(a.slice(0, eq))) {
            ctx.err(`bash: export: \`${a}': not a valid identifier\n`);
            return 1;
          }
          shell.setEnv(a.slice(0, eq), a.slice(eq + 1));
        }
        return 0;
      },
    },
    sleep: sleepCommand(now),
    ...filters,
  };
}

/** The host shell's builtins: the shared ones on the host's clock, and its `cd`, `date`, `exit`. */
export function builtins(shell: ShellServices): Readonly<Record<string, CommandSpec>> {
  return {
    ...shellBuiltins<CommandContext>(shell, (ctx) => ctx.host.now),
    cd: stayHome(
      'change directory (this shell stays in /root)',
      () => '/root',
      'this simulated shell stays in /root',
    ),
    date: {
      summary: "print the host's (simulated) date",
      run: (ctx) => {
        const d = new Date(ctx.host.world.epochMs + ctx.host.now);
        ctx.out(`${d.toUTCString().replace('GMT', 'UTC')}\n`);
        return 0;
      },
    },
    exit: stayOpen('the simulated host itself'),
  };
}
