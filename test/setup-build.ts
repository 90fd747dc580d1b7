import { execFileSync } from 'node:child_process';
import { existsSync, statSync, readdirSync } from 'node:fs';
import path from 'node:path';

/**
 * End-to-end tests run the built CLI. Rebuild `dist/` once per test run when any source file is
 * newer than it, so `npm test` after an edit never tests stale code; then the generated schema
 * validators (the script skips them when they are up to date); then bundle again (scripts/bundle.js)
 * when the bundle is older than tsc's output, so the tests run the bundle that `bin/kubeknit.js`
 * prefers, as users do.
 */
export default function setup(): void {
  const root = path.resolve(import.meta.dirname, '..');
  const stamp = path.join(root, 'dist/src/cli/main.js');
  if (!existsSync(stamp) || newestSource(root) > statSync(stamp).mtimeMs) {
    execFileSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', path.join(root, 'tsconfig.json')], { stdio: 'inherit' });
  }
  execFileSync(process.execPath, [path.join(root, 'scripts/build-validators.js')], { stdio: 'inherit' });
  const bundle = path.join(root, 'dist/bundle/kubeknit.js');
  if (!existsSync(bundle) || statSync(bundle).mtimeMs < statSync(stamp).mtimeMs) {
    execFileSync(process.execPath, [path.join(root, 'scripts/bundle.js')], { stdio: 'inherit' });
  }
}

function newestSource(root: string): number {
  let newest = 0;
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(full);
      else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(full).mtimeMs);
    }
  };
  for (const dir of ['src', 'rules']) visit(path.join(root, dir));
  return newest;
}
