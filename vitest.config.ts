import os from 'node:os';
import path from 'node:path';
import { defineConfig, type Plugin } from 'vitest/config';
import { CLIENT_MODULE, clientModuleSource } from './scripts/bundle-client.js';

/** src/report/graph/html.ts imports its browser script as `./client-script.js`, a module the build generates. */
const clientScript: Plugin = {
  name: 'kubeknit-client-script',
  resolveId(id, importer) {
    if (!importer || !id.endsWith('client-script.js')) return null;
    const full = path.resolve(path.dirname(importer), id);
    return CLIENT_MODULE.test(full) ? `\0${full}` : null;
  },
  load(id) {
    return id.startsWith('\0') && CLIENT_MODULE.test(id.slice(1)) ? clientModuleSource() : null;
  },
};

export default defineConfig({
  plugins: [clientScript],
  test: {
    include: ['test/**/*.test.ts'],
    // The exhaustive runs: `npm run test:full` (vitest.full.config.ts).
    exclude: ['test/**/*.full.test.ts', 'node_modules/**'],
    globalSetup: ['test/setup-build.ts'],
    // vitest's default leaves one core to its main process, so on 2 cores it ran one file at a time;
    // its main process is idle in a run, and e2e tests wait on the CLI processes they start.
    maxWorkers: Math.max(2, os.availableParallelism()),
    // Test files share a worker's modules instead of importing src/ afresh each (importing was most of
    // the time of the ~80 rule test files). Tests keep no global state: no mocks, stubs or env changes.
    isolate: false,
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
