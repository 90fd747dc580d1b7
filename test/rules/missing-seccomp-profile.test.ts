import { ruleTester } from '../helpers/rule-tester.js';

const pod = (spec: string) => `apiVersion: v1\nkind: Pod\nmetadata: {name: app}\nspec:\n${spec}`;

ruleTester('missing-seccomp-profile', {
  valid: [
    { name: 'RuntimeDefault on the Pod', yaml: pod('  securityContext: {seccompProfile: {type: RuntimeDefault}}\n  containers: [{name: app, image: "app:1"}]\n') },
    { name: 'Localhost on the container', yaml: pod('  containers:\n  - {name: app, image: "app:1", securityContext: {seccompProfile: {type: Localhost, localhostProfile: app.json}}}\n') },
    { name: 'unset, with allowUnset (baseline)', yaml: pod('  containers: [{name: app, image: "app:1"}]\n'), options: { allowUnset: true } },
  ],
  invalid: [
    { name: 'unset', yaml: pod('  containers:\n  - {name: app, image: "app:1"}\n'), findings: [{ line: 6, message: 'neither container "app" nor its Pod sets a seccompProfile' }] },
    { name: 'Unconfined on the Pod, reported once for two containers', yaml: pod('  securityContext:\n    seccompProfile: {type: Unconfined}\n  containers: [{name: a, image: "a:1"}, {name: b, image: "b:1"}]\n'), options: { allowUnset: true }, findings: [{ line: 6, message: 'the Pod sets seccompProfile type Unconfined' }] },
  ],
});
