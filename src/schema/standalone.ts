import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Ajv, Options } from 'ajv';
import { ajvModule, createValidatorAjv, VALIDATOR_RUNTIME } from './ajv.js';
import { bundleHash, precompiledFolder, precompiledIndexFile, precompiledStamp, type PrecompiledIndex } from './precompiled.js';
import { readBundle } from './store.js';
import { bundleDocumentId, type KubeSchemaBundle } from './types.js';

const require = createRequire(import.meta.url);

/** Kinds whose schema embeds a Pod's spec share one chunk: most of their code is the PodSpec's. */
const SHARED_DEFINITION = 'io.k8s.api.core.v1.PodSpec';
const SHARED_CHUNK = 'pod-bearing';

export interface GeneratedValidators {
  folder: string;
  files: number;
  bytes: number;
}

/**
 * Writes ajv standalone code for every kind of a schema bundle into `<root>/<version>/`: one
 * CommonJS chunk per kind (the Pod-bearing kinds together), and an index stamped with what the
 * code was made from. Loading a chunk costs a few milliseconds where compiling the schema costs hundreds.
 */
export function writePrecompiledValidators(bundleFile: string, root: string): GeneratedValidators {
  const bundle = readBundle(bundleFile);
  const folder = precompiledFolder(root, bundle.kubernetesVersion);
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  const ajv = standaloneAjv(bundle);
  const standaloneCode = (require('ajv/dist/standalone') as { default: (ajv: Ajv, refs: Record<string, string>) => string }).default;
  const index: PrecompiledIndex = { stamp: precompiledStamp(bundleHash(readFileSync(bundleFile))), kinds: {} };
  let bytes = 0;
  for (const [chunk, kinds] of chunksOf(bundle)) {
    const file = `${chunk}.cjs`;
    const refs = Object.fromEntries(kinds.map((key) => [key, `${bundleDocumentId(bundle.kubernetesVersion)}#/definitions/${bundle.kinds[key]}`]));
    const code = chunkModule(standaloneCode(ajv, refs));
    writeFileSync(path.join(folder, file), code);
    bytes += code.length;
    for (const key of kinds) index.kinds[key] = file;
  }
  writeFileSync(precompiledIndexFile(folder), `${JSON.stringify(index, null, 1)}\n`);
  return { folder, files: new Set(Object.values(index.kinds)).size, bytes };
}

/** The run-time ajv setup, with code kept as source and the format and keyword functions named as the chunk's parameters. */
function standaloneAjv(bundle: KubeSchemaBundle): Ajv {
  const { _ } = ajvModule() as unknown as { _: (strings: TemplateStringsArray) => unknown };
  const ajv = createValidatorAjv({ code: { source: true, formats: _`formats` } as Options['code'] });
  // Registered before any compilation, so the keyword's function is written as `keywords.listType`.
  ajv.scope.value('keyword', { ref: VALIDATOR_RUNTIME.keywords.listType, code: _`keywords.listType` as never });
  ajv.addSchema({ definitions: bundle.definitions, $id: bundleDocumentId(bundle.kubernetesVersion) });
  return ajv;
}

/** Wraps standalone code as `module.exports = (formats, keywords) => exports`; `self` (ajv) is not used by our keyword. */
function chunkModule(code: string): string {
  const body = code.replace(/^"use strict";/, '');
  return `"use strict";\nmodule.exports = function (formats, keywords) {\nconst exports = {};\nconst self = undefined;\n${body}\nreturn exports;\n};\n`;
}

/** Chunk name → kinds: the kinds that embed a PodSpec together, every other kind alone. */
function chunksOf(bundle: KubeSchemaBundle): Map<string, string[]> {
  const chunks = new Map<string, string[]>();
  for (const [key, definition] of Object.entries(bundle.kinds).sort(([a], [b]) => a.localeCompare(b))) {
    const chunk = reaches(bundle, definition, SHARED_DEFINITION) ? SHARED_CHUNK : key.replace(/[^A-Za-z0-9]+/g, '_');
    chunks.set(chunk, [...(chunks.get(chunk) ?? []), key]);
  }
  return chunks;
}

/** Whether definition `from` refers, directly or not, to definition `target`. */
function reaches(bundle: KubeSchemaBundle, from: string, target: string): boolean {
  const seen = new Set<string>();
  const stack = [from];
  while (stack.length) {
    const name = stack.pop() as string;
    if (name === target) return true;
    if (seen.has(name)) continue;
    seen.add(name);
    for (const match of JSON.stringify(bundle.definitions[name] ?? {}).matchAll(/"\$ref":"#\/definitions\/([^"]+)"/g)) stack.push(match[1]);
  }
  return false;
}
