/**
 * Captures what the real docker CLI prints for `--help` and for bad command lines, into
 * src/cli/docker/reference/. The in-app CLI reads its flags and usage from the help texts, and
 * the conformance tests compare its errors with the real ones. Needs the `docker` binary
 * (no daemon: every captured line fails before it would connect). Run: `npx tsx scripts/capture-docker-cli.ts`.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';

const OUT = new URL('../src/cli/docker/reference/', import.meta.url);

/** Command paths the in-app CLI knows, each captured with `--help`. */
const PATHS = [
  '',
  'run',
  'create',
  'start',
  'stop',
  'kill',
  'restart',
  'pause',
  'unpause',
  'rm',
  'ps',
  'logs',
  'inspect',
  'exec',
  'top',
  'wait',
  'pull',
  'images',
  'rmi',
  'tag',
  'version',
  'info',
  'events',
  'network',
  'network ls',
  'network create',
  'network rm',
  'network inspect',
  'volume',
  'volume ls',
  'volume create',
  'volume rm',
  'volume inspect',
  'system',
  'system df',
  'system info',
  'system events',
  'container',
  'container ls',
  'container run',
  'container create',
  'container start',
  'container stop',
  'container kill',
  'container restart',
  'container pause',
  'container unpause',
  'container rm',
  'container logs',
  'container inspect',
  'container exec',
  'container top',
  'container wait',
  'diff',
  'commit',
  'container diff',
  'container commit',
  'build',
  'image build',
  'image',
  'image ls',
  'image pull',
  'image rm',
  'image tag',
  'image inspect',
  'push',
  'history',
  'image push',
  'image history',
];

/** Lines the real CLI rejects before connecting: the conformance cases. */
const BAD_LINES = [
  ['foo'],
  ['--bogus'],
  ['ps', '--bogus'],
  ['ps', '-z'],
  ['ps', 'extra'],
  ['ps', '--format'],
  ['run'],
  ['run', '-z', 'nginx'],
  ['run', '--name'],
  ['run', '-e'],
  ['run', '--rm', '-d'],
  ['run', '-p', 'abc', 'nginx'],
  ['run', '--detach=maybe', 'nginx'],
  ['stop'],
  ['stop', '-t', 'x', 'web'],
  ['kill', '-s'],
  ['rm'],
  ['logs'],
  ['logs', 'a', 'b'],
  ['inspect'],
  ['exec', 'web'],
  ['top'],
  ['wait'],
  ['pull'],
  ['pull', 'a', 'b'],
  ['rmi'],
  ['tag', 'a'],
  ['network', 'foo'],
  ['network', 'create'],
  ['network', 'rm'],
  ['volume', 'rm'],
  ['volume', 'create', 'a', 'b'],
  ['container', 'foo'],
  ['image', 'foo'],
  ['system', 'foo'],
  ['events', '--bogus'],
  ['images', 'a', 'b'],
  ['start'],
  ['restart'],
  ['pause'],
  ['unpause'],
  ['create'],
  ['version', 'x'],
  ['info', 'x'],
  ['logs', '--tail'],
  ['ps', '-n', 'x'],
  ['run', '--restart'],
  ['rm', '-z', 'web'],
  ['network', 'inspect'],
  ['volume', 'inspect'],
  ['system', 'df', 'x'],
  ['container', 'ls', '-x'],
  ['diff'],
  ['diff', 'a', 'b'],
  ['commit'],
  ['commit', 'a', 'b', 'c'],
  ['commit', '-z', 'a'],
  ['push'],
  ['push', 'a', 'b'],
  ['history'],
  ['history', 'a', 'b'],
];

function docker(args: readonly string[]): { stdout: string; stderr: string; status: number } {
  const result = spawnSync('docker', args, {
    encoding: 'utf8',
    // Nothing listens here, so nothing is ever run; the home keeps the user's config out.
    env: {
      PATH: process.env['PATH'] ?? '',
      HOME: '/root',
      DOCKER_HOST: 'unix:///nonexistent.sock',
    },
  });
  if (result.error) throw result.error;
  return { stdout: result.stdout, stderr: result.stderr, status: result.status ?? -1 };
}

const help: Record<string, string> = {};
for (const path of PATHS) {
  const words = path ? path.split(' ') : [];
  help[path] = docker([...words, '--help']).stdout;
}
const errors = BAD_LINES.map((args) => ({ args, ...docker(args) })).filter(
  (e) => !/connect|docker\.sock/.test(e.stderr),
);
const version = docker(['--version']).stdout.trim();

writeFileSync(new URL('help.json', OUT), `${JSON.stringify({ version, help }, null, 2)}\n`);
writeFileSync(new URL('errors.json', OUT), `${JSON.stringify({ version, errors }, null, 2)}\n`);
console.log(
  `captured ${Object.keys(help).length} help texts and ${errors.length} error cases from ${version}`,
);
