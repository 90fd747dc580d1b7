import { ruleTester } from '../helpers/rule-tester.js';

const deployment = (name: string, ns: string, selector: string, labels: string) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: ${name}, namespace: ${ns}}\nspec:\n  selector: {matchLabels: {${selector}}}\n  template:\n    metadata: {labels: {${labels}}}\n---\n`;

ruleTester('overlapping-workload-selectors', {
  valid: [
    { name: 'distinct app labels', yaml: deployment('web', 'shop', 'app: web', 'app: web, tier: front') + deployment('api', 'shop', 'app: api', 'app: api, tier: front') },
    { name: 'same selector in two namespaces', yaml: deployment('web', 'shop', 'app: web', 'app: web') + deployment('web', 'blog', 'app: web', 'app: web') },
    {
      name: 'a Service selecting several workloads is not a controller',
      yaml: deployment('web', 'shop', 'app: web', 'app: web, tier: front') + deployment('api', 'shop', 'app: api', 'app: api, tier: front') + 'apiVersion: v1\nkind: Service\nmetadata: {name: front, namespace: shop}\nspec: {selector: {tier: front}}\n',
    },
    {
      name: 'selectors with a mapping as a label value are not judged (schema-violation reports them)',
      yaml: deployment('web', 'shop', 'tier: {x: 1}', 'tier: {x: 1}') + deployment('api', 'shop', 'tier: {x: 1}', 'tier: {x: 1}'),
    },
  ],
  invalid: [
    {
      name: 'one selector matches the other workload\'s Pods (reported once, on the later one)',
      yaml: deployment('web', 'shop', 'tier: front', 'tier: front, app: web') + deployment('shop', 'shop', 'app: shop', 'tier: front, app: shop'),
      findings: [{
        line: 13, column: 3, messageId: 'overlap',
        data: { kind: 'Deployment', name: 'shop', otherKind: 'Deployment', otherName: 'web', namespace: 'shop', selectorKind: 'Deployment', selectorName: 'web', selector: 'tier=front', podsKind: 'Deployment', podsName: 'shop' },
      }],
    },
    {
      // `operator: in` is rejected by the API server (schema-violation); dropping it would widen the
      // selector to every Pod, so it is not judged. The real overlap next to it is still reported.
      name: 'a selector with an unknown operator is not judged; a real overlap beside it is',
      yaml: 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: a, namespace: shop}\nspec:\n  selector: {matchExpressions: [{key: app, operator: in, values: [a]}]}\n  template:\n    metadata: {labels: {app: a}}\n---\n'
        + deployment('web', 'shop', 'tier: front', 'tier: front, app: web') + deployment('shop', 'shop', 'app: shop', 'tier: front, app: shop'),
      findings: [{ line: 21, messageId: 'overlap', data: { name: 'shop', otherName: 'web', selector: 'tier=front' } }],
    },
    {
      name: 'a ReplicationController and a StatefulSet with one label',
      yaml: 'apiVersion: v1\nkind: ReplicationController\nmetadata: {name: rc}\nspec:\n  selector: {app: db}\n  template:\n    metadata: {labels: {app: db}}\n---\napiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: db}\nspec:\n  selector: {matchLabels: {app: db}}\n  template:\n    metadata: {labels: {app: db}}\n',
      findings: [{ line: 13, messageId: 'overlap', data: { kind: 'StatefulSet', name: 'db', otherKind: 'ReplicationController', otherName: 'rc', namespace: 'default' } }],
    },
  ],
});
