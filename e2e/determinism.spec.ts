/**
 * The simulation gives the same trace in the browser as in Node, byte for byte: the same
 * fixed session, bundled for the browser, must produce the same digests in every era.
 */
import { buildSync } from 'esbuild';
import { expect, test } from '@playwright/test';
import { sessionDigests } from '../src/sim/testing/session';

test('the simulation is deterministic across Node and Chromium', async ({ page }) => {
  const bundle = buildSync({
    entryPoints: ['src/sim/testing/session.ts'],
    bundle: true,
    format: 'iife',
    globalName: 'DockerAnatomySession',
    platform: 'browser',
    write: false,
  });
  const code = bundle.outputFiles[0]?.text ?? '';
  await page.goto('about:blank');
  await page.addScriptTag({ content: code });
  const inBrowser = await page.evaluate(() => {
    const lib = (
      window as unknown as {
        DockerAnatomySession: { sessionDigests: () => Record<string, string> };
      }
    ).DockerAnatomySession;
    return lib.sessionDigests();
  });
  expect(inBrowser).toEqual(sessionDigests());
});
