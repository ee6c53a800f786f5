/**
 * Shells inside a container: BusyBox ash (Alpine, BusyBox), dash as Debian's `sh`, and bash.
 * `sh -c` runs a script of simple commands joined by `;`, `&&` and `||`, with `$VAR` and `$?`
 * expanded as each command runs; `cd`, `exit`, `echo`, `pwd`, `true`, `false` are builtins and
 * the rest run as the canned programs. A lone command is exec'd by the shell, so the process
 * becomes that program. Without `-i` a shell reads end-of-file and exits at once.
 */
import type { StdioFrame } from '../api/types';
import { listDir, resolvePath } from '../containerFs';
import {
  err,
  out,
  simple,
  type ExecContext,
  type ExecProgram,
  type ResolvedExec,
  type RunningNow,
} from './types';

/** How a command is found and run (programs.ts resolveExec), passed in to avoid a cycle. */
export type Resolve = (argv: readonly string[], ctx: ExecContext) => ResolvedExec;

type Flavour = 'ash' | 'dash' | 'bash';

function flavourOf(name: string, ctx: ExecContext): Flavour {
  if (name === 'bash') return 'bash';
  if (name === 'dash' || (name === 'sh' && ctx.view.userland === 'debian')) return 'dash';
  return 'ash';
}

function prompt(flavour: Flavour, ctx: ExecContext): string {
  const root = ctx.user.uid === 0;
  const dir = ctx.cwd === ctx.user.home ? '~' : ctx.cwd;
  if (flavour === 'bash')
    return `${ctx.user.name ?? 'I have no name!'}@${ctx.view.hostname}:${dir}${root ? '#' : '$'} `;
  if (flavour === 'dash') return root ? '# ' : '$ ';
  return `${dir} ${root ? '#' : '$'} `;
}

export function shell(
  name: string,
  args: readonly string[],
  ctx: ExecContext,
  resolveExec: Resolve,
): ExecProgram {
  const flavour = flavourOf(name, ctx);
  if (args[0] === '-c' && args[1] !== undefined)
    return script(name, flavour, args[1], ctx, resolveExec);
  const file = args.find((a) => !a.startsWith('-'));
  if (file !== undefined) {
    const missing =
      flavour === 'bash'
        ? [err(`bash: ${file}: No such file or directory`), 127]
        : flavour === 'dash'
          ? [err(`sh: 0: cannot open ${file}: No such file`), 2]
          : [err(`sh: can't open '${file}': No such file or directory`), 2];
    return simple(name, args, [missing[0] as StdioFrame], missing[1] as number, 1);
  }
  // Without -i its stdin is closed: it reads end-of-file and exits 0 at once. With -i it waits
  // for commands (on a terminal it first prints its prompt).
  return simple(
    name,
    args,
    ctx.tty && ctx.openStdin ? [{ stream: 'stdout', data: prompt(flavour, ctx) }] : [],
    0,
    ctx.openStdin ? null : 1,
  );
}

/** A word as written: literal parts, and parts whose `$VAR`s expand when the command runs. */
type Word = { readonly expands: boolean; readonly text: string }[];
type Op = ';' | '&&' | '||';

/** Splits `sh -c` text into simple commands joined by `;`, `&&`, `||`; null if it uses more. */
function parseScript(text: string): { op: Op; words: Word[] }[] | null {
  const commands: { op: Op; words: Word[] }[] = [{ op: ';', words: [] }];
  let word: Word | null = null;
  const add = (expands: boolean, part: string): void => {
    const parts: Word = word ?? [];
    const last = parts.at(-1);
    word =
      last?.expands === expands
        ? [...parts.slice(0, -1), { expands, text: last.text + part }]
        : [...parts, { expands, text: part }];
  };
  const flush = (): void => {
    if (word !== null) commands.at(-1)?.words.push(word);
    word = null;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? '';
    const two = text.slice(i, i + 2);
    if (/\s/.test(ch)) flush();
    else if (two === '&&' || two === '||' || ch === ';') {
      flush();
      commands.push({ op: ch === ';' ? ';' : (two as Op), words: [] });
      if (ch !== ';') i++;
    } else if ('|&<>()`{}\\'.includes(ch)) return null;
    else if (ch === "'" || ch === '"') {
      const end = text.indexOf(ch, i + 1);
      if (end < 0) return null;
      add(ch === '"', text.slice(i + 1, end));
      i = end;
    } else add(true, ch); // unquoted: `$VAR` expands, the rest stays as it is
  }
  flush();
  return commands.filter((c) => c.words.length > 0);
}

