import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

it('kubeknit graph honours the config (ignore list) like lint, and --no-config turns it off', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'kubeknit-graph-config-'));
  mkdirSync(path.join(dir, 'vendor'));
  writeFileSync(path.join(dir, 'app.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: kept}\n');
  writeFileSync(path.join(dir, 'vendor/other.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ignored}\n');
  writeFileSync(path.join(dir, '.kubeknit.yaml'), 'ignore: ["vendor/**"]\n');
  const names = (args: string[]) => (JSON.parse(runCli(['graph', '.', ...args], { cwd: dir }).stdout).nodes as Array<{ name: string }>).map((n) => n.name).sort();
  expect(names([])).toEqual(['kept']);
  expect(names(['--no-config'])).toEqual(['ignored', 'kept']);
});
