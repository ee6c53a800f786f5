/**
 * Frame times in headless Chromium (software rendering, so they measure main-thread cost):
 * requestAnimationFrame intervals, p50 and p95, while the host view plays a busy host
 * (40 containers, packets flowing) and while the Cluster view runs its big preset (50 nodes,
 * 1,000 tasks; then a node powered off), each beside an idle page measured in the same run.
 * The ratio to idle is the figure.
 */
import type { Page } from '@playwright/test';
import { frameIntervals, launchChromium, newPage } from './browser';
import { percentile } from './stats';
import { num, type Row } from './table';

const PART = 'Frames';
const IDLE_MS = 3_000;
const MEASURE_MS = 5_000;

interface Spread {
  readonly p50: number;
  readonly p95: number;
}

const spread = (intervals: number[]): Spread => ({
  p50: percentile(intervals, 50),
  p95: percentile(intervals, 95),
});

/** Waits until every service of the cluster runs all its tasks, `total` in all. */
async function converged(page: Page, total: number, timeoutMs: number): Promise<number> {
  const services = page
    .getByRole('region', { name: 'Cluster', exact: true })
    .getByRole('region', { name: 'Services' })
    .getByRole('listitem');
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    const texts = await services.allTextContents();
    const counts = texts.map((t) => /(\d+)\/(\d+)/.exec(t.replace(/,/g, '')));
    const desired = counts.reduce((n, m) => n + Number(m?.[2] ?? 0), 0);
    const running = counts.reduce((n, m) => n + Number(m?.[1] ?? 0), 0);
    if (desired === total && running === total && !texts.some((t) => t.includes('◐')))
      return Date.now() - started;
    await page.waitForTimeout(500);
  }
  throw new Error(`the big cluster did not converge to ${total} running tasks in time`);
}

export interface FrameFigures {
  readonly idle: Spread;
  readonly busyHost: Spread;
  readonly bigCluster: Spread;
  readonly rescheduling: Spread;
  readonly convergeMs: number;
}

export async function measureFrames(url: string): Promise<FrameFigures> {
  const browser = await launchChromium();
  try {
    const page = await newPage(browser);
    await page.goto(url);
    const run = page.getByRole('button', { name: 'docker run nginx' });
    await run.waitFor();
    const idle = spread(await frameIntervals(page, IDLE_MS));

    // A busy host: 40 containers started, then played back from the start at 4x: a packet
    // in flight at every moment and the diagram's nodes changing state.
    for (let i = 0; i < 40; i++) await run.click();
    await page.getByRole('button', { name: 'Jump to now' }).click();
    await page.getByRole('combobox', { name: 'Speed' }).selectOption('4');
    await page.getByRole('button', { name: 'Restart playback' }).click();
    const busyHost = spread(await frameIntervals(page, MEASURE_MS));

    // The big cluster: 50 machines and 1,000 tasks, its clock running, once converged; then a
    // machine powered off, so that its tasks are rescheduled while the frames are counted.
    await page.getByRole('group', { name: 'View' }).getByRole('radio', { name: 'Cluster' }).check();
    const cluster = page.getByRole('region', { name: 'Cluster', exact: true });
    await cluster.getByRole('button', { name: 'Big cluster: 50 nodes, 1,000 tasks' }).click();
    const machines = cluster.getByRole('list', { name: 'Machines of the cluster' });
    await machines.getByRole('button', { name: /^node-50, / }).waitFor({ timeout: 30_000 });
    const convergeMs = await converged(page, 1_000, 90_000);
    const bigCluster = spread(await frameIntervals(page, MEASURE_MS));
    await machines.getByRole('button', { name: /^node-7, / }).click();
    await cluster
      .getByRole('group', { name: 'Faults and availability of node-7' })
      .getByRole('button', { name: 'Power off', exact: true })
      .click();
    const rescheduling = spread(await frameIntervals(page, MEASURE_MS));
    return { idle, busyHost, bigCluster, rescheduling, convergeMs };
  } finally {
    await browser.close();
  }
}

const ms = (s: Spread) => `${num(s.p50, 1)} / ${num(s.p95, 1)} ms`;

export async function frames(url: string): Promise<{ rows: Row[]; figures: FrameFigures }> {
  const f = await measureFrames(url);
  const ratio = (s: Spread) => s.p95 / f.idle.p95;
  const rows: Row[] = [
    {
      part: PART,
      figure: 'idle page: p50 / p95',
      value: f.idle.p95,
      unit: 'ms',
      shown: ms(f.idle),
      how: `rAF intervals, ${IDLE_MS / 1000} s, landing page at 1280×800, nothing playing`,
    },
    {
      part: PART,
      figure: 'busy host (40 containers): p50 / p95',
      value: f.busyHost.p95,
      unit: 'ms',
      shown: ms(f.busyHost),
      how: `rAF intervals, ${MEASURE_MS / 1000} s, 40 \`docker run nginx\` played back from the start at 4x`,
    },
    {
      part: PART,
      figure: 'busy host / idle (p95)',
      value: ratio(f.busyHost),
      unit: 'x',
      shown: `${num(ratio(f.busyHost), 2)}x`,
      how: 'the figure (1 = as smooth as idle)',
    },
    {
      part: PART,
      figure: 'big cluster (50 nodes, 1,000 tasks): p50 / p95',
      value: f.bigCluster.p95,
      unit: 'ms',
      shown: ms(f.bigCluster),
      how: `rAF intervals, ${MEASURE_MS / 1000} s, Cluster view, clock running, all tasks running`,
    },
    {
      part: PART,
      figure: 'big cluster / idle (p95)',
      value: ratio(f.bigCluster),
      unit: 'x',
      shown: `${num(ratio(f.bigCluster), 2)}x`,
      how: 'the figure (1 = as smooth as idle)',
    },
    {
      part: PART,
      figure: 'big cluster, a node powered off: p50 / p95',
      value: f.rescheduling.p95,
      unit: 'ms',
      shown: ms(f.rescheduling),
      how: `rAF intervals, the ${MEASURE_MS / 1000} s after powering off node-7; ${num(ratio(f.rescheduling), 2)}x idle at p95`,
    },
  ];
  return { rows, figures: f };
}
