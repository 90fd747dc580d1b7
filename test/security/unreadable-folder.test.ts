import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { tempTree } from '../helpers/temp.js';

// The tests run as root here, and root lists a chmod-000 folder anyway: a folder named `locked` fails to list instead.
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const readdirSync = ((dir: string, ...rest: unknown[]) => {
    if (path.basename(String(dir)) === 'locked') throw Object.assign(new Error(`EACCES: permission denied, scandir '${String(dir)}'`), { code: 'EACCES' });
    return (fs.readdirSync as (...args: unknown[]) => unknown)(dir, ...rest);
  }) as typeof fs.readdirSync;
  return { ...fs, default: { ...fs, readdirSync }, readdirSync };
});

const { loadInputs, UsageError } = await import('../../src/load/index.js');

const configMap = (name: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ${name}}\n`;

describe('a folder the walk may not list', () => {
  it('is an unreadable problem at the folder (invalid-yaml reports it), and the rest still loads', () => {
    const dir = tempTree({ 'ok.yaml': configMap('ok'), 'locked/hidden.yaml': configMap('hidden') });
    const loaded = loadInputs([dir]);
    expect(loaded.objects.map((o) => o.name)).toEqual(['ok']);
    expect(loaded.problems.map((p) => [path.basename(p.file), p.kind, p.message])).toEqual([
      ['locked', 'unreadable', 'cannot read folder (EACCES), so the manifests in it, if any, were not linted'],
    ]);
    expect(loaded.files.map((f) => path.basename(f))).toEqual(['locked', 'ok.yaml']);
  });

  it('named on the command line, it is a usage error (exit 2), not "no manifest files"', () => {
    const dir = tempTree({ 'locked/hidden.yaml': configMap('hidden') });
    expect(() => loadInputs([path.join(dir, 'locked')])).toThrow(UsageError);
    expect(() => loadInputs([path.join(dir, 'locked')])).toThrow(/cannot read directory .*locked \(EACCES\)/);
  });
});
