import { defineRule, isPlainObject, schemaRegistryFor, type JsonObject } from '../src/rule-api.js';

type Segments = Array<string | number>;

/** The types a structural schema may name (apiextensions validation). */
const TYPES: ReadonlySet<string> = new Set(['array', 'boolean', 'integer', 'number', 'object', 'string']);
/** Keywords whose value is one schema, and those whose value is a list or a map of schemas. */
const ONE_SCHEMA = ['items', 'additionalProperties', 'not'] as const;
const SCHEMA_LISTS = ['allOf', 'anyOf', 'oneOf'] as const;
const SCHEMA_MAPS = ['properties', 'patternProperties', 'definitions'] as const;
/** Deeper than any real CRD; a hostile one stops being walked here. */
const MAX_DEPTH = 64;

export default defineRule({
  id: 'invalid-crd-schema',
  family: 'schema',
  severity: 'error',
  presets: ['recommended'],
  description: 'A CustomResourceDefinition schema names a type that does not exist (type: strign), or cannot be compiled',
  messages: {
    type: 'type "{{value}}" in the schema of version {{version}} is not one of array, boolean, integer, number, object, string ("Unsupported value"); the API server rejects the CustomResourceDefinition',
    uncompilable: 'the schema of version {{version}} cannot be compiled ({{reason}}); the API server rejects such a CustomResourceDefinition, and its {{kind}} objects are not validated against it',
  },
  docs: {
    why: 'The API server validates a CustomResourceDefinition\'s openAPIV3Schema: every type must be array, boolean, integer, number, object or string. A misspelt type, or a keyword with a value of the wrong type (`minimum: "abc"`), makes the whole CRD fail to apply, and no custom resource of it can be created. kubeknit reports it here, once, and checks those custom resources without the schema.',
    fix: 'Correct the type (string, not strign; integer, not int), or the keyword the message names.',
    bad: 'apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata: {name: widgets.example.com}\nspec:\n  group: example.com\n  scope: Namespaced\n  names: {kind: Widget, plural: widgets}\n  versions:\n  - name: v1\n    served: true\n    storage: true\n    schema:\n      openAPIV3Schema:\n        type: object\n        properties:\n          size: {type: strign}\n',
    good: 'apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata: {name: widgets.example.com}\nspec:\n  group: example.com\n  scope: Namespaced\n  names: {kind: Widget, plural: widgets}\n  versions:\n  - name: v1\n    served: true\n    storage: true\n    schema:\n      openAPIV3Schema:\n        type: object\n        properties:\n          size: {type: string}\n',
  },
  check({ objects, settings, report }) {
    const crds = objects.ofKind('CustomResourceDefinition');
    if (!crds.length) return;
    const registry = schemaRegistryFor(objects, settings);
    for (const crd of crds) {
      const spec = crd.body.spec;
      if (!isPlainObject(spec) || !Array.isArray(spec.versions)) continue;
      const kind = isPlainObject(spec.names) && typeof spec.names.kind === 'string' ? spec.names.kind : 'custom';
      spec.versions.forEach((version, i) => {
        if (!isPlainObject(version) || !isPlainObject(version.schema) || !isPlainObject(version.schema.openAPIV3Schema)) return;
        const name = typeof version.name === 'string' ? version.name : String(i);
        const schemaPath = ['spec', 'versions', i, 'schema', 'openAPIV3Schema'];
        const types = badTypes(version.schema.openAPIV3Schema, schemaPath);
        for (const bad of types) report(crd, bad.path, 'type', { value: bad.value, version: name });
        // Any other reason the schema does not compile, once per version (a bad type above already explains it).
        const reason = types.length || typeof version.name !== 'string' ? undefined : registry.crdSchemaProblem(crd, version.name);
        if (reason) report(crd, schemaPath, 'uncompilable', { version: name, reason, kind });
      });
    }
  },
});

/** Every `type` that is not a structural type, with its field path; walked without recursion. */
function badTypes(root: JsonObject, rootPath: Segments): Array<{ path: Segments; value: string }> {
  const out: Array<{ path: Segments; value: string }> = [];
  const stack: Array<[JsonObject, Segments, number]> = [[root, rootPath, 0]];
  while (stack.length) {
    const [schema, path, depth] = stack.pop()!;
    if (depth > MAX_DEPTH) continue;
    if (schema.type !== undefined && !(typeof schema.type === 'string' && TYPES.has(schema.type))) out.push({ path: [...path, 'type'], value: String(schema.type) });
    for (const key of ONE_SCHEMA) if (isPlainObject(schema[key])) stack.push([schema[key], [...path, key], depth + 1]);
    for (const key of SCHEMA_LISTS) {
      const list = schema[key];
      if (Array.isArray(list)) list.forEach((item, i) => isPlainObject(item) && stack.push([item, [...path, key, i], depth + 1]));
    }
    for (const key of SCHEMA_MAPS) {
      const map = schema[key];
      if (isPlainObject(map)) for (const [name, item] of Object.entries(map)) if (isPlainObject(item)) stack.push([item, [...path, key, name], depth + 1]);
    }
  }
  return out.reverse();
}

