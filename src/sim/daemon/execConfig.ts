/**
 * How dockerd turns an exec request into the process it asks runc for (moby daemon/exec.go,
 * container.CreateDaemonEnvironment): the environment, the user, the detach keys.
 */
import type { ContainerView } from '../containerFs';
import type { ExecUser } from '../exec/programs';

const DEFAULT_PATH = 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/** moby ReplaceOrAppendEnvValues: a key already set is replaced in place; `KEY` alone unsets. */
export function replaceOrAppend(base: readonly string[], overrides: readonly string[]): string[] {
  const env = [...base];
  for (const entry of overrides) {
    const key = entry.split('=')[0] ?? '';
    const at = env.findIndex((e) => (e.split('=')[0] ?? '') === key);
    if (!entry.includes('=')) {
      if (at >= 0) env.splice(at, 1);
    } else if (at >= 0) env[at] = entry;
    else env.push(entry);
  }
  return env;
}

/** The accounts an image's /etc/passwd holds that `-u` can name. */
function knownUsers(view: ContainerView): ExecUser[] {
  const debian = view.userland === 'debian';
  const users: ExecUser[] = [
    { name: 'root', uid: 0, gid: 0, group: 'root', home: '/root' },
    {
      name: 'nobody',
      uid: 65534,
      gid: 65534,
      group: debian ? 'nogroup' : 'nobody',
      home: debian ? '/nonexistent' : '/',
    },
  ];
  if (view.binaries.includes('nginx'))
    users.push({
      name: 'nginx',
      uid: 101,
      gid: 101,
      group: 'nginx',
      home: debian ? '/nonexistent' : '/var/cache/nginx',
    });
  return users;
}

/** `-u name|uid[:group|gid]`; null when a name is not in the image's passwd file. */
export function resolveUser(view: ContainerView, spec: string): ExecUser | null {
  const [who = '', group] = spec.split(':');
  const users = knownUsers(view);
  const byName = users.find((u) => u.name === (who || 'root'));
  const numeric = /^\d+$/.test(who) ? Number(who) : null;
  const found = byName ?? (numeric !== null ? users.find((u) => u.uid === numeric) : undefined);
  if (!found && numeric === null) return null;
  // An unknown numeric UID runs with GID 0, as runc does for users missing from passwd.
  const base = found ?? { name: null, uid: numeric ?? 0, gid: 0, group: 'root', home: '/' };
  if (group !== undefined && /^\d+$/.test(group)) {
    const g = Number(group);
    return { ...base, gid: g, group: users.find((u) => u.gid === g)?.group ?? null };
  }
  return base;
}

const CTRL = '@abcdefghijklmnopqrstuvwxyz[\\]^_';

/** moby/term ToBytes: `ctrl-p,ctrl-q` -> [16, 17]; null for a key it does not know. */
export function detachKeyBytes(keys: string): number[] | null {
  if (keys === '') return [];
  const codes: number[] = [];
  for (const key of keys.split(',')) {
    const ctrl = /^ctrl-(.)$/.exec(key);
    if (key.length === 1) codes.push(key.charCodeAt(0));
    else if (ctrl && CTRL.includes(ctrl[1] ?? '')) codes.push(CTRL.indexOf(ctrl[1] ?? ''));
    else if (key === 'DEL') codes.push(127);
    else return null;
  }
  return codes;
}

/**
 * The exec's environment: PATH, HOSTNAME and (with -t) TERM, then the container's own
 * variables, then the exec's `-e` values, each replacing a key already set.
 */
export function execEnv(
  hostname: string,
  tty: boolean,
  containerEnv: readonly string[],
  execEnvValues: readonly string[],
): string[] {
  const base = [DEFAULT_PATH, `HOSTNAME=${hostname}`, ...(tty ? ['TERM=xterm'] : [])];
  return replaceOrAppend(replaceOrAppend(base, containerEnv), execEnvValues);
}
