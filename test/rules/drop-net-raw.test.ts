import { kubeLinterParity } from '../helpers/kube-linter.js';
import { singleContainerPod } from '../helpers/manifests.js';
import { ruleTester } from '../helpers/rule-tester.js';

const pod = (capabilities: string) => singleContainerPod(`securityContext:\n  capabilities: ${capabilities}`);

ruleTester('drop-net-raw', {
  valid: [
    { name: 'drops ALL', yaml: pod('{drop: [ALL]}') },
    { name: 'drops NET_RAW', yaml: pod('{drop: [NET_RAW]}') },
    { name: 'drops cap_net_raw (any spelling)', yaml: pod('{drop: [cap_net_raw]}') },
    { name: 'adds ALL: reported by dangerous-capabilities', yaml: pod('{add: [ALL]}') },
  ],
  invalid: [
    { name: 'drops nothing', yaml: pod('{}'), findings: [{ line: 9, messageId: 'keepsNetRaw', data: { container: 'container "app"' } }] },
    { name: 'drops other capabilities', yaml: pod('{drop: [CHOWN]}'), findings: [{ line: 9, column: 22, messageId: 'keepsNetRaw' }] },
    { name: 'adds NET_RAW back', yaml: pod('{drop: [ALL], add: [NET_RAW]}'), findings: [{ line: 9, column: 41, messageId: 'addsNetRaw' }] },
    { name: 'no securityContext at all', yaml: 'apiVersion: v1\nkind: Pod\nmetadata: {name: app}\nspec:\n  containers:\n  - {name: app, image: "app:1"}\n', findings: [{ line: 6 }] },
  ],
});

// kube-linter flags the dont-fire objects here too: they drop nothing, so they keep NET_RAW
// (its expected count is 4). The dont-fire name is only wrong for this fixture.
kubeLinterParity('drop-net-raw-capability', 'drop-net-raw', {
  expectDifferences: {
    reason: 'kube-linter itself flags the "dont-fire" objects, which drop nothing (its count is 4)',
    alsoFlagged: ['Deployment/dont-fire', 'DeploymentConfig/dont-fire'],
  },
});
