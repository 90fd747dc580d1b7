import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ErrorObject } from './ajv.js';
import { ajvVersion, VALIDATOR_RUNTIME, VALIDATOR_SETUP, type ValidatorRuntime } from './ajv.js';

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));

/** `dist/validators/kubernetes`: where the build writes ahead-of-time validators (from `dist/src/schema` or, under tests, `src/schema`). */
export const PRECOMPILED_DIR = [path.resolve(here, '../../validators/kubernetes'), path.resolve(here, '../../dist/validators/kubernetes')].find((d) => existsSync(d)) ?? path.resolve(here, '../../validators/kubernetes');

const INDEX_FILE = 'index.json';
/** Bumped when the layout of generated chunks changes. */
const CHUNK_FORMAT = 1;

/** What a folder of ahead-of-time validators was built from; a mismatch means it is stale and not used. */
export interface PrecompiledIndex {
  stamp: string;
  /** `apps/v1/Deployment` → the chunk file (in the same folder) that exports its validator under that name. */
  kinds: Record<string, string>;
}

type CompiledFunction = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };
type ChunkFactory = (formats: ValidatorRuntime['formats'], keywords: ValidatorRuntime['keywords']) => Record<string, CompiledFunction>;

/** Names a schema bundle by its content (the bytes of its file). */
export function bundleHash(bundleBytes: Uint8Array): string {
  return createHash('sha256').update(bundleBytes).digest('base64url');
}

/** The bundle's content, ajv's version and the validator set-up: what generated code depends on. */
export function precompiledStamp(hash: string): string {
  return `format ${CHUNK_FORMAT}; ajv ${ajvVersion()}; setup ${VALIDATOR_SETUP}; bundle ${hash}`;
}

export function precompiledFolder(root: string, kubernetesVersion: string): string {
  return path.join(root, kubernetesVersion);
}

export function precompiledIndexFile(folder: string): string {
  return path.join(folder, INDEX_FILE);
}

/**
 * Validators generated at build time (ajv standalone code) for one schema bundle. Chunks are
 * required on first use of one of their kinds, so a run pays only for the kinds it meets.
 */
export class PrecompiledValidators {
  private readonly chunks = new Map<string, Record<string, CompiledFunction>>();

  private constructor(private readonly folder: string, private readonly index: PrecompiledIndex) {}

  /** The validators built from this very bundle (by `bundleHash`), or undefined (none built, or built from other schemas). */
  static forBundle(hash: string, kubernetesVersion: string, root = PRECOMPILED_DIR): PrecompiledValidators | undefined {
    const folder = precompiledFolder(root, kubernetesVersion);
    let index: PrecompiledIndex;
    try {
      index = JSON.parse(readFileSync(precompiledIndexFile(folder), 'utf8')) as PrecompiledIndex;
    } catch {
      return undefined; // not built for this version
    }
    return index.stamp === precompiledStamp(hash) ? new PrecompiledValidators(folder, index) : undefined;
  }

  /** The kinds (`apps/v1/Deployment`) with a validator. */
  hasKind(key: string): boolean {
    return Object.hasOwn(this.index.kinds, key);
  }

  /** ajv's errors for `data` against the schema of kind `key` (empty when valid). */
  validate(key: string, data: unknown): ErrorObject[] {
    const validate = this.chunk(this.index.kinds[key])[key];
    return validate(data) ? [] : [...(validate.errors ?? [])];
  }

  private chunk(file: string): Record<string, CompiledFunction> {
    let chunk = this.chunks.get(file);
    if (!chunk) {
      const factory = require(path.join(this.folder, file)) as ChunkFactory;
      this.chunks.set(file, (chunk = factory(VALIDATOR_RUNTIME.formats, VALIDATOR_RUNTIME.keywords)));
    }
    return chunk;
  }
}
