/** The real docker CLI over the bridge's plain port (2375): see cliSuite.ts. */
import { expect, it } from 'vitest';
import { cliSuite } from './cliSuite';
import { requireDockerCli } from './testing';

it('the docker CLI is installed (these tests run the real one; they never skip)', async () => {
  expect(await requireDockerCli()).toMatch(/^Docker version \d+\./);
});

cliSuite('plain');
