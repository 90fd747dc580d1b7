import { defineConfig } from 'vitest/config';
import base from './vitest.config.js';

/**
 * `npm run test:full`: the exhaustive runs that `npm test` leaves out (whole corpora beside the
 * checkout, the packed package). CI runs it after `npm test`. One file at a time: the package test
 * rebuilds dist/ (npm pack's prepack) while other files would run the CLI.
 */
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: ['test/**/*.full.test.ts'],
    exclude: ['node_modules/**'],
    fileParallelism: false,
    // Whole corpora on a shared 2-core machine: minutes, not seconds.
    testTimeout: 600_000,
  },
});
