import { ruleTester } from '../helpers/rule-tester.js';

const digest = 'r.example.com/app@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef';

ruleTester('image-pull-policy', {
  valid: [
    { name: 'Always with a tag', yaml: 'apiVersion: v1\nkind: Pod\nmetadata: {name: app}\nspec:\n  containers: [{name: app, image: "app:1", imagePullPolicy: Always}]\n' },
    { name: 'IfNotPresent with a digest', yaml: `apiVersion: v1\nkind: Pod\nmetadata: {name: app}\nspec:\n  containers: [{name: app, image: "${digest}", imagePullPolicy: IfNotPresent}]\n` },
  ],
  invalid: [
    { name: 'Always with a digest', yaml: `apiVersion: v1\nkind: Pod\nmetadata: {name: app}\nspec:\n  containers:\n  - name: app\n    image: "${digest}"\n    imagePullPolicy: Always\n`, findings: [{ line: 8, message: 'pins image' }] },
    { name: 'Never', yaml: 'apiVersion: v1\nkind: Pod\nmetadata: {name: app}\nspec:\n  containers:\n  - name: app\n    image: app:1\n    imagePullPolicy: Never\n', findings: [{ line: 8, message: 'sets imagePullPolicy: Never' }] },
  ],
});
