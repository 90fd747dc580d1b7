import { ruleTester } from '../helpers/rule-tester.js';

ruleTester('selinux-options', {
  valid: [{ name: 'a level and a container type', yaml: 'apiVersion: v1\nkind: Pod\nmetadata: {name: app}\nspec:\n  securityContext: {seLinuxOptions: {level: "s0:c1,c2", type: container_t}}\n  containers: [{name: app, image: "app:1"}]\n' }],
  invalid: [
    { name: 'spc_t on the Pod', yaml: 'apiVersion: v1\nkind: Pod\nmetadata: {name: app}\nspec:\n  securityContext:\n    seLinuxOptions: {type: spc_t}\n  containers: [{name: app, image: "app:1"}]\n', findings: [{ line: 6, message: 'the Pod sets SELinux type "spc_t"' }] },
    { name: 'a user on a container', yaml: 'apiVersion: v1\nkind: Pod\nmetadata: {name: app}\nspec:\n  containers:\n  - name: app\n    image: app:1\n    securityContext:\n      seLinuxOptions:\n        user: system_u\n', findings: [{ line: 10, message: 'container "app" sets the SELinux user "system_u"' }] },
  ],
});
