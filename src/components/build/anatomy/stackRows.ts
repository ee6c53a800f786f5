/**
 * An image as `dive` shows it: its layers, base first, each with the instruction that made
 * it, its size and digest, whether the image's latest build took it from the cache, and which
 * other images list the same layer; config-only steps (ENV, CMD, EXPOSE...) sit between them.
 *
 * Contract: pure, from the world at the cursor. Instructions come from the build that ran the
 * step when the world still has it (the classic builder's history says `COPY dir:<sum> in .`,
 * not what the Dockerfile said), else from the image's history. History entries that add a
 * layer pair with the image's layers from the top down; where an image has fewer such entries
 * than layers (its history was not kept), the lowest layers are shown without an instruction.
 */
import type { BuildStep, Image, LayerFile, World } from '../../../sim/types';
import { imageLabel, listedImages } from './imageChoice';

export interface LayerRow {
  readonly kind: 'layer';
  /** Key, stable while the stack grows step by step (history only ever grows at the end). */
  readonly key: string;
  /** 1-based position among the image's layers, base first. */
  readonly position: number;
  readonly digest: string;
  readonly diffId: string | null;
  readonly size: number;
  /** `COPY . /app`; null when nothing records it (a pulled image's layers). */
  readonly instruction: string | null;
  /** For a layer that came with the base image (the image built FROM): the base's name. */
  readonly base: string | null;
  /** Dockerfile line of the step, when a build record has it. */
  readonly line: number | null;
  /** From the cache in the image's latest build; null when no build here made this step. */
  readonly cached: boolean | null;
  /** Other images (by name) whose layers include this digest. */
  readonly sharedWith: readonly string[];
  /** The files it adds, where the simulation knows them. */
  readonly files: readonly LayerFile[] | null;
}

export interface ConfigRow {
  readonly kind: 'config';
  readonly key: string;
  readonly instruction: string;
  /** Set when the step is the base image's. */
  readonly base: string | null;
  readonly line: number | null;
  readonly cached: boolean | null;
}

export type StackRow = LayerRow | ConfigRow;

const SUM = /\b(dir|file|multi):([0-9a-f]{64})\b/;

