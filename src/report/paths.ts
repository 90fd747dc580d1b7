import path from 'node:path';
import type { ReportOptions } from './types.js';

/** A finding's file relative to the repository root, with `/` separators (as GitHub and SARIF want it). */
export function rootRelativePath(file: string, options: Pick<ReportOptions, 'rootDir' | 'cwd'>): string {
  const cwd = options.cwd ?? process.cwd();
  const relative = path.relative(options.rootDir ?? cwd, path.resolve(cwd, file));
  return relative.split(path.sep).join('/');
}
