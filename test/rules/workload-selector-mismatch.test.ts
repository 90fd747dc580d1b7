import { ruleTester, yaml } from '../helpers/rule-tester.js';

ruleTester('workload-selector-mismatch', {
  valid: [
    {
      name: 'selector is a subset of the template labels',
      yaml: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          selector: {matchLabels: {app: web}, matchExpressions: [{key: tier, operator: In, values: [front, back]}]}
          template:
            metadata: {labels: {app: web, tier: front}}
            spec: {containers: [{name: web, image: nginx:1.27}]}
      `,
    },
    {
      name: 'ReplicationController with an equality selector',
      yaml: 'apiVersion: v1\nkind: ReplicationController\nmetadata: {name: rc}\nspec:\n  selector: {app: rc}\n  template:\n    metadata: {labels: {app: rc}}\n',
    },
    {
      name: 'a matchExpressions value that is a mapping is not judged (schema-violation reports it)',
      yaml: 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  selector: {matchExpressions: [{key: app, operator: In, values: [{x: 1}]}]}\n  template:\n    metadata: {labels: {app: x}}\n',
    },
    { name: 'Deployment without a selector (extensions/v1beta1 default)', yaml: 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  template:\n    metadata: {labels: {app: x}}\n' },
  ],
  invalid: [
    {
      name: 'template labels differ from the selector',
      yaml: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          selector:
            matchLabels: {app: web}
          template:
            metadata: {labels: {app: frontend}}
      `,
      findings: [{ line: 5, column: 3, messageId: 'mismatch', data: { kind: 'Deployment', name: 'web', selector: 'app=web', labels: 'app=frontend' } }],
    },
    {
      name: 'template without labels (StatefulSet)',
      yaml: 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: db}\nspec:\n  serviceName: db\n  selector: {matchLabels: {app: db}}\n  template:\n    spec: {containers: [{name: db, image: postgres:16}]}\n',
      findings: [{ line: 6, messageId: 'templateUnlabelled', data: { kind: 'StatefulSet', name: 'db', selector: 'app=db' } }],
    },
    {
      name: 'ReplicationController whose template fails a NotIn-free equality selector',
      yaml: 'apiVersion: v1\nkind: ReplicationController\nmetadata: {name: rc}\nspec:\n  selector: {app: rc, track: stable}\n  template:\n    metadata: {labels: {app: rc}}\n',
      findings: [{ line: 5, messageId: 'mismatch', data: { kind: 'ReplicationController', name: 'rc', selector: 'app=rc,track=stable', labels: 'app=rc' } }],
    },
    {
      name: 'matchExpressions NotIn excludes the template',
      yaml: 'apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: agent}\nspec:\n  selector:\n    matchExpressions: [{key: tier, operator: NotIn, values: [front]}]\n  template:\n    metadata: {labels: {tier: front}}\n',
      findings: [{ line: 5, messageId: 'mismatch', data: { kind: 'DaemonSet', name: 'agent', selector: 'tier notin (front)', labels: 'tier=front' } }],
    },
  ],
});
