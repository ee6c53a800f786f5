/**
 * Page object for accessibility checks: axe (WCAG 2.2 AA) run straight in the page, what the
 * live regions said over time, and where the keyboard focus is and whether it shows.
 *
 * axe-core (the one @axe-core/playwright depends on) is injected once per page load, minified,
 * and run with axe.run() in the page itself. AxeBuilder.analyze() does the same work with
 * more around it: it injects axe's 1.3 MB source again on every call, runs runPartial() in
 * each frame, then opens a blank page, injects axe there too and calls finishRun(), and
 * returns every passing node as well. Here a scan runs the WCAG 2.2 AA rules and axe's best
 * practices (every rule AxeBuilder runs by default, and a few more), returns violations (and
 * undecided results), is scoped to what changed (a dialog, a view, a panel), and is checked
 * to have run `color-contrast`.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type axe from 'axe-core';
import { expect, type Frame, type Locator, type Page } from '@playwright/test';

/** axe-core's minified build: half the size of `axe.source`, so it parses in half the time. */
const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

/** WCAG 2.0, 2.1 and 2.2, levels A and AA: what the issue asks the app to meet. */
export const WCAG_AA_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * What a scan runs: the WCAG 2.2 AA rules and axe's best practices (`region`, `landmark-*`,
 * `heading-order`, `page-has-heading-one`, ...). Together they hold every rule that
 * AxeBuilder.analyze() runs by default, plus a few it leaves off (`target-size` among them).
 * The rules about the page as a whole (`landmark-one-main`, `page-has-heading-one`, `bypass`)
 * apply only when no scope is given.
 */
export const SCAN_TAGS = [...WCAG_AA_TAGS, 'best-practice'];

/**
 * One thing a live region said: when, which region (its role, with " (app)" for the app's own
 * region, LiveRegion.tsx) and the words.
 */
export interface Said {
  readonly at: number;
  /** The region's role, and `(app)` for the app's own announcer. */
  readonly region: string;
  /** Which element said it: each live region element, numbered as it is first seen. */
  readonly element: number;
  readonly text: string;
}

declare global {
  interface Window {
    __said?: Said[];
  }
}

/**
 * Runs in the page before its scripts: logs each text a live region takes, as a screen reader
 * would hear it. A region that appears is heard only if it is an alert; after that, each change
 * of its text is heard. The app's own region (LiveRegion.tsx) puts each announcement in a new
 * span, so there a repeated message counts again.
 */
function recordLiveRegions() {
  const said: Said[] = [];
  window.__said = said;
  const known = new WeakMap<Element, string>();
  const numbers = new WeakMap<Element, number>();
  let count = 0;
  const LIVE = '[aria-live]:not([aria-live="off"]), [role="status"], [role="alert"], [role="log"]';
  const textOf = (region: Element) => (region.textContent ?? '').replace(/\s+/g, ' ').trim();
  const hear = (region: Element) => {
    const text = textOf(region);
    known.set(region, text);
    const app = region.classList.contains('sr-only');
    const name = `${region.getAttribute('role') ?? 'live'}${app ? ' (app)' : ''}`;
    if (!numbers.has(region)) numbers.set(region, ++count);
    const element = numbers.get(region) ?? 0;
    if (text) said.push({ at: Math.round(performance.now()), region: name, element, text });
  };
  new MutationObserver((mutations) => {
    const changed = new Set<Element>();
    for (const mutation of mutations) {
      for (const added of mutation.addedNodes) {
        if (!(added instanceof Element)) continue;
        for (const region of [added, ...added.querySelectorAll(LIVE)]) {
          if (!region.matches(LIVE) || known.has(region)) continue;
          if (region.getAttribute('role') === 'alert') changed.add(region);
          else known.set(region, textOf(region));
        }
      }
      const node =
        mutation.target instanceof Element ? mutation.target : mutation.target.parentElement;
      const region = node?.closest(LIVE);
      if (!region || !known.has(region)) continue;
      const fresh = region.classList.contains('sr-only') && mutation.addedNodes.length > 0;
      if (fresh || known.get(region) !== textOf(region)) changed.add(region);
    }
    for (const region of changed) hear(region);
  }).observe(document, { subtree: true, childList: true, characterData: true });
}

export class A11y {
  constructor(readonly page: Page) {}

  /** Starts logging what the live regions say; call before the page is opened. */
  async recordAnnouncements() {
    await this.page.addInitScript(recordLiveRegions);
  }

  /** Everything the live regions said since the page loaded. */
  async said(): Promise<Said[]> {
    return this.page.evaluate(() => window.__said ?? []);
  }

  /** What the app's own live region said, in order. */
  async announced(): Promise<string[]> {
    return (await this.said()).filter((s) => s.region === 'status (app)').map((s) => s.text);
  }

