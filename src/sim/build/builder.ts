/**
 * The classic builder (`docker build` without BuildKit), as dockerd runs it: one step per
 * instruction, each step's result an image whose parent is the step before; RUN, COPY and ADD
 * add a layer, the other instructions change only the config. The build cache reuses a step's
 * image while the parent, the instruction and (for COPY/ADD) the checksum of the copied files
 * are the same, so the first miss rebuilds everything after it. Multi-stage builds ship only
 * the last stage. The output lines are the classic builder's (`Step 2/5 : RUN ...`,
 * ` ---> Using cache`, ` ---> 8c23674a2856`, `Successfully built`, `Successfully tagged`).
 *
 * Contract: pure; changes the world only through `h.change`, so any moment of a build can be
 * rebuilt from the trace. RUN's programs are not run: a RUN step records its command and a
 * layer whose size follows what the command usually writes (package installs are large).
 */
import { digestOf, shortId } from '../digest';
import { findImage } from '../daemon/lookup';
import { tagImage } from '../daemon/tag';
import type { DockerHost } from '../host';
import { pullImage } from '../images/pull';
import { familiarTagged, parseReference } from '../images/reference';
import type { Image, ImageHistory, Layer, LayerFile } from '../types';
import { applyDockerignore, checksumOf, pickSources, type BuildContext } from './context';
import { parseDockerfile, parseErrorMessage, type DockerfileInstruction } from './dockerfile';
import { copiedFiles, imageFiles } from './layerFiles';
import { BuildRecorder } from './record';
import {
  adopt,
  applyConfig,
  applyVars,
  EMPTY_CONFIG,
  execFormText,
  nop,
  splitEnv,
  type Stage,
} from './stage';
import { substitute } from './variables';

export interface BuildOptions {
  readonly context: BuildContext;
  /** Path of the Dockerfile inside the context. */
  readonly dockerfile?: string;
  readonly tags?: readonly string[];
  readonly noCache?: boolean;
  readonly buildArgs?: Readonly<Record<string, string>>;
}

/** One line of the build's JSON stream, as `POST /build` sends them. */
export type BuildLine =
  | { readonly stream: string }
  | { readonly status: string; readonly id?: string }
  | { readonly aux: { readonly ID: string } }
  | { readonly errorDetail: { readonly message: string }; readonly error: string };

export interface BuildResult {
  readonly lines: readonly BuildLine[];
  /** The final image, or null when the build failed. */
  readonly imageId: string | null;
}

/** Instructions whose arguments the builder substitutes variables in. */
const SUBSTITUTED = new Set([
  'ADD',
  'COPY',
  'ENV',
  'EXPOSE',
  'FROM',
  'LABEL',
  'STOPSIGNAL',
  'USER',
  'VOLUME',
  'WORKDIR',
  'ONBUILD',
  'ARG',
]);

/** A deterministic layer size for a RUN command: installs are megabytes, the rest little. */
function runLayerSize(command: string): number {
  const n = parseInt(digestOf(command).slice(7, 15), 16);
  if (
    /\b(apk add|apt-get install|apt install|npm (ci|install)|yarn|pip install|go build)\b/.test(
      command,
    )
  )
    return 5_000_000 + (n % 60_000_000);
  if (/^\s*(echo|true|mkdir|touch|ln|chmod|chown)\b/.test(command)) return n % 4_096;
  return 10_000 + (n % 2_000_000);
}

