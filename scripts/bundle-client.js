// Bundles the HTML diagram's browser script (src/report/graph/client/main.ts, typed against the DOM by
// its own tsconfig) into one string that src/report/graph/html.ts inlines into the page, as the module
// `./client-script.js` (types: src/report/graph/client-script.d.ts). Three consumers, one bundle:
// - writeClientModule(): dist/src/report/graph/client-script.js, beside tsc's output (scripts/bundle.js);
// - clientScriptPlugin: the esbuild plugin through which the CLI bundle gets the same module;
// - vitest.config.ts, so tests of src/ run the current client code.
import { build } from 'esbuild';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.dirname(import.meta.dirname);
const ENTRY = path.join(root, 'src/report/graph/client/main.ts');
export const CLIENT_MODULE = /[\\/]report[\\/]graph[\\/]client-script\.js$/;

/** The browser script, minified, as a self-running function. */
export async function clientScript() {
  const out = await build({
    absWorkingDir: root,
    entryPoints: [ENTRY],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
  });
  const text = out.outputFiles[0].text;
  // It goes inside <script>…</script>: nothing in it may end the element or open a comment.
  if (/<\/script|<!--/i.test(text)) throw new Error('the HTML diagram script contains "</script" or "<!--"');
  return text;
}

/** The module html.ts imports: `export const HTML_CLIENT_SCRIPT = "…"`. */
export async function clientModuleSource() {
  return `export const HTML_CLIENT_SCRIPT = ${JSON.stringify(await clientScript())};\n`;
}

export async function writeClientModule() {
  const file = path.join(root, 'dist/src/report/graph/client-script.js');
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, await clientModuleSource());
}

/** esbuild: `import … from './client-script.js'` inside src/report/graph gets the bundled script. */
export const clientScriptPlugin = {
  name: 'kubeknit-client-script',
  setup(b) {
    b.onResolve({ filter: /client-script\.js$/ }, (args) => {
      const full = path.resolve(args.resolveDir, args.path);
      return CLIENT_MODULE.test(full) ? { path: full, namespace: 'kubeknit-client-script' } : undefined;
    });
    b.onLoad({ filter: /.*/, namespace: 'kubeknit-client-script' }, async () => ({ contents: await clientModuleSource(), loader: 'js' }));
  },
};

if (process.argv[1] === import.meta.filename) await writeClientModule();
