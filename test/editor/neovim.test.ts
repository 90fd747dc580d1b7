import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/shared.js';
import { tempTree } from '../helpers/temp.js';

/** The real editor: Debian's Neovim (0.7+) with the init.lua that docs/editors.md ships. */
const nvim = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
const hasNeovim = nvim.status === 0;
if (!hasNeovim) console.warn('skipping the Neovim test: `nvim` is not installed (.ci/run installs Debian\'s neovim)');

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: web
          image: nginx:1.27
`;

const SERVICE = `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
    - port: 80
`;

interface Seen { code: string; lnum: number; col: number; message: string }
interface Result { attached: boolean; before: Seen[]; brokenSeen: boolean; broken: Seen[]; fixedSeen: boolean; fixed: Seen[] }

describe.skipIf(!hasNeovim)('Neovim with kubeknit lsp (headless, built-in LSP client)', () => {
  it('shows dangling-service-selector on the Service after a Deployment edit is saved, and clears it after the fix', () => {
    const root = tempTree({ 'deployment.yaml': DEPLOYMENT, 'service.yaml': SERVICE });
    const resultFile = path.join(root, 'result.json');
    execFileSync('nvim', ['--headless', '-n', '-i', 'NONE', '-u', path.join(REPO_ROOT, 'editors/neovim/init.lua'), '-c', `luafile ${path.join(REPO_ROOT, 'test/fixtures/editor/nvim-edit-and-save.lua')}`], {
      cwd: root,
      env: { ...process.env, KUBEKNIT_BIN: path.join(REPO_ROOT, 'bin/kubeknit.js'), RESULT: resultFile, XDG_STATE_HOME: root, XDG_DATA_HOME: root, XDG_CONFIG_HOME: root },
      stdio: 'ignore',
      timeout: 60_000,
    });
    const result = JSON.parse(readFileSync(resultFile, 'utf8')) as Result;
    expect(result.attached).toBe(true);
    expect(result.before.filter((d) => d.code === 'dangling-service-selector')).toEqual([]);
    expect(result.brokenSeen).toBe(true);
    const broken = result.broken.find((d) => d.code === 'dangling-service-selector');
    // 0-based: line 6 of service.yaml, `selector:` under spec, where the Service's selector is.
    expect(broken).toMatchObject({ lnum: 5, col: 2 });
    expect(broken?.message).toContain('app=web');
    expect(result.fixedSeen).toBe(true);
    expect(result.fixed.filter((d) => d.code === 'dangling-service-selector')).toEqual([]);
  }, 90_000);
});