/** A readable instruction from a history entry's CreatedBy, in the classic or BuildKit form. */
export function shortInstruction(createdBy: string): string {
  // Continuation lines leave runs of blanks behind; one is enough to read.
  const text = createdBy
    .replace(/\s+# buildkit$/, '')
    .replace(/\s+/g, ' ')
    .trim();
  const nop = /^\/bin\/sh -c #\(nop\)\s+(.*)$/s.exec(text);
  // The classic builder names copied sources by their checksum: shorten it, keep what it is.
  if (nop)
    return (nop[1] ?? '')
      .trim()
      .replace(SUM, (_, kind: string, hex: string) => `${kind}:${hex.slice(0, 12)}…`);
  const run = /^(?:RUN )?(?:\|\d+ (?:\S+=\S* )*)?\/bin\/sh -c (.*)$/s.exec(text);
  if (run) return `RUN ${(run[1] ?? '').trim()}`;
  return text;
}

/** Names of the images among `others` (the picker's list, less the one shown) holding `digest`. */
function sharedWith(others: readonly Image[], digest: string): string[] {
  const holders = others.filter((i) => i.layers.includes(digest));
  // Names people know first; untagged images (by short ID) after them.
  const tagged = holders.filter((i) => i.repoTags.length > 0);
  return [...tagged, ...holders.filter((i) => i.repoTags.length === 0)].map(imageLabel);
}

/** Every build step by the image it made, newest build winning; FROM steps name their base. */
function stepsByImage(world: World): Map<string, BuildStep> {
  const steps = new Map<string, BuildStep>();
  for (const build of world.builds)
    for (const step of build.steps)
      if (!step.instruction.startsWith('FROM ')) steps.set(step.imageId, step);
  return steps;
}

/** The steps of the newest build that reached this image: they say cached or not. */
function latestBuildSteps(world: World, imageId: string): Map<string, BuildStep> {
  const build = world.builds.findLast((b) => b.steps.some((s) => s.imageId === imageId));
  return new Map(
    (build?.steps ?? [])
      .filter((s) => !s.instruction.startsWith('FROM '))
      .map((s) => [s.imageId, s]),
  );
}

/** History index -> the image of the step that added it, down the classic builder's chain. */
function historyOwners(world: World, image: Image): Map<number, string> {
  const owners = new Map<number, string>();
  const seen = new Set<string>();
  for (let i: Image | undefined = image; i && !seen.has(i.id);) {
    seen.add(i.id);
    const length = i.history?.length ?? 0;
    if (length > 0 && !owners.has(length - 1)) owners.set(length - 1, i.id);
    i = i.parent ? world.images[i.parent] : undefined;
  }
  return owners;
}

/**
 * The image this one was built FROM, as far as content tells: the other image whose layers
 * (and history, where this one has any) are a prefix of this one's, the longest such (a
 * tagged one on a tie).
 */
function baseOf(others: readonly Image[], image: Image): Image | null {
  const history = image.history ?? [];
  const depth = (i: Image) => [i.layers.length, i.history?.length ?? 0] as const;
  const below = (a: Image, b: Image) => {
    const [al, ah] = depth(a);
    const [bl, bh] = depth(b);
    return al < bl || (al === bl && ah < bh);
  };
  let best: Image | null = null;
  for (const other of others) {
    const theirs = other.history ?? [];
    if (other.layers.length === 0 || other.layers.length > image.layers.length) continue;
    if (!other.layers.every((d, i) => image.layers[i] === d)) continue;
    if (history.length > 0) {
      if (!below(other, image) || theirs.length > history.length) continue;
      if (!theirs.every((h, i) => history[i]?.createdBy === h.createdBy)) continue;
    } else if (other.layers.length === image.layers.length) continue;
    if (!best || below(best, other) || (!below(other, best) && best.repoTags.length === 0))
      best = other;
  }
  return best;
}

/** The image's rows, base first (the view draws them newest on top). */
export function stackRows(world: World, imageId: string): StackRow[] {
  const image = world.images[imageId];
  if (!image) return [];
  const history = image.history ?? [];
  const recorded = history.filter((h) => !h.emptyLayer).length;
  const unrecorded = Math.max(0, image.layers.length - recorded);
  const others = listedImages(world).filter((i) => i.id !== imageId);
  const base = baseOf(others, image);
  const baseName = base ? imageLabel(base) : null;
  // Rows up to the base's last layer and last history entry are the base's.
  const fromBase = (position: number | null, historyIndex: number | null) =>
    base !== null &&
    (position === null || position <= base.layers.length) &&
    (historyIndex === null || historyIndex < (base.history?.length ?? 0))
      ? baseName
      : null;
  const steps = stepsByImage(world);
  const latest = latestBuildSteps(world, imageId);
  const owners = historyOwners(world, image);
  const rows: StackRow[] = [];
  const layerRow = (
    index: number,
    fields: Pick<LayerRow, 'instruction' | 'base' | 'line' | 'cached'>,
  ): LayerRow => {
    const digest = image.layers[index] ?? '';
    const layer = world.layers[digest];
    return {
      kind: 'layer',
      key: `layer:${index}:${digest}`,
      position: index + 1,
      digest,
      diffId: layer?.diffId ?? null,
      size: layer?.size ?? 0,
      sharedWith: sharedWith(others, digest),
      files: layer?.files ?? null,
      ...fields,
    };
  };
  for (let i = 0; i < unrecorded; i++)
    rows.push(
      layerRow(i, { instruction: null, base: fromBase(i + 1, null), line: null, cached: null }),
    );
  let next = unrecorded;
  history.forEach((entry, index) => {
    const owner = owners.get(index);
    const step = owner ? steps.get(owner) : undefined;
    const fields = {
      instruction: step?.instruction ?? shortInstruction(entry.createdBy),
      line: step?.line ?? null,
      cached: (owner ? latest.get(owner)?.cached : undefined) ?? null,
    };
    if (entry.emptyLayer)
      rows.push({ kind: 'config', key: `config:${index}`, base: fromBase(null, index), ...fields });
    else if (next < image.layers.length) {
      rows.push(layerRow(next, { ...fields, base: fromBase(next + 1, index) }));
      next++;
    }
  });
  return rows;
}

export function layerRows(rows: readonly StackRow[]): LayerRow[] {
  return rows.filter((r): r is LayerRow => r.kind === 'layer');
}
