/**
 * A container whose command works on its files (`docker run alpine sh -c 'echo hi > /f'`,
 * `docker run -v data:/data alpine cat /data/notes`): the programs of src/sim/exec run it,
 * the same ones `docker exec` uses, so it reads the image's layers, the container's own layer
 * and its volumes, and what it writes lands there as it starts. Anything else (and a script
 * that is one plain command, which the shell execs) is left to src/sim/programs.ts, which
 * knows long-running servers (nginx's workers, signal handlers).
 *
 * Servers write as they start too: nginx's entrypoint adds an IPv6 listen to default.conf, and
 * nginx writes its PID file and makes its cache directories, which is what `docker diff` of a
 * fresh nginx container shows.
 */
import { NGINX_DEFAULT_CONF } from '../baseImageFs';
import { containerView, readFile, type FsState } from '../containerFs';
import { resolveExec } from '../exec/programs';
import { NOBODY_RUNNING } from '../exec/types';
import type { DockerHost } from '../host';
import type { OutputLine, Program } from '../programs';
import type { Container } from '../types';
import { makeDir, withFs, writeFile, type FsOutcome } from '../writableLayer';

const SHELLS = new Set(['sh', 'ash', 'dash', 'bash']);
const FILE_AWARE = new Set(['cat', 'ls', 'touch', 'rm', 'mkdir', 'cp', 'mv']);
const ROOT = { name: 'root', uid: 0, gid: 0, group: 'root', home: '/root' } as const;

export interface ScriptedInit {
  readonly program: Program;
  /** The container's files before and after the script ran; null when it wrote none. */
  readonly before: FsState;
  readonly after: FsState | null;
}

export function scriptedInit(h: DockerHost, c: Container): ScriptedInit | null {
  let argv = [c.path, ...c.args];
  // Official images' entrypoint scripts `exec "$@"`: the command is what runs.
  if (argv[0]?.endsWith('docker-entrypoint.sh') && argv.length > 1) argv = argv.slice(1);
  const name = argv[0]?.split('/').at(-1) ?? '';
  const script = SHELLS.has(name) && argv[1] === '-c' && argv[2] !== undefined;
  if (!script && !FILE_AWARE.has(name)) return null;
  const view = containerView(h, c);
  // What the image lacks fails in programs.ts, with runc's error.
  if (view.userland === 'scratch' || (script && !view.binaries.includes(name))) return null;
  const resolved = resolveExec(argv, {
    view,
    env: [...c.config.env, `HOSTNAME=${view.hostname}`, `HOME=${ROOT.home}`],
    cwd: c.config.workingDir || '/',
    user: ROOT,
    tty: c.config.tty,
    openStdin: c.config.openStdin,
    columns: 80,
  });
  if (!resolved.ok || resolved.program.comm !== name) return null;
  const p = resolved.program;
  const now = { ...NOBODY_RUNNING, nowMs: h.world.epochMs + h.now };
  const output: OutputLine[] = p.output(now).flatMap((f) =>
    f.data
      .replace(/\n$/, '')
      .split('\n')
      .map((text) => ({ stream: f.stream, text })),
  );
  return {
    program: {
      comm: p.comm,
      args: p.args,
      runsForMs: p.runsForMs,
      exitCode: p.exitCode,
      handles: p.handles,
      output,
      children: [],
    },
    before: view.fs,
    after: p.files ? p.files(now) : null,
  };
}

const NGINX_TEMP = ['client_temp', 'fastcgi_temp', 'proxy_temp', 'scgi_temp', 'uwsgi_temp'];
const IPV6_LISTEN = 'listen       80;\n    listen  [::]:80;';

/** What a server writes as it starts (`program` is its comm), or null when it writes nothing. */
export function startupWrites(
  h: DockerHost,
  c: Container,
  program: string,
): { before: FsState; after: FsState } | null {
  if (program !== 'nginx') return null;
  let view = containerView(h, c);
  const before = view.fs;
  const step = (outcome: FsOutcome): void => {
    if (outcome.ok) view = withFs(view, outcome.fs);
  };
  // 10-listen-on-ipv6-by-default.sh edits the file only while it is the packaged one.
  const conf = '/etc/nginx/conf.d/default.conf';
  if (readFile(view, conf) === NGINX_DEFAULT_CONF)
    step(writeFile(view, conf, NGINX_DEFAULT_CONF.replace('listen       80;', IPV6_LISTEN), false));
  step(writeFile(view, '/run/nginx.pid', '1\n', false));
  for (const dir of NGINX_TEMP) step(makeDir(view, `/var/cache/nginx/${dir}`, true));
  return view.fs === before ? null : { before, after: view.fs };
}
