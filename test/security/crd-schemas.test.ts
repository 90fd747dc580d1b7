import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { INTERNAL_ERROR_RULE, lint } from '../../src/index.js';

/** A CRD of kind Widget (group example.com) whose spec schema is `spec`, and one Widget with `body` as its spec. */
function crdAndWidget(spec: string, body: string): string {
  return `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: widgets.example.com}
spec:
  group: example.com
  scope: Namespaced
  names: {kind: Widget, plural: widgets, singular: widget, listKind: WidgetList}
  versions:
  - name: v1
    served: true
    storage: true
    schema:
      openAPIV3Schema:
        type: object
        properties:
          spec: ${spec}
---
apiVersion: example.com/v1
kind: Widget
metadata: {name: w, namespace: shop}
spec: ${body}
`;
}

async function schemaFindings(text: string): Promise<string[]> {
  const result = await lint([], { inline: [{ file: 'crd.yaml', text }] });
  expect(result.findings.filter((f) => f.ruleId === INTERNAL_ERROR_RULE)).toEqual([]);
  return result.findings.filter((f) => f.ruleId === 'schema-violation' && f.object?.kind === 'Widget').map((f) => f.message);
}

describe('CRD schemas from the input are evaluated in bounded time', () => {
  it('a catastrophic pattern (^(a+)+$) runs in linear time, with RE2 semantics as the API server', async () => {
    const spec = '{type: object, properties: {name: {type: string, pattern: "^(a+)+$"}}}';
    expect(await schemaFindings(crdAndWidget(spec, `{name: "${'a'.repeat(5000)}!"}`))).toEqual([expect.stringContaining('pattern')]);
    expect(await schemaFindings(crdAndWidget(spec, `{name: "${'a'.repeat(5000)}"}`))).toEqual([]);
  });

  it('a pattern RE2 refuses (lookahead) is reported once, at the CRD, and other objects are still validated', async () => {
    const text = `${crdAndWidget('{type: object, properties: {name: {type: string, pattern: "^(?=a)a$"}}}', '{name: a}')}---
apiVersion: v1
kind: ConfigMap
metadata: {name: c, namespace: shop}
data: {x: 1}
`;
    const result = await lint([], { inline: [{ file: 'crd.yaml', text }] });
    // The API server rejects the CRD: one error there. The Widget is checked without the schema and gets
    // no finding of its own; schema-violation still validates the other objects.
    const shown = (ruleIds: string[]) => result.findings.filter((f) => ruleIds.includes(f.ruleId)).map((f) => `${f.ruleId} ${f.object?.kind}: ${f.message}`);
    expect(shown(['invalid-crd-schema', 'schema-violation', 'unknown-kind', INTERNAL_ERROR_RULE])).toEqual([
      expect.stringMatching(/^invalid-crd-schema CustomResourceDefinition: the schema of version v1 cannot be compiled \(.*\(\?=/),
      expect.stringMatching(/^schema-violation ConfigMap: data\.x must be a string/),
    ]);
  });

  it('uniqueItems over 30,000 objects is checked in linear time and still finds the duplicate', async () => {
    const items = Array.from({ length: 30_000 }, (_, i) => `{id: ${i}, v: x}`);
    items.push('{v: x, id: 17}');
    const spec = '{type: object, properties: {items: {type: array, uniqueItems: true, items: {type: object, x-kubernetes-preserve-unknown-fields: true}}}}';
    expect(await schemaFindings(crdAndWidget(spec, `{items: [${items.join(', ')}]}`))).toEqual([expect.stringMatching(/duplicate/)]);
  });

  for (const [keyword, spec] of [
    ['minimum: "abc"', '{type: object, properties: {n: {type: integer, minimum: "abc"}}}'],
    ['type: foo', '{type: object, properties: {n: {type: foo}}}'],
    ['a $ref', '{type: object, properties: {n: {$ref: "#/definitions/nowhere"}}}'],
    ['a __proto__ property', '{type: object, properties: {__proto__: {type: string}, constructor: {type: integer}}}'],
  ] as const) {
    it(`a CRD schema with ${keyword} gives findings, not a crash`, async () => {
      await schemaFindings(crdAndWidget(spec, '{n: 1, constructor: 2}'));
    });
  }
});

describe('CEL rules (x-kubernetes-validations) from the input', () => {
  const withRule = (expr: string, body: string) =>
    crdAndWidget(`{type: object, x-kubernetes-validations: [{rule: ${JSON.stringify(expr)}, message: rule failed}], properties: {items: {type: array, items: {type: integer}}}}`, body);

  it('a nested all() over 1,000 items stops at the evaluation budget with a finding', async () => {
    const items = Array.from({ length: 1000 }, (_, i) => i).join(', ');
    const findings = await schemaFindings(withRule('self.items.all(x, self.items.all(y, self.items.all(z, x + y + z >= 0)))', `{items: [${items}]}`));
    expect(findings).toEqual([expect.stringMatching(/budget/)]);
  });

  it('an evaluation error (division by zero, an index out of bounds) is a finding, as the API server rejects the object', async () => {
    expect(await schemaFindings(withRule('self.items[0] / self.items[1] > 0', '{items: [1, 0]}'))).toEqual([expect.stringMatching(/divide by zero/)]);
    expect(await schemaFindings(withRule('self.items[3] > 0', '{items: [1]}'))).toEqual([expect.stringMatching(/out of bounds/)]);
    // a missing field is left alone: the API server fills defaults before it evaluates the rule
    expect(await schemaFindings(withRule('self.missing > 0', '{items: [1]}'))).toEqual([]);
    expect(await schemaFindings(withRule('self.items.size() > 0', '{items: [1]}'))).toEqual([]);
  });

  it('a rule with a syntax error is a finding', async () => {
    expect(await schemaFindings(withRule('self.items.size() >', '{items: [1]}'))).toEqual([expect.stringMatching(/does not compile/)]);
  });
});

describe('a --schema-location file kubeknit cannot use is treated like a CRD schema that does not compile: no error on its objects', () => {
  const widget = 'apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w, namespace: shop}\nspec: {n: 1}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, namespace: shop}\ndata: {x: 1}\n';
  it.each([
    ['a keyword of the wrong type (minimum: "abc")', '{"type": "object", "properties": {"spec": {"type": "object", "properties": {"n": {"type": "integer", "minimum": "abc"}}}}}', /minimum/],
    ['text that is not JSON', 'not json', /cannot be read: .*JSON/],
    ['JSON that is not an object', '[1, 2]', /not a JSON object/],
  ])('%s: a warning on the object naming the file, no schema-violation, no internal error; other objects validated', async (_name, content, reason) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kubeknit-schema-file-'));
    try {
      mkdirSync(path.join(dir, 'example.com'));
      writeFileSync(path.join(dir, 'example.com', 'widget_v1.json'), content);
      const result = await lint([], { schemaLocations: [dir], inline: [{ file: 'widget.yaml', text: widget }] });
      const shown = result.findings.filter((f) => ['schema-violation', 'unknown-kind', INTERNAL_ERROR_RULE].includes(f.ruleId)).map((f) => `${f.ruleId} ${f.severity} ${f.object?.kind}: ${f.message}`);
      expect(shown).toEqual([
        expect.stringMatching(/^unknown-kind warning Widget: the schema file .*widget_v1\.json for example\.com\/v1 Widget cannot be used/),
        expect.stringMatching(/^schema-violation error ConfigMap: data\.x must be a string/),
      ]);
      expect(shown[0]).toMatch(reason);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
