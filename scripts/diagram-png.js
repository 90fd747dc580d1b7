#!/usr/bin/env node
// Makes the README picture: `kubeknit graph --format svg` of the examples, photographed by headless
// Chromium (the same tool chain the browser test uses). Usage: node scripts/diagram-png.js [out.png]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

const root = path.resolve(import.meta.dirname, '..');
const out = path.resolve(process.argv[2] ?? path.join(root, 'docs/examples-diagram.png'));
const svg = execFileSync(process.execPath, [path.join(root, 'bin/kubeknit.js'), 'graph', 'examples/', '--format', 'svg'], { cwd: root, encoding: 'utf8' });

const profile = mkdtempSync(path.join(tmpdir(), 'kubeknit-chromium-'));
const browser = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run', '--disable-component-update', '--disable-sync'],
  viewport: { width: 1600, height: 1200 },
  deviceScaleFactor: 1,
});
try {
  const page = await browser.newPage();
  await page.setContent(`<!doctype html><body style="margin:0;background:#fff">${svg.slice(svg.indexOf('<svg'))}</body>`);
  await page.locator('svg').first().screenshot({ path: out });
  console.log(`wrote ${path.relative(process.cwd(), out)}`);
} finally {
  await browser.close();
  rmSync(profile, { recursive: true, force: true });
}
