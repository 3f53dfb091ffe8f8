import { defineConfig } from 'vitest/config';
import type { Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';

/**
 * index.html carries a strict Content-Security-Policy (no inline script, no eval). The dev
 * server's hot reload injects inline scripts and styles, so `npm start` serves the page without
 * the tag; the build (and `vite preview`, which the end-to-end tests use) keeps it.
 */
const devWithoutCsp: Plugin = {
  name: 'gossip-lab:dev-without-csp',
  apply: 'serve',
  transformIndexHtml: (html) => html.replace(/\s*<meta http-equiv="Content-Security-Policy"[^>]*>/, ''),
};

// `base: './'` makes the build relocatable: the same static files work at a domain root
// or under a sub-path such as GitHub Pages' /<repo>/.
export default defineConfig({
  base: './',
  plugins: [
    react(),
    tailwindcss(),
    devWithoutCsp,
  ],
  worker: { format: 'es' },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'bench/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
  },
});
