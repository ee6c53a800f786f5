/**
 * First-load weight of a built app, read from its dist/ directory (no browser): the JavaScript
 * and CSS the first screen needs, gzip-compressed file by file (zlib level 9) and summed, beside
 * the total of every JS and CSS chunk. The first screen is the entry script of index.html, every
 * module it imports statically (transitively: `import ... from`, `export ... from`, bare
 * `import "..."`, never `import()`), every `modulepreload` of index.html, and the stylesheets
 * index.html links; and the host diagram's chunk with what it imports, fetched once the first
 * text is on screen (src/store/firstText.ts) but on the first screen all the same. The budget
 * holds for the whole; the first text's share is reported beside it.
 *
 * It also says which of the features that should load on demand (the terminal, the Dockerfile
 * editor, the cluster view) are in the first screen, recognising chunks by their source map's
 * `sources` (file names are hashed), or by a marker in the code when a chunk has no map.
 *
 * Pure over the directory: used by the benchmark (scripts/bench.ts) and the budget test
 * (e2e/budget.spec.ts).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { constants, gzipSync } from 'node:zlib';
import { initSync, parse } from 'es-module-lexer';
import { atMost, kb, type Row } from './table';

/** The first screen's JavaScript budget, gzip bytes (the 200 KB). */
export const FIRST_SCREEN_JS_BUDGET = 200_000;

/**
 * The most JavaScript files the first text may need: what a browser fetches at once from one
 * server over HTTP/1.1 (six connections). Each further six cost a round trip; the 38 small
 * chunks the bundler made by itself cost Lighthouse's slow 4G about a second and a half
 * (scripts/build/loadStages.ts groups them).
 */
export const FIRST_TEXT_FILES_BUDGET = 6;

export type OnDemandFeature =
  | 'terminal (xterm)'
  | 'Dockerfile editor (CodeMirror)'
  | 'cluster view'
  | 'checks of saved data (zod)'
  | 'simulation engine';

interface FeatureSignature {
  readonly feature: OnDemandFeature;
  /** Matches a path in a source map's `sources`. */
  readonly source: RegExp;
  /** Text only this feature's code contains, for a chunk without a source map. */
  readonly marker: string;
}

const ON_DEMAND: readonly FeatureSignature[] = [
  {
    feature: 'terminal (xterm)',
    source: /(^|\/)node_modules\/@xterm\/xterm\//,
    marker: 'xterm-helper-textarea',
  },
  {
    feature: 'Dockerfile editor (CodeMirror)',
    source: /(^|\/)node_modules\/@codemirror\/view\//,
    marker: 'cm-content',
  },
  {
    feature: 'cluster view',
    source: /(^|\/)src\/components\/(cluster\/(ClusterView|SwarmView)|kube\/KubeView)\.tsx$/,
    marker: 'cluster.orchestrator.legend',
  },
  {
    // Needed only when something was saved, linked or posted: a first visit has none of it.
    feature: 'checks of saved data (zod)',
    source: /(^|\/)node_modules\/zod\//,
    marker: '$ZodType',
  },
  {
    // The first screen draws a fresh host from its world; what makes it act comes after.
    feature: 'simulation engine',
    source: /(^|\/)src\/sim\/(engine|dispatch)\.ts$/,
    marker: 'exit pending (frozen)',
  },
];

export const ON_DEMAND_FEATURES: readonly OnDemandFeature[] = ON_DEMAND.map((f) => f.feature);

export interface Chunk {
  /** Path relative to the dist directory, with forward slashes. */
  readonly file: string;
  readonly kind: 'js' | 'css';
  readonly bytes: number;
  readonly gzip: number;
  /** The on-demand features whose code is in this chunk. */
  readonly features: readonly OnDemandFeature[];
}

export interface Weight {
  readonly files: readonly Chunk[];
  /** Sums of the files' gzip sizes. */
  readonly jsGzip: number;
  readonly cssGzip: number;
  readonly jsBytes: number;
  readonly cssBytes: number;
}

export interface FirstLoad {
  /** The first screen, its diagram included: what the budget is for. */
  readonly firstScreen: Weight;
  /** What the first text needs (the first screen less the diagram's own chunks). */
  readonly firstText: Weight;
  readonly all: Weight;
  /** Each on-demand feature found in the first screen, with the chunks that carry it. */
  readonly eagerFeatures: readonly { feature: OnDemandFeature; files: readonly string[] }[];
}

const posix = (path: string) => path.split('\\').join('/');

