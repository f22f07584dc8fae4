import { defineConfig } from 'vitest/config';

// Tests run in Node against real parts (SQLite files, servers on free ports,
// Chromium driven by playwright-core). Unit tests sit next to their code as
// X.test.ts; integration and browser tests live in tests/.
export default defineConfig({
  test: {
    include: ['shared/**/*.test.ts', 'server/**/*.test.ts', 'tests/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    maxWorkers: 2,
  },
});
