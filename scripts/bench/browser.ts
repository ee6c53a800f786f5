/**
 * Headless Chromium as the e2e tests use it (Playwright driving the Chromium on the machine),
 * and what the browser parts measure in it.
 */
import { chromium, type Browser, type Page } from '@playwright/test';
import { CHROMIUM_PATH } from './machine';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--disable-gpu', '--disable-quic'],
  });
}

export async function newPage(browser: Browser): Promise<Page> {
  return browser.newPage({ viewport: { width: 1280, height: 800 } });
}

/**
 * requestAnimationFrame intervals for `ms` of wall time. Passed as source text: tsx would
 * otherwise wrap the callback in helpers the page lacks (and the app's CSP forbids eval, which
 * `page.evaluate` of a string does not need).
 */
export function frameIntervals(page: Page, ms: number): Promise<number[]> {
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
