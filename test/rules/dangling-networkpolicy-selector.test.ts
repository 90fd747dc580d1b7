import { ruleTester } from '../helpers/rule-tester.js';

const pod = (ns: string, labels: string) => `apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: ${ns}, labels: {${labels}}}\nspec: {containers: [{name: c, image: busybox:1.36}]}\n---\n`;

ruleTester('dangling-networkpolicy-selector', {
  valid: [
    {
      name: 'podSelector and ingress peer match Pods of the namespace',
      yaml: pod('shop', 'app: db') + pod('shop', 'app: api').replace('name: p,', 'name: q,') + 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: db, namespace: shop}\nspec:\n  podSelector: {matchLabels: {app: db}}\n  ingress:\n  - from:\n    - podSelector: {matchLabels: {app: api}}\n',
    },
    { name: 'empty podSelector (every Pod, default deny)', yaml: 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: deny}\nspec:\n  podSelector: {}\n  policyTypes: [Ingress]\n' },
    {
      name: 'peer in other namespaces (namespaceSelector) is not checked',
      yaml: pod('shop', 'app: db') + 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: db, namespace: shop}\nspec:\n  podSelector: {matchLabels: {app: db}}\n  ingress:\n  - from:\n    - namespaceSelector: {matchLabels: {team: ops}}\n      podSelector: {matchLabels: {app: prometheus}}\n',
    },
  ],
  invalid: [
    {
      name: 'podSelector matches Pods only in another namespace',
      yaml: pod('shop', 'app: db') + 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: db, namespace: blog}\nspec:\n  podSelector:\n    matchLabels: {app: db}\n',
      findings: [{ line: 10, column: 3, messageId: 'noPod', data: { name: 'db', namespace: 'blog', selector: 'app=db' } }],
    },
    {
      name: 'egress peer selects nothing',
      yaml: pod('shop', 'app: api') + 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: api, namespace: shop}\nspec:\n  podSelector: {matchLabels: {app: api}}\n  egress:\n  - to:\n    - podSelector: {matchLabels: {app: cache}}\n',
      findings: [{ line: 13, column: 7, messageId: 'noPeerPod', data: { name: 'api', namespace: 'shop', selector: 'app=cache' } }],
    },
    {
      name: 'a custom resource of an unknown kind in the namespace may make the Pods (warning)',
      yaml: 'apiVersion: db.example.com/v1\nkind: PostgresCluster\nmetadata: {name: pg-main, namespace: shop}\n---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: db, namespace: shop}\nspec:\n  podSelector: {matchLabels: {cluster: pg-main}}\n  ingress:\n  - from:\n    - podSelector: {matchLabels: {app: api}}\n',
      findings: [
        { line: 9, messageId: 'noPodUnknownMakers', data: { name: 'db', selector: 'cluster=pg-main', makers: 'PostgresCluster "pg-main"' }, severity: 'warning' },
        { line: 12, messageId: 'noPeerPodUnknownMakers', data: { selector: 'app=api' }, severity: 'warning' },
      ],
    },
    {
      name: 'a podSelector with a mapping as a label value is not judged (schema-violation reports it); the peer is',
      yaml: pod('shop', 'app: api') + 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: api, namespace: shop}\nspec:\n  podSelector: {matchLabels: {app: {x: 1}}}\n  egress:\n  - to:\n    - podSelector: {matchLabels: {app: cache}}\n',
      findings: [{ line: 13, messageId: 'noPeerPod', data: { selector: 'app=cache' } }],
    },
  ],
});