  /**
   * Runs axe's WCAG 2.2 AA and best-practice rules (SCAN_TAGS) on the page (or one of its
   * frames), or only inside `scope`, and returns one line per failing element: rule, element,
   * what to fix. Fails if `color-contrast` did not run on any text in scope, so contrast is
   * never left unchecked.
   * `target-size` is counted when axe leaves it undecided too: it cannot tell whether a
   * neighbour is a target when that neighbour is out of the tab order (a tree's rows, which
   * share one tab stop), yet each row is a pointer target all the same.
   */
  async violations(scope?: Locator, frame: Page | Frame = this.page): Promise<string[]> {
    if (!(await frame.evaluate(() => 'axe' in window))) await frame.evaluate(AXE_SOURCE);
    const element = scope ? await scope.elementHandle() : null;
    const result = await frame.evaluate(
      async ({ element, tags }) => {
        const run = (window as unknown as { axe: typeof axe }).axe;
        const results = await run.run(element ?? document, {
          runOnly: { type: 'tag', values: tags },
          resultTypes: ['violations', 'incomplete'],
          // The Embed dialog's preview is a page of its own: scanned as a frame.
          iframes: false,
        });
        const applied = [...results.passes, ...results.violations, ...results.incomplete];
        const undecided = results.incomplete.filter((rule) => rule.id === 'target-size');
        return {
          contrast: applied.some((rule) => rule.id === 'color-contrast'),
          lines: [...results.violations, ...undecided].flatMap((rule) =>
            rule.nodes.map(
              (node) => `${rule.id}: ${node.target.join(' ')}: ${node.failureSummary ?? ''}`,
            ),
          ),
        };
      },
      { element, tags: SCAN_TAGS },
    );
    await element?.dispose();
    expect(result.contrast, `color-contrast ran in ${scope?.toString() ?? 'the page'}`).toBe(true);
    return result.lines;
  }

  /** Asserts axe finds nothing; `where` names the check in a failure. */
  async expectNoViolations(where: string, scope?: Locator, frame?: Page | Frame) {
    expect(await this.violations(scope, frame), `axe: ${where}`).toEqual([]);
  }

  /**
   * Presses `key` (Tab, Shift+Tab) until `target` has focus, as a keyboard-only user would,
   * and returns how many presses it took. The target is found once, then compared by identity:
   * re-resolving a role locator after every press would cost more than the press.
   */
  async pressUntilFocused(target: Locator, key = 'Tab', limit = 80): Promise<number> {
    const element = await target.elementHandle();
    if (!element) throw new Error(`${target.toString()} is not there`);
    for (let presses = 1; presses <= limit; presses += 1) {
      await this.page.keyboard.press(key);
      if (await element.evaluate((e) => e === document.activeElement)) return presses;
    }
    throw new Error(`${key} did not reach ${target.toString()} within ${limit} presses`);
  }

  /**
   * The focused element: its tag, name (aria-label, aria-labelledby or text) and whether a
   * sighted user sees it focused: it is drawn (not clipped to a pixel, as screen-reader-only
   * text is) and shows an outline or a ring while :focus-visible.
   */
  async focused(): Promise<{ tag: string; name: string; indicator: boolean }> {
    return this.page.evaluate(() => {
      const element = document.activeElement;
      if (!element || element === document.body) return { tag: 'body', name: '', indicator: false };
      const style = getComputedStyle(element);
      const box = element.getBoundingClientRect();
      const drawn = box.width > 2 && box.height > 2 && !style.clip.startsWith('rect(0px');
      const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
      const ring = style.boxShadow !== 'none';
      const labelledBy = element.getAttribute('aria-labelledby');
      const name =
        element.getAttribute('aria-label') ??
        (labelledBy ? document.getElementById(labelledBy)?.textContent : null) ??
        element.textContent ??
        '';
      return {
        tag: element.tagName.toLowerCase(),
        name: name.replace(/\s+/g, ' ').trim(),
        indicator: drawn && element.matches(':focus-visible') && (outline || ring),
      };
    });
  }

  /**
   * What moves on the page now: every running animation (CSS or scripted) whose active
   * duration is over `limitMs`, and every element whose CSS transitions last longer than that,
   * each described as `kind name on element`.
   */
  async motionOver(limitMs = 10): Promise<string[]> {
    return this.page.evaluate((limit) => {
      const describe = (element: Element | null | undefined) =>
        element ? `${element.tagName.toLowerCase()}.${[...element.classList].join('.')}` : '?';
      const moving: string[] = [];
      for (const animation of document.getAnimations()) {
        const active = Number(animation.effect?.getComputedTiming().activeDuration ?? 0);
        if (!(active > limit)) continue;
        const name =
          animation instanceof CSSAnimation
            ? `animation ${animation.animationName}`
            : animation instanceof CSSTransition
              ? `transition ${animation.transitionProperty}`
              : 'script animation';
        const target = (animation.effect as KeyframeEffect | null)?.target;
        moving.push(`${name} (${Math.round(active)} ms) on ${describe(target)}`);
      }
      for (const element of document.querySelectorAll('*')) {
        const seconds = getComputedStyle(element)
          .transitionDuration.split(',')
          .map((value) => parseFloat(value));
        const longest = Math.max(...seconds) * 1000;
        if (longest > limit) moving.push(`transition (${longest} ms) on ${describe(element)}`);
      }
      return moving;
    }, limitMs);
  }
}
