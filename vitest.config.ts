import { defineConfig } from 'vitest/config';

// Three projects: unit (pure shared/ maths and small backend pieces), integration (real SQLite
// files in temp dirs, the web host over HTTP, the CLI as a child process) and e2e (Playwright in
// Debian's Chromium against browser mode). `npm test` runs them in that order.
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts', 'shared/**/*.test.ts'], environment: 'node' } },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
