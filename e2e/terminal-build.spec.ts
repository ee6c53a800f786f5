/**
 * Building an image from the terminal, as the first lesson will: read the Dockerfile, build
 * it, change the app and build again, and see the cache hold up to the changed file's COPY.
 */
import { expect, test } from './fixtures';
import { Terminal } from './pages/Terminal';

test.describe.configure({ timeout: 120_000 });

test('docker build, change app.js, build again: cache up to its COPY', async ({ app, page }) => {
  const terminal = new Terminal(app, page);
  await terminal.open();
  await app.setPanelOpen('Engine API', false);
  await terminal.focus();
  await terminal.run('cat app/Dockerfile', 'CMD ["node", "app.js"]');
  await terminal.run('docker build -q -t hello app', /sha256:[0-9a-f]{64}root@/);
  await expect(app.panel('Terminal')).toContainText('DEPRECATED: The legacy builder is deprecated');
  await terminal.clear();
  await terminal.run(`echo "console.log('v2')" > app/app.js`, 'root@docker-host:~#');
  // Steps 2 to 4 (WORKDIR, COPY package.json, RUN npm install) come from cache; step 5 copies
  // the changed file, and it and every step after it are built again.
  await terminal.run('docker build -t hello app | grep -c "Using cache"', /\b3root@/);
  await terminal.run('docker build --no-cache -t hello app | grep -c "Using cache"', /\b0root@/);
  await terminal.run(`echo "console.log('v3')" > app/app.js`, 'root@docker-host:~#');
  await terminal.run(
    'docker build -t hello app | tail -8',
    /Step 5\/7 : COPY app\.js index\.html \.\/ ---> [0-9a-f]{12}Step 6\/7 : EXPOSE 3000 ---> [0-9a-f]{12}/,
  );
  await terminal.run('docker images hello', /hello\s+latest\s+[0-9a-f]{12}/);
});

test('a sandbox that built an image comes back after a reload, its image with it', async ({
  app,
  page,
}) => {
  const terminal = new Terminal(app, page);
  await terminal.open();
  await terminal.focus();
  await terminal.run('docker build -q -t hello app', /sha256:[0-9a-f]{64}root@/);
  const id = (await app.panel('Terminal').innerText()).match(/sha256:([0-9a-f]{12})/)?.[1];
  expect(id).toBeDefined();
  // Saved a moment after the last change; the replay needs the Dockerfile parser, which the
  // first screen does not carry: the app loads it before replaying.
  await page.waitForTimeout(1500);
  await page.reload();
  await terminal.focus();
  await terminal.run('docker images hello', new RegExp(`hello\\s+latest\\s+${id}`));
});
