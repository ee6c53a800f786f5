/**
 * What `docker exec` can run inside a container: a small set of canned programs that read the
 * world (the container's files, its PID namespace, its environment) and answer as the image's
 * own tools would: BusyBox applets on Alpine and BusyBox, GNU coreutils, dash and bash on
 * Debian. Deterministic and pure: the same container and argv give the same output.
 *
 * A program the image does not have fails as runc does (`exec: "foo": executable file not
 * found in $PATH`). A program it has but that is not modelled here falls back to
 * src/sim/programs.ts (sleep, uname, top, the REPLs, or a quiet success).
 */
import { psOutput } from '../containerPs';
import { resolveProgram } from '../programs';
import { cat, ls } from './files';
import { copy, FILE_PROGRAMS, mkdir, rm, touch } from './fsPrograms';
import { shell } from './shell';
import {
  basename,
  err,
  isGnu,
  out,
  simple,
  type ExecContext,
  type ExecProgram,
  type ResolvedExec,
} from './types';

export type { ExecContext, ExecProgram, ExecUser, ResolvedExec, RunningNow } from './types';

/**
 * Resolves `Cmd` as runc would find it in the image, then runs the canned program. The error
 * is runc's own text (moby wraps it as `OCI runtime exec failed: exec failed: ...`).
 */
export function resolveExec(argv: readonly string[], ctx: ExecContext): ResolvedExec {
  const [first = '', ...rest] = argv;
  // Every userland but scratch has the file utilities (BusyBox applets or coreutils).
  const has = (bin: string): boolean =>
    ctx.view.binaries.includes(bin) ||
    ctx.view.binaries.includes(basename(bin)) ||
    (ctx.view.userland !== 'scratch' && FILE_PROGRAMS.has(basename(bin)));
  if (first.includes('/') && !has(first))
    return { ok: false, error: `exec: "${first}": stat ${first}: no such file or directory` };
  if (!has(first))
    return { ok: false, error: `exec: "${first}": executable file not found in $PATH` };
  return { ok: true, program: known(basename(first), rest, ctx) };
}

function known(name: string, args: readonly string[], ctx: ExecContext): ExecProgram {
  switch (name) {
    case 'ls':
      return ls(args, ctx);
    case 'cat':
      return cat(args, ctx);
    case 'touch':
      return touch(args, ctx);
    case 'rm':
      return rm(args, ctx);
    case 'mkdir':
      return mkdir(args, ctx);
    case 'cp':
    case 'mv':
      return copy(name, args, ctx);
    case 'ps':
      return simple('ps', args, (now) =>
        psOutput(ctx.view.userland === 'debian' ? 'procps' : 'busybox', {
          procs: now.procs,
          self: now.self,
          args,
        }).map(out),
      );
    case 'hostname':
      return simple('hostname', args, [out(ctx.view.hostname)]);
    case 'env':
    case 'printenv':
      return printenv(name, args, ctx);
    case 'echo':
      return simple('echo', args, [out(args.join(' '))], 0, 1);
    case 'id':
      return simple('id', args, [out(idLine(ctx))]);
    case 'whoami':
      return ctx.user.name !== null
        ? simple('whoami', args, [out(ctx.user.name)])
        : simple(
            'whoami',
            args,
            [
              err(
                isGnu(ctx)
                  ? `whoami: cannot find name for user ID ${ctx.user.uid}`
                  : `whoami: unknown uid ${ctx.user.uid}`,
              ),
            ],
            1,
          );
    case 'pwd':
      return simple('pwd', args, [out(ctx.cwd)], 0, 1);
    case 'true':
      return simple('true', args, [], 0, 1);
    case 'false':
      return simple('false', args, [], 1, 1);
    case 'date':
      return simple('date', args, (now) => [out(dateText(now.nowMs))]);
    case 'nginx':
      return nginx(args, ctx);
    case 'redis-cli':
      if (args.length === 1 && args[0]?.toLowerCase() === 'ping')
        return simple('redis-cli', args, [out('PONG')]);
      return fallback(name, args, ctx);
    case 'sh':
    case 'ash':
    case 'dash':
    case 'bash':
      return shell(name, args, ctx, resolveExec);
    default:
      return fallback(name, args, ctx);
  }
}

