import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { tempTree } from './temp.js';

const GIT_ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: 'kubeknit test', GIT_AUTHOR_EMAIL: 'test@example.invalid',
  GIT_COMMITTER_NAME: 'kubeknit test', GIT_COMMITTER_EMAIL: 'test@example.invalid',
  GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null',
};

/** A temporary git repository on branch `main`, changed and committed file by file. */
export class TempRepo {
  readonly root = tempTree({});

  constructor() {
    this.git('init', '--quiet', '--initial-branch=main');
  }

  git(...args: string[]): string {
    return execFileSync('git', args, { cwd: this.root, env: GIT_ENV, encoding: 'utf8' });
  }

  /** Writes files (path → text; null removes the file). */
  write(files: Record<string, string | null>): this {
    for (const [name, text] of Object.entries(files)) {
      const full = path.join(this.root, name);
      if (text === null) rmSync(full, { force: true });
      else {
        mkdirSync(path.dirname(full), { recursive: true });
        writeFileSync(full, text);
      }
    }
    return this;
  }

  /** Writes files and commits everything; returns the commit. */
  commit(message: string, files: Record<string, string | null> = {}): string {
    this.write(files);
    this.git('add', '--all');
    this.git('commit', '--quiet', '--allow-empty', '-m', message);
    return this.git('rev-parse', 'HEAD').trim();
  }

  remove(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}
