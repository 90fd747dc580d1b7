import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lint } from '../../src/index.js';

/**
 * A kustomization in a pull request may name a remote base (a git URL): building it would make
 * kustomize fetch from the network. By default kubeknit does not build such a kustomization; it
 * says so at the remote entry. `--kustomize render` is the user's explicit choice to build anyway.
 * A stand-in kustomize records whether it ran, so the tests see what was started.
 */
describe.skipIf(process.platform === 'win32')('kustomizations that name remote resources', () => {
  let dir: string;
  let marker: string;
  let kustomize: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'kubeknit-kz-remote-'));
    marker = path.join(dir, 'ran');
    kustomize = path.join(dir, 'fake-kustomize');
    writeFileSync(kustomize, `#!/bin/sh\ntouch '${marker}'\nprintf 'apiVersion: v1\\nkind: ConfigMap\\nmetadata: {name: built, namespace: shop}\\n'\n`);
    chmodSync(kustomize, 0o755);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function write(rel: string, text: string): string {
    const file = path.join(dir, rel);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
    return file;
  }

  it('does not build an overlay whose base is a git URL, and points at the entry', async () => {
    const kustomization = write('app/kustomization.yaml', 'namespace: shop\nresources:\n- deployment.yaml\n- https://github.com/example/platform//base?ref=v1.2.0\n');
    write('app/deployment.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: local, namespace: shop}\n');
    const result = await lint([path.join(dir, 'app')], { kustomize: { command: kustomize } });
    expect(existsSync(marker)).toBe(false);
    const notices = result.findings.filter((f) => f.ruleId === 'kustomization-skipped');
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ file: kustomization, line: 4, column: 3, severity: 'info' });
    expect(notices[0].message).toContain('https://github.com/example/platform//base?ref=v1.2.0');
    // the local file is still linted as it is
    expect(result.objects.map((o) => o.name)).toEqual(['local']);
  });

  it('finds a remote entry in a local base the overlay builds on', async () => {
    write('base/kustomization.yaml', 'resources:\n- git@github.com:example/platform.git//base\n');
    write('overlay/kustomization.yaml', 'resources:\n- ../base\n');
    const result = await lint([dir], { kustomize: { command: kustomize } });
    expect(existsSync(marker)).toBe(false);
    const notices = result.findings.filter((f) => f.ruleId === 'kustomization-skipped');
    expect(notices.map((f) => [path.relative(dir, f.file), f.line])).toEqual([['base/kustomization.yaml', 2]]);
  });

  it('builds it when the user asks for rendering', async () => {
    write('app/kustomization.yaml', 'resources:\n- https://github.com/example/platform//base?ref=v1.2.0\n');
    const result = await lint([path.join(dir, 'app')], { kustomize: { mode: 'render', command: kustomize } });
    expect(existsSync(marker)).toBe(true);
    expect(result.findings.filter((f) => f.ruleId === 'kustomization-skipped')).toEqual([]);
    expect(result.objects.map((o) => o.name)).toEqual(['built']);
  });

  it('refuses kustomize output nested too deeply before parsing it, and keeps the rest', async () => {
    const deep = `${'['.repeat(3000)}${']'.repeat(3000)}`;
    writeFileSync(kustomize, `#!/bin/sh\nprintf 'apiVersion: v1\\nkind: ConfigMap\\nmetadata: {name: deep}\\ndata: {a: ${deep}}\\n---\\napiVersion: v1\\nkind: ConfigMap\\nmetadata: {name: fine}\\n'\n`);
    const kustomization = write('app/kustomization.yaml', 'resources:\n- configmap.yaml\n');
    write('app/configmap.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: local}\n');
    const result = await lint([path.join(dir, 'app')], { kustomize: { command: kustomize } });
    const refused = result.findings.filter((f) => f.ruleId === 'invalid-yaml');
    expect(refused.map((f) => [f.file, f.message])).toEqual([[kustomization, expect.stringContaining('output: document nests deeper than')]]);
    expect(result.objects.map((o) => o.name)).toEqual(['fine']);
  });

  it('builds a kustomization of local files only, as before', async () => {
    write('app/kustomization.yaml', 'resources:\n- configmap.yaml\n');
    write('app/configmap.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: local}\n');
    const result = await lint([path.join(dir, 'app')], { kustomize: { command: kustomize } });
    expect(existsSync(marker)).toBe(true);
    expect(result.findings.filter((f) => f.ruleId === 'kustomization-skipped')).toEqual([]);
  });
});
