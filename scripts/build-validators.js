// Generates ahead-of-time schema validators (ajv standalone code) into dist/validators/kubernetes/.
// Run by `npm run build` and `npm ci` (prepare), after tsc. Arguments: Kubernetes versions to
// generate (default: the newest embedded one, which runs use unless told otherwise); `all` for every
// embedded version. Versions whose validators are up to date are skipped.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { bundleHash, PrecompiledValidators } from '../dist/src/schema/precompiled.js';
import { writePrecompiledValidators } from '../dist/src/schema/standalone.js';
import { bundleFile, bundleVersions, EMBEDDED_SCHEMA_DIR } from '../dist/src/schema/store.js';

const root = path.resolve(import.meta.dirname, '../dist/validators/kubernetes');
const embedded = bundleVersions(EMBEDDED_SCHEMA_DIR);
const args = process.argv.slice(2);
const versions = args.includes('all') ? embedded : args.length ? args : embedded.slice(-1);

for (const version of versions) {
  const file = bundleFile(EMBEDDED_SCHEMA_DIR, version);
  if (PrecompiledValidators.forBundle(bundleHash(readFileSync(file)), version, root)) continue; // up to date
  const started = performance.now();
  const { files, bytes } = writePrecompiledValidators(file, root);
  console.log(`validators for Kubernetes ${version}: ${files} files, ${(bytes / 1024 / 1024).toFixed(1)} MB in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
