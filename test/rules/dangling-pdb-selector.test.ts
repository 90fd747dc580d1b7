import { ruleTester } from '../helpers/rule-tester.js';

const deployment = 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api, namespace: shop}\nspec:\n  selector: {matchLabels: {app: api}}\n  template:\n    metadata: {labels: {app: api}}\n---\n';

ruleTester('dangling-pdb-selector', {
  valid: [
    { name: 'selector matches a Deployment\'s Pods', yaml: `${deployment}apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: api, namespace: shop}\nspec:\n  minAvailable: 1\n  selector: {matchExpressions: [{key: app, operator: Exists}]}\n` },
  ],
  invalid: [
    {
      name: 'no Pod has the labels',
      yaml: `${deployment}apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: api, namespace: shop}\nspec:\n  minAvailable: 1\n  selector:\n    matchLabels: {app: api-server}\n`,
      findings: [{ line: 14, column: 3, messageId: 'noPod', data: { name: 'api', namespace: 'shop', selector: 'app=api-server' } }],
    },
    {
      name: 'the matching Pods are in another namespace',
      yaml: `${deployment}apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: api}\nspec:\n  minAvailable: 1\n  selector: {matchLabels: {app: api}}\n`,
      findings: [{ line: 14, messageId: 'noPod', data: { name: 'api', namespace: 'default', selector: 'app=api' } }],
    },
    {
      name: 'no selector at all (policy/v1: selects nothing)',
      yaml: 'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: api}\nspec:\n  maxUnavailable: 1\n',
      findings: [{ line: 4, messageId: 'noSelector', data: { name: 'api' } }],
    },
    {
      name: 'a custom resource of an unknown kind in the namespace may make the Pods (warning)',
      yaml: `apiVersion: db.example.com/v1\nkind: PostgresCluster\nmetadata: {name: pg-main, namespace: shop}\n---\napiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: pg-main, namespace: shop}\nspec:\n  minAvailable: 1\n  selector: {matchLabels: {cluster: pg-main}}\n`,
      findings: [{ line: 10, messageId: 'noPodUnknownMakers', data: { name: 'pg-main', selector: 'cluster=pg-main', makers: 'PostgresCluster "pg-main"' }, severity: 'warning' }],
    },
    {
      name: 'a matchExpressions value that is a mapping is not judged (schema-violation reports it); a PDB next to it is',
      yaml: `${deployment}apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: odd, namespace: shop}\nspec:\n  minAvailable: 1\n  selector: {matchExpressions: [{key: app, operator: In, values: [{x: 1}]}]}\n---\napiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: api, namespace: shop}\nspec:\n  minAvailable: 1\n  selector: {matchLabels: {app: api-server}}\n`,
      findings: [{ line: 21, messageId: 'noPod', data: { name: 'api', selector: 'app=api-server' } }],
    },
  ],
});
