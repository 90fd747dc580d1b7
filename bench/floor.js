// The floor: read every file of a corpus and parse it with the `yaml` package, nothing else.
// Prints one JSON line: { ms, files, documents, bytes, maxRssMB }.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';

const started = performance.now();
const files = [];
const walk = (dir) => {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full);
    else if (/\.(ya?ml|json)$/.test(entry.name)) files.push(full);
  }
};
walk(process.argv[2]);
let documents = 0;
let bytes = 0;
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  bytes += text.length;
  documents += parseAllDocuments(text).length;
}
const ms = performance.now() - started;
console.log(JSON.stringify({ ms, files: files.length, documents, bytes, maxRssMB: process.resourceUsage().maxRSS / 1024 }));
