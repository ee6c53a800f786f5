/**
 * A build stage as the classic builder carries it from step to step: the image so far, its
 * config, layers, history and variables, and the rules by which each instruction changes them
 * (CMD and ENTRYPOINT in exec form, ENV and ARG values, EXPOSE, WORKDIR, VOLUME...). Pure.
 */
import type { Image, ImageConfig, ImageHistory } from '../types';
import type { DockerfileInstruction } from './dockerfile';

export interface Stage {
  readonly name: string | null;
  /** The image of the last step; null on `FROM scratch` before any step. */
  image: Image | null;
  config: ImageConfig;
  layers: string[];
  history: ImageHistory[];
  size: number;
  binaries: string[];
  vars: Map<string, string>;
}

export const EMPTY_CONFIG: ImageConfig = {
  cmd: null,
  entrypoint: null,
  env: [],
  exposedPorts: [],
  workingDir: '',
  stopSignal: '',
  volumes: [],
};

export function execFormText(i: DockerfileInstruction): string[] {
  return i.json ? [...i.json] : ['/bin/sh', '-c', i.text.trim()];
}

/** `/bin/sh -c #(nop)  CMD ["node" "app.js"]`: how the classic builder records config steps. */
export function nop(i: DockerfileInstruction, text: string): string {
  const shown = i.json ? `[${i.json.map((a) => JSON.stringify(a)).join(' ')}]` : text;
  return `/bin/sh -c #(nop)  ${i.keyword} ${shown}`;
}

export function splitEnv(entry: string): [string, string] {
  const eq = entry.indexOf('=');
  return eq === -1 ? [entry, ''] : [entry.slice(0, eq), entry.slice(eq + 1)];
}

export function adopt(stage: Stage, image: Image): void {
  stage.image = image;
  stage.config = { ...image.config };
  stage.layers = [...image.layers];
  stage.history = [...(image.history ?? [])];
  stage.size = image.size;
}

/** ENV and ARG: values later steps substitute. */
export function applyVars(stage: Stage, i: DockerfileInstruction, text: string): void {
  if (i.keyword === 'ARG' || i.keyword === 'ENV') {
    for (const [name, value] of envPairs(text)) stage.vars.set(name, value);
  }
}

/** `ENV A=1 B="two words"`, or the old `ENV A value with spaces`. */
function envPairs(text: string): [string, string][] {
  if (!/^\S+=/.test(text)) {
    const [name = '', ...rest] = text.split(/\s+/);
    return [[name, rest.join(' ')]];
  }
  const pairs: [string, string][] = [];
  const re = /(\w+)=("(?:[^"\\]|\\.)*"|'[^']*'|\S*)/g;
  for (const m of text.matchAll(re))
    pairs.push([m[1] ?? '', (m[2] ?? '').replace(/^["']|["']$/g, '')]);
  return pairs;
}

export function applyConfig(stage: Stage, i: DockerfileInstruction, text: string): void {
  const c = stage.config;
  switch (i.keyword) {
    case 'CMD':
      c.cmd = execFormText(i);
      break;
    case 'ENTRYPOINT':
      c.entrypoint = execFormText(i);
      // A new ENTRYPOINT drops the base image's CMD, as the builder does.
      c.cmd = null;
      break;
    case 'ENV':
      for (const [name, value] of envPairs(text))
        c.env = [...c.env.filter((e) => !e.startsWith(`${name}=`)), `${name}=${value}`];
      break;
    case 'EXPOSE':
      for (const port of text.split(/\s+/))
        if (port)
          c.exposedPorts = [
            ...new Set([...c.exposedPorts, port.includes('/') ? port : `${port}/tcp`]),
          ];
      break;
    case 'WORKDIR':
      c.workingDir = text.startsWith('/') ? text : `${c.workingDir.replace(/\/$/, '')}/${text}`;
      break;
    case 'STOPSIGNAL':
      c.stopSignal = text;
      break;
    case 'VOLUME':
      c.volumes = [...new Set([...c.volumes, ...(i.json ?? text.split(/\s+/))])];
      break;
  }
}
