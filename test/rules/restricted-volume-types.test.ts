import { ruleTester } from '../helpers/rule-tester.js';

ruleTester('restricted-volume-types', {
  valid: [{ name: 'allowed types', yaml: 'apiVersion: v1\nkind: Pod\nmetadata: {name: app}\nspec:\n  containers: [{name: app, image: "app:1"}]\n  volumes:\n  - {name: a, configMap: {name: c}}\n  - {name: b, projected: {sources: []}}\n  - {name: c, persistentVolumeClaim: {claimName: d}}\n  - {name: d, csi: {driver: x.example.com}}\n' }],
  invalid: [{ name: 'nfs and hostPath', yaml: 'apiVersion: v1\nkind: Pod\nmetadata: {name: app}\nspec:\n  containers: [{name: app, image: "app:1"}]\n  volumes:\n  - name: a\n    nfs: {server: n, path: /x}\n  - name: b\n    hostPath: {path: /x}\n', findings: [{ line: 8, message: 'volume "a" is of type nfs' }, { line: 10, message: 'hostPath' }] }],
});
