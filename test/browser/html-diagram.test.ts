import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { REPO_ROOT } from '../helpers/shared.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
/** In CI a missing browser is a failure (the CI script installs it); elsewhere the test skips. */
const mustRun = Boolean(process.env.CI);
const ARTIFACTS = path.join(REPO_ROOT, 'test-artifacts');
const title = hasChromium || mustRun
  ? 'graph --format html in headless Chromium'
  : `graph --format html in headless Chromium (skipped: ${CHROMIUM} is missing; install it with "apt-get install -y chromium")`;

interface PageNode {
  key: string;
  id: string;
  name: string;
  findings: Array<{ message: string }>;
}

describe.skipIf(!hasChromium && !mustRun)(title, () => {
  let context: BrowserContext;
  let page: Page;
  let profile: string;
  let nodes: PageNode[];
  const requests: string[] = [];
  const errors: string[] = [];

  beforeAll(async () => {
    if (!hasChromium) throw new Error(`Chromium is required in CI but ${CHROMIUM} is missing (.ci/run installs it with apt-get)`);
    mkdirSync(ARTIFACTS, { recursive: true });
    const html = path.join(ARTIFACTS, 'examples-diagram.html');
    const run = runCli(['graph', 'examples/', '--format', 'html', '--output', html]);
    expect(run.status, run.stderr).toBe(0);
    profile = mkdtempSync(path.join(tmpdir(), 'kubeknit-chromium-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run', '--disable-component-update', '--disable-sync'],
      viewport: { width: 1400, height: 900 },
    });
    page = await context.newPage();
    page.on('request', (r) => requests.push(r.url()));
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(pathToFileURL(html).href);
    nodes = JSON.parse((await page.textContent('#kk-data')) ?? '{}').nodes;
  });

  afterAll(async () => {
    await context?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  it('renders every node from disk without fetching anything', async () => {
    expect(nodes.length).toBeGreaterThan(0);
    await expect.poll(() => page.locator('#kk-canvas g.node').count()).toBe(nodes.length);
    const widths = await page.locator('#kk-canvas g.node').evaluateAll((gs) => Object.fromEntries(gs.map((g) => [g.id, g.getBoundingClientRect().width])));
    for (const n of nodes) expect(widths[n.key], n.id).toBeGreaterThan(0);
    expect(requests.filter((url) => !url.startsWith('file:'))).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('shows the object and its findings in the side panel on click', async () => {
    const flagged = nodes.find((n) => n.findings.length > 0);
    expect(flagged).toBeDefined();
    await page.locator(`[id="${flagged!.key}"]`).click();
    await expect.poll(() => page.isVisible('#kk-panel')).toBe(true);
    const panel = (await page.textContent('#kk-details')) ?? '';
    expect(panel).toContain(flagged!.findings[0].message);
    expect(panel).toContain(flagged!.id);
    expect(panel).toMatch(/examples\/shop\/\w+\.yaml:\d+/);
  });

  it('filters by the search text', async () => {
    const query = nodes.find((n) => n.findings.length > 0)!.name;
    const matching = nodes.filter((n) => `${n.name} ${n.id}`.toLowerCase().includes(query.toLowerCase()));
    await page.fill('#kk-search', query);
    await expect.poll(() => page.locator('#kk-canvas g.node:not(.kk-faded)').count()).toBe(matching.length);
    expect(matching.length).toBeLessThan(nodes.length);
    expect(await page.textContent('#kk-count')).toBe(`${matching.length} of ${nodes.length} shown`);
    await page.screenshot({ path: path.join(ARTIFACTS, 'html-diagram.png') });
    expect(existsSync(path.join(ARTIFACTS, 'html-diagram.png'))).toBe(true);
    await page.fill('#kk-search', '');
    await expect.poll(() => page.locator('#kk-canvas g.node.kk-faded').count()).toBe(0);
  });

  it('filters by kind and edge type', async () => {
    const kinds = await page.locator('#kk-kind option').allTextContents();
    expect(kinds).toContain('Service');
    await page.selectOption('#kk-kind', 'Service');
    const services = nodes.filter((n) => n.id.startsWith('Service/'));
    await expect.poll(() => page.locator('#kk-canvas g.node:not(.kk-faded)').count()).toBe(services.length);
    await page.selectOption('#kk-kind', '');
    const owns = await page.locator('#kk-canvas g.kk-edge-owns').count();
    expect(owns).toBeGreaterThan(0);
    await page.uncheck('#kk-edge-types input[value="owns"]');
    await expect.poll(() => page.locator('#kk-canvas g.kk-edge-owns.kk-hidden').count()).toBe(owns);
    await page.check('#kk-edge-types input[value="owns"]');
    await expect.poll(() => page.locator('#kk-canvas g.kk-edge.kk-hidden').count()).toBe(0);
  });

  it('zooms with the wheel and the buttons', async () => {
    const before = await page.getAttribute('#kk-canvas svg', 'viewBox');
    await page.mouse.move(500, 400);
    await page.mouse.wheel(0, -300);
    await expect.poll(() => page.getAttribute('#kk-canvas svg', 'viewBox')).not.toBe(before);
    await page.click('#kk-fit');
    const fitted = (await page.getAttribute('#kk-canvas svg', 'viewBox'))!.split(/\s+/).map(Number);
    expect(fitted).toEqual(before!.split(/\s+/).map(Number));
  });
});