/** Programs the image has that are not modelled here: as src/sim/programs.ts runs them. */
function fallback(name: string, args: readonly string[], ctx: ExecContext): ExecProgram {
  const resolved = resolveProgram([name, ...args], {
    tty: ctx.tty,
    openStdin: ctx.openStdin,
    env: ctx.env,
    hostname: ctx.view.hostname,
    binaries: ctx.view.binaries,
  });
  if (!resolved.ok) return simple(name, args, [err(resolved.error)], resolved.exitCode, 1);
  const p = resolved.program;
  return {
    comm: p.comm,
    args: p.args,
    runsForMs: p.runsForMs,
    exitCode: p.exitCode,
    handles: p.handles,
    output: () => p.output.map((line) => ({ stream: line.stream, data: `${line.text}\n` })),
  };
}

function printenv(name: string, args: readonly string[], ctx: ExecContext): ExecProgram {
  if (name === 'printenv' && args.length > 0) {
    const values = args.map((key) =>
      ctx.env.find((e) => e.startsWith(`${key}=`))?.slice(key.length + 1),
    );
    const found = values.filter((v): v is string => v !== undefined);
    return simple(name, args, found.map(out), found.length === values.length ? 0 : 1);
  }
  return simple(name, args, ctx.env.map(out));
}

function idLine(ctx: ExecContext): string {
  const u = ctx.user;
  const named = (id: number, n: string | null): string => (n === null ? `${id}` : `${id}(${n})`);
  const groups =
    u.uid === 0 && ctx.view.userland === 'alpine'
      ? '0(root),1(bin),2(daemon),3(sys),4(adm),6(disk),10(wheel),11(floppy),20(dialout),26(tape),27(video)'
      : u.uid === 0 && ctx.view.userland === 'busybox'
        ? '0(root),10(wheel)'
        : named(u.gid, u.group);
  return `uid=${named(u.uid, u.name)} gid=${named(u.gid, u.group)} groups=${groups}`;
}

function dateText(ms: number): string {
  // toUTCString: "Mon, 12 Jan 2026 09:00:00 GMT"; date(1): "Mon Jan 12 09:00:00 UTC 2026".
  const [wd = '', day = '', mon = '', year = '', time = ''] = new Date(ms)
    .toUTCString()
    .replace(',', '')
    .split(' ');
  return `${wd} ${mon} ${String(Number(day)).padStart(2)} ${time} UTC ${year}`;
}

function nginx(args: readonly string[], ctx: ExecContext): ExecProgram {
  const flag = args[0];
  if (flag === '-v') return simple('nginx', args, [err('nginx version: nginx/1.29.2')]);
  if (flag === '-t')
    return simple('nginx', args, [
      err('nginx: the configuration file /etc/nginx/nginx.conf syntax is ok'),
      err('nginx: configuration file /etc/nginx/nginx.conf test is successful'),
    ]);
  if (flag !== undefined && flag !== '-g')
    return simple('nginx', args, [err(`nginx: invalid option: "${flag.replace(/^-/, '')}"`)], 1);
  // A second nginx in the same network namespace: the master already holds port 80. nginx
  // tries five times, half a second apart (musl and glibc word EADDRINUSE differently).
  const reason = ctx.view.userland === 'debian' ? 'Address already in use' : 'Address in use';
  const bind = err(`nginx: [emerg] bind() to 0.0.0.0:80 failed (98: ${reason})`);
  return simple(
    'nginx',
    args,
    [bind, bind, bind, bind, bind, err('nginx: [emerg] still could not bind()')],
    1,
    2500,
  );
}
