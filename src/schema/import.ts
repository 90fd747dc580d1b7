import path from 'node:path';
import { convertOpenApiDir } from './convert-openapi.js';
import { writeBundle, writeServedEntry } from './store.js';
import { UsageError } from '../load/errors.js';

export interface ImportResult {
  kubernetesVersion: string;
  file: string;
  kinds: number;
  definitions: number;
}

/**
 * Converts a folder of OpenAPI v3 documents (as `kubectl get --raw /openapi/v3/...` serves them)
 * into `<out>/<version>.json.gz` and records the kinds it serves in `<out>/served.json`.
 * The version comes from the folder name (`1.33`) unless given.
 */
export function importOpenApiDir(dir: string, out: string, kubernetesVersion?: string): ImportResult {
  // The version names the bundle file written under `out`: only digits and one dot (`../x` would escape it).
  if (kubernetesVersion !== undefined && !/^\d+\.\d+$/.test(kubernetesVersion)) throw new UsageError(`--kube-version takes a version like 1.35, got "${kubernetesVersion}"`);
  const version = kubernetesVersion ?? /^\d+\.\d+$/.exec(path.basename(path.resolve(dir)))?.[0];
  if (!version) throw new Error(`cannot tell the Kubernetes version of ${dir} from its name; pass --kube-version`);
  const bundle = convertOpenApiDir(dir, version);
  const file = writeBundle(out, bundle);
  writeServedEntry(out, version, Object.keys(bundle.kinds));
  return { kubernetesVersion: version, file, kinds: Object.keys(bundle.kinds).length, definitions: Object.keys(bundle.definitions).length };
}
