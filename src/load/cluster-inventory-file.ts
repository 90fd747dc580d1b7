import { readFileSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';
import { inventoryFromObjects, type ClusterInventory } from '../k8s/cluster-inventory.js';
import type { JsonValue } from '../types.js';
import { UsageError } from './errors.js';
import { KUBERNETES_YAML_OPTIONS } from './yaml-options.js';

/** Reads `--cluster-inventory FILE`: `kubectl get … -o yaml` (or JSON) output, a List or several documents. */
export function readClusterInventory(file: string): ClusterInventory {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new UsageError(`--cluster-inventory ${file}: cannot read the file: ${(err as Error).message.split('\n')[0]}`);
  }
  const documents: JsonValue[] = [];
  // kubectl's output, read as kubectl reads manifests
  for (const doc of parseAllDocuments(text, { ...KUBERNETES_YAML_OPTIONS, uniqueKeys: false })) {
    if (doc.errors.length) throw new UsageError(`--cluster-inventory ${file}: not valid YAML: ${doc.errors[0].message.split('\n')[0]}`);
    documents.push(doc.toJS({ maxAliasCount: 100 }) as JsonValue);
  }
  return inventoryFromObjects(documents);
}
