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
      findings: [{ line: 14, column: 3, message: 'selects no Pod in namespace "shop": no Pod template has the labels app=api-server' }],
    },
    {
      name: 'the matching Pods are in another namespace',
      yaml: `${deployment}apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: api}\nspec:\n  minAvailable: 1\n  selector: {matchLabels: {app: api}}\n`,
      findings: [{ line: 14, message: 'namespace "default"' }],
    },
    {
      name: 'no selector at all (policy/v1: selects nothing)',
      yaml: 'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: api}\nspec:\n  maxUnavailable: 1\n',
      findings: [{ line: 4, message: 'has no selector' }],
    },
  ],
});
