/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite';
import tailwindcss from '@tailwindcss/vite';

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
 * The views are written against React's API and run on Preact: package.json installs
 * @preact/compat under the names react and react-dom, so the bundler, vitest and Node all
 * load the same runtime (README, "Why Preact"). JSX is compiled by Vite's own transformer
 * (tsconfig: react-jsx); edits in the dev server reload the page (no React Fast Refresh).
 */
export default defineConfig({
  base: './',
  plugins: [tailwindcss(), contentSecurityPolicy()],
  server: { port: 5173, host: '127.0.0.1' },
  preview: { port: 4173, host: '127.0.0.1' },
  build: {
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 700,
  },
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'server/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    // Every test runs the simulation as the app's users of it do: with its Dockerfile parser.
    setupFiles: ['src/sim/build/dockerfileAst.ts'],
    testTimeout: 20_000,
  },
});
