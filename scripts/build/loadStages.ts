/**
 * The build's chunks, by when a visit needs them. Left to itself the bundler cuts a chunk at
 * every boundary between lazy imports, which gave the first text 38 files of a few hundred
 * bytes each (a lesson link some fifty). Over HTTP/1.1 (a school's static server, `vite preview`) a browser
 * fetches six at a time, so each six cost a round trip: on a slow network, a second and a half
 * before the first text. Each stage here is one chunk: the modules its start points import
 * statically that no earlier stage holds. Lazy parts outside the stages (the terminal, the
 * diagram, the cluster view, each lesson, each language) keep their own chunks.
 *
 * A module joins a stage's chunk only if that stage imports it statically, so nothing runs
 * sooner than it did: a stage's code is evaluated when the stage is imported, as before.
 */
import { resolve } from 'node:path';
import type { ChunkingContext, CodeSplittingGroup } from 'rolldown';

export interface LoadStage {
  /** The chunk's name (its file is `<name>-<hash>.js`). */
  readonly name: string;
  /** The modules the stage starts from, relative to the project's root. */
  readonly from?: readonly string[];
  /**
   * A module whose lazy imports (`import()`) the stage starts from: the stage is what that module
   * fetches, so an import added there joins the stage without a word here.
   */
  readonly fetchedBy?: string;
  /**
   * Start points that keep a chunk of their own: those that await at their top level. A chunk
   * imported while such a module runs would otherwise wait for the very chunk that imports it.
   */
  readonly apart?: readonly string[];
}

export const LOAD_STAGES: readonly LoadStage[] = [
  // index.html's entry: the theme, and the loading shell's paint (src/app/boot.ts).
  { name: 'boot', from: ['src/app/boot.ts'], apart: ['src/app/boot.ts'] },
  // The first screen: the app and its English text, which every visit loads.
  {
    name: 'app',
    from: ['src/app/main.tsx', 'src/i18n/locales/en.json'],
    apart: ['src/app/main.tsx'],
  },
  // The lessons' side: what a lesson link fetches beside the app (the player, its store, the
  // course; the lesson itself keeps its own chunk, imported by src/scenarios/lessonLoaders.ts).
  { name: 'lessons', fetchedBy: 'src/app/lessonLink.ts' },
  // The simulation, fetched once the first text shows.
  { name: 'engine', fetchedBy: 'src/store/simulationEngine.ts' },
  // The rest of a lesson's world: the shells, the clusters and the checks.
  { name: 'stage', fetchedBy: 'src/store/lessons/stageLoader.ts' },
];

/** The modules a stage starts from, each checked to be in the build. */
function startPoints(ctx: ChunkingContext, root: string, stage: LoadStage): string[] {
  const known = (file: string) => {
    const info = ctx.getModuleInfo(resolve(root, file));
    if (!info) throw new Error(`loadStages: ${stage.name}: ${file} is not in the build`);
    return info;
  };
  const fetched =
    stage.fetchedBy === undefined ? [] : known(stage.fetchedBy).dynamicallyImportedIds;
  if (stage.fetchedBy !== undefined && fetched.length === 0)
    throw new Error(`loadStages: ${stage.name}: ${stage.fetchedBy} fetches nothing`);
  return [...(stage.from ?? []).map((file) => known(file).id), ...fetched];
}

/** Which stage each module belongs to: the first whose start points reach it statically. */
function stageOfModules(
  ctx: ChunkingContext,
  root: string,
  stages: readonly LoadStage[],
): Map<string, string> {
  const stageOf = new Map<string, string>();
  const seen = new Set<string>();
  for (const stage of stages) {
    const apart = new Set((stage.apart ?? []).map((file) => resolve(root, file)));
    const pending = startPoints(ctx, root, stage);
    while (pending.length > 0) {
      const id = pending.pop()!;
      if (seen.has(id)) continue;
      seen.add(id);
      if (!apart.has(id)) stageOf.set(id, stage.name);
      pending.push(...(ctx.getModuleInfo(id)?.importedIds ?? []));
    }
  }
  return stageOf;
}

/**
 * The code-splitting groups that make one chunk of each stage (build.rolldownOptions), the
 * earliest first: a module two stages reach goes to the earlier one.
 */
export function loadStageGroups(
  root: string,
  stages: readonly LoadStage[] = LOAD_STAGES,
): CodeSplittingGroup[] {
  // Worked out once per chunking pass: the context is new for each build.
  const passes = new WeakMap<ChunkingContext, Map<string, string>>();
  const stageOf = (id: string, ctx: ChunkingContext) => {
    let known = passes.get(ctx);
    if (!known) passes.set(ctx, (known = stageOfModules(ctx, root, stages)));
    return known.get(id);
  };
  return stages.map((stage, index) => ({
    name: (id, ctx) =>
      // Stylesheets keep Vite's own handling: their order in the cascade is the import order.
      !/\.css($|\?)/.test(id) && stageOf(id, ctx) === stage.name ? stage.name : null,
    priority: stages.length - index,
    // Only the modules worked out above: a stage does not pull in a later stage's imports.
    includeDependenciesRecursively: false,
  }));
}