function gzipSize(data: Buffer): number {
  return gzipSync(data, { level: constants.Z_BEST_COMPRESSION }).length;
}

function featuresOf(path: string, code: string): OnDemandFeature[] {
  const mapPath = `${path}.map`;
  if (existsSync(mapPath)) {
    const map = JSON.parse(readFileSync(mapPath, 'utf8')) as { sources?: string[] };
    const sources = (map.sources ?? []).map(posix);
    return ON_DEMAND.filter((f) => sources.some((s) => f.source.test(s))).map((f) => f.feature);
  }
  return ON_DEMAND.filter((f) => code.includes(f.marker)).map((f) => f.feature);
}

function chunk(dist: string, path: string): Chunk {
  const data = readFileSync(path);
  const kind = path.endsWith('.css') ? 'css' : 'js';
  return {
    file: posix(relative(dist, path)),
    kind,
    bytes: data.length,
    gzip: gzipSize(data),
    features: kind === 'js' ? featuresOf(path, data.toString('utf8')) : [],
  };
}

function weigh(files: Chunk[]): Weight {
  const sum = (kind: Chunk['kind'], key: 'gzip' | 'bytes') =>
    files.filter((f) => f.kind === kind).reduce((n, f) => n + f[key], 0);
  return {
    files: files.sort((a, b) => b.gzip - a.gzip),
    jsGzip: sum('js', 'gzip'),
    cssGzip: sum('css', 'gzip'),
    jsBytes: sum('js', 'bytes'),
    cssBytes: sum('css', 'bytes'),
  };
}

/** A local URL in index.html or a chunk (`./assets/x.js`, `/assets/x.js`) as a file path. */
function localPath(dist: string, fromDir: string, url: string): string | null {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//')) return null;
  const clean = url.split(/[?#]/)[0] ?? url;
  return clean.startsWith('/') ? join(dist, clean) : resolve(fromDir, clean);
}

function attribute(tag: string, name: string): string | undefined {
  return new RegExp(`\\s${name}\\s*=\\s*["']([^"']*)["']`, 'i').exec(tag)?.[1];
}

/** What index.html loads up front: module scripts, modulepreloads, stylesheets. */
function htmlEntries(dist: string): { scripts: string[]; styles: string[] } {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const scripts: string[] = [];
  const styles: string[] = [];
  const add = (list: string[], url: string | undefined) => {
    const path = url === undefined ? null : localPath(dist, dist, url);
    if (path) list.push(path);
  };
  for (const [tag] of html.matchAll(/<script\b[^>]*>/gi))
    if (/type\s*=\s*["']module["']/i.test(tag)) add(scripts, attribute(tag, 'src'));
  for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
    const rel = attribute(tag, 'rel')?.toLowerCase();
    if (rel === 'modulepreload') add(scripts, attribute(tag, 'href'));
    if (rel === 'stylesheet') add(styles, attribute(tag, 'href'));
  }
  return { scripts, styles };
}

/** The module's static imports and re-exports, as file paths. */
function staticImports(dist: string, path: string): string[] {
  const [imports] = parse(readFileSync(path, 'utf8'), path);
  const out: string[] = [];
  for (const i of imports) {
    // d === -1: a static import or export ... from; -2 is import.meta; >= 0 is import().
    if (i.d !== -1 || i.n === undefined) continue;
    const target = localPath(dist, dirname(path), i.n);
    if (target) out.push(target);
  }
  return out;
}

function allAssets(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...allAssets(path));
    else if (/\.(m?js|css)$/.test(name)) out.push(path);
  }
  return out;
}

/** First-load weight of the app built in `distDir` (the directory holding index.html). */
export function firstLoad(distDir: string): FirstLoad {
  initSync();
  const dist = resolve(distDir);
  if (!existsSync(join(dist, 'index.html')))
    throw new Error(`${distDir}/index.html not found: build the app first (npm run build)`);
  const { scripts, styles } = htmlEntries(dist);
  const closure = (from: readonly string[], seen = new Set<string>()) => {
    const queue = [...from];
    for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
      if (seen.has(path)) continue;
      if (!existsSync(path)) throw new Error(`${relative(dist, path)} is loaded but not in dist/`);
      seen.add(path);
      queue.push(...staticImports(dist, path));
    }
    return seen;
  };
  const textFiles = closure(scripts);
  const cache = new Map<string, Chunk>();
  const chunkOf = (path: string) => {
    const known = cache.get(path) ?? chunk(dist, path);
    cache.set(path, known);
    return known;
  };
  const assets = allAssets(dist);
  const diagram = assets.filter((path) => path.endsWith('.js') && hasSource(path, DIAGRAM));
  if (diagram.length === 0) throw new Error('no chunk holds the host diagram (HostCanvas.tsx)');
  const screenFiles = closure(diagram, new Set(textFiles));
  const firstScreen = weigh([...screenFiles, ...new Set(styles)].map(chunkOf));
  const firstText = weigh([...textFiles, ...new Set(styles)].map(chunkOf));
  const all = weigh(assets.map(chunkOf));
  const eagerFeatures = ON_DEMAND_FEATURES.map((feature) => ({
    feature,
    files: firstScreen.files.filter((f) => f.features.includes(feature)).map((f) => f.file),
  })).filter((f) => f.files.length > 0);
  return { firstScreen, firstText, all, eagerFeatures };
}

