#!/usr/bin/env node
import { statSync } from 'node:fs';

// The bundled CLI (scripts/bundle.js) starts much faster than tsc's ~200 modules; it is used while it
// is at least as new as tsc's output, so a `tsc` run after an edit is never shadowed by an old bundle.
const bundle = new URL('../dist/bundle/kubeknit.js', import.meta.url);
const compiled = new URL('../dist/src/cli/main.js', import.meta.url);
const { main, usePlainEnvironment } = await import(isCurrent(bundle, compiled) ? bundle.href : compiled.href);

usePlainEnvironment(); // a sixth of parse time: see src/load/plain-env.ts

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});

function isCurrent(file, than) {
  const mtime = (url) => statSync(url, { throwIfNoEntry: false })?.mtimeMs;
  const built = mtime(file);
  return built !== undefined && built >= (mtime(than) ?? 0);
}
