// Bundles the CLI into dist/bundle/ (run by `npm run build` and `prepare`, after tsc).
// A few files load much faster than the ~200 modules of dist/src and the CommonJS files of yaml,
// picomatch and ajv (issue 9: start-up ≤ 250 ms). bin/kubeknit.js runs the bundle while it is at least
// as new as tsc's output and falls back to dist/src otherwise.
//
// - Code split: what only some commands use (each command, the language server, ora) stays in chunks
//   that load on the first `import()`, all of them in dist/bundle/ beside the entry.
// - The parse worker is a bundle of its own (no chunks) at dist/bundle/parse-worker.js: src/load/parallel.ts
//   starts it as `./parse-worker.js` beside whichever of those files holds parallel.ts' code. The build
//   fails if that file is anywhere else, since parallel.ts would quietly parse on one thread.
// - ajv: src/schema requires it with `createRequire` on first use, which a bundle cannot follow. Its
//   ~40 CommonJS files cost ~100 ms to load, so it is bundled on its own, as one CommonJS file, into
//   dist/bundle/node_modules/ajv: Node's module resolution finds that copy first from any file of
//   dist/bundle (the config loader's `import('ajv')` too), and the installed ajv from anywhere else.
// - The HTML diagram's browser script is bundled on its own into a string (scripts/bundle-client.js), written
//   beside tsc's output for dist/src and handed to this bundle through an esbuild plugin.
// - CEL and Graphviz stay in node_modules: they load only for CRD validation rules and SVG/HTML diagrams.
import { build } from 'esbuild';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { clientScriptPlugin, writeClientModule } from './bundle-client.js';

const root = path.dirname(import.meta.dirname);
export const BUNDLE_DIR = path.join(root, 'dist', 'bundle');
const WORKER = 'parse-worker';

const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  target: 'node20',
  // Less text to read and parse at start-up; names are kept, so stack traces stay readable.
  minifyWhitespace: true,
  minifySyntax: true,
  sourcemap: 'linked',
  logLevel: 'warning',
};

const esm = {
  ...common,
  format: 'esm',
  outdir: BUNDLE_DIR,
  external: ['ajv', '@bufbuild/cel', '@hpcc-js/wasm-graphviz'],
  // CommonJS dependencies bundled into ESM still call require() for Node's built-in modules.
  banner: { js: "import { createRequire as __kubeknitCreateRequire } from 'node:module'; const require = __kubeknitCreateRequire(import.meta.url);" },
};

export async function bundle() {
  rmSync(BUNDLE_DIR, { recursive: true, force: true });
  await writeClientModule();
  const cli = await build({ ...esm, entryPoints: { kubeknit: 'src/cli/main.ts' }, splitting: true, chunkNames: '[name]-[hash]', metafile: true, plugins: [clientScriptPlugin] });
  await build({ ...esm, entryPoints: { [WORKER]: 'src/load/parse-worker.ts' } });
  const holder = Object.keys(cli.metafile.outputs).find((out) => 'src/load/parallel.ts' in cli.metafile.outputs[out].inputs);
  if (!holder || path.resolve(root, path.dirname(holder)) !== BUNDLE_DIR) {
    throw new Error(`src/load/parallel.ts was bundled into ${holder ?? 'no file'}, not beside dist/bundle/${WORKER}.js where it looks for its worker`);
  }
  await bundleAjv();
}

async function bundleAjv() {
  const require = createRequire(path.join(root, 'package.json'));
  const { version } = JSON.parse(readFileSync(require.resolve('ajv/package.json'), 'utf8'));
  const dir = path.join(BUNDLE_DIR, 'node_modules', 'ajv');
  await build({ ...common, entryPoints: [require.resolve('ajv')], format: 'cjs', outfile: path.join(dir, 'ajv.js') });
  const pkg = { name: 'ajv', version, description: `ajv ${version} bundled into one file by kubeknit's scripts/bundle.js`, type: 'commonjs', main: 'ajv.js' };
  writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
}

if (process.argv[1] === import.meta.filename) await bundle();
