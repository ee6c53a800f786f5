/**
 * Shells inside a container: BusyBox ash (Alpine, BusyBox), dash as Debian's `sh`, and bash.
 * `sh -c` runs a script of simple commands joined by `;`, `&&` and `||` (shellParse.ts), with
 * `$VAR` and `$?` expanded as each command runs and output redirected into files (written as
 * any write in the container: copied up, or into a volume); `cd`, `exit`, `echo`, `pwd`,
 * `true`, `false` are builtins and the rest run as the canned programs. A lone command is
 * exec'd by the shell, so the process becomes that program. Without `-i` a shell reads
 * end-of-file and exits at once.
 */
import type { StdioFrame } from '../api/types';
import { fsNode, resolvePath, type ContainerView } from '../containerFs';
import { withFs, writeFile, type FsErrno } from '../writableLayer';
import { strerror } from './fsPrograms';
import { expandWord, parseScript } from './shellParse';
import {
  err,
  NOBODY_RUNNING,
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

/**
 * A redirection the shell could not open: ash and dash word ENOENT by what they were doing
 * ("nonexistent directory", "Directory nonexistent"), bash gives strerror.
 */
function cannotCreate(flavour: Flavour, name: string, target: string, errno: FsErrno): StdioFrame {
  const gnu = flavour !== 'ash';
  if (flavour === 'bash') return err(`bash: line 1: ${target}: ${strerror(errno, gnu)}`);
  if (flavour === 'dash')
    return err(
      `${name}: 1: cannot create ${target}: ${errno === 'ENOENT' ? 'Directory nonexistent' : strerror(errno, gnu)}`,
    );
  return err(
    `${name}: can't create ${target}: ${errno === 'ENOENT' ? 'nonexistent directory' : strerror(errno, gnu)}`,
  );
}

/** Where descriptors 1 and 2 go: the terminal's streams, nowhere, or a file. */
type Sink = 'stdout' | 'stderr' | 'null' | { readonly path: string };

interface Step {
  readonly frames: StdioFrame[];
  readonly status: number;
  readonly ms: number | null;
  readonly view: ContainerView;
}

/** `sh -c 'a; b && c > f'`: builtins run in the shell, other commands as the programs above. */
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
  // Pipes, input redirections and subshells are beyond these canned programs: it runs quietly.
  if (parsed === null) return simple(name, ['-c', text], [], 0, 5);
  const first = parsed[0];
  if (parsed.length === 1 && first && first.redirects.length === 0) {
    const only = first.words.map((w) => expandWord(w, (k) => (k === '?' ? '0' : lookup(k))));
    // A single command: the shell execs it, so the process becomes that program.
    const inner = BUILTINS.has(only[0] ?? '') ? null : resolveExec(only, ctx);
    if (inner?.ok) return inner.program;
  }
  const run = (now: RunningNow): Step => {
    let status = 0;
    let cwd = ctx.cwd;
    let view = ctx.view;
    let ms: number | null = 1;
    const frames: StdioFrame[] = [];
    const env = (key: string): string => (key === '?' ? String(status) : lookup(key));
    const send = (sink: Sink, frame: StdioFrame): void => {
      if (sink === 'null') return;
      if (typeof sink === 'string') frames.push({ stream: sink, data: frame.data });
      else {
        const written = writeFile(view, sink.path, frame.data, true);
        if (written.ok) view = withFs(view, written.fs);
      }
    };
    commands: for (const { op, words, redirects } of parsed) {
      if ((op === '&&' && status !== 0) || (op === '||' && status === 0)) continue;
      // Redirections are opened (files made or emptied) before the command runs.
      const sinks: Record<1 | 2, Sink> = { 1: 'stdout', 2: 'stderr' };
      for (const r of redirects) {
        if ('dup' in r) {
          sinks[r.fd] = sinks[r.dup];
          continue;
        }
        const target = expandWord(r.target, env);
        const path = resolvePath(cwd, target);
        if (path === '/dev/null') {
          sinks[r.fd] = 'null';
          continue;
        }
        const opened = writeFile(view, path, '', r.append);
        if (!opened.ok) {
          send(sinks[2], cannotCreate(flavour, name, target, opened.errno));
          status = flavour === 'dash' ? 2 : 1;
          continue commands;
        }
        view = withFs(view, opened.fs);
        sinks[r.fd] = { path };
      }
      const [cmd = '', ...rest] = words.map((w) => expandWord(w, env));
      if (cmd === '') continue;
      if (cmd === 'exit') return { frames, status: Number(rest[0] ?? status) % 256, ms, view };
      if (cmd === 'cd') {
        const target = resolvePath(cwd, rest[0] ?? ctx.user.home);
        const exists = fsNode(view, target)?.kind === 'dir';
        if (exists) cwd = target;
        else send(sinks[2], cdFailed(flavour, name, rest[0] ?? ''));
        status = exists ? 0 : flavour === 'bash' ? 1 : 2;
        continue;
      }
      const here = { ...ctx, cwd, view };
      const resolved = BUILTINS.has(cmd)
        ? { ok: true as const, program: builtin(cmd, rest, cwd) }
        : resolveExec([cmd, ...rest], here);
      if (!resolved.ok) {
        send(sinks[2], err(notFound(flavour, name, cmd)));
        status = 127;
        continue;
      }
      const p = resolved.program;
      const output = p.output(now);
      if (p.files) view = withFs(view, p.files(now));
      for (const frame of output) send(sinks[frame.stream === 'stdout' ? 1 : 2], frame);
      status = p.exitCode;
      ms = ms === null || p.runsForMs === null ? null : ms + p.runsForMs;
    }
    return { frames, status, ms, view };
  };
  // The exit status and running time do not depend on the moment it runs.
  const dry = run(NOBODY_RUNNING);
  return {
    comm: name,
    args: [name, '-c', text],
    runsForMs: dry.ms,
    exitCode: dry.status,
    handles: {},
    output: (now) => run(now).frames,
    ...(dry.view.fs === ctx.view.fs ? {} : { files: (now: RunningNow) => run(now).view.fs }),
  };
}

/** `echo [-n]`, `pwd`, `true`, `false`, `:` run inside the shell. */
function builtin(cmd: string, args: readonly string[], cwd: string): ExecProgram {
  const bare = args[0] === '-n';
  const text = (bare ? args.slice(1) : args).join(' ');
  const frames =
    cmd === 'echo'
      ? [{ stream: 'stdout' as const, data: bare ? text : `${text}\n` }]
      : cmd === 'pwd'
        ? [out(cwd)]
        : [];
  return simple(cmd, args, frames, cmd === 'false' ? 1 : 0, 0);
}
