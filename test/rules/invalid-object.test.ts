import { ruleTester } from '../helpers/rule-tester.js';

ruleTester('invalid-object', {
  valid: [
    { name: 'comment-only and empty documents', yaml: '# nothing here\n---\n---\n' },
    { name: 'a quoted name that YAML 1.1 would read as a boolean', yaml: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: "n"\n' },
  ],
  invalid: [
    { name: 'a scalar document', yaml: 'hello\n', findings: [{ line: 1, messageId: 'notAMapping', message: 'not a mapping (found a scalar)' }], allowNoObject: true },
    { name: 'a List item without kind', yaml: 'apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    metadata: {name: a}\n', findings: [{ line: 4, column: 5, messageId: 'missingFields', message: 'items[0] of the List: missing "kind"' }], allowNoObject: true },
    {
      name: 'name: n is the YAML 1.1 boolean false, not a missing name',
      yaml: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: n\n',
      findings: [{ line: 4, column: 3, messageId: 'nameNotString', message: 'metadata.name n is read as the boolean false, not a string: kubectl reads YAML 1.1, where an unquoted n is a boolean; quote it ("n")' }],
      allowNoObject: true,
    },
    {
      name: 'name: yes in a flow mapping',
      yaml: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: yes}\n',
      findings: [{ line: 3, messageId: 'nameNotString', message: 'metadata.name yes is read as the boolean true' }],
      allowNoObject: true,
    },
    {
      name: 'an octal-looking name is a number',
      yaml: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: 0644\n',
      findings: [{ line: 4, messageId: 'nameNotString', message: 'metadata.name 0644 is read as the number 420, not a string; quote it ("0644")' }],
      allowNoObject: true,
    },
    {
      name: '.nan as name is a number, and the message never says NaN',
      yaml: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: .nan\n',
      findings: [{ line: 4, messageId: 'nameNotString', message: /^metadata\.name \.nan is read as a number, not a string; quote it \("\.nan"\)$/ }],
      allowNoObject: true,
    },
    {
      name: 'a mapping as name says so and never [object Object]',
      yaml: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {a: 1}\n',
      findings: [{ line: 4, messageId: 'nameNotString', message: /^metadata\.name is a mapping, not a string$/ }],
      allowNoObject: true,
    },
    {
      name: 'an empty name is still missing',
      yaml: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name:\n',
      findings: [{ line: 3, messageId: 'missingFields', message: 'missing "metadata.name"' }],
      allowNoObject: true,
    },
  ],
});
