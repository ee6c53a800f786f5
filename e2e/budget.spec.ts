/**
 * Byte budgets of the production build (no page: the webServer has built dist/ before the tests
 * run, and this reads it from disk). The first screen (the entry script of index.html, what it
 * imports statically and modulepreloads, its stylesheets, and the host diagram's chunk, which
 * is fetched just after the first text but is on the first screen) stays within the budget of 200 KB
 * gzip JavaScript (FIRST_SCREEN_JS_BUDGET, also in `npm run bench`'s table), and the terminal,
 * the Dockerfile editor, the cluster view, the checks of saved data (zod) and the simulation's
 * engine load on demand (any one of them back on the first screen would break the budget). The
 * first text comes in a few files (FIRST_TEXT_FILES_BUDGET): a browser fetches six at a time.
 * Chunks are recognised by their source maps' `sources`, not by their hashed names. The same
 * computation feeds `npm run bench` (scripts/bench/firstLoad.ts).
 */
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import {
  FIRST_SCREEN_JS_BUDGET,
  FIRST_TEXT_FILES_BUDGET,
  ON_DEMAND_FEATURES,
  firstLoad,
  jsFileCount,
  type FirstLoad,
} from '../scripts/bench/firstLoad';

const DIST = fileURLToPath(new URL('../dist', import.meta.url));

let load: FirstLoad;
test.beforeAll(() => {
  load = firstLoad(DIST);
});

const listed = (files: FirstLoad['firstScreen']['files']) =>
  files.map((f) => `${f.file}: ${(f.gzip / 1000).toFixed(1)} KB gzip`).join('\n');

test('the first screen needs at most 200 KB of gzip JavaScript', () => {
  const { firstScreen } = load;
  expect(firstScreen.files.length, 'index.html loads some JavaScript').toBeGreaterThan(0);
  expect(
    firstScreen.jsGzip,
    `first-screen JavaScript, gzip bytes; its files:\n${listed(firstScreen.files)}`,
  ).toBeLessThanOrEqual(FIRST_SCREEN_JS_BUDGET);
});

test('the first text needs at most six JavaScript files, one round of HTTP/1.1 connections', () => {
  // scripts/build/loadStages.ts makes a chunk of each load stage; left to itself the bundler cut
  // the first text into 38 files, each six a round trip on a slow network.
  const { firstText } = load;
  expect(
    jsFileCount(firstText),
    `the first text's JavaScript files:\n${listed(firstText.files)}`,
  ).toBeLessThanOrEqual(FIRST_TEXT_FILES_BUDGET);
});

test('the terminal, the Dockerfile editor, the cluster view, the checks of saved data and the engine load on demand', () => {
  // Each must be found somewhere in the build, or "not in the first screen" would prove nothing.
  for (const feature of ON_DEMAND_FEATURES)
    expect(
      load.all.files.some((f) => f.features.includes(feature)),
      `${feature} is in some chunk of the build`,
    ).toBe(true);
  expect(load.eagerFeatures, 'on-demand features found in the first screen').toEqual([]);
});
