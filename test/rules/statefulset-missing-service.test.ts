import { ruleTester } from '../helpers/rule-tester.js';

const sts = (ns = 'data') => `apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: db, namespace: ${ns}}\nspec:\n  serviceName: db\n  selector: {matchLabels: {app: db}}\n  template:\n    metadata: {labels: {app: db}}\n---\n`;
const service = (clusterIP: string) => `apiVersion: v1\nkind: Service\nmetadata: {name: db, namespace: data}\nspec:\n  ${clusterIP}\n  selector: {app: db}\n  ports: [{port: 5432}]\n`;

ruleTester('statefulset-missing-service', {
  valid: [
    { name: 'headless Service', yaml: sts() + service('clusterIP: None') },
    { name: 'no serviceName', yaml: 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: db}\nspec:\n  selector: {matchLabels: {app: db}}\n  template:\n    metadata: {labels: {app: db}}\n' },
    { name: 'Service assumed to exist', yaml: sts(), options: { assumeExisting: ['data/db'] } },
    { name: 'a serviceName that is a mapping (schema-violation reports it)', yaml: sts().replace('serviceName: db', 'serviceName: {db: 1}') },
  ],
  invalid: [
    { name: 'Service with a cluster IP', yaml: sts() + service('type: ClusterIP'), findings: [{ line: 5, column: 3, messageId: 'notHeadless', data: { name: 'db', service: 'db' } }] },
    { name: 'Service only in another namespace', yaml: sts('cache') + service('clusterIP: None'), findings: [{ line: 5, messageId: 'serviceMissing', data: { name: 'db', service: 'db', namespace: 'cache' } }] },
  ],
});
