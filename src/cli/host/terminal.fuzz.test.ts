/**
 * Fuzzing the host's terminal: random lines biased toward real syntax (docker subcommands and
 * their flags, host tools, quotes, pipes, `$(...)`, backticks, `&&`/`||`/`;`, redirects),
 * toward the Engine's own error paths (unknown containers and images, name and port conflicts,
 * a daemon killed or stopped), and toward junk (unicode, control characters, unbalanced quotes,
 * lines of 10 to 100 KB), typed into the same `Shell` the app's terminal controller builds
 * (src/store/terminalStore.ts wraps it over the session, whose host is this Simulation).
 * Time passes while a line holds the prompt, as the app's job ticker lets it, and Ctrl-C ends
 * what does not end by itself. Whatever the line: it never throws; the prompt comes back, once;
 * `$?` is an exit status (0-255); the output is text with no `internal error` and no
 * `undefined`, `[object Object]` or `NaN` the learner did not type; and the host's invariants
 * (src/sim/testing/invariants.ts) hold after every line, in every era. shell.property.test.ts
 * covers replay of random lines; this file covers what the learner sees and the host's state.
 * Seeds are fixed; fast-check prints the shrunk session when a property fails.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ERAS, type Era } from '../../sim/eras';
import { Simulation } from '../../sim/simulation';
import { checkHost } from '../../sim/testing/invariants';
import { Shell } from '../shell/shell';

const NAMES = ['web', 'db', 'job', 'nope', 'WEB', '', '-', 'a/b', '🐳'];
const IMAGES = [
  'nginx',
  'alpine',
  'redis',
  'busybox',
  'hello-world',
  'alpine:3.20',
  'nope',
  'NGINX',
  'nginx:nosuchtag',
  'a@b',
  'localhost:5000/x',
  '',
];
const COMMANDS = ['sleep 3600', 'sleep 1', 'top', 'echo hi', 'sh -c "exit 3"', 'false', 'nope'];

const pick = <T>(values: readonly T[]) => fc.constantFrom(...values);

/** `docker run` with its flags, often conflicting or wrong. */
const dockerRun = fc
  .tuple(
    fc.subarray([
      '-d',
      '-it',
      '-t',
      '--rm',
      '--init',
      '-p 8080:80',
      '-p 99999:80',
      '-p 8080',
      '-e A=1',
      '-v data:/data',
      '-v /:/host',
      '--restart always',
      '--restart on-failure:2',
      '--restart sometimes',
      '--network none',
      '--network nope',
      '--stop-signal SIGNOPE',
      '--stop-timeout -1',
      '--entrypoint sh',
      '-w /x',
      '-u 1000',
      '--bogus',
      '-z',
    ]),
    fc.option(pick(NAMES), { nil: null }),
    pick(IMAGES),
    fc.option(pick(COMMANDS), { nil: null }),
  )
  .map(
    ([flags, name, image, cmd]) =>
      `docker run ${flags.join(' ')}${name === null ? '' : ` --name ${name}`} ${image}${cmd === null ? '' : ` ${cmd}`}`,
  );

/** Other docker commands, aimed at containers that may or may not exist. */
const dockerOther = fc
  .tuple(
    pick([
      'ps',
      'ps -a',
      'ps -aq',
      'ps --format "{{.Names}} {{.Status}}"',
      'ps --format "{{.Nope}}"',
      'ps --format "{{"',
      'ps --filter status=running',
      'ps --no-trunc',
      'stop',
      'stop -t 0',
      'kill',
      'kill -s HUP',
      'kill --signal=NOPE',
      'rm',
      'rm -f',
      'rm -fv',
      'start',
      'restart',
      'pause',
      'unpause',
      'logs',
      'logs --tail 2',
      'logs -f',
      'inspect',
      'inspect -f "{{.State.Status}}"',
      'inspect -f "{{json .Config}}"',
      'exec',
      'exec -it',
      'exec -d',
      'wait',
      'top',
      'images',
      'images -a',
      'pull',
      'rmi',
      'rmi -f',
      'tag',
      'history',
      'network ls',
      'network create',
      'network rm',
      'volume ls',
      'volume create',
      'volume rm',
      'system df',
      'info',
      'version',
      'events',
      'container ls',
      'image ls',
      'swarm init',
      'service ls',
      'node ls',
      'commit',
      'diff',
      'build .',
      'frobnicate',
      '--help',
      'run --help',
      '-v',
    ]),
    fc.array(fc.oneof(pick(NAMES), pick(IMAGES), pick(COMMANDS)), { maxLength: 2 }),
  )
  .map(([cmd, args]) => `docker ${cmd} ${args.join(' ')}`.trim());

