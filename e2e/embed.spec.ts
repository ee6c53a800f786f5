/** A teacher's slide deck embeds the app in an 800x500 iframe: it must fit and work there. */
import { expect, test } from './fixtures';

test('works inside an 800x500 iframe without overflowing it', async ({ page, baseURL }) => {
  await page.setContent(
    `<iframe title="docker-anatomy" src="${baseURL}/" width="800" height="500"
       style="border:0" sandbox="allow-scripts allow-same-origin"></iframe>`,
  );
  const frame = page.frameLocator('iframe[title="docker-anatomy"]');
  const dockerd = frame.getByRole('group', { name: 'dockerd, daemon' });
  await expect(dockerd).toBeVisible();
  await dockerd.click();
  await expect(frame.getByRole('region', { name: 'Inspector' })).toContainText('Engine API server');

  const embedded = page.frames().find((candidate) => candidate !== page.mainFrame());
  const size = await embedded?.evaluate(() => ({
    width: document.scrollingElement?.scrollWidth ?? 0,
    height: document.scrollingElement?.scrollHeight ?? 0,
  }));
  expect(size).toEqual({ width: 800, height: 500 });
});
