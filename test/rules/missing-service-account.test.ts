import { ruleTester } from '../helpers/rule-tester.js';

const deployment = (field: string, name: string) => `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api, namespace: shop}\nspec:\n  template:\n    spec:\n      ${field}: ${name}\n      containers: [{name: api, image: api:1.0}]\n`;
const sa = (ns: string) => `apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: api, namespace: ${ns}}\n---\n`;

ruleTester('missing-service-account', {
  valid: [
    { name: 'ServiceAccount in the namespace', yaml: sa('shop') + deployment('serviceAccountName', 'api') },
    { name: 'the default ServiceAccount', yaml: deployment('serviceAccountName', 'default') },
    { name: 'no serviceAccountName', yaml: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containers: [{name: c, image: busybox:1.36}]}\n' },
    { name: 'assumed to exist', yaml: deployment('serviceAccountName', 'api'), options: { assumeExisting: ['shop/*'] } },
    // no "ServiceAccount undefined" or "[object Object]": schema-violation reports these
    { name: 'a serviceAccountName that is a mapping', yaml: deployment('serviceAccountName', '{name: api}') },
    { name: 'a serviceAccountName that is null', yaml: deployment('serviceAccountName', 'null') },
  ],
  invalid: [
    { name: 'ServiceAccount in another namespace', yaml: sa('blog') + deployment('serviceAccountName', 'api'), findings: [{ line: 11, column: 7, messageId: 'refersToMissing', data: { kind: 'Deployment', name: 'api', targetKind: 'ServiceAccount', target: 'api', namespace: 'shop' } }] },
    { name: 'deprecated serviceAccount field', yaml: deployment('serviceAccount', 'missing'), findings: [{ line: 7, messageId: 'refersToMissing', data: { target: 'missing' } }] },
    {
      name: 'a CronJob',
      yaml: 'apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: report}\nspec:\n  schedule: "@daily"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          serviceAccountName: reporter\n          restartPolicy: Never\n          containers: [{name: r, image: r:1}]\n',
      findings: [{ line: 10, column: 11, messageId: 'refersToMissing', data: { kind: 'CronJob', name: 'report', target: 'reporter', namespace: 'default' } }],
    },
  ],
});
