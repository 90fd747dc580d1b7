import { ruleTester } from '../helpers/rule-tester.js';

ruleTester('host-path-volume', {
  valid: [{ name: 'emptyDir', yaml: 'apiVersion: v1\nkind: Pod\nmetadata: {name: app}\nspec:\n  containers: [{name: app, image: "app:1"}]\n  volumes: [{name: tmp, emptyDir: {}}]\n' }],
  invalid: [{ name: 'any hostPath', yaml: 'apiVersion: v1\nkind: Pod\nmetadata: {name: app}\nspec:\n  containers: [{name: app, image: "app:1"}]\n  volumes:\n  - name: logs\n    hostPath: {path: /var/log/app}\n', findings: [{ line: 8, messageId: 'hostPath', data: { volume: 'logs', path: '/var/log/app' } }] },
    { name: 'a path that is a mapping (schema-violation says why) is still a hostPath', yaml: 'apiVersion: v1\nkind: Pod\nmetadata: {name: app}\nspec:\n  containers: [{name: app, image: "app:1"}]\n  volumes:\n  - name: logs\n    hostPath: {path: {toString: x}}\n', findings: [{ line: 8, messageId: 'hostPathUnnamed', data: { volume: 'logs' } }] },
  ],
});
