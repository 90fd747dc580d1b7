import { ruleTester } from '../helpers/rule-tester.js';

const deployment = (field: string, name: string) => `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api, namespace: shop}\nspec:\n  template:\n    spec:\n      ${field}: ${name}\n      containers: [{name: api, image: api:1.0}]\n`;
const sa = (ns: string) => `apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: api, namespace: ${ns}}\n---\n`;

ruleTester('missing-service-account', {
  valid: [
    { name: 'ServiceAccount in the namespace', yaml: sa('shop') + deployment('serviceAccountName', 'api') },
    { name: 'the default ServiceAccount', yaml: deployment('serviceAccountName', 'default') },
    { name: 'no serviceAccountName', yaml: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containers: [{name: c, image: busybox:1.36}]}\n' },
    { name: 'assumed to exist', yaml: deployment('serviceAccountName', 'api'), options: { assumeExisting: ['shop/*'] } },
  ],
  invalid: [
    { name: 'ServiceAccount in another namespace', yaml: sa('blog') + deployment('serviceAccountName', 'api'), findings: [{ line: 11, column: 7, message: 'Deployment "api" refers to ServiceAccount "api", which is not in the input (namespace "shop")' }] },
    { name: 'deprecated serviceAccount field', yaml: deployment('serviceAccount', 'missing'), findings: [{ line: 7, message: 'ServiceAccount "missing"' }] },
    {
      name: 'a CronJob',
      yaml: 'apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: report}\nspec:\n  schedule: "@daily"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          serviceAccountName: reporter\n          restartPolicy: Never\n          containers: [{name: r, image: r:1}]\n',
      findings: [{ line: 10, column: 11, message: 'CronJob "report" refers to ServiceAccount "reporter"' }],
    },
  ],
});
