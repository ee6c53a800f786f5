/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite';
import type { OutputBundle, OutputChunk } from 'rolldown';
import tailwindcss from '@tailwindcss/vite';
import { loadStageGroups } from './scripts/build/loadStages.ts';

/**
 * The Content-Security-Policy the built app runs under. It is added only to the production
 * build, the page it is written for; the dev server adds its own client and style tags.
 * No inline scripts and no eval; inline styles stay allowed because React Flow positions nodes
 * with style attributes. connect-src leaves room for the local Engine API bridge on loopback,
 * and allows https so a learner can open a lesson from an address they paste (a lesson is
 * schema-checked data shown as safe Markdown: fetching one can show text, never run code).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self' https: http://127.0.0.1:* http://localhost:* ws://127.0.0.1:* ws://localhost:*",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'docker-anatomy:csp',
    apply: 'build',
    transformIndexHtml(html) {
      const tag = `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`;
      return html.replace('<meta charset="UTF-8" />', `<meta charset="UTF-8" />\n    ${tag}`);
    },
  };
}

/**
 * index.html's entry (src/app/boot.ts) paints the loading shell and then imports the app, so
 * Vite lists none of the app's chunks in index.html. This adds a modulepreload link for each
 * chunk the app needs at start (main.tsx's chunk and its static imports, and the English text,
 * which every visit loads, as the language or its fallback): they download while the shell
 * paints, instead of one after another. fetchpriority="low" lets the stylesheet, which blocks
 * the first paint, go first. Build only: the dev server serves modules one by one.
 */
function preloadApp(entries: readonly string[]): Plugin {
  const startupChunks = (bundle: OutputBundle): string[] => {
    const chunks = Object.values(bundle).filter((c): c is OutputChunk => c.type === 'chunk');
    const byName = new Map(chunks.map((c) => [c.fileName, c]));
    const found = new Set<string>();
    const visit = (chunk: OutputChunk) => {
      if (found.has(chunk.fileName)) return;
      found.add(chunk.fileName);
      for (const name of chunk.imports) {
        const imported = byName.get(name);
        if (imported) visit(imported);
      }
    };
    for (const entry of entries) {
      const chunk = chunks.find((c) => c.facadeModuleId?.endsWith(entry));
      if (!chunk) throw new Error(`preloadApp: no chunk for ${entry} in the build`);
      visit(chunk);
    }
    return [...found];
  };
  return {
    name: 'docker-anatomy:preload-app',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, { bundle }) {
        if (!bundle) return html;
        return startupChunks(bundle)
          .filter((file) => !html.includes(`/${file}"`))
          .map((file) => ({
            tag: 'link',
            attrs: {
              rel: 'modulepreload',
              fetchpriority: 'low',
              crossorigin: true,
              href: `./${file}`,
            },
            injectTo: 'head' as const,
          }));
      },
    },
  };
}

/**
 * The views are written against React's API and run on Preact: package.json installs
 * @preact/compat under the names react and react-dom, so the bundler, vitest and Node all
 * load the same runtime (README, "Why Preact"). JSX is compiled by Vite's own transformer
 * (tsconfig: react-jsx); edits in the dev server reload the page (no React Fast Refresh).
 */
export default defineConfig({
  base: './',
  plugins: [
    tailwindcss(),
    contentSecurityPolicy(),
    preloadApp(['src/app/main.tsx', 'src/i18n/locales/en.json']),
  ],
  server: { port: 5173, host: '127.0.0.1' },
  preview: { port: 4173, host: '127.0.0.1' },
  build: {
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 700,
    rolldownOptions: {
      output: { codeSplitting: { groups: loadStageGroups(import.meta.dirname) } },
    },
  },
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'server/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    // Every test runs the simulation as the app's users of it do: with its Dockerfile parser.
    setupFiles: ['src/sim/engine.ts', 'src/sim/build/dockerfileAst.ts'],
    testTimeout: 20_000,
  },
});
