import { ruleTester, yaml } from '../helpers/rule-tester.js';

const workload = (kind: string, name: string, replicas: number, claimName = 'data') => yaml`
  apiVersion: apps/v1
  kind: ${kind}
  metadata: {name: ${name}, namespace: shop}
  spec:
    replicas: ${replicas}
    template:
      spec:
        containers: [{name: c, volumeMounts: [{name: v, mountPath: /v}]}]
        volumes: [{name: v, persistentVolumeClaim: {claimName: ${claimName}}}]
`;

const claim = (modes: string) => yaml`
  apiVersion: v1
  kind: PersistentVolumeClaim
  metadata: {name: data, namespace: shop}
  spec:
    accessModes: ${modes}
    resources: {requests: {storage: 1Gi}}
`;

const backupJob = yaml`
  apiVersion: batch/v1
  kind: CronJob
  metadata: {name: backup, namespace: shop}
  spec:
    jobTemplate:
      spec:
        template:
          spec:
            containers: [{name: c, volumeMounts: [{name: v, mountPath: /v}]}]
            volumes: [{name: v, persistentVolumeClaim: {claimName: data}}]
`;

ruleTester('rwo-volume-shared', {
  valid: [
    { name: 'one replica mounts a ReadWriteOnce claim', yaml: `${workload('Deployment', 'web', 1)}---\n${claim('[ReadWriteOnce]')}` },
    { name: 'many replicas share a ReadWriteMany claim', yaml: `${workload('Deployment', 'web', 3)}---\n${workload('Deployment', 'api', 2)}---\n${claim('[ReadWriteMany]')}` },
    { name: 'a claim that also offers ReadOnlyMany', yaml: `${workload('Deployment', 'web', 3)}---\n${claim('[ReadWriteOnce, ReadOnlyMany]')}` },
    { name: 'volumeClaimTemplates give each replica its own claim', yaml: 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: db, namespace: shop}\nspec:\n  replicas: 3\n  volumeClaimTemplates: [{metadata: {name: data}, spec: {accessModes: [ReadWriteOnce]}}]\n' },
    { name: 'hostile input: replicas that are NaN are no count (schema-violation reports them)', yaml: `${workload('Deployment', 'web', 1).replace('replicas: 1', 'replicas: .nan')}---\n${claim('[ReadWriteOnce]')}` },
    { name: 'a claim of the same name in another namespace', yaml: `${workload('Deployment', 'web', 3).replace('namespace: shop', 'namespace: other')}---\n${claim('[ReadWriteOnce]')}` },
  ],
  invalid: [
    {
      name: 'a three-replica Deployment mounts a ReadWriteOnce claim',
      yaml: `${workload('Deployment', 'web', 3)}---\n${claim('[ReadWriteOnce]')}`,
      findings: [{ line: 9, messageId: 'replicas', data: { kind: 'Deployment', name: 'web', replicas: 3, claim: 'data' }, severity: 'warning' }],
    },
    {
      name: 'a DaemonSet mounts a ReadWriteOncePod claim (error)',
      yaml: `${workload('DaemonSet', 'agent', 1)}---\n${claim('[ReadWriteOncePod]')}`,
      findings: [{ line: 9, messageId: 'everyNodeOncePod', data: { kind: 'DaemonSet', name: 'agent', claim: 'data' }, severity: 'error' }],
    },
    {
      name: 'a DaemonSet mounts a ReadWriteOnce claim',
      yaml: `${workload('DaemonSet', 'agent', 1)}---\n${claim('[ReadWriteOnce]')}`,
      findings: [{ line: 9, messageId: 'everyNode', data: { kind: 'DaemonSet', name: 'agent', claim: 'data' }, severity: 'warning' }],
    },
    {
      name: 'a two-replica Deployment mounts a ReadWriteOncePod claim (error)',
      yaml: `${workload('Deployment', 'web', 2)}---\n${claim('[ReadWriteOncePod]')}`,
      findings: [{ line: 9, messageId: 'replicasOncePod', data: { replicas: 2 }, severity: 'error' }],
    },
    {
      name: 'two workloads mount one ReadWriteOnce claim',
      yaml: `${workload('Deployment', 'web', 1)}---\n${backupJob}---\n${claim('[ReadWriteOnce]')}`,
      findings: [{ line: 26, column: 3, messageId: 'shared', data: { claim: 'data', users: 'Deployment "web", CronJob "backup"' } }],
    },
    {
      name: 'two workloads mount one ReadWriteOncePod claim (error)',
      yaml: `${workload('Deployment', 'web', 1)}---\n${backupJob}---\n${claim('[ReadWriteOncePod]')}`,
      findings: [{ line: 26, message: 'ReadWriteOncePod claim "data" is mounted by Deployment "web", CronJob "backup"; only one Pod in the cluster may use it', messageId: 'sharedOncePod', severity: 'error' }],
    },
  ],
});
