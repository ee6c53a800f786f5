/**
 * The shell's own commands: `help`, `clear`, `history`, `echo`, `true`, `false`, `pwd`, `cd`,
 * `env`, `export`, `sleep` (virtual time), `date`, `exit`, and the filters students pipe
 * docker's output into: `grep`, `head`, `tail`, `wc -l`. They print what bash and coreutils
 * print, errors included.
 */
import type { CommandContext, CommandOutcome, CommandSpec, Job } from './types';

/** What a builtin may ask of the shell that runs it. */
export interface ShellServices {
  history(): readonly string[];
  clear(): void;
  help(): string;
  setEnv(name: string, value: string): void;
}

function lines(text: string | undefined): string[] {
  if (!text) return [];
  const all = text.split('\n');
  if (all.at(-1) === '') all.pop();
  return all;
}

function numberFlag(
  args: readonly string[],
  fallback: number,
): { n: number; rest: string[] } | string {
  const rest: string[] = [];
  let n = fallback;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    const m = /^-(?:n)?(\d+)$/.exec(a);
    if (m) n = Number(m[1]);
    else if (a === '-n') {
      const v = args[++i];
      if (v === undefined || !/^\d+$/.test(v)) return `invalid number of lines: ‘${v ?? ''}’`;
      n = Number(v);
    } else rest.push(a);
  }
  return { n, rest };
}

function filter(name: 'head' | 'tail'): CommandSpec {
  return {
    summary:
      name === 'head' ? 'print the first lines of its input' : 'print the last lines of its input',
    run: (ctx, args) => {
      const parsed = numberFlag(args, 10);
      if (typeof parsed === 'string') {
        ctx.err(`${name}: ${parsed}\n`);
        return 1;
      }
      if (parsed.rest.length > 0) {
        ctx.err(
          `${name}: cannot open '${parsed.rest[0] ?? ''}' for reading: No such file or directory\n`,
        );
        return 1;
      }
      const all = lines(ctx.stdin);
      const picked =
        name === 'head' ? all.slice(0, parsed.n) : parsed.n === 0 ? [] : all.slice(-parsed.n);
      ctx.out(picked.map((l) => `${l}\n`).join(''));
      return 0;
    },
  };
}

const grep: CommandSpec = {
  summary: 'print the lines of its input that match a pattern (-i, -v, -c, -E)',
  run: (ctx, args) => {
    let ignoreCase = false;
    let invert = false;
    let count = false;
    const words: string[] = [];
    for (const a of args) {
      if (/^-[ivcEF]+$/.test(a)) {
        ignoreCase ||= a.includes('i');
        invert ||= a.includes('v');
        count ||= a.includes('c');
      } else if (a.startsWith('-') && a !== '-') {
        ctx.err(
          `grep: invalid option -- '${a.slice(1, 2)}'\nUsage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n`,
        );
        return 2;
      } else words.push(a);
    }
    const [pattern, file] = words;
    if (pattern === undefined) {
      ctx.err(
        "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n",
      );
      return 2;
    }
    if (file !== undefined) {
      ctx.err(`grep: ${file}: No such file or directory\n`);
      return 2;
    }
    let re: RegExp;
    try {
      re = new RegExp(pattern, ignoreCase ? 'i' : '');
    } catch {
      ctx.err('grep: Unmatched ( or \\(\n');
      return 2;
    }
    const matched = lines(ctx.stdin).filter((l) => re.test(l) !== invert);
    ctx.out(count ? `${matched.length}\n` : matched.map((l) => `${l}\n`).join(''));
    return matched.length > 0 ? 0 : 1;
  },
};

const wc: CommandSpec = {
  summary: 'count the lines (-l), words (-w) or bytes (-c) of its input',
  run: (ctx, args) => {
    const text = ctx.stdin ?? '';
    const counts = {
      l: (text.match(/\n/g) ?? []).length,
      w: text.split(/\s+/).filter(Boolean).length,
      c: new TextEncoder().encode(text).length,
    };
    const picked =
      args.length === 0
        ? (['l', 'w', 'c'] as const)
        : (['l', 'w', 'c'] as const).filter((k) =>
            args.some((a) => a.startsWith('-') && a.includes(k)),
          );
    ctx.out(
      `${picked.map((k) => (picked.length > 1 ? String(counts[k]).padStart(7) : String(counts[k]))).join(' ')}\n`,
    );
    return 0;
  },
};

/** `sleep N`: a job that ends when N virtual seconds have passed. */
function sleep(ctx: CommandContext, args: readonly string[]): CommandOutcome {
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
  const until = ctx.host.now + Number(m[1]) * unit * 1000;
  const job: Job = { poll: () => (ctx.host.now >= until ? 0 : null), interrupt: () => 130 };
  return job.poll() ?? job;
}

export function builtins(shell: ShellServices): Readonly<Record<string, CommandSpec>> {
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
    cd: {
      summary: 'change directory (this shell stays in /root)',
      run: (ctx, args) => {
        const to = args[0];
        if (to === undefined || to === '~' || to === '/root' || to === '.') return 0;
        ctx.err(`bash: cd: ${to}: this simulated shell stays in /root\n`);
        return 1;
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
    sleep: { summary: 'wait N seconds of simulated time', run: sleep },
    date: {
      summary: "print the host's (simulated) date",
      run: (ctx) => {
        const d = new Date(ctx.host.world.epochMs + ctx.host.now);
        ctx.out(`${d.toUTCString().replace('GMT', 'UTC')}\n`);
        return 0;
      },
    },
    exit: {
      summary: 'leave the shell (here it stays open)',
      run: (ctx) => {
        ctx.err('exit: this terminal is the simulated host itself and stays open\n');
        return 0;
      },
    },
    grep,
    head: filter('head'),
    tail: filter('tail'),
    wc,
  };
}
