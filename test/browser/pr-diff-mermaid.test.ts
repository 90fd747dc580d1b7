import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/shared.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Mermaid is not a dependency of kubeknit (GitHub renders the block); the test uses it when installed. */
const MERMAID = path.join(REPO_ROOT, 'node_modules/mermaid/dist/mermaid.min.js');
const missing = [!existsSync(CHROMIUM) && `${CHROMIUM} is missing`, !existsSync(MERMAID) && 'the mermaid package is not installed (node_modules/mermaid)'].filter(Boolean);
const title = missing.length
  ? `docs/examples/pr-diff.md's Mermaid block in headless Chromium (skipped: ${missing.join('; ')})`
  : "docs/examples/pr-diff.md's Mermaid block in headless Chromium";

describe.skipIf(missing.length > 0)(title, () => {
  let context: BrowserContext | undefined;
  let profile: string | undefined;
  afterAll(async () => {
    await context?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  it('renders every node, green added and red dashed removed edges, without errors or network', async () => {
    const markdown = readFileSync(path.join(REPO_ROOT, 'docs/examples/pr-diff.md'), 'utf8');
    const block = /```mermaid\n([\s\S]*?)```/.exec(markdown)?.[1];
    expect(block).toBeDefined();
    const folder = path.join(REPO_ROOT, 'test-artifacts');
    mkdirSync(folder, { recursive: true });
    const page = path.join(folder, 'pr-diff-mermaid.html');
    writeFileSync(page, `<!doctype html><meta charset="utf-8"><script src="${pathToFileURL(MERMAID).href}"></script><div id="out"></div>
<script type="application/json" id="src">${JSON.stringify(block).replace(/</g, '\\u003c')}</script>`);
    profile = mkdtempSync(path.join(tmpdir(), 'kubeknit-chromium-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run', '--disable-component-update', '--disable-sync'],
    });
    const tab = await context.newPage();
    const requests: string[] = [];
    const errors: string[] = [];
    tab.on('request', (r) => requests.push(r.url()));
    tab.on('pageerror', (e) => errors.push(String(e)));
    await tab.goto(pathToFileURL(page).href);
    // Runs in the page (a string: the test's TypeScript has no DOM types).
    const rendered = await tab.evaluate(`(async () => {
      mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });
      const text = JSON.parse(document.getElementById('src').textContent);
      const { svg } = await mermaid.render('diff', text);
      document.getElementById('out').innerHTML = svg;
      const links = [...document.querySelectorAll('#out path.flowchart-link')].map((p) => p.getAttribute('style') ?? '');
      return { nodes: document.querySelectorAll('#out g.node').length, links };
    })()`) as { nodes: number; links: string[] };
    const declared = block!.split('\n').filter((l) => /^\s+n\d+\["/.test(l)).length;
    expect(rendered.nodes).toBe(declared);
    expect(rendered.links.some((s) => s.includes('#1a7f37'))).toBe(true);
    expect(rendered.links.some((s) => s.includes('#cf222e') && s.includes('dasharray'))).toBe(true);
    expect(errors).toEqual([]);
    expect(requests.filter((u) => !u.startsWith('file:'))).toEqual([]);
  }, 120_000);
});
