import { ruleTester, yaml } from '../helpers/rule-tester.js';

const deployment = (claim: string, namespace = 'shop') => yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata: {name: web, namespace: ${namespace}}
  spec:
    template:
      spec:
        containers: [{name: web, volumeMounts: [{name: data, mountPath: /data}]}]
        volumes:
        - name: data
          persistentVolumeClaim: {claimName: ${claim}}
`;

const claim = (name: string, namespace = 'shop') => yaml`
  apiVersion: v1
  kind: PersistentVolumeClaim
  metadata: {name: ${name}, namespace: ${namespace}}
  spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}
`;

ruleTester('missing-pvc', {
  valid: [
    { name: 'the claim is in the input, in the same namespace', yaml: `${deployment('data')}---\n${claim('data')}` },
    { name: 'assumed to exist by name', options: { assumeExisting: ['data'] }, yaml: deployment('data') },
    { name: 'assumed to exist by namespace/name with a wildcard', options: { assumeExisting: ['shop/data-*'] }, yaml: deployment('data-0') },
  ],
  invalid: [
    {
      name: 'no such claim',
      yaml: deployment('data'),
      findings: [{ line: 10, messageId: 'claimMissing', data: { volume: 'data', claim: 'data', namespace: 'shop' }, severity: 'error' }],
    },
    {
      name: 'the claim lives in another namespace',
      yaml: `${deployment('data')}---\n${claim('data', 'other')}`,
      findings: [{ line: 10, messageId: 'claimMissing', data: { claim: 'data', namespace: 'shop' } }],
    },
    {
      name: 'assumeExisting for another namespace does not cover it',
      options: { assumeExisting: ['other/data'] },
      yaml: deployment('data'),
      findings: [{ line: 10, messageId: 'claimMissing' }],
    },
    {
      name: 'a custom resource of an unknown kind may make the claim (info)',
      yaml: `${deployment('pg-main-data')}---\napiVersion: db.example.com/v1\nkind: PostgresCluster\nmetadata: {name: pg-main, namespace: shop}\n`,
      findings: [{ line: 10, messageId: 'claimMissingMaybeMade', data: { claim: 'pg-main-data', makers: 'PostgresCluster "pg-main"' }, severity: 'info' }],
    },
  ],
});
