import { ruleTester } from '../helpers/rule-tester.js';

const pod = (spec: string) => `apiVersion: v1\nkind: Pod\nmetadata: {name: app, namespace: shop}\nspec:\n${spec}`;
const configMap = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings, namespace: shop}\ndata: {LOG_LEVEL: info}\n---\n';

ruleTester('missing-configmap', {
  valid: [
    { name: 'envFrom and a volume of a ConfigMap in the input', yaml: configMap + pod('  containers:\n  - name: app\n    envFrom: [{configMapRef: {name: settings}}]\n  volumes:\n  - name: cfg\n    configMap: {name: settings}\n') },
    { name: 'optional reference', yaml: pod('  containers:\n  - name: app\n    env:\n    - name: LEVEL\n      valueFrom: {configMapKeyRef: {name: extra, key: level, optional: true}}\n') },
    { name: 'kube-root-ca.crt exists in every namespace', yaml: pod('  containers: [{name: app}]\n  volumes:\n  - name: ca\n    projected: {sources: [{configMap: {name: kube-root-ca.crt}}]}\n') },
    { name: 'assumed to exist', yaml: pod('  containers: [{name: app, envFrom: [{configMapRef: {name: feature-flags}}]}]\n'), options: { assumeExisting: ['feature-*'] } },
  ],
  invalid: [
    {
      name: 'volume, projected source and env key reference to missing ConfigMaps',
      yaml: pod('  containers:\n  - name: app\n    env:\n    - name: LEVEL\n      valueFrom:\n        configMapKeyRef: {name: levels, key: level}\n  volumes:\n  - name: cfg\n    configMap:\n      name: app-config\n  - name: all\n    projected:\n      sources:\n      - configMap: {name: extra}\n'),
      findings: [
        { line: 10, column: 27, messageId: 'refersToMissing', data: { kind: 'Pod', name: 'app', targetKind: 'ConfigMap', target: 'levels', namespace: 'shop' } },
        { line: 14, column: 7, messageId: 'mountsMissing', data: { kind: 'Pod', name: 'app', targetKind: 'ConfigMap', target: 'app-config', namespace: 'shop' } },
        { line: 18, column: 21, messageId: 'mountsMissing', data: { target: 'extra' } },
      ],
    },
    {
      name: 'a custom resource of an unknown kind may make the ConfigMap (info)',
      yaml: 'apiVersion: db.example.com/v1\nkind: PostgresCluster\nmetadata: {name: pg-main, namespace: shop}\n---\n' + pod('  containers: [{name: app}]\n  volumes:\n  - name: cfg\n    configMap: {name: pg-main-config}\n'),
      findings: [{ line: 12, messageId: 'mountsMissingMaybeMade', data: { kind: 'Pod', name: 'app', targetKind: 'ConfigMap', target: 'pg-main-config', namespace: 'shop', makers: 'PostgresCluster "pg-main"' }, severity: 'info' }],
    },
    { name: 'the ConfigMap is in another namespace', yaml: configMap.replace('shop', 'blog') + pod('  containers: [{name: app, envFrom: [{configMapRef: {name: settings}}]}]\n'), findings: [{ line: 10, messageId: 'refersToMissing', data: { target: 'settings', namespace: 'shop' } }] },
  ],
});
