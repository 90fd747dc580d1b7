import { singleContainerPod } from '../helpers/manifests.js';
import { ruleTester, yaml } from '../helpers/rule-tester.js';

const pod = (capabilities: string, podFields = '') => singleContainerPod(`securityContext:\n  capabilities: ${capabilities}`, podFields);
const app = { container: 'container "app"' };

ruleTester('drop-all-capabilities', {
  valid: [
    { name: 'drops ALL', yaml: pod('{drop: [ALL]}') },
    { name: 'drops ALL and adds back NET_BIND_SERVICE', yaml: pod('{drop: [ALL], add: [NET_BIND_SERVICE]}') },
    { name: 'a Windows Pod (the control does not apply)', yaml: singleContainerPod('', 'os: {name: windows}') },
    { name: 'adds SYS_ADMIN: dangerous-capabilities reports that, not this rule', yaml: pod('{drop: [ALL], add: [SYS_ADMIN]}') },
  ],
  invalid: [
    { name: 'no securityContext at all', yaml: singleContainerPod(), findings: [{ line: 6, messageId: 'keepsDefaults', data: app }] },
    { name: 'drops NET_RAW only', yaml: pod('{drop: [NET_RAW]}'), findings: [{ line: 9, messageId: 'keepsDefaults', data: app }] },
    { name: '"all" in lower case: admission compares exactly', yaml: pod('{drop: [all]}'), findings: [{ line: 9, column: 29, messageId: 'misspelledAll', data: { ...app, written: 'all' } }] },
    { name: 'adds CHOWN, which baseline allows and restricted does not', yaml: pod('{drop: [ALL], add: [CHOWN]}'), findings: [{ line: 9, messageId: 'addsBeyondRestricted', data: { ...app, capability: 'CHOWN' } }] },
    { name: 'adds CAP_NET_BIND_SERVICE, spelled as admission does not accept it', yaml: pod('{drop: [ALL], add: [CAP_NET_BIND_SERVICE]}'), findings: [{ line: 9, messageId: 'misspelledAdd', data: { ...app, written: 'CAP_NET_BIND_SERVICE' } }] },
    {
      name: 'each container of a Deployment is judged on its own',
      yaml: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers:
              - name: web
                image: web:1.0
                securityContext: {capabilities: {drop: [ALL]}}
              - name: proxy
                image: proxy:1.0
      `,
      findings: [{ line: 13, messageId: 'keepsDefaults', data: { container: 'container "proxy"' } }],
    },
  ],
});
