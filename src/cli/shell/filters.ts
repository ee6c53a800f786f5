/**
 * The filters students pipe a command's output into, in every shell of the app: `grep` (-i,
 * -v, -c, -E), `head`, `tail` (-n N, -N) and `wc` (-l, -w, -c). They read only stdin and
 * their arguments (no files), and print what GNU grep and coreutils print, errors included.
 */
import type { CommandEntry, StreamContext } from './types';

/** A filter runs in any shell: it needs nothing but the streams. */
type Filter = CommandEntry<StreamContext>;

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

function filter(name: 'head' | 'tail'): Filter {
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

const grep: Filter = {
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

const wc: Filter = {
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

export const filters: Readonly<Record<'grep' | 'head' | 'tail' | 'wc', Filter>> = {
  grep,
  head: filter('head'),
  tail: filter('tail'),
  wc,
};