/** The host diagram's own module: its chunk is part of the first screen. */
const DIAGRAM = /(^|\/)src\/components\/host\/HostCanvas\.tsx$/;

function hasSource(path: string, source: RegExp): boolean {
  const mapPath = `${path}.map`;
  if (!existsSync(mapPath)) return false;
  const map = JSON.parse(readFileSync(mapPath, 'utf8')) as { sources?: string[] };
  return (map.sources ?? []).map(posix).some((s) => source.test(s));
}

/** How many JavaScript files a weight holds. */
export function jsFileCount(weight: Weight): number {
  return weight.files.filter((f) => f.kind === 'js').length;
}

/** The benchmark's rows for a build in `distDir`. */
export function firstLoadRows(distDir: string): { rows: Row[]; load: FirstLoad } {
  const load = firstLoad(distDir);
  const { firstScreen: first, firstText: text, all } = load;
  const jsFiles = jsFileCount(first);
  const textFiles = jsFileCount(text);
  const cssFiles = first.files.length - jsFiles;
  const eager = load.eagerFeatures;
  const PART = 'First load';
  const rows: Row[] = [
    {
      part: PART,
      figure: 'first screen, its diagram included: JavaScript, gzip',
      value: first.jsGzip,
      unit: 'bytes',
      shown: kb(first.jsGzip),
      budget: atMost(first.jsGzip, FIRST_SCREEN_JS_BUDGET, kb(FIRST_SCREEN_JS_BUDGET)),
      how: `index.html's entry script, its static imports and modulepreloads, and the host diagram's chunk with its imports (${jsFiles} files, ${kb(first.jsBytes)} raw); zlib gzip -9 per file, summed`,
    },
    {
      part: PART,
      figure: "first text (before the diagram's code): JavaScript, gzip",
      value: text.jsGzip,
      unit: 'bytes',
      shown: kb(text.jsGzip),
      how: `the first screen less the diagram's own chunks, which are fetched once the first text is on screen (${textFiles} files)`,
    },
    {
      part: PART,
      figure: 'first text: JavaScript files',
      value: textFiles,
      unit: 'files',
      shown: String(textFiles),
      budget: atMost(textFiles, FIRST_TEXT_FILES_BUDGET, String(FIRST_TEXT_FILES_BUDGET)),
      how: 'the same files, counted: over HTTP/1.1 a browser fetches six at a time from one server, and each further six cost a round trip',
    },
    {
      part: PART,
      figure: 'first screen: CSS, gzip',
      value: first.cssGzip,
      unit: 'bytes',
      shown: kb(first.cssGzip),
      how: `stylesheets index.html links (${cssFiles} file${cssFiles === 1 ? '' : 's'}, ${kb(first.cssBytes)} raw)`,
    },
    {
      part: PART,
      figure: 'terminal, editor, cluster view, saved-data checks, simulation engine load on demand',
      value: eager.length,
      unit: 'features in the first screen',
      shown:
        eager.length === 0
          ? `all ${ON_DEMAND_FEATURES.length} lazy`
          : eager.map((e) => `${e.feature} in ${e.files.join(', ')}`).join('; '),
      budget: { text: 'none in the first screen', pass: eager.length === 0 },
      how: 'chunks recognised by their source maps (@xterm/xterm, @codemirror/view, ClusterView, zod)',
    },
    {
      part: PART,
      figure: 'all chunks: JavaScript + CSS, gzip',
      value: all.jsGzip + all.cssGzip,
      unit: 'bytes',
      shown: kb(all.jsGzip + all.cssGzip),
      how: `every .js and .css in dist/ (${all.files.length} files): JS ${kb(all.jsGzip)}, CSS ${kb(all.cssGzip)}`,
    },
  ];
  return { rows, load };
}
