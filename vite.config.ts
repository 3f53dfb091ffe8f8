import { defineConfig } from 'vitest/config';
import type { Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import { VitePWA } from 'vite-plugin-pwa';

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
// or under a sub-path such as GitHub Pages' /<repo>/. The service worker, its scope and the
// manifest are relative too.
export default defineConfig({
  base: './',
  plugins: [
    react(),
    tailwindcss(),
    devWithoutCsp,
    VitePWA({
      // A new version waits until the user says so (src/components/UpdatePrompt.tsx): it never
      // switches under a running demo. main.tsx registers the worker (no inline script: CSP).
      registerType: 'prompt',
      injectRegister: false,
      includeAssets: ['favicon.svg'],
      manifest: {
        name: 'Gossip Lab',
        short_name: 'Gossip Lab',
        description: 'Watch an update spread through a cluster by gossip, deterministically and step by step.',
        start_url: '.',
        scope: '.',
        display: 'standalone',
        background_color: '#ffffff',
        theme_color: '#0072b2',
        icons: [
          { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
          { src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml' },
        ],
      },
      workbox: {
        // Everything the page, its workers, both modes, the lessons and presets load: one visit
        // and the page works with no network.
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  worker: { format: 'es' },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'bench/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
  },
});
