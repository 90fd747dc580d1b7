import { ruleTester } from '../helpers/rule-tester.js';

ruleTester('missing-ephemeral-storage-limits', {
  valid: [{ name: 'a limit', yaml: 'apiVersion: v1\nkind: Pod\nmetadata: {name: app}\nspec:\n  containers: [{name: app, image: "app:1", resources: {limits: {ephemeral-storage: 1Gi}}}]\n' }],
  invalid: [{ name: 'limits without ephemeral-storage', yaml: 'apiVersion: v1\nkind: Pod\nmetadata: {name: app}\nspec:\n  containers:\n  - name: app\n    image: app:1\n    resources:\n      limits: {memory: 1Gi}\n', findings: [{ line: 9, message: 'container "app" sets no resources.limits.ephemeral-storage' }] }],
});
