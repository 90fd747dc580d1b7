import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { lint } from '../../src/index.js';

const PER_DIR = 1000;

/** Lints `files` one-object files, 1,000 to a folder, in one run: no descriptor leaks, no recursion limits. */
export function manyFilesTest(files: number): void {
  const root = mkdtempSync(path.join(tmpdir(), 'kubeknit-many-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }), 600_000);

  it(`lints ${files.toLocaleString('en')} small files in one run`, async () => {
    for (let d = 0; d * PER_DIR < files; d++) {
      const dir = path.join(root, `team-${d}`);
      mkdirSync(dir);
      for (let i = 0; i < PER_DIR && d * PER_DIR + i < files; i++) writeFileSync(path.join(dir, `cm-${i}.yaml`), `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-${d}-${i}\ndata:\n  key: value\n`);
    }
    const result = await lint([root]);
    expect(result.summary).toMatchObject({ files, objects: files, errors: 0 });
  }, 600_000);
}
