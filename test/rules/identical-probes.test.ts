import { singleContainerPod } from '../helpers/manifests.js';
import { ruleTester } from '../helpers/rule-tester.js';

const pod = (readiness: string, liveness: string) => singleContainerPod(`readinessProbe: ${readiness}\nlivenessProbe: ${liveness}`);

ruleTester('identical-probes', {
  valid: [
    { name: 'liveness is more tolerant', yaml: pod('{httpGet: {path: /healthz, port: 8080}}', '{httpGet: {path: /healthz, port: 8080}, failureThreshold: 6}') },
    { name: 'different endpoints', yaml: pod('{httpGet: {path: /ready, port: 8080}}', '{httpGet: {path: /livez, port: 8080}}') },
    { name: 'different handlers', yaml: pod('{httpGet: {path: /ready, port: 8080}}', '{tcpSocket: {port: 8080}}') },
    { name: 'only a readiness probe', yaml: 'apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n  containers:\n  - {name: web, image: "web:1", readinessProbe: {tcpSocket: {port: 80}}}\n' },
  ],
  invalid: [
    {
      name: 'the same probe',
      yaml: pod('{httpGet: {path: /healthz, port: 8080}, periodSeconds: 5}', '{periodSeconds: 5, httpGet: {port: 8080, path: /healthz}}'),
      findings: [{ line: 9, column: 5, messageId: 'sameProbe', data: { container: 'container "app"' } }],
    },
    {
      name: 'an omitted field equals its default',
      yaml: pod('{tcpSocket: {port: 8080}, periodSeconds: 10, failureThreshold: 3}', '{tcpSocket: {port: 8080}}'),
      findings: [{ line: 9 }],
    },
    {
      name: 'same handler, different timing, with handlerOnly',
      yaml: pod('{httpGet: {path: /healthz, port: 8080}}', '{httpGet: {path: /healthz, port: 8080}, failureThreshold: 6}'),
      options: { handlerOnly: true },
      findings: [{ line: 9, messageId: 'sameHandler' }],
    },
  ],
});
