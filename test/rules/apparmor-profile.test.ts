import { ruleTester } from '../helpers/rule-tester.js';

ruleTester('apparmor-profile', {
  valid: [
    { name: 'RuntimeDefault', yaml: 'apiVersion: v1\nkind: Pod\nmetadata: {name: app}\nspec:\n  containers: [{name: app, image: "app:1", securityContext: {appArmorProfile: {type: RuntimeDefault}}}]\n' },
    { name: 'the old annotation with runtime/default', yaml: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: app\n  annotations: {container.apparmor.security.beta.kubernetes.io/app: runtime/default}\nspec:\n  containers: [{name: app, image: "app:1"}]\n' },
  ],
  invalid: [
    { name: 'Unconfined on a container', yaml: 'apiVersion: v1\nkind: Pod\nmetadata: {name: app}\nspec:\n  containers:\n  - name: app\n    image: app:1\n    securityContext:\n      appArmorProfile: {type: Unconfined}\n', findings: [{ line: 9, message: 'runs with AppArmor profile Unconfined' }] },
    { name: 'the old annotation, unconfined, in a Deployment template', yaml: 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: app}\nspec:\n  selector: {matchLabels: {app: a}}\n  template:\n    metadata:\n      labels: {app: a}\n      annotations:\n        container.apparmor.security.beta.kubernetes.io/app: unconfined\n    spec:\n      containers: [{name: app, image: "app:1"}]\n', findings: [{ line: 10, message: 'container "app" is "unconfined"' }] },
  ],
});
