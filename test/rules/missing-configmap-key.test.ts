import { ruleTester } from '../helpers/rule-tester.js';

const configMap = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings}\ndata: {LOG_LEVEL: info}\nbinaryData: {logo.png: aGVsbG8=}\n---\n';
const pod = (spec: string) => `apiVersion: v1\nkind: Pod\nmetadata: {name: app}\nspec:\n${spec}`;

ruleTester('missing-configmap-key', {
  valid: [
    { name: 'keys in data and binaryData', yaml: configMap + pod('  containers:\n  - name: app\n    env:\n    - name: L\n      valueFrom: {configMapKeyRef: {name: settings, key: LOG_LEVEL}}\n  volumes:\n  - name: v\n    configMap: {name: settings, items: [{key: logo.png, path: logo.png}]}\n') },
    { name: 'optional key reference', yaml: configMap + pod('  containers:\n  - name: app\n    env:\n    - name: L\n      valueFrom: {configMapKeyRef: {name: settings, key: COLOR, optional: true}}\n') },
    { name: 'ConfigMap not in the input (missing-configmap reports that)', yaml: pod('  containers:\n  - name: app\n    env:\n    - name: L\n      valueFrom: {configMapKeyRef: {name: other, key: COLOR}}\n') },
  ],
  invalid: [
    {
      name: 'an environment variable from a key that is only in binaryData (a volume item of it stays valid)',
      yaml: configMap + pod('  containers:\n  - name: app\n    env:\n    - name: LOGO\n      valueFrom: {configMapKeyRef: {name: settings, key: logo.png}}\n  volumes:\n  - name: v\n    configMap: {name: settings, items: [{key: logo.png, path: logo.png}]}\n'),
      findings: [{ line: 15, messageId: 'keyOnlyInBinaryData', data: { target: 'settings', key: 'logo.png' } }],
    },
    {
      name: 'env key and volume item key',
      yaml: configMap + pod('  containers:\n  - name: app\n    env:\n    - name: L\n      valueFrom:\n        configMapKeyRef: {name: settings, key: log_level}\n  volumes:\n  - name: v\n    configMap:\n      name: settings\n      items:\n      - key: favicon.ico\n        path: favicon.ico\n'),
      findings: [
        { line: 16, column: 43, messageId: 'keyMissing', data: { targetKind: 'ConfigMap', target: 'settings', key: 'log_level', keys: 'LOG_LEVEL, logo.png' } },
        { line: 22, column: 9, messageId: 'keyMissing', data: { key: 'favicon.ico' } },
      ],
    },
    {
      name: 'a ConfigMap with no data at all',
      yaml: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: empty}\n---\n' + pod('  containers:\n  - name: app\n    env:\n    - name: L\n      valueFrom: {configMapKeyRef: {name: empty, key: LOG_LEVEL}}\n'),
      findings: [{ line: 13, messageId: 'keyMissingNoData', data: { targetKind: 'ConfigMap', target: 'empty', key: 'LOG_LEVEL' } }],
    },
  ],
});
