/**
 * Which programs an image's filesystem holds, so that `docker run alpine bash` fails the way
 * it really does (`exec: "bash": executable file not found in $PATH`, exit 127).
 */
const BUSYBOX = [
  'sh',
  'ash',
  'echo',
  'sleep',
  'cat',
  'ls',
  'env',
  'printenv',
  'true',
  'false',
  'top',
  'ps',
  'whoami',
  'hostname',
  'date',
  'uname',
  'tail',
  'pwd',
  'id',
  'wget',
  'ping',
  'nslookup',
  'vi',
];
// Debian's slim base has coreutils, dash and bash, but not procps: `ps` and `top` are missing
// from nginx, redis and postgres ("ps: command not found" is a classic first surprise).
const NOT_IN_DEBIAN = new Set(['ash', 'vi', 'wget', 'nslookup', 'ping', 'ps', 'top']);
const DEBIAN = [...BUSYBOX.filter((b) => !NOT_IN_DEBIAN.has(b)), 'bash', 'dash', 'apt-get'];

const EXTRA: Record<string, string[]> = {
  'library/nginx': ['nginx', 'docker-entrypoint.sh', '/docker-entrypoint.sh'],
  'library/redis': ['redis-server', 'redis-cli', 'docker-entrypoint.sh'],
  'library/postgres': ['postgres', 'psql', 'docker-entrypoint.sh'],
  // node's full images build on buildpack-deps, which installs procps.
  'library/node': ['node', 'npm', 'npx', 'yarn', 'docker-entrypoint.sh', 'ps', 'top'],
  'library/python': ['python', 'python3', 'pip', 'pip3'],
  // registry:2's entrypoint script execs `registry serve <config>`.
  'library/registry': ['registry', '/bin/registry', 'entrypoint.sh', '/entrypoint.sh'],
};

export function binariesFor(
  path: string,
  base: 'alpine' | 'busybox' | 'debian' | 'scratch',
): string[] {
  if (path === 'library/hello-world') return ['/hello', 'hello'];
  const core = base === 'debian' ? DEBIAN : base === 'scratch' ? [] : BUSYBOX;
  return [...core, ...(EXTRA[path] ?? [])];
}
