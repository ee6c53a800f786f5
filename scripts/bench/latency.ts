/**
 * Interaction latency in headless Chromium: on a freshly loaded app, the terminal focused and
 * `docker run -d nginx` typed, the time from the Enter keydown to the first packet drawn in the
 * host diagram (PacketLayer's `data-testid="packet"` element showing a new trace entry, plus the
 * animation frame that paints it). Watched inside the page: a capture-phase keydown listener
 * and a MutationObserver. The playback shows one step per STEP_MS / speed, but the first step
 * of a new command at once when the view has been waiting at the live end (usePlaybackClock),
 * so the figure is what the app itself costs, at 1x and at 8x alike.
 */
import type { Browser } from '@playwright/test';
import { STEP_MS } from '../../src/store/playback';
import { launchChromium, newPage } from './browser';
import { median } from './stats';
import { num, type Row } from './table';

const PART = 'Latency';
const RUNS = 5;
const COMMAND = 'docker run -d nginx';

/** Set up in the page before Enter; `window.__latency` resolves once the packet is painted. */
const WATCH = `(() => {
  const shown = () => document.querySelector('[data-testid="packet"]');
  const before = shown()?.getAttribute('data-seq') ?? null;
  let enter = null;
  window.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && enter === null) enter = performance.now();
  }, true);
  window.__latency = new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (enter === null) return;
      const packet = shown();
      const seq = packet?.getAttribute('data-seq') ?? null;
      if (!packet || seq === before) return;
      observer.disconnect();
      const inDom = performance.now() - enter;
      requestAnimationFrame(() => resolve({ inDom, painted: performance.now() - enter, seq }));
    });
    observer.observe(document.body, {
      childList: true, subtree: true, attributes: true, attributeFilter: ['data-seq'],
    });
  });
})()`;

interface Sample {
  readonly inDom: number;
  readonly painted: number;
}

async function once(browser: Browser, url: string): Promise<Sample> {
  const page = await newPage(browser);
  try {
    await page.goto(url);
    const terminal = page
      .getByRole('region', { name: 'Terminal' })
      .getByRole('group', { name: 'Terminal' });
    await terminal.click();
    await page.getByRole('textbox', { name: 'Terminal input' }).waitFor();
    await page.keyboard.type(COMMAND);
    await page.waitForTimeout(300);
    await page.evaluate(WATCH);
    await page.keyboard.press('Enter');
    return await page.evaluate<Sample>('window.__latency');
  } finally {
    await page.close();
  }
}

export async function measureLatency(url: string, speed: number): Promise<number[]> {
  const browser = await launchChromium();
  try {
    const target = speed === 1 ? url : `${url}?speed=${speed}`;
    const painted: number[] = [];
    for (let i = 0; i < RUNS; i++) painted.push((await once(browser, target)).painted);
    return painted;
  } finally {
    await browser.close();
  }
}

export async function latency(url: string): Promise<{ rows: Row[]; samples: object }> {
  const rows: Row[] = [];
  const samples: Record<string, number[]> = {};
  for (const speed of [1, 8]) {
    const painted = await measureLatency(url, speed);
    samples[`speed${speed}`] = painted;
    const best = Math.min(...painted);
    const mid = median(painted);
    rows.push({
      part: PART,
      figure: `Enter on \`${COMMAND}\` → first packet drawn, ${speed}x: best / median`,
      value: mid,
      unit: 'ms',
      shown: `${num(best)} / ${num(mid)} ms`,
      how: `${RUNS} fresh loads${speed === 1 ? '' : ` of ?speed=${speed}`}; Enter keydown to a packet with a new entry (MutationObserver) + 1 frame; the first step is not held back (steps then ${num(STEP_MS / speed, Number.isInteger(STEP_MS / speed) ? 0 : 1)} ms apart)`,
    });
  }
  return { rows, samples };
}
