import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** A fresh folder with the given files (path → text); returns its absolute path. */
export function tempTree(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'kubeknit-'));
  for (const [name, text] of Object.entries(files)) {
    const full = path.join(root, name);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, text);
  }
  return root;
}