/** The host's tools and the shell's builtins, faults included. */
const hostLine = pick([
  'ps -ef',
  'ps aux',
  'ps -o pid,ppid,comm',
  'pstree -p',
  'pstree -ap',
  'pidof dockerd',
  'pidof containerd-shim-runc-v2',
  'pgrep -a containerd',
  'kill -9 $(pidof dockerd)',
  'kill -9 $(pidof containerd)',
  'kill -9 $(pgrep -f containerd-shim)',
  'kill -TERM $(pidof dockerd)',
  'kill -9 1',
  'kill -9 99999',
  'kill $(pidof nginx)',
  'pkill -9 dockerd',
  'pkill -9 containerd',
  'killall -9 containerd-shim-runc-v2',
  'pkill sleep',
  'systemctl start docker',
  'systemctl stop docker',
  'systemctl restart containerd',
  'systemctl reload docker',
  'systemctl status docker',
  'systemctl start nope',
  'journalctl -u docker -n 5',
  'journalctl -xeu containerd',
  'cat /etc/docker/daemon.json',
  'cat /proc/1/status',
  'echo \'{"live-restore": true}\' > /etc/docker/daemon.json',
  'echo \'{"live-restore": tru\' > /etc/docker/daemon.json',
  "echo '{}' >> /etc/docker/daemon.json",
  'echo hi > /proc/1/status',
  'ls /proc',
  'ls -la /run/containerd',
  'ls /nope',
  'ctr -n moby tasks ls',
  'ctr -n moby containers ls',
  'runc --root /run/docker/runtime-runc/moby list',
  'sudo docker ps',
  'sudo sudo kill -9 $(pidof dockerd)',
  'sleep 1',
  'sleep 99999',
  'sleep -1',
  'help',
  'history',
  'clear',
  'export X=1',
  'echo $X $? $HOME $NOPE',
  'true',
  'false',
  'uname -a',
  'id',
  'whoami',
  'hostname',
  'nosuch',
]);

/** Shell syntax around commands: chains, pipes, substitutions, quotes, redirects. */
const glue = pick([' && ', ' || ', ' ; ', ' | ', ' | grep web | head -n 1', ' > /root/out']);
const simple = fc.oneof(
  { weight: 3, arbitrary: dockerRun },
  { weight: 4, arbitrary: dockerOther },
  { weight: 4, arbitrary: hostLine },
);
const composed = fc.oneof(
  { weight: 6, arbitrary: simple },
  {
    weight: 3,
    arbitrary: fc
      .tuple(simple, glue, simple)
      .map(([a, g, b]) => (g.startsWith(' |') && g.length > 3 ? `${a}${g}` : `${a}${g}${b}`)),
  },
  { weight: 1, arbitrary: simple.map((s) => `echo "$(${s})"`) },
  { weight: 1, arbitrary: simple.map((s) => `echo \`${s}\``) },
  { weight: 1, arbitrary: simple.map((s) => `'${s}`) },
  { weight: 1, arbitrary: simple.map((s) => `${s} "unterminated`) },
  { weight: 1, arbitrary: simple.map((s) => `${s} \\`) },
);

/** Junk: control characters, unicode, very long lines, random text. */
const junk = fc.oneof(
  pick([
    '',
    '   ',
    '\u0003',
    '\u001b[A',
    '\u001b[2J\u001b[H',
    '\u0007\u0008\u007f',
    '\r',
    '\t\t',
    '\u0000',
    'docker\u0000ps',
    'ｄｏｃｋｅｒ ps',
    'docker ps\u202e',
    '🐳🐳 && 🐳',
    '$(',
    '`',
    '$((1+',
    '&&',
    '|',
    ';;',
    '>',
    'echo ${',
    'echo $(echo $(echo $(echo deep)))',
  ]),
  fc
    .tuple(pick(['docker ps ', 'echo ', 'docker run --name ', 'kill -9 ', '']), fc.nat(2))
    .map(([head, size]) => `${head}${'x'.repeat([10_000, 50_000, 100_000][size] ?? 10_000)}`),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
);

