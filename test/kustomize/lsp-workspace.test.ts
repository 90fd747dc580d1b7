import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findKustomizeCommand } from '../../src/load/kustomize/build.js';
import { Workspace } from '../../src/lsp/workspace.js';
import { REPO_ROOT } from '../helpers/shared.js';

const hasKustomize = findKustomizeCommand() !== undefined;

describe.skipIf(!hasKustomize)(`language server workspace with a kustomize base and overlay ${hasKustomize ? '' : '(skipped: no kustomize or kubectl on PATH)'}`, () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'kubeknit-kz-lsp-'));
    cpSync(path.join(REPO_ROOT, 'test/fixtures/kustomize/shop'), dir, { recursive: true });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('a base file saved with a defect shows the overlay\'s finding in the base file, at its line', async () => {
    const workspace = new Workspace();
    workspace.addRoot(dir);
    await workspace.buildKustomizations();
    const web = path.join(dir, 'base/web.yaml');
    const privileged = () => (workspace.analyze().byFile.get(web) ?? []).filter((f) => f.ruleId === 'privileged-container');
    expect(privileged()).toEqual([]);
    expect(workspace.isReadByKustomize(web)).toBe(true);
    expect(workspace.isReadByKustomize(path.join(dir, 'overlays/prod/web-resources.yaml'))).toBe(true);

    writeFileSync(web, readFileSync(web, 'utf8').replace('          env:\n', '          securityContext:\n            privileged: true\n          env:\n'));
    workspace.readFromDisk(web); // what the server does on save, before the rebuild
    await workspace.buildKustomizations();
    const line = readFileSync(web, 'utf8').split('\n').findIndex((l) => l.includes('privileged: true')) + 1;
    expect(privileged()).toMatchObject([{ line, rendered: { by: 'kustomize', kustomization: path.join(dir, 'overlays/prod/kustomization.yaml') } }]);
  });
});
