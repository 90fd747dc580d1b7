import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (tests run from anywhere). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** `../shared` beside the checkout: corpora and specs given to developers and CI, absent on users' machines. */
export const SHARED_DIR = path.resolve(REPO_ROOT, '../shared');

export const hasShared = existsSync(SHARED_DIR);

/** Why a test that needs `../shared` is skipped, for the test title. */
export const SHARED_SKIP_REASON = `skipped: ${SHARED_DIR} (corpora beside the checkout) is absent`;

export function sharedPath(...parts: string[]): string {
  return path.join(SHARED_DIR, ...parts);
}
