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
  ],
});
