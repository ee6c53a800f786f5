import { describe, expect, it, vi } from 'vitest';

describe('the Dockerfile parser port', () => {
  it('refuses to parse, naming the bug, when nothing installed a parser', async () => {
    // A fresh copy of the modules, as the app's first screen has them: no parser loaded yet.
    vi.resetModules();
    const { parseDockerfile } = await import('./dockerfile');
    expect(() => parseDockerfile('FROM alpine\n')).toThrow(/the Dockerfile parser is not loaded/);
    // Importing the parser installs it: the same call now reads the file.
    await import('./dockerfileAst');
    expect(parseDockerfile('FROM alpine\n').instructions.map((i) => i.keyword)).toEqual(['FROM']);
  });
});