const line = fc.oneof({ weight: 8, arbitrary: composed }, { weight: 2, arbitrary: junk });

/** What JavaScript leaks into text when a value is not what the code thought. */
const LEAKS = ['undefined', '[object Object]', 'NaN', 'internal error'] as const;

interface Typed {
  readonly output: string;
  readonly ready: number;
  readonly busy: boolean;
}

/** A terminal on a fresh host: lines run as the app runs them (time ticks while busy). */
class Terminal {
  readonly sim: Simulation;
  readonly shell: Shell;
  private output = '';
  private ready = 0;

  constructor(era: Era, columns: number) {
    this.sim = new Simulation({ seed: `terminal-fuzz-${era}`, era });
    this.shell = new Shell(this.sim, { columns });
    this.shell.subscribe((e) => {
      if (e.type === 'output') {
        expect(typeof e.chunk.text, 'output is text').toBe('string');
        this.output += e.chunk.text;
      }
      if (e.type === 'ready') this.ready++;
    });
  }

  /** Types `line`; lets up to 3 s pass while it holds the prompt, then Ctrl-C, up to 3 times. */
  type(line: string): Typed {
    this.output = '';
    this.ready = 0;
    this.shell.execute(line);
    for (let waited = 0; this.shell.busy && waited < 3_000; waited += 100) {
      this.sim.advance(100);
      this.shell.poll();
    }
    for (let i = 0; i < 3 && this.shell.busy; i++) {
      this.shell.interrupt();
      for (let waited = 0; this.shell.busy && waited < 1_000; waited += 100) {
        this.sim.advance(100);
        this.shell.poll();
      }
    }
    return { output: this.output, ready: this.ready, busy: this.shell.busy };
  }
}

function session(era: Era, columns: number, lines: readonly string[]): void {
  const t = new Terminal(era, columns);
  let typed = '';
  for (const [i, l] of lines.entries()) {
    typed += l;
    const say = (what: string) =>
      `[${era}] line ${i + 1} ${JSON.stringify(l.length > 120 ? `${l.slice(0, 120)}…` : l)}: ${what}`;
    const r = t.type(l);
    expect(r.busy, say('the prompt comes back')).toBe(false);
    expect(r.ready, say('the prompt is drawn once')).toBe(1);
    const status = t.shell.lastStatus;
    expect(Number.isInteger(status) && status >= 0 && status <= 255, say(`$? ${status}`)).toBe(
      true,
    );
    for (const leak of LEAKS)
      if (!typed.includes(leak))
        expect(r.output.includes(leak), say(`no "${leak}" in ${JSON.stringify(r.output)}`)).toBe(
          false,
        );
    checkHost(t.sim.world, say);
  }
}

describe('random terminal lines', () => {
  it('give the prompt back with a status, print text without leaks, and keep the host sane', () => {
    fc.assert(
      fc.property(
        pick(ERAS),
        fc.integer({ min: 20, max: 200 }),
        fc.array(line, { minLength: 1, maxLength: 10 }),
        (era, columns, lines) => session(era, columns, lines),
      ),
      { numRuns: 100, seed: 4001 },
    );
  });

  it('with a dead or stopped daemon in the middle: the same', () => {
    const fault = pick([
      'kill -9 $(pidof dockerd)',
      'systemctl stop docker',
      'pkill -9 containerd',
      'echo \'{"live-restore": true}\' > /etc/docker/daemon.json && systemctl reload docker',
    ]);
    fc.assert(
      fc.property(
        pick(ERAS),
        fc.array(composed, { minLength: 1, maxLength: 4 }),
        fault,
        fc.array(composed, { minLength: 1, maxLength: 4 }),
        (era, before, f, after) => session(era, 80, [...before, f, ...after]),
      ),
      { numRuns: 40, seed: 4002 },
    );
  });
});
