/**
 * The config of an image `docker commit` makes (moby daemon/commit.go): the `--change`
 * instructions (`-c 'CMD ["app"]'`) are applied to an empty config (builder BuildFromConfig,
 * which allows only the instructions that change config), then the container's own config
 * fills in whatever they left unset (moby merge): ENV adds to the container's variables, a new
 * ENTRYPOINT without a CMD drops the container's CMD. Pure.
 */
import { dockerfileSupport } from '../build/dockerfileParser';
import type { ContainerConfig, ImageConfig } from '../types';

/** The instructions `--change` accepts (moby builder/dockerfile validCommitCommands). */
const VALID = new Set([
  'cmd',
  'entrypoint',
  'env',
  'expose',
  'label',
  'onbuild',
  'stopsignal',
  'user',
  'volume',
  'workdir',
]);

/** What the changes set; undefined fields are taken from the container. */
interface UserConfig {
  cmd?: string[];
  entrypoint?: string[];
  env: string[];
  exposedPorts: string[];
  workingDir?: string;
  stopSignal?: string;
  volumes: string[];
}

const keyOf = (entry: string): string => entry.split('=')[0] ?? '';
const unquote = (value: string): string => value.replace(/^(["'])(.*)\1$/, '$2');

/** `ENV A=1 B="x y"` or the old one-pair form `ENV A x y`. */
function envEntries(text: string): string[] {
  const trimmed = text.trim();
  if (!/^[^\s=]+=/.test(trimmed)) {
    const space = trimmed.search(/\s/);
    return space < 0 ? [] : [`${trimmed.slice(0, space)}=${trimmed.slice(space).trim()}`];
  }
  return [...trimmed.matchAll(/([^\s=]+)=("[^"]*"|'[^']*'|\S*)/g)].map(
    (m) => `${m[1] ?? ''}=${unquote(m[2] ?? '')}`,
  );
}

/** Applies the `--change` lines; a message in moby's words when one is not allowed. */
function applyChanges(changes: readonly string[]): UserConfig | string {
  const user: UserConfig = { env: [], exposedPorts: [], volumes: [] };
  if (changes.length === 0) return user;
  const parsed = dockerfileSupport().parseDockerfile(changes.join('\n'));
  for (const i of parsed.instructions) {
    // buildkit's parser lower-cases the instruction name in this message.
    if (!VALID.has(i.keyword.toLowerCase()))
      return `${i.keyword.toLowerCase()} is not a valid change command`;
    const shellForm = ['/bin/sh', '-c', i.text.trim()];
    switch (i.keyword) {
      case 'CMD':
        user.cmd = i.json ? [...i.json] : shellForm;
        break;
      case 'ENTRYPOINT':
        user.entrypoint = i.json ? [...i.json] : shellForm;
        break;
      case 'ENV':
        for (const entry of envEntries(i.text))
          user.env = [...user.env.filter((e) => keyOf(e) !== keyOf(entry)), entry];
        break;
      case 'EXPOSE':
        for (const port of i.words)
          user.exposedPorts.push(port.includes('/') ? port : `${port}/tcp`);
        break;
      case 'WORKDIR': {
        const dir = i.text.trim();
        user.workingDir = dir.startsWith('/') ? dir : `${user.workingDir ?? ''}/${dir}`;
        break;
      }
      case 'STOPSIGNAL':
        user.stopSignal = i.text.trim();
        break;
      case 'VOLUME':
        user.volumes.push(...(i.json ?? i.words));
        break;
      // LABEL, USER and ONBUILD are allowed; the simulated image config has no place for them.
    }
  }
  const problem = parsed.errors.find(
    (e) => !/no build stage|file with no instructions/.test(e.message),
  );
  return problem ? problem.message : user;
}

/** The committed image's config, or the error dockerd answers 400 with. */
export function commitConfig(
  container: ContainerConfig,
  imageVolumes: readonly string[],
  changes: readonly string[],
): { ok: true; config: ImageConfig } | { ok: false; message: string } {
  const user = applyChanges(changes);
  if (typeof user === 'string') return { ok: false, message: user };
  const env = [...user.env];
  for (const entry of container.env)
    if (!env.some((e) => keyOf(e) === keyOf(entry))) env.push(entry);
  let cmd = user.cmd ?? null;
  let entrypoint = user.entrypoint ?? null;
  if (!user.entrypoint) {
    cmd = user.cmd ?? container.cmd;
    entrypoint = container.entrypoint;
  }
  return {
    ok: true,
    config: {
      cmd,
      entrypoint,
      env,
      exposedPorts: [...new Set([...user.exposedPorts, ...container.exposedPorts])],
      workingDir: user.workingDir ?? container.workingDir,
      stopSignal: user.stopSignal ?? container.stopSignal,
      volumes: [...new Set([...user.volumes, ...imageVolumes])],
    },
  };
}
