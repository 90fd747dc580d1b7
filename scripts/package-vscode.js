// Builds the VS Code extension (editors/vscode) into a .vsix, offline: bundles the extension's
// client code, copies the built kubeknit server into it, and packs with @vscode/vsce.
// Run by `npm run package:vscode` after `npm run build`. Prints the .vsix path.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const root = path.dirname(import.meta.dirname);
const extension = path.join(root, 'editors', 'vscode');
const server = path.join(extension, 'server');
const require = createRequire(import.meta.url);

if (!existsSync(path.join(root, 'dist', 'bundle', 'kubeknit.js'))) {
  console.error('package-vscode: dist/bundle/kubeknit.js is missing; run `npm run build` first');
  process.exit(2);
}

// 1. The client: one CommonJS file; `vscode` is provided by the editor at run time.
await build({
  absWorkingDir: root,
  entryPoints: [path.join(extension, 'src', 'extension.ts')],
  outfile: path.join(extension, 'dist', 'extension.js'),
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  external: ['vscode'],
  minifyWhitespace: true,
  logLevel: 'warning',
});

// 2. The server: the same files `bin/kubeknit.js` runs, laid out as in the package, with the
// dependencies the bundle leaves external.
rmSync(server, { recursive: true, force: true });
mkdirSync(server, { recursive: true });
cpSync(path.join(root, 'dist', 'bundle'), path.join(server, 'dist', 'bundle'), { recursive: true, filter: (src) => !src.endsWith('.map') });
cpSync(path.join(root, 'dist', 'validators'), path.join(server, 'dist', 'validators'), { recursive: true });
cpSync(path.join(root, 'schemas'), path.join(server, 'schemas'), { recursive: true });
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
writeFileSync(path.join(server, 'package.json'), `${JSON.stringify({ name: 'kubeknit', version: pkg.version, type: 'module', private: true }, null, 2)}\n`);
mkdirSync(path.join(server, 'bin'));
// What bin/kubeknit.js does, for the bundle alone.
writeFileSync(path.join(server, 'bin', 'kubeknit.js'), "const { main, usePlainEnvironment } = await import('../dist/bundle/kubeknit.js');\nusePlainEnvironment();\nprocess.exitCode = await main(process.argv.slice(2));\n");
// re2js: src/schema/linear-regexp.ts requires it on first use (CRD patterns, config name patterns).
for (const dependency of ['@bufbuild/cel', '@bufbuild/cel-spec', '@bufbuild/re2', '@bufbuild/protobuf', '@hpcc-js/wasm-graphviz', 're2js']) {
  const dir = path.join(root, 'node_modules', dependency);
  if (!existsSync(dir)) continue; // not installed at this version: the server loads it only when present
  cpSync(dir, path.join(server, 'node_modules', dependency), { recursive: true, filter: (src) => !src.endsWith('.map') && !src.endsWith('.d.ts') });
}

// 3. The .vsix, without npm's dependency walk (everything is bundled or copied above).
const out = path.join(extension, `kubeknit-${JSON.parse(readFileSync(path.join(extension, 'package.json'), 'utf8')).version}.vsix`);
execFileSync(process.execPath, [require.resolve('@vscode/vsce/vsce'), 'package', '--no-dependencies', '--out', out], { cwd: extension, stdio: ['ignore', 'ignore', 'inherit'] });
console.log(path.relative(process.cwd(), out));
