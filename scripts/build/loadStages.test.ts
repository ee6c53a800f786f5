import { describe, expect, it } from 'vitest';
import type { ChunkingContext, CodeSplittingGroup, ModuleInfo } from 'rolldown';
import { LOAD_STAGES, loadStageGroups, type LoadStage } from './loadStages';

const ROOT = '/app';

/**
 * A module graph as the bundler sees it: each module's static imports, by path under ROOT, and
 * its lazy ones (`import()`) after a `lazy:` prefix.
 */
function graph(imports: Record<string, string[]>): ChunkingContext {
  const ids = (to: string[]) => to.map((t) => `${ROOT}/${t.replace(/^lazy:/, '')}`);
  const info = new Map(
    Object.entries(imports).map(([file, to]) => [
      `${ROOT}/${file}`,
      {
        id: `${ROOT}/${file}`,
        importedIds: ids(to.filter((t) => !t.startsWith('lazy:'))),
        dynamicallyImportedIds: ids(to.filter((t) => t.startsWith('lazy:'))),
      } as unknown as ModuleInfo,
    ]),
  );
  return { getModuleInfo: (id) => info.get(id) ?? null };
}

/** The chunk the groups put each module in (null: the bundler's own choice), as Rolldown
 * would: the group of highest priority whose name function claims the module. */
function chunksOf(groups: CodeSplittingGroup[], ctx: ChunkingContext, files: string[]) {
  const ordered = [...groups].sort((a, b) => (b.priority ?? 0) - (a.priority ?? 0));
  return Object.fromEntries(
    files.map((file) => {
      for (const group of ordered) {
        const name = typeof group.name === 'function' ? group.name(`${ROOT}/${file}`, ctx) : null;
        if (name) return [file, name];
      }
      return [file, null];
    }),
  );
}

const STAGES: LoadStage[] = [
  { name: 'boot', from: ['boot.ts'], apart: ['boot.ts'] },
  { name: 'app', from: ['main.tsx'], apart: ['main.tsx'] },
  { name: 'lessons', fetchedBy: 'link.ts' },
];

const APP = graph({
  'boot.ts': ['theme.ts', 'styles.css', 'link.ts'],
  'link.ts': ['lazy:player.tsx'],
  'theme.ts': [],
  'styles.css': [],
  'main.tsx': ['theme.ts', 'view.tsx'],
  'view.tsx': ['store.ts'],
  'store.ts': [],
  'player.tsx': ['store.ts', 'markdown.ts'],
  'markdown.ts': [],
  'terminal.ts': ['xterm.js'],
  'xterm.js': [],
});

describe('the load stages', () => {
  const chunks = chunksOf(loadStageGroups(ROOT, STAGES), APP, [
    'boot.ts',
    'link.ts',
    'theme.ts',
    'styles.css',
    'main.tsx',
    'view.tsx',
    'store.ts',
    'player.tsx',
    'markdown.ts',
    'terminal.ts',
    'xterm.js',
  ]);

  it('put what a stage imports in its chunk, and a module two stages share in the earlier', () => {
    // link.ts is the boot's own; what it fetches lazily is the lessons' stage.
    expect(chunks['link.ts']).toBe('boot');
    // theme.ts is imported by boot and by the app: the shell has it first.
    expect(chunks['theme.ts']).toBe('boot');
    expect([chunks['view.tsx'], chunks['store.ts']]).toEqual(['app', 'app']);
    // The player's own code comes with the lessons; what the app already has stays there.
    expect([chunks['player.tsx'], chunks['markdown.ts']]).toEqual(['lessons', 'lessons']);
  });

  it('leave a start point that awaits at its top level in a chunk of its own', () => {
    expect([chunks['boot.ts'], chunks['main.tsx']]).toEqual([null, null]);
  });

  it('leave stylesheets and the lazy parts no stage reaches to the bundler', () => {
    expect(chunks['styles.css']).toBeNull();
    expect([chunks['terminal.ts'], chunks['xterm.js']]).toEqual([null, null]);
  });

  it('say which start point the build does not have, rather than split it silently', () => {
    const nameOf = (stage: LoadStage) => {
      const name = loadStageGroups(ROOT, [stage])[0]?.name;
      if (typeof name !== 'function') throw new Error('a stage names its modules by a function');
      return () => name(`${ROOT}/theme.ts`, APP);
    };
    expect(nameOf({ name: 'gone', from: ['renamed.ts'] })).toThrow(
      'loadStages: gone: renamed.ts is not in the build',
    );
    expect(nameOf({ name: 'gone', fetchedBy: 'renamed.ts' })).toThrow(/renamed\.ts is not in/);
    // A module that no longer fetches anything: the stage would be empty without a word.
    expect(nameOf({ name: 'idle', fetchedBy: 'theme.ts' })).toThrow(
      'loadStages: idle: theme.ts fetches nothing',
    );
  });

  it('name only files that exist in the app', async () => {
    const { existsSync } = await import('node:fs');
    const { resolve } = await import('node:path');
    const root = resolve(import.meta.dirname, '../..');
    for (const stage of LOAD_STAGES) {
      const files = [...(stage.from ?? []), ...(stage.apart ?? []), stage.fetchedBy ?? []].flat();
      expect(files.length, `${stage.name} starts somewhere`).toBeGreaterThan(0);
      for (const file of files)
        expect(existsSync(resolve(root, file)), `${stage.name}: ${file}`).toBe(true);
      for (const file of stage.apart ?? []) expect(stage.from).toContain(file);
    }
  });
});
