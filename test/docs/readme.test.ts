import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { REPO_ROOT } from '../helpers/shared.js';

const readme = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');

/** The fenced block of `lang` that follows the first line containing `after`. */
function blockAfter(text: string, after: string, lang: string): string {
  const from = text.indexOf(after);
  expect(from, `"${after}" in README.md`).toBeGreaterThanOrEqual(0);
  const open = text.indexOf(`\`\`\`${lang}\n`, from);
  const start = open + lang.length + 4;
  return text.slice(start, text.indexOf('\n```', start) + 1);
}

describe('README.md', () => {
  const temp = mkdtempSync(path.join(os.tmpdir(), 'kubeknit-readme-'));
  afterAll(() => rmSync(temp, { recursive: true, force: true }));

  it('starts with the two commands a newcomer runs', () => {
    const blocks = [...readme.matchAll(/```sh\n([^`]*)```/g)].slice(0, 2).map((m) => m[1].trim());
    expect(blocks).toEqual(['npm ci && npx kubeknit lint examples/', 'npm test']);
  });

  it('shows what `kubeknit lint examples/` prints', () => {
    const run = runCli(['lint', 'examples/']);
    expect(run.status).toBe(1);
    expect(run.stdout.trim()).toBe(blockAfter(readme, 'npx kubeknit lint examples/` prints', 'text').trim());
  });

  it('has a minimal config kubeknit accepts', () => {
    const config = path.join(temp, '.kubeknit.yaml');
    writeFileSync(config, blockAfter(readme, 'A minimal one', 'yaml'));
    const run = runCli(['lint', 'examples/shop/config.yaml', '--config', config, '-f', 'json']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it('stays short: details live in docs/', () => {
    expect(readme.split('\n').length).toBeLessThanOrEqual(260);
  });
});

describe('links between the README and docs/', () => {
  const pages = ['README.md', ...readdirSync(path.join(REPO_ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];
  const anchors = new Map<string, Set<string>>();
  const headings = (page: string) => {
    if (!anchors.has(page)) anchors.set(page, new Set([...readFileSync(path.join(REPO_ROOT, page), 'utf8').matchAll(/^#+ (.+)$/gm)].map((m) => slug(m[1]))));
    return anchors.get(page)!;
  };

  it.each(pages)('%s links only to files and headings that exist', (page) => {
    const text = readFileSync(path.join(REPO_ROOT, page), 'utf8').replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
    for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
      if (/^[a-z]+:/.test(target)) continue; // https:, mailto:
      const [file, anchor] = target.split('#');
      const resolved = file ? path.posix.normalize(path.posix.join(path.posix.dirname(page), file)) : page;
      expect(() => readFileSync(path.join(REPO_ROOT, resolved)), `${page} → ${target}`).not.toThrow();
      if (anchor && resolved.endsWith('.md')) expect(headings(resolved).has(anchor), `${page} → ${target}`).toBe(true);
    }
  });
});

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens. */
function slug(heading: string): string {
  return heading.trim().toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-');
}
