/**
 * What the program inside a container does: which process it becomes, what it prints, how
 * long it runs, and which signals it handles. This decides what students see on `docker stop`:
 * nginx handles SIGQUIT/SIGTERM and exits 0 at once; `sleep` as PID 1 has no handler, so the
 * kernel drops SIGTERM and Docker SIGKILLs it after the timeout (137 after 10 s).
 */
import { isIgnoredByDefault, killedStatus, type SignalName } from './signals';

export interface OutputLine {
  readonly stream: 'stdout' | 'stderr';
  readonly text: string;
}

export interface Program {
  /** Process name (comm) as `ps` shows it. */
  readonly comm: string;
  readonly args: readonly string[];
  /** Virtual ms until it exits by itself; null when it runs until it is signalled. */
  readonly runsForMs: number | null;
  /** Status when it exits by itself. */
  readonly exitCode: number;
  /** Signals it installs handlers for, and the status it then exits with (null: it keeps running). */
  readonly handles: Partial<Record<SignalName, number | null>>;
  /** Printed when it starts (`{time}` is replaced by the program's own time stamp). */
  readonly output: readonly OutputLine[];
  /** Child processes it forks (nginx workers). */
  readonly children: readonly { comm: string; args: readonly string[] }[];
}

export interface ProgramContext {
  readonly tty: boolean;
  readonly openStdin: boolean;
  readonly env: readonly string[];
  readonly hostname: string;
  readonly binaries: readonly string[];
}

export type ResolvedProgram =
  { ok: true; program: Program } | { ok: false; error: string; exitCode: 126 | 127 };

const FOREVER = null;

function program(comm: string, args: readonly string[], rest: Partial<Program>): Program {
  return { comm, args, runsForMs: 0, exitCode: 0, handles: {}, output: [], children: [], ...rest };
}

const out = (text: string): OutputLine => ({ stream: 'stdout', text });
const err = (text: string): OutputLine => ({ stream: 'stderr', text });

const HELLO = [
  '',
  'Hello from Docker!',
  'This message shows that your installation appears to be working correctly.',
  '',
  'To generate this message, Docker took the following steps:',
  ' 1. The Docker client contacted the Docker daemon.',
  ' 2. The Docker daemon pulled the "hello-world" image from the Docker Hub.',
  '    (amd64)',
  ' 3. The Docker daemon created a new container from that image which runs the',
  '    executable that produces the output you are currently reading.',
  ' 4. The Docker daemon streamed that output to the Docker client, which sent it',
  '    to your terminal.',
  '',
];