export function runBuild(h: DockerHost, options: BuildOptions): BuildResult {
  const lines: BuildLine[] = [];
  const say = (text: string) => lines.push({ stream: text });
  const context = applyDockerignore(options.context);
  const dockerfilePath = options.dockerfile ?? 'Dockerfile';
  const source = context[dockerfilePath];
  const parsed = source === undefined ? null : parseDockerfile(source);
  const record = new BuildRecorder(h, options.tags ?? [], parsed?.instructions.length ?? 0);
  let currentLine: number | null = null;
  const failWith = (message: string, line: number | null = currentLine): BuildResult => {
    lines.push({ errorDetail: { message }, error: message });
    record.failed(message, line);
    return { lines, imageId: null };
  };
  const stepDone = (
    instruction: DockerfileInstruction,
    n: number,
    image: Image | null,
    cached: boolean,
    layer: string | null,
  ) => {
    if (image) record.step(instruction, n, image, cached, layer, Math.max(0, stages.length - 1));
  };

  if (parsed === null) return failWith(`Cannot locate specified Dockerfile: ${dockerfilePath}`);
  // moby reads one byte before parsing: a file with none is refused by name, not parsed
  // (builder/remotecontext/detect.go, readAndParseDockerfile).
  if (source === '') return failWith(`the Dockerfile (${dockerfilePath}) cannot be empty`);
  const firstError = parsed.errors[0];
  if (firstError) return failWith(parseErrorMessage(firstError), firstError.line);
  for (const tag of options.tags ?? []) {
    const ref = parseReference(tag);
    if (!ref.ok) return failWith(`invalid reference format: ${tag}`);
  }

  const total = parsed.instructions.length;
  const buildArgs = new Map(Object.entries(options.buildArgs ?? {}));
  const globalArgs = new Map<string, string>();
  const stages: Stage[] = [];
  let stage: Stage | null = null;

  for (const [index, instruction] of parsed.instructions.entries()) {
    const vars: ReadonlyMap<string, string> = stage?.vars ?? globalArgs;
    const text: string = SUBSTITUTED.has(instruction.keyword)
      ? substitute(instruction.text, vars, parsed.escape).trim()
      : instruction.text.trim();
    currentLine = instruction.line;
    say(`Step ${index + 1}/${total} : ${instruction.keyword} ${instruction.text.trim()}\n`);
    h.emit('note', 'dockerd', 'dockerd', `Step ${index + 1}/${total} : ${instruction.keyword}`, {
      line: instruction.line,
    });

    if (instruction.keyword === 'ARG' && stage === null) {
      const [name = '', value] = text.split('=');
      globalArgs.set(name, buildArgs.get(name) ?? value ?? '');
      continue;
    }
    if (instruction.keyword === 'FROM') {
      const words: string[] = text.split(/\s+/);
      const ref = words[0] ?? '';
      const alias = words[2];
      const from = fromStage(h, stages, ref, lines);
      if (!from.ok) return failWith(from.message);
      stage = {
        name: alias ? alias.toLowerCase() : null,
        image: from.image,
        config: from.image ? { ...from.image.config } : { ...EMPTY_CONFIG },
        layers: from.image ? [...from.image.layers] : [],
        history: from.image ? [...(from.image.history ?? [])] : [],
        size: from.image?.size ?? 0,
        binaries: from.image ? [...from.image.binaries] : [],
        vars: new Map(from.image?.config.env.map((e) => splitEnv(e)) ?? []),
      };
      stages.push(stage);
      if (from.image) say(` ---> ${shortId(from.image.id)}\n`);
      stepDone(instruction, index + 1, from.image, false, null);
      continue;
    }
    if (!stage) return failWith('no build stage in current context');

    // The cache key: the step and, for COPY/ADD, what it copies.
    let files: [string, string][] = [];
    let layerFiles: LayerFile[] = [];
    let inputs = '';
    if (instruction.keyword === 'COPY' || instruction.keyword === 'ADD') {
      const words = instruction.json ?? text.split(/\s+/);
      const from = instruction.flags.find((f) => f.name === 'from')?.value ?? null;
      const sources = words.slice(0, -1);
      if (from !== null) {
        // An earlier stage by name or index; otherwise an image, pulled if it is not here.
        const origin =
          stages.find((s) => s.name === from.toLowerCase()) ??
          (/^\d+$/.test(from) ? stages[Number(from)] : undefined);
        let image = origin ? origin.image : findImage(h, from);
        if (!origin && !image) {
          const pulled = fromStage(h, [], from, lines);
          if (!pulled.ok) return failWith(`invalid from flag value ${from}: ${pulled.message}`);
          image = pulled.image;
        }
        if (!image)
          return failWith(`invalid from flag value ${from}: the stage has no image to copy from`);
        inputs = `${image.id} ${sources.join(' ')}`;
        const relative = sources.map((s) => s.replace(/^\/+/, ''));
        const available = [...imageFiles(h.world.layers, image.layers)].map(
          ([path, content]): [string, string] => [path.replace(/^\/+/, ''), content],
        );
        const picked = pickSources(Object.fromEntries(available), relative);
        if (picked.ok) files = picked.files;
        layerFiles = copiedFiles(relative, files, words.at(-1) ?? '.', stage.config.workingDir);
      } else {
        const picked = pickSources(context, sources);
        if (!picked.ok)
          return failWith(
            `${instruction.keyword} failed: file not found in build context or excluded by .dockerignore: stat ${picked.missing}: file does not exist`,
          );
        files = picked.files;
        inputs = checksumOf(files);
        layerFiles = copiedFiles(sources, files, words.at(-1) ?? '.', stage.config.workingDir);
      }
    }
    const parentId = stage.image?.id ?? '';
    const createdBy =
      instruction.keyword === 'RUN'
        ? `/bin/sh -c ${execFormText(instruction)
            .slice(instruction.json ? 0 : 2)
            .join(' ')}`
        : instruction.keyword === 'COPY' || instruction.keyword === 'ADD'
          ? `/bin/sh -c #(nop) ${instruction.keyword} ${inputs.startsWith('sha256:') ? `dir:${inputs.slice(7, 71)}` : inputs} in ${text.split(/\s+/).at(-1) ?? ''} `
          : nop(instruction, text);
    const cacheKey = digestOf(`${parentId}\n${instruction.keyword} ${text}\n${inputs}`);
    const cached = options.noCache
      ? undefined
      : Object.values(h.world.images).find((i) => i.parent === parentId && i.cacheKey === cacheKey);
    if (cached) {
      say(' ---> Using cache\n');
      say(` ---> ${shortId(cached.id)}\n`);
      h.emit('note', 'dockerd', 'dockerd', 'build cache hit', { image: cached.id });
      adopt(stage, cached);
      applyVars(stage, instruction, text);
      const added =
        cached.layers.length >
        (cached.parent ? (h.world.images[cached.parent]?.layers.length ?? 0) : 0);
      stepDone(instruction, index + 1, cached, true, added ? (cached.layers.at(-1) ?? null) : null);
      continue;
    }

    let layer: Layer | null = null;
    if (instruction.keyword === 'RUN') {
      const intermediate = h.newId();
      say(` ---> Running in ${shortId(intermediate)}\n`);
      const echoed = /^echo\s+(.*)$/.exec(instruction.text.trim());
      if (echoed) say(`${substitute(echoed[1] ?? '', stage.vars).replace(/^["']|["']$/g, '')}\n`);
      say(` ---> Removed intermediate container ${shortId(intermediate)}\n`);
      layer = newLayer(`${cacheKey} run`, runLayerSize(instruction.text));
    } else if (instruction.keyword === 'COPY' || instruction.keyword === 'ADD') {
      const bytes = files.reduce((sum, [, c]) => sum + new TextEncoder().encode(c).length, 0);
      layer = { ...newLayer(`${cacheKey} copy`, bytes || 1_024), files: layerFiles };
    }
    applyConfig(stage, instruction, text);
    applyVars(stage, instruction, text);
    const history: ImageHistory = {
      created: new Date(h.world.epochMs + h.now).toISOString(),
      createdBy,
      size: layer?.size ?? 0,
      emptyLayer: layer === null,
    };
    const image: Image = {
      id: digestOf(
        JSON.stringify({ parentId, cacheKey, layer: layer?.diffId ?? null, config: stage.config }),
      ),
      repoTags: [],
      repoDigests: [],
      created: history.created,
      layers: layer ? [...stage.layers, layer.digest] : [...stage.layers],
      config: { ...stage.config },
      binaries: stage.binaries,
      size: stage.size + (layer?.size ?? 0),
      parent: parentId,
      history: [...stage.history, history],
      cacheKey,
    };
    if (layer && !h.world.layers[layer.digest])
      h.change({ op: 'layer.add', layer }, 'dockerd', `layer ${shortId(layer.digest)}`);
    if (!h.world.images[image.id])
      h.change({ op: 'image.add', image }, 'dockerd', `image ${shortId(image.id)}`);
    adopt(stage, image);
    say(` ---> ${shortId(image.id)}\n`);
    h.elapse(layer ? 40 : 5);
    stepDone(instruction, index + 1, image, false, layer?.digest ?? null);
  }

  const final = stage?.image;
  if (!final)
    return failWith('no image was built: the last stage has no steps (FROM scratch alone)');
  lines.push({ aux: { ID: final.id } });
  record.built(final.id);
  say(`Successfully built ${shortId(final.id)}\n`);
  for (const tag of options.tags ?? []) {
    const ref = parseReference(tag);
    if (!ref.ok) continue;
    const tagged = familiarTagged(ref.ref);
    tagImage(h, final, tagged);
    say(`Successfully tagged ${tagged}\n`);
  }
  return { lines, imageId: final.id };
}

function newLayer(seed: string, size: number): Layer {
  return { digest: digestOf(`${seed} blob`), diffId: digestOf(`${seed} diff`), size };
}

type FromResult = { ok: true; image: Image | null } | { ok: false; message: string };

/** `FROM name`: an earlier stage, `scratch`, a local image, or one pulled now. */
function fromStage(
  h: DockerHost,
  stages: readonly Stage[],
  ref: string,
  lines: BuildLine[],
): FromResult {
  const earlier = stages.find((s) => s.name === ref.toLowerCase());
  if (earlier) return { ok: true, image: earlier.image };
  if (ref === 'scratch') return { ok: true, image: null };
  const local = findImage(h, ref);
  if (local) return { ok: true, image: local };
  const pulled = pullImage(h, ref, (line) => {
    const status = typeof line['status'] === 'string' ? line['status'] : null;
    if (status)
      lines.push(typeof line['id'] === 'string' ? { status, id: line['id'] } : { status });
  });
  if (!pulled.ok) return { ok: false, message: pulled.message };
  return { ok: true, image: pulled.value };
}
