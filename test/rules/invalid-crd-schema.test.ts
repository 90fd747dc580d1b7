import { ruleTester } from '../helpers/rule-tester.js';

const crd = (schema: string) => `apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata: {name: widgets.example.com}\nspec:\n  group: example.com\n  scope: Namespaced\n  names: {kind: Widget, plural: widgets}\n  versions:\n  - name: v1\n    served: true\n    storage: true\n    schema:\n      openAPIV3Schema:\n${schema}`;

// After the API server's error: spec.validation.openAPIV3Schema.properties[spec].properties[size].type: Unsupported value: "strign"
ruleTester('invalid-crd-schema', {
  valid: [
    { name: 'every structural type, nested in items, maps and allOf', yaml: crd('        type: object\n        properties:\n          spec:\n            type: object\n            properties:\n              tags: {type: array, items: {type: string}}\n              limits: {type: object, additionalProperties: {type: integer}}\n              ratio: {type: number}\n              on: {type: boolean}\n            anyOf: [{required: [tags]}, {required: [limits]}]\n') },
  ],
  invalid: [
    {
      name: 'a misspelt type, and a type in a list item schema',
      yaml: crd('        type: object\n        properties:\n          spec:\n            type: object\n            properties:\n              size: {type: strign}\n              ports: {type: array, items: {type: int}}\n'),
      findings: [
        { line: 19, message: 'type "strign" in the schema of version v1 is not one of array, boolean, integer, number, object, string' },
        { line: 20, message: 'type "int"' },
      ],
    },
    { name: 'a property name with dots is located', yaml: crd('        type: object\n        properties:\n          example.com/size: {type: Integer}\n'), findings: [{ line: 16, message: 'type "Integer"' }] },
    {
      name: 'a keyword whose value has the wrong type (minimum: "abc") is reported once, at the schema',
      yaml: `${crd('        type: object\n        properties:\n          size: {type: integer, minimum: "abc"}\n')}---\napiVersion: example.com/v1\nkind: Widget\nmetadata: {name: a}\nsize: 1\n---\napiVersion: example.com/v1\nkind: Widget\nmetadata: {name: b}\n`,
      findings: [{ line: 13, severity: 'error', messageId: 'uncompilable', data: { version: 'v1', kind: 'Widget' }, message: 'minimum' }],
    },
    {
      name: 'a pattern RE2 refuses (lookahead), which the API server refuses too',
      yaml: crd('        type: object\n        properties:\n          name: {type: string, pattern: "^(?=a)a$"}\n'),
      findings: [{ line: 13, messageId: 'uncompilable', message: 'the schema of version v1 cannot be compiled' }],
    },
  ],
});