function parseSeconds(text: string | undefined): number | null {
  if (text === undefined) return null;
  if (text === 'infinity') return FOREVER;
  const m = /^(\d+(?:\.\d+)?)([smhd]?)$/.exec(text);
  if (!m) return NaN;
  const unit = { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[m[2] ?? ''] ?? 1;
  return Number(m[1]) * unit * 1000;
}

function envValue(env: readonly string[], key: string): string | undefined {
  const entry = env.find((e) => e.startsWith(`${key}=`));
  return entry?.slice(key.length + 1);
}

function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

const SHELLS = new Set(['sh', 'ash', 'bash', 'dash']);
const ENTRYPOINT_SCRIPTS = new Set(['docker-entrypoint.sh']);

/**
 * Resolves the argv a container starts with (entrypoint + cmd) into the program it runs.
 * A binary the image does not have fails like runc does: exit 127 and the OCI error text.
 */
export function resolveProgram(argv: readonly string[], ctx: ProgramContext): ResolvedProgram {
  const [first, ...rest] = argv;
  if (first === undefined) {
    return { ok: false, error: 'no command specified', exitCode: 127 };
  }
  const name = basename(first);
  const has = (bin: string): boolean =>
    ctx.binaries.includes(bin) || ctx.binaries.includes(basename(bin));
  if (!has(first) && !(first.startsWith('/') && has(name))) {
    const where = first.includes('/')
      ? `stat ${first}: no such file or directory`
      : `exec: "${first}": executable file not found in $PATH`;
    return { ok: false, error: where, exitCode: 127 };
  }
  // Official images' entrypoint scripts set things up and `exec "$@"`: the command becomes PID 1.
  if (ENTRYPOINT_SCRIPTS.has(name) && rest.length > 0) {
    return resolveProgram(rest, ctx);
  }
  // registry:2's /entrypoint.sh: a config file argument becomes `registry serve <file>`.
  if (name === 'entrypoint.sh' && has('registry') && /\.ya?ml$/.test(rest[0] ?? '')) {
    return resolveProgram(['/bin/registry', 'serve', ...rest], ctx);
  }
  return { ok: true, program: known(name, rest, ctx) };
}

function known(name: string, args: readonly string[], ctx: ProgramContext): Program {
  const interactive = ctx.tty && ctx.openStdin;
  switch (name) {
    case 'nginx':
      return program('nginx', ['nginx: master process nginx', ...args], {
        runsForMs: FOREVER,
        handles: { SIGTERM: 0, SIGINT: 0, SIGQUIT: 0, SIGHUP: null, SIGUSR1: null },
        output: [
          out(
            '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
          ),
          out('/docker-entrypoint.sh: Configuration complete; ready for start up'),
          err('{time} [notice] 1#1: using the "epoll" event method'),
          err('{time} [notice] 1#1: nginx/1.29.2'),
          err('{time} [notice] 1#1: start worker processes'),
        ],
        children: [
          { comm: 'nginx', args: ['nginx: worker process'] },
          { comm: 'nginx', args: ['nginx: worker process'] },
        ],
      });
    case 'redis-server':
      return program('redis-server', ['redis-server *:6379'], {
        runsForMs: FOREVER,
        handles: { SIGTERM: 0, SIGINT: 0 },
        output: [
          out('1:C {time} * oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo'),
          out('1:M {time} * Server initialized'),
          out('1:M {time} * Ready to accept connections tcp'),
        ],
      });
    case 'postgres': {
      const password = envValue(ctx.env, 'POSTGRES_PASSWORD');
      const trust = envValue(ctx.env, 'POSTGRES_HOST_AUTH_METHOD') === 'trust';
      if (!password && !trust) {
        return program('postgres', ['postgres'], {
          runsForMs: 40,
          exitCode: 1,
          output: [
            err('Error: Database is uninitialized and superuser password is not specified.'),
            err('       You must specify POSTGRES_PASSWORD to a non-empty value for the'),
            err('       superuser. For example, "-e POSTGRES_PASSWORD=password" on "docker run".'),
          ],
        });
      }
      return program('postgres', ['postgres', ...args], {
        runsForMs: FOREVER,
        handles: { SIGTERM: 0, SIGINT: 0, SIGQUIT: 0 },
        output: [err('{time} UTC [1] LOG:  database system is ready to accept connections')],
      });
    }
    case 'registry':
      // distribution's registry: no SIGTERM handler unless a drain timeout is configured, so as
      // PID 1 it ignores `docker stop` and is killed after the 10 s timeout (137).
      return program('registry', ['registry', ...args], {
        runsForMs: FOREVER,
        output: [
          err(
            'time="{time}" level=info msg="listening on [::]:5000" go.version=go1.20.8 service=registry version=2.8.3',
          ),
        ],
      });
    case 'hello':
      return program('hello', ['/hello'], { runsForMs: 5, output: HELLO.map(out) });
    case 'echo':
      return program('echo', ['echo', ...args], { runsForMs: 2, output: [out(args.join(' '))] });
    case 'true':
      return program('true', ['true'], { runsForMs: 1 });
    case 'false':
      return program('false', ['false'], { runsForMs: 1, exitCode: 1 });
    case 'hostname':
      return program('hostname', ['hostname'], { runsForMs: 2, output: [out(ctx.hostname)] });
    case 'whoami':
      return program('whoami', ['whoami'], { runsForMs: 2, output: [out('root')] });
    case 'pwd':
      return program('pwd', ['pwd'], { runsForMs: 1, output: [out('/')] });
    case 'env':
    case 'printenv':
      return program(name, [name], {
        runsForMs: 2,
        output: [...ctx.env, `HOSTNAME=${ctx.hostname}`, 'HOME=/root'].map(out),
      });
    case 'uname':
      return program('uname', ['uname', ...args], {
        runsForMs: 2,
        output: [
          out(
            args.includes('-a') ? `Linux ${ctx.hostname} 6.1.0-sim #1 SMP x86_64 Linux` : 'Linux',
          ),
        ],
      });
    case 'ls':
      return program('ls', ['ls', ...args], {
        runsForMs: 2,
        output: [
          out(
            'bin    dev    etc    home   lib    media  mnt    opt    proc   root   run    sbin   srv    sys    tmp    usr    var',
          ),
        ],
      });
    case 'sleep': {
      const ms = parseSeconds(args[0]);
      if (ms !== null && Number.isNaN(ms)) {
        return program('sleep', ['sleep', ...args], {
          runsForMs: 1,
          exitCode: 1,
          output: [err(`sleep: invalid number '${args[0] ?? ''}'`)],
        });
      }
      if (args[0] === undefined) {
        return program('sleep', ['sleep'], {
          runsForMs: 1,
          exitCode: 1,
          output: [err('sleep: missing operand')],
        });
      }
      return program('sleep', ['sleep', ...args], { runsForMs: ms });
    }
    case 'tail':
      return program('tail', ['tail', ...args], { runsForMs: args.includes('-f') ? FOREVER : 1 });
    case 'top':
      return program('top', ['top', ...args], {
        runsForMs: FOREVER,
        output: [out('Mem: 1024000K used, 7364608K free, 0K shrd, 4096K buff, 512000K cached')],
      });
    case 'cat':
      return program('cat', ['cat', ...args], { runsForMs: interactive ? FOREVER : 1 });
    case 'node':
    case 'python':
    case 'python3': {
      // A REPL with no terminal reads end-of-file at once and exits 0; a script (`node app.js`,
      // a server in the lessons) runs until it is stopped, with no handler for SIGTERM.
      const script = args[0] !== undefined && !args[0].startsWith('-');
      return program(name, [name, ...args], { runsForMs: interactive || script ? FOREVER : 20 });
    }
    default:
      if (SHELLS.has(name)) return shell(name, args, ctx);
      return program(name, [name, ...args], { runsForMs: 5 });
  }
}

/** `sh`, `sh -c "..."`: a shell with no terminal reads end-of-file and exits 0; with -it it waits. */
function shell(name: string, args: readonly string[], ctx: ProgramContext): Program {
  if (args[0] === '-c' && args[1] !== undefined) {
    const words = args[1].trim().split(/\s+/).filter(Boolean);
    const exit = /^exit\s+(\d+)$/.exec(args[1].trim());
    if (exit)
      return program(name, [name, ...args], { runsForMs: 1, exitCode: Number(exit[1]) % 256 });
    if (words.length === 0) return program(name, [name, ...args], { runsForMs: 1 });
    const inner = resolveProgram(words, ctx);
    if (inner.ok) return inner.program;
    return program(name, [name, ...args], {
      runsForMs: 1,
      exitCode: 127,
      output: [err(`${name}: ${words[0] ?? ''}: not found`)],
    });
  }
  const interactive = ctx.tty && ctx.openStdin;
  return program(name, [name, ...args], { runsForMs: interactive ? FOREVER : 5 });
}

/** What the process does when it receives a signal, given whether it is PID 1 in its namespace. */
export function signalOutcome(
  handles: Program['handles'],
  signal: SignalName,
  isNamespaceInit: boolean,
): { kind: 'exit'; status: number } | { kind: 'continue' } | { kind: 'ignored' } {
  if (signal === 'SIGKILL') return { kind: 'exit', status: 137 };
  if (signal in handles) {
    const status = handles[signal];
    return status === null || status === undefined
      ? { kind: 'continue' }
      : { kind: 'exit', status };
  }
  // In a PID namespace the kernel delivers to PID 1 only the signals it has handlers for.
  if (isNamespaceInit) return { kind: 'ignored' };
  if (isIgnoredByDefault(signal)) return { kind: 'ignored' };
  return { kind: 'exit', status: killedStatus(signal) };
}
