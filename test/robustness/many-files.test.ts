import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { lint } from '../../src/index.js';

/**
 * Many small files in one run (no descriptor leaks, no recursion limits). `npm test` uses 10,000
 * files to stay quick on 2 cores; `npm run stress` runs the full 100,000.
 */
const FILES = Number(process.env.KUBEKNIT_MANY_FILES ?? 10_000);
const PER_DIR = 1000;
const root = mkdtempSync(path.join(tmpdir(), 'kubeknit-many-'));
afterAll(() => rmSync(root, { recursive: true, force: true }), 600_000);

it(`lints ${FILES.toLocaleString('en')} small files in one run`, async () => {
  for (let d = 0; d * PER_DIR < FILES; d++) {
    const dir = path.join(root, `team-${d}`);
    mkdirSync(dir);
    for (let i = 0; i < PER_DIR && d * PER_DIR + i < FILES; i++) writeFileSync(path.join(dir, `cm-${i}.yaml`), `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-${d}-${i}\ndata:\n  key: value\n`);
  }
  const result = await lint([root]);
  expect(result.summary).toMatchObject({ files: FILES, objects: FILES, errors: 0 });
}, 600_000);
