import { formatFieldPath } from '../load/field-path.js';
import type { JsonObject, K8sObject } from '../types.js';
import { registryFor, type SchemaRegistry, type SchemaSettings } from './registry.js';
import { ValidationCache, type SchemaIssue } from './validation-cache.js';

export type { SchemaIssue } from './validation-cache.js';

/** Container ports are keyed by containerPort + protocol; duplicate-container-port reports those with more context. */
const CONTAINER_PORT = /(?:containers|initContainers|ephemeralContainers)\[\d+\]\.ports\[\d+\]$/;

/**
 * Results by object body, for a process that lints the same objects again: the language server
 * keeps the objects of unchanged files, so an edit re-validates only the edited file's objects.
 * Bodies are never changed after loading; settings and schema are checked on every use.
 */
const byBody = new WeakMap<JsonObject, { settingsKey: string; schemaId: string; issues: SchemaIssue[] }>();

/**
 * What `schema-violation` reports for one object: its schema problems (none when kubeknit has no
 * schema for it), taken from `cache` when an earlier run validated the same body against the same schema.
 */
export function schemaIssues(registry: SchemaRegistry, obj: K8sObject, cache?: ValidationCache): SchemaIssue[] {
  const lookup = registry.lookup(obj);
  if (lookup.status !== 'schema') return [];
  const { settingsKey } = registry;
  const { schemaId } = lookup;
  const known = cache ? undefined : byBody.get(obj.body); // with a cache, every result used must reach it
  if (known && known.settingsKey === settingsKey && known.schemaId === schemaId) return known.issues;
  const key = cache ? ValidationCache.key(settingsKey, schemaId, obj.body) : undefined;
  const cached = key === undefined ? undefined : cache?.get(key);
  if (cached) return cached;
  const issues: SchemaIssue[] = [];
  for (const problem of lookup.validate()) {
    if (problem.kind === 'duplicate-entry' && CONTAINER_PORT.test(formatFieldPath(problem.path))) continue;
    const issue: SchemaIssue = { path: problem.path, messageId: problem.messageId, data: problem.data, message: problem.message };
    if (problem.fix) issue.fix = problem.fix;
    issues.push(issue);
  }
  if (key !== undefined) cache?.set(key, issues);
  else byBody.set(obj.body, { settingsKey, schemaId, issues });
  return issues;
}

/** Settings of `validateObject`: the run's schema settings and the CustomResourceDefinitions of the input. */
export interface ValidateObjectSettings extends SchemaSettings {
  crds?: readonly K8sObject[];
}

const NO_CRDS: readonly K8sObject[] = [];

/**
 * The schema issues of one object, as `schema-violation` reports them, with nothing else of the
 * run needed but the CRDs. Registries (and compiled validators) are reused across calls with the
 * same settings and the same `crds` array.
 */
export function validateObject(obj: K8sObject, settings: ValidateObjectSettings = {}): SchemaIssue[] {
  const crds = settings.crds ?? NO_CRDS;
  return schemaIssues(registryFor(crds, () => crds, settings), obj);
}
