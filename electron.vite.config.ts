import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { CONTENT_SECURITY_POLICY_META } from './shared/security';

// The design card's layout is not electron-vite's default (src/main, src/preload, src/renderer), so
// every entry is named here.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // The CLI is bundled beside main so `rwb` starts in a fraction of the time tsx needs
      // (bin/rwb.mjs falls back to tsx when sources are newer than the bundle).
      lib: {
        entry: {
          index: resolve(import.meta.dirname, 'electron/main/index.ts'),
          cli: resolve(import.meta.dirname, 'electron/cli/index.ts'),
          // The import's producer thread (produce-thread.ts looks for it beside the bundle).
          'import-worker': resolve(import.meta.dirname, 'electron/backend/import/produce-worker.ts'),
          // The engine's own thread or process, and the thread of one long job (engine/entries.ts).
          engine: resolve(import.meta.dirname, 'electron/backend/engine/entry.ts'),
          'job-worker': resolve(import.meta.dirname, 'electron/backend/engine/job-worker.ts'),
        },
        formats: ['es'],
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload cannot require() packages: bundle everything into one CommonJS file.
      externalizeDeps: false,
      lib: { entry: resolve(import.meta.dirname, 'electron/preload/index.ts'), formats: ['cjs'], fileName: () => 'index.cjs' },
    },
  },
  renderer: {
    root: resolve(import.meta.dirname, 'renderer'),
    plugins: [
      react(),
      {
        // The built page is loaded from file:// in the app, where only a <meta> CSP applies. Build
        // only: the dev server's HMR preamble is an inline script, and its pages get the header.
        name: 'rwb-meta-csp',
        apply: 'build',
        transformIndexHtml: () => [
          { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY_META }, injectTo: 'head-prepend' },
        ],
      },
    ],
    build: {
      outDir: resolve(import.meta.dirname, 'out/renderer'),
      emptyOutDir: true,
      chunkSizeWarningLimit: 2000,
      rollupOptions: { input: resolve(import.meta.dirname, 'renderer/index.html') },
    },
  },
});
