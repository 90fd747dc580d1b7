// The published package.json has no `prepare` script: npm lists a dependency's `prepare` among the
// install scripts a user must approve (allowScripts), yet it only builds a git checkout. `prepack`
// (after the build) removes it for the tarball; `postpack` puts package.json back as it was.
//   node scripts/pack-manifest.js strip | restore
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.dirname(import.meta.dirname);
const manifest = path.join(root, 'package.json');
const saved = path.join(root, '.package.json.before-pack');

const mode = process.argv[2];
if (mode === 'strip') {
  if (existsSync(saved)) throw new Error(`${saved} exists: a previous pack did not finish; restore package.json from it first`);
  const text = readFileSync(manifest, 'utf8');
  const pkg = JSON.parse(text);
  delete pkg.scripts.prepare;
  writeFileSync(saved, text);
  writeFileSync(manifest, `${JSON.stringify(pkg, null, 2)}\n`);
} else if (mode === 'restore') {
  if (existsSync(saved)) renameSync(saved, manifest);
} else {
  throw new Error('usage: node scripts/pack-manifest.js strip|restore');
}
