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
const DEBIAN = [
  ...BUSYBOX.filter(
    (b) => b !== 'ash' && b !== 'vi' && b !== 'wget' && b !== 'nslookup' && b !== 'ping',
  ),
  'bash',
  'dash',
  'apt-get',
];

const EXTRA: Record<string, string[]> = {
  'library/nginx': ['nginx', 'docker-entrypoint.sh', '/docker-entrypoint.sh'],
  'library/redis': ['redis-server', 'redis-cli', 'docker-entrypoint.sh'],
  'library/postgres': ['postgres', 'psql', 'docker-entrypoint.sh'],
  'library/node': ['node', 'npm', 'npx', 'yarn', 'docker-entrypoint.sh'],
  'library/python': ['python', 'python3', 'pip', 'pip3'],
};

export function binariesFor(
  path: string,
  base: 'alpine' | 'busybox' | 'debian' | 'scratch',
): string[] {
  if (path === 'library/hello-world') return ['/hello', 'hello'];
  const core = base === 'debian' ? DEBIAN : base === 'scratch' ? [] : BUSYBOX;
  return [...core, ...(EXTRA[path] ?? [])];
}
