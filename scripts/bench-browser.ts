/**
 * Browser benchmarks (not timed tests): frame times while the host view plays a busy host
 * (40 containers, packets flowing) and while the Cluster view runs its big preset (50 nodes,
 * 1,000 tasks; then one node powered off), beside an idle page measured in the same run, in the
 * headless Chromium the e2e tests use. Builds the app, serves it with `vite preview`, and
 * writes bench-results/browser.json.
 *
 *   npm run bench   (runs this after the simulation benchmarks)
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { chromium, type Page } from '@playwright/test';

const PORT = Number(process.env.BENCH_PORT ?? 4399);
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/** requestAnimationFrame intervals for `ms` of wall time. */
async function frameIntervals(page: Page, ms: number): Promise<number[]> {
  // Passed as source text: tsx would otherwise wrap the callback in helpers the page lacks.
  return page.evaluate(`new Promise((resolve) => {
    const out = [];
    let last = performance.now();
    const end = last + ${ms};
    const tick = (now) => {
      out.push(now - last);
      last = now;
      if (now < end) requestAnimationFrame(tick);
      else resolve(out);
    };
    requestAnimationFrame(tick);
  })`);
}

async function waitForServer(url: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`preview server did not start at ${url}`);
}

async function main(): Promise<void> {
  const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'error'], { stdio: 'inherit' });
  if (build.status !== 0) throw new Error('build failed');
  const server = spawn('npx', ['vite', 'preview', '--strictPort', '--port', String(PORT)], {
    stdio: 'ignore',
    detached: true,
  });
  const url = `http://127.0.0.1:${PORT}/`;
  try {
    await waitForServer(url);
    const browser = await chromium.launch({
      executablePath,
      args: ['--disable-gpu', '--disable-quic'],
    });
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(url);
    await page.getByRole('button', { name: 'docker run nginx' }).waitFor();
    const idle = await frameIntervals(page, 3000);
    for (let i = 0; i < 40; i++)
      await page.getByRole('button', { name: 'docker run nginx' }).click();
    await page.getByRole('button', { name: 'Jump to now' }).click();
    await page.getByRole('combobox', { name: 'Speed' }).selectOption('4');
    await page.getByRole('button', { name: 'Restart playback' }).click();
    const busy = await frameIntervals(page, 5000);

    // The big cluster: 50 machines and 1,000 tasks, its clock running; then a machine powered
    // off, so that its 20 tasks are rescheduled while the frames are counted.
    await page.getByRole('group', { name: 'View' }).getByRole('radio', { name: 'Cluster' }).check();
    const cluster = page.getByRole('region', { name: 'Cluster', exact: true });
    await cluster.getByRole('button', { name: 'Big cluster: 50 nodes, 1,000 tasks' }).click();
    const machines = cluster.getByRole('list', { name: 'Machines of the cluster' });
    await machines.getByRole('button', { name: /^node-50, / }).waitFor({ timeout: 30_000 });
    await page.waitForTimeout(20_000);
    const bigCluster = await frameIntervals(page, 5000);
    await machines.getByRole('button', { name: /^node-7, / }).click();
    await cluster
      .getByRole('group', { name: 'Faults and availability of node-7' })
      .getByRole('button', { name: 'Power off', exact: true })
      .click();
    const rescheduling = await frameIntervals(page, 5000);
    await browser.close();
    const figures = {
      idle: { p50: percentile(idle, 50), p95: percentile(idle, 95) },
      busyHost40: { p50: percentile(busy, 50), p95: percentile(busy, 95) },
      bigCluster: { p50: percentile(bigCluster, 50), p95: percentile(bigCluster, 95) },
      bigClusterRescheduling: {
        p50: percentile(rescheduling, 50),
        p95: percentile(rescheduling, 95),
      },
    };
    const ratio = figures.busyHost40.p95 / Math.max(1, figures.idle.p95);
    console.log('\nBrowser benchmarks (headless Chromium, software rendering)\n');
    console.log('| figure | p50 | p95 | how it was measured |');
    console.log('|---|---:|---:|---|');
    console.log(
      `| idle page | ${figures.idle.p50.toFixed(1)} ms | ${figures.idle.p95.toFixed(1)} ms | rAF intervals over 3 s, nothing playing |`,
    );
    console.log(
      `| busy host, 40 containers | ${figures.busyHost40.p50.toFixed(1)} ms | ${figures.busyHost40.p95.toFixed(1)} ms | rAF intervals over 5 s while playing 40 \`docker run nginx\` at 4x |`,
    );
    console.log(`| busy / idle (p95) | | ${ratio.toFixed(2)}x | the figure to watch |`);
    console.log(
      `| big cluster, 50 nodes, 1,000 tasks | ${figures.bigCluster.p50.toFixed(1)} ms | ${figures.bigCluster.p95.toFixed(1)} ms | rAF intervals over 5 s in the Cluster view, 20 s after the preset, clock running |`,
    );
    console.log(
      `| big cluster, a node powered off | ${figures.bigClusterRescheduling.p50.toFixed(1)} ms | ${figures.bigClusterRescheduling.p95.toFixed(1)} ms | rAF intervals over the 5 s after powering off node-7 (its tasks rescheduled) |`,
    );
    const clusterRatio = figures.bigCluster.p95 / Math.max(1, figures.idle.p95);
    console.log(`| big cluster / idle (p95) | | ${clusterRatio.toFixed(2)}x | |`);
    mkdirSync('bench-results', { recursive: true });
    writeFileSync(
      'bench-results/browser.json',
      `${JSON.stringify({ figures, ratio, clusterRatio }, null, 2)}\n`,
    );
  } finally {
    if (server.pid) process.kill(-server.pid);
  }
}

await main();
