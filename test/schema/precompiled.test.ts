import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadInputs } from '../../src/load/index.js';
import { bundleHash, PrecompiledValidators } from '../../src/schema/precompiled.js';
import { writePrecompiledValidators } from '../../src/schema/standalone.js';
import { bundleFile, bundleVersions, EMBEDDED_SCHEMA_DIR } from '../../src/schema/store.js';
import { kindKey } from '../../src/schema/types.js';
import { VersionSchemas } from '../../src/schema/version-schemas.js';
import type { K8sObject } from '../../src/types.js';
import { hasShared, REPO_ROOT, SHARED_SKIP_REASON, sharedPath } from '../helpers/shared.js';

const NEWEST = bundleVersions(EMBEDDED_SCHEMA_DIR).at(-1) as string;
const BUNDLE = bundleFile(EMBEDDED_SCHEMA_DIR, NEWEST);
const generated = new VersionSchemas(NEWEST, BUNDLE);
const compiled = new VersionSchemas(NEWEST, BUNDLE, { precompiled: false });

/** A small deterministic PRNG, so the mutations are the same on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every mapping and list inside a value, with the value itself. */
function containers(value: Json, out: (Json[] | { [key: string]: Json })[] = []): (Json[] | { [key: string]: Json })[] {
  if (value !== null && typeof value === 'object') {
    out.push(value);
    for (const child of Array.isArray(value) ? value : Object.values(value)) containers(child, out);
  }
  return out;
}

const REPLACEMENTS: Json[] = ['text', 42, 1.5, true, null, [], {}, [1, 'a'], { x: 1 }, '500x', 'not base64!', '2024-13-45', -3, Number.NaN];

/** A copy of `body` with one mistake: an unknown field, a value of another type, a repeated or dropped entry. */
function mutate(body: Json, rnd: () => number): Json {
  const copy = structuredClone(body);
  const places = containers(copy);
  const place = places[Math.floor(rnd() * places.length)];
  const pick = REPLACEMENTS[Math.floor(rnd() * REPLACEMENTS.length)];
  if (Array.isArray(place)) {
    if (place.length && rnd() < 0.5) place.push(structuredClone(place[Math.floor(rnd() * place.length)]));
    else if (place.length) place[Math.floor(rnd() * place.length)] = pick;
    else place.push(pick);
  } else {
    const keys = Object.keys(place);
    const roll = rnd();
    if (!keys.length || roll < 0.25) place[`extraField${Math.floor(rnd() * 3)}`] = pick;
    else if (roll < 0.4) delete place[keys[Math.floor(rnd() * keys.length)]];
    else place[keys[Math.floor(rnd() * keys.length)]] = pick;
  }
  return copy;
}

/** Built-in objects of the examples and fixtures, and of the shared corpora where present. */
function builtInObjects(inputs: string[]): K8sObject[] {
  return loadInputs(inputs).objects.filter((o) => generated.hasKind(kindKey(o.apiVersion, o.kind)));
}

/** Validates each object and `mutations` broken copies both ways; returns how many were invalid. */
function expectSameErrors(objects: K8sObject[], mutations: number): number {
  const rnd = random(7);
  let invalid = 0;
  for (const obj of objects) {
    const key = kindKey(obj.apiVersion, obj.kind);
    const bodies = [obj.body as Json, ...Array.from({ length: mutations }, () => mutate(obj.body as Json, rnd))];
    for (const body of bodies) {
      const errors = generated.validateKind(key, body);
      expect(errors, `${obj.source.file} ${JSON.stringify(body)}`).toEqual(compiled.validateKind(key, body));
      if (errors.length) invalid++;
    }
  }
  return invalid;
}

describe('validators generated at build time', () => {
  it('are built for the newest embedded version and match its bundle', () => {
    expect(generated.isPrecompiled, 'dist/validators is missing or stale: run `npm run build`').toBe(true);
  });

  it('report exactly the errors ajv compiles at run time, on valid objects and on thousands of broken ones', () => {
    const objects = builtInObjects([path.join(REPO_ROOT, 'examples'), path.join(REPO_ROOT, 'test/fixtures')]);
    expect(objects.length).toBeGreaterThan(200);
    expect(expectSameErrors(objects, 10)).toBeGreaterThan(1500);
  });

  describe.skipIf(!hasShared)(`on the shared corpora (${hasShared ? 'present' : SHARED_SKIP_REASON})`, () => {
    it('report exactly the errors ajv compiles at run time', () => {
      const objects = builtInObjects([sharedPath('corpora', 'kube-linter'), sharedPath('corpora', 'k8s-website-examples'), sharedPath('corpora', 'kubeconform')]);
      expect(expectSameErrors(objects, 2)).toBeGreaterThan(500);
    });
  });
});

describe('writePrecompiledValidators', () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'kubeknit-validators-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const hash = bundleHash(readFileSync(BUNDLE));

  it('writes a chunk per kind (Pod-bearing kinds together) that a later run loads, and is refused for other schemas', () => {
    const { files } = writePrecompiledValidators(BUNDLE, root);
    const validators = PrecompiledValidators.forBundle(hash, NEWEST, root);
    expect(validators?.hasKind('apps/v1/Deployment')).toBe(true);
    expect(files).toBeLessThan(Object.keys(JSON.parse(readFileSync(path.join(root, NEWEST, 'index.json'), 'utf8')).kinds).length);
    const errors = validators?.validate('apps/v1/Deployment', { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'x' }, spec: { replicas: 'two' } });
    expect(errors?.map((e) => `${e.instancePath} ${e.keyword}`)).toEqual(compiled.validateKind('apps/v1/Deployment', { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'x' }, spec: { replicas: 'two' } }).map((e) => `${e.instancePath} ${e.keyword}`));
    expect(PrecompiledValidators.forBundle(bundleHash(Buffer.from('other schemas')), NEWEST, root)).toBeUndefined();
    expect(PrecompiledValidators.forBundle(hash, '1.2', root)).toBeUndefined();
  });
});
