import { ruleTester } from '../helpers/rule-tester.js';

ruleTester('host-port', {
  valid: [{ name: 'container port only', yaml: 'apiVersion: v1\nkind: Pod\nmetadata: {name: app}\nspec:\n  containers: [{name: app, image: "app:1", ports: [{containerPort: 80}]}]\n' }],
  invalid: [{ name: 'hostPort', yaml: 'apiVersion: v1\nkind: Pod\nmetadata: {name: app}\nspec:\n  containers:\n  - name: app\n    image: app:1\n    ports:\n    - {containerPort: 80, hostPort: 8080}\n', findings: [{ line: 9, message: 'container "app" binds port 8080 of the node' }] }],
});
