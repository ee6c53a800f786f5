/**
 * Lighthouse on the built app with its default (mobile) configuration: simulated slow 4G and
 * 4x CPU slowdown, a Moto G Power-sized screen. Performance, accessibility and best-practices
 * scores for the landing page and a lesson page, in headless Chromium started by
 * chrome-launcher (CHROME_PATH, else the Chromium the e2e tests use). Budget: each score
 * at least 0.95. The audits that cost points are kept, to be printed under the table.
 * Five unscored diagnostics are skipped, and a trace category only they read (SKIP_AUDITS).
 */
import { launch } from 'chrome-launcher';
import lighthouse, { type Result } from 'lighthouse';
import Trace from 'lighthouse/core/gather/gatherers/trace.js';
import { LESSONS } from '../../src/scenarios';
import { CHROMIUM_PATH } from './machine';
import { atLeast, num, type Row } from './table';

const PART = 'Lighthouse';
const CATEGORIES = ['performance', 'accessibility', 'best-practices'] as const;
export const SCORE_BUDGET = 0.95;
/**
 * Runs per page: the median run is the one reported (Lighthouse's own advice). One run's
 * performance score moves by a few hundredths with the machine's load, which is a budget's
 * width here; the other runs' scores are shown beside it.
 */
const RUNS = 3;
/**
 * Unscored diagnostics (weight 0) that need Lighthouse 12.2's RootCauses gatherer, which fails
 * on this Chromium's traces ("reading 'frame_sequence'") after minutes of work on a busy page.
 * Skipping them leaves every score as it is. (Lighthouse 12.3+ handles the newer traces, but
 * its trace engine depends on dist-tags, `third-party-web@latest`, which breaks `npm ci` as
 * soon as a new version is published.)
 */
const SKIP_AUDITS = [
  'largest-contentful-paint-element',
  'layout-shifts',
  'lcp-lazy-loaded',
  'non-composited-animations',
  'prioritize-lcp-image',
];

/**
 * The trace category those root causes needed. On a page that re-renders all the time (a
 * lesson playing) it makes the trace so large that reading it took minutes here; Lighthouse
 * 12.3+ no longer records it. Nothing scored reads it.
 */
const INVALIDATIONS = 'disabled-by-default-devtools.timeline.invalidationTracking';
const defaultCategories = Trace.getDefaultTraceCategories.bind(Trace);
Trace.getDefaultTraceCategories = () => defaultCategories().filter((c) => c !== INVALIDATIONS);

/** The lesson page: the course's second lesson, on a host (see src/scenarios/index.ts). */
const LESSON_ID = 'run-chain';

export interface FailedAudit {
  readonly category: string;
  readonly id: string;
  readonly title: string;
  readonly score: number;
  /** What Lighthouse says about it: the value, the explanation, or the first items it lists. */
  readonly why: string;
}

export interface PageScores {
  readonly page: string;
  readonly url: string;
  readonly scores: Readonly<Record<string, number | null>>;
  readonly metrics: Readonly<Record<string, string>>;
  readonly failed: readonly FailedAudit[];
  /** Where the main thread's time went (Lighthouse's diagnostics, not scored). */
  readonly mainThread: string;
  readonly version: string;
  /** Every run's performance score, in the order run (the median run is this one). */
  readonly performanceRuns: readonly (number | null)[];
}

function itemText(item: unknown): string | null {
  if (typeof item !== 'object' || item === null) return null;
  const record = item as Record<string, unknown>;
  // font-size lists selectors with their size and share of the text.
  if (typeof record.selector === 'string' && record.selector.length > 0)
    return [record.selector, record.fontSize, record.coverage]
      .filter((v) => typeof v === 'string')
      .join(' ');
  const node = record.node as { snippet?: string; nodeLabel?: string } | undefined;
  const source = record.source as { url?: string } | undefined;
  for (const value of [
    record.issueType,
    record.description,
    node?.nodeLabel,
    node?.snippet,
    record.url,
    source?.url,
  ])
    if (typeof value === 'string' && value.length > 0) return value;
  return null;
}

/** A short reason: display value or explanation, then up to three of the audit's items. */
function why(audit: Result['audits'][string]): string {
  const parts: string[] = [];
  if (audit.displayValue) parts.push(String(audit.displayValue));
  if (audit.explanation) parts.push(audit.explanation);
  const details = audit.details as { items?: unknown[] } | undefined;
  const items = (details?.items ?? []).map(itemText).filter((t): t is string => t !== null);
  const distinct = [...new Set(items)];
  if (distinct.length > 0)
    parts.push(
      `${distinct
        .slice(0, 3)
        .map((t) => (t.length > 80 ? `${t.slice(0, 80)}…` : t))
        .join('; ')}${distinct.length > 3 ? `; … (${distinct.length} in all)` : ''}`,
    );
  return parts.join(' — ').replace(/\s+/g, ' ');
}

