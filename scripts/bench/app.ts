/**
 * The app as the browser parts measure it: a production build (the project's vite.config.ts)
 * written to a directory of the benchmark's own, outside the working tree, so that a
 * concurrent `npm run build` or e2e run is left alone, and served by `vite preview`.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, preview, type PreviewServer } from 'vite';

export const BENCH_DIST = join(tmpdir(), 'docker-anatomy-bench', 'dist');

export async function buildApp(outDir = BENCH_DIST): Promise<string> {
  await build({ logLevel: 'error', build: { outDir, emptyOutDir: true } });
  return outDir;
}

export interface Served {
  /** The app's URL, ending in `/`. */
  readonly url: string;
  close(): Promise<void>;
}

export async function serveApp(outDir: string, port: number): Promise<Served> {
  const server: PreviewServer = await preview({
    logLevel: 'error',
    build: { outDir },
    preview: { port, strictPort: true, host: '127.0.0.1', open: false },
  });
  return { url: `http://127.0.0.1:${port}/`, close: () => server.close() };
}
