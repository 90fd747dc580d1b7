import { ruleTester } from '../helpers/rule-tester.js';

ruleTester('invalid-yaml', {
  valid: [{ name: 'flow style and anchors', yaml: 'a: &x {b: 1}\nc: *x\n' }],
  invalid: [
    { name: 'unclosed flow mapping', yaml: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a\n', findings: [{ line: 4, messageId: 'yamlSyntax', message: 'YAML syntax error' }], allowNoObject: true },
    { name: 'duplicate key', yaml: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\nkind: Secret\n', findings: [{ line: 4, column: 1, messageId: 'duplicateKey', message: 'duplicate key "kind"' }], allowNoObject: true },
    { name: 'a document nested deeper than any object: found at the bracket that goes past 256 levels', yaml: `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata: ${'['.repeat(300)}${']'.repeat(300)}\n`, findings: [{ line: 4, column: 262, messageId: 'tooDeep' }], allowNoObject: true },
  ],
});
