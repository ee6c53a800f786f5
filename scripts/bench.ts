/**
 * `npm run bench`: every benchmark of the app in one table (not timed tests: figures, with the
 * budgets the project set where it set one). Each part is a small module in scripts/bench/:
 *
 *   firstLoad   JS and CSS gzip bytes of the first screen, and of all chunks     (dist/)
 *   lighthouse  mobile performance, accessibility, best-practices; two pages      (Chromium)
 *   frames      rAF intervals: busy host, big cluster, each beside an idle page   (Chromium)
 *   latency     Enter on a docker command to the first packet drawn               (Chromium)
 *   simCost     container lifecycles, replay, service scale-up, and their growth  (Node)
 *   memory      JS heap after playing the lesson set on a loop                    (Node)
 *   bridge      the Engine API bridge's throughput beside bare Node HTTP           (Node)
 *
 * Builds the app itself (into a directory outside the working tree) and serves it with
 * `vite preview` on BENCH_PORT (4399). Prints the table (Markdown, as the README shows it) and
 * writes bench-results/bench.json. Exits 1 when a part could not be measured; a budget missed
 * is reported, not an error.
 *
 *   npm run bench
 *   npm run bench -- --only=frames,latency     some parts only (printed, not written)
 */
import { loadavg } from 'node:os';
import { firstLoadRows } from './bench/firstLoad';
import { buildApp, serveApp, type Served } from './bench/app';
import { bridge } from './bench/bridge';
import { frames } from './bench/frames';
import { latency } from './bench/latency';
import { lighthouseScores, type PageScores } from './bench/lighthouse';
import { describeMachine, machineLine } from './bench/machine';
import { memory } from './bench/memory';
import { simCost } from './bench/simCost';
import { FAIL, failedRow, markdownTable, writeResult, type Row } from './bench/table';

const PARTS = [
  'firstLoad',
  'lighthouse',
  'frames',
  'latency',
  'simCost',
  'memory',
  'bridge',
] as const;
type Part = (typeof PARTS)[number];
/** How each part is called in the table, in the table's order. */
const LABEL: Record<Part, string> = {
  firstLoad: 'First load',
  lighthouse: 'Lighthouse',
  frames: 'Frames',
  latency: 'Latency',
  simCost: 'Simulation',
  memory: 'Memory',
  bridge: 'Bridge',
};
const RESULT_FILE = 'bench-results/bench.json';
const PORT = Number(process.env.BENCH_PORT ?? 4399);

function selectedParts(argv: readonly string[]): Set<Part> {
  const only = argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
  if (!only) return new Set(PARTS);
  const names = only.split(',').filter(Boolean);
  const unknown = names.filter((n) => !(PARTS as readonly string[]).includes(n));
  if (unknown.length > 0)
    throw new Error(`unknown part ${unknown.join(', ')}: choose from ${PARTS.join(', ')}`);
  return new Set(names as Part[]);
}

// From the process's start: loading the parts' modules (Vite, Playwright, Lighthouse) counts too.
const loadBefore = loadavg()[0] ?? 0;
const elapsed = () => `${process.uptime().toFixed(0)} s`;
const parts = selectedParts(process.argv.slice(2));
const rows: Row[] = [];
const details: Record<string, unknown> = {};
let broken = 0;

async function run(part: Part, measure: () => Promise<Row[]> | Row[]): Promise<void> {
  if (!parts.has(part)) return;
  console.error(`[${elapsed()}] ${LABEL[part]}…`);
  try {
    rows.push(...(await measure()));
  } catch (error) {
    broken++;
    console.error(error);
    rows.push(failedRow(LABEL[part], error));
  }
}

// The Node parts first, while no browser competes for the two cores.
await run('simCost', simCost);
await run('memory', () => {
  const { rows, probe } = memory();
  details.memory = probe;
  return rows;
});
await run('bridge', bridge);

const browserParts: Part[] = ['firstLoad', 'lighthouse', 'frames', 'latency'];
if (browserParts.some((p) => parts.has(p))) {
  let dist: string | null = null;
  try {
    console.error(`[${elapsed()}] building the app…`);
    dist = await buildApp();
  } catch (error) {
    console.error(error);
    for (const p of browserParts.filter((x) => parts.has(x))) {
      broken++;
      rows.push(failedRow(LABEL[p], error));
    }
  }
  if (dist) {
    const built = dist;
    await run('firstLoad', () => {
      const { rows, load } = firstLoadRows(built);
      details.firstLoad = load;
      return rows;
    });
    let served: Served | null = null;
    try {
      served = await serveApp(built, PORT);
      const url = served.url;
      await run('frames', async () => {
        const { rows, figures } = await frames(url);
        details.frames = figures;
        return rows;
      });
      await run('latency', async () => {
        const { rows, samples } = await latency(url);
        details.latency = samples;
        return rows;
      });
      await run('lighthouse', async () => {
        const { rows, pages } = await lighthouseScores(url);
        details.lighthouse = pages;
        return rows;
      });
    } catch (error) {
      // The server did not start (the port is taken, say).
      console.error(error);
      for (const p of ['frames', 'latency', 'lighthouse'] as const)
        if (parts.has(p) && !rows.some((r) => r.part === LABEL[p])) {
          broken++;
          rows.push(failedRow(LABEL[p], error));
        }
    } finally {
      await served?.close();
    }
  }
}

const order = PARTS.map((p) => LABEL[p]);
rows.sort((a, b) => order.indexOf(a.part) - order.indexOf(b.part));
const machine = describeMachine();
const seconds = Math.round(process.uptime());
const load = { before: loadBefore, after: loadavg()[0] ?? 0 };

console.log(
  `\nBenchmarks on ${machineLine(machine)}, ${new Date().toISOString().slice(0, 10)}; load average ${load.before.toFixed(1)} before, ${load.after.toFixed(1)} after\n`,
);
console.log(markdownTable(rows));

const misses = rows.filter((r) => r.budget && !r.budget.pass);
if (misses.length > 0) {
  console.log(`\n${FAIL} ${misses.length} budget${misses.length === 1 ? '' : 's'} missed.`);
  for (const page of (details.lighthouse as PageScores[] | undefined) ?? [])
    if (page.failed.length > 0) {
      console.log(`\nLighthouse, ${page.page}: weighted audits below 1`);
      for (const f of page.failed)
        console.log(`- ${f.category} / ${f.id} (${f.score.toFixed(2)}): ${f.title}. ${f.why}`);
      console.log(`- ${page.mainThread}`);
    }
}

if (parts.size === PARTS.length) {
  writeResult(RESULT_FILE, {
    date: new Date().toISOString(),
    machine,
    loadAverage: load,
    seconds,
    rows,
    details,
  });
  console.log(`\nWritten to ${RESULT_FILE} in ${seconds} s.`);
} else console.log(`\nA partial run (${seconds} s): ${RESULT_FILE} is left as it was.`);
process.exit(broken > 0 ? 1 : 0);
