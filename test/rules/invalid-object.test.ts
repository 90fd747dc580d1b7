import { ruleTester } from '../helpers/rule-tester.js';

ruleTester('invalid-object', {
  valid: [{ name: 'comment-only and empty documents', yaml: '# nothing here\n---\n---\n' }],
  invalid: [
    { name: 'a scalar document', yaml: 'hello\n', findings: [{ line: 1, message: 'not a mapping (found a scalar)' }], allowNoObject: true },
    { name: 'a List item without kind', yaml: 'apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    metadata: {name: a}\n', findings: [{ line: 4, column: 5, message: 'items[0] of the List: missing "kind"' }], allowNoObject: true },
  ],
});