/** Expands `$VAR`, `${VAR}` and `$?` with the values the shell has when the command runs. */
function expandWords(words: readonly Word[], env: (key: string) => string): string[] {
  return words.map((w) =>
    w
      .map((part) =>
        part.expands
          ? part.text.replace(/\$(\{(\w+)\}|(\w+)|\?)/g, (_, _b, a?: string, b?: string) =>
              env(a ?? b ?? '?'),
            )
          : part.text,
      )
      .join(''),
  );
}

function notFound(flavour: Flavour, name: string, cmd: string): string {
  if (flavour === 'bash') return `bash: line 1: ${cmd}: command not found`;
  if (flavour === 'dash') return `${name}: 1: ${cmd}: not found`;
  return `${name}: ${cmd}: not found`;
}

const BUILTINS = new Set(['exit', 'cd', 'echo', 'true', 'false', 'pwd', ':']);

function cdFailed(flavour: Flavour, name: string, dir: string): StdioFrame {
  if (flavour === 'bash') return err(`bash: line 1: cd: ${dir}: No such file or directory`);
  if (flavour === 'dash') return err(`${name}: 1: cd: can't cd to ${dir}`);
  return err(`${name}: cd: can't cd to ${dir}: No such file or directory`);
}

/** `sh -c 'a; b && c'`: builtins run in the shell, other commands as the programs above. */
function script(
  name: string,
  flavour: Flavour,
  text: string,
  ctx: ExecContext,
  resolveExec: Resolve,
): ExecProgram {
  const lookup = (key: string): string =>
    ctx.env.find((e) => e.startsWith(`${key}=`))?.slice(key.length + 1) ?? '';
  const parsed = parseScript(text);
  // Pipes, redirections and subshells are beyond these canned programs: the shell runs quietly.
  if (parsed === null) return simple(name, ['-c', text], [], 0, 5);
  const first = parsed[0];
  if (parsed.length === 1 && first) {
    const only = expandWords(first.words, (key) => (key === '?' ? '0' : lookup(key)));
    // A single command: the shell execs it, so the process becomes that program.
    const inner = BUILTINS.has(only[0] ?? '') ? null : resolveExec(only, ctx);
    if (inner?.ok) return inner.program;
  }
  const run = (
    now: RunningNow | null,
  ): { frames: StdioFrame[]; status: number; ms: number | null } => {
    let status = 0;
    let cwd = ctx.cwd;
    let ms: number | null = 1;
    const frames: StdioFrame[] = [];
    const env = (key: string): string => (key === '?' ? String(status) : lookup(key));
    for (const { op, words } of parsed) {
      if ((op === '&&' && status !== 0) || (op === '||' && status === 0)) continue;
      const [cmd = '', ...rest] = expandWords(words, env);
      if (cmd === 'exit') return { frames, status: Number(rest[0] ?? status) % 256, ms };
      if (cmd === 'cd') {
        const target = resolvePath(cwd, rest[0] ?? ctx.user.home);
        const exists = listDir(ctx.view, target) !== null;
        if (exists) cwd = target;
        else frames.push(cdFailed(flavour, name, rest[0] ?? ''));
        status = exists ? 0 : flavour === 'bash' ? 1 : 2;
        continue;
      }
      const resolved = BUILTINS.has(cmd)
        ? { ok: true as const, program: builtin(cmd, rest, cwd) }
        : resolveExec([cmd, ...rest], { ...ctx, cwd });
      if (!resolved.ok) {
        frames.push(err(notFound(flavour, name, cmd)));
        status = 127;
        continue;
      }
      const p = resolved.program;
      if (now) frames.push(...p.output(now));
      status = p.exitCode;
      ms = ms === null || p.runsForMs === null ? null : ms + p.runsForMs;
    }
    return { frames, status, ms };
  };
  const dry = run(null);
  return {
    comm: name,
    args: [name, '-c', text],
    runsForMs: dry.ms,
    exitCode: dry.status,
    handles: {},
    output: (now) => run(now).frames,
  };
}

function builtin(cmd: string, args: readonly string[], cwd: string): ExecProgram {
  const frames = cmd === 'echo' ? [out(args.join(' '))] : cmd === 'pwd' ? [out(cwd)] : [];
  return simple(cmd, args, frames, cmd === 'false' ? 1 : 0, 0);
}