/** Main-thread work by kind and the scripts that cost most, as Lighthouse measured them. */
function mainThread(lhr: Result): string {
  const work = lhr.audits['mainthread-work-breakdown'];
  const boot = lhr.audits['bootup-time'];
  const items = <T>(audit: typeof work) =>
    ((audit?.details as { items?: T[] } | undefined)?.items ?? []) as T[];
  const kinds = items<{ groupLabel?: string; duration?: number }>(work)
    .slice(0, 3)
    .map((i) => `${i.groupLabel ?? '?'} ${num(i.duration ?? 0)} ms`);
  const scripts = items<{ url?: string; scripting?: number }>(boot)
    .slice(0, 3)
    .map((i) => `${(i.url ?? '?').replace(/^https?:\/\/[^/]+/, '')} ${num(i.scripting ?? 0)} ms`);
  return `main thread ${work?.displayValue ?? 'n/a'} (${kinds.join(', ')}); scripting by file: ${scripts.join(', ')}`;
}

function summarise(page: string, url: string, lhr: Result): PageScores {
  const scores: Record<string, number | null> = {};
  const failed: FailedAudit[] = [];
  for (const id of CATEGORIES) {
    const category = lhr.categories[id];
    scores[id] = category?.score ?? null;
    for (const ref of category?.auditRefs ?? []) {
      const audit = lhr.audits[ref.id];
      if (!audit || ref.weight === 0 || audit.score === null || audit.score >= 1) continue;
      failed.push({
        category: id,
        id: audit.id,
        title: audit.title,
        score: audit.score,
        why: why(audit),
      });
    }
  }
  const metrics: Record<string, string> = {};
  for (const id of [
    'first-contentful-paint',
    'largest-contentful-paint',
    'total-blocking-time',
    'cumulative-layout-shift',
    'speed-index',
  ])
    metrics[id] = lhr.audits[id]?.displayValue ?? 'n/a';
  return {
    page,
    url,
    scores,
    metrics,
    failed,
    mainThread: mainThread(lhr),
    version: lhr.lighthouseVersion,
    performanceRuns: [],
  };
}

/** The run with the median performance score, with every run's score. */
function medianRun(runs: readonly PageScores[]): PageScores {
  const score = (run: PageScores) => run.scores['performance'] ?? -1;
  const sorted = [...runs].sort((a, b) => score(a) - score(b));
  const median = sorted[Math.floor((sorted.length - 1) / 2)];
  if (!median) throw new Error('no Lighthouse run to report');
  return { ...median, performanceRuns: runs.map((run) => run.scores['performance'] ?? null) };
}

export async function runLighthouse(baseUrl: string): Promise<PageScores[]> {
  if (!LESSONS.some((l) => l.id === LESSON_ID))
    throw new Error(`no lesson "${LESSON_ID}": pick another in src/scenarios/index.ts`);
  const pages = [
    { page: 'landing page', url: baseUrl },
    { page: `lesson page (?lesson=${LESSON_ID})`, url: `${baseUrl}?lesson=${LESSON_ID}` },
  ];
  const out: PageScores[] = [];
  for (const { page, url } of pages) {
    const runs: PageScores[] = [];
    for (let run = 0; run < RUNS; run++) runs.push(summarise(page, url, await lighthouseRun(url)));
    out.push(medianRun(runs));
  }
  return out;
}

/**
 * One run, in a Chrome of its own, as the Lighthouse CLI and Lighthouse CI run each one. A Chrome
 * kept from the run before gave the next a later simulated LCP, every time (2.5 s against 2.0 s
 * for the same build of the lesson page): Lighthouse clears the page's cache and storage between
 * runs, not what the browser itself keeps.
 */
async function lighthouseRun(url: string): Promise<Result> {
  const chrome = await launch({
    chromePath: process.env.CHROME_PATH ?? CHROMIUM_PATH,
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'],
    logLevel: 'silent',
  });
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'silent',
      onlyCategories: [...CATEGORIES],
      skipAudits: SKIP_AUDITS,
    });
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    const { lhr } = result;
    if (lhr.runtimeError) throw new Error(`Lighthouse on ${url}: ${lhr.runtimeError.message}`);
    return lhr;
  } finally {
    chrome.kill();
  }
}

export async function lighthouseScores(
  baseUrl: string,
): Promise<{ rows: Row[]; pages: PageScores[] }> {
  const pages = await runLighthouse(baseUrl);
  const rows: Row[] = [];
  for (const p of pages)
    for (const id of CATEGORIES) {
      const score = p.scores[id] ?? null;
      const m = p.metrics;
      rows.push({
        part: PART,
        figure: `${p.page}: ${id}`,
        value: score,
        unit: 'score',
        shown: score === null ? 'n/a' : num(score, 2),
        budget: atLeast(score ?? 0, SCORE_BUDGET, num(SCORE_BUDGET, 2)),
        how:
          id === 'performance'
            ? `Lighthouse ${p.version}, mobile (4G, 4x CPU), the median of ${p.performanceRuns.length} runs (${p.performanceRuns.map((r) => (r === null ? 'n/a' : num(r, 2))).join(', ')}): FCP ${m['first-contentful-paint']}, LCP ${m['largest-contentful-paint']}, TBT ${m['total-blocking-time']}, CLS ${m['cumulative-layout-shift']}`
            : `Lighthouse ${p.version}, mobile; audits below 1: ${
                p.failed
                  .filter((f) => f.category === id)
                  .map((f) => f.id)
                  .join(', ') || 'none'
              }`,
      });
    }
  return { rows, pages };
}
