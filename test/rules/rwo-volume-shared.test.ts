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
    { name: 'a claim of the same name in another namespace', yaml: `${workload('Deployment', 'web', 3).replace('namespace: shop', 'namespace: other')}---\n${claim('[ReadWriteOnce]')}` },
  ],
  invalid: [
    {
      name: 'a three-replica Deployment mounts a ReadWriteOnce claim',
      yaml: `${workload('Deployment', 'web', 3)}---\n${claim('[ReadWriteOnce]')}`,
      findings: [{ line: 9, message: 'Deployment "web" runs 3 replicas but mounts ReadWriteOnce claim "data", which attaches to one node at a time', severity: 'warning' }],
    },
    {
      name: 'a DaemonSet mounts a ReadWriteOncePod claim (error)',
      yaml: `${workload('DaemonSet', 'agent', 1)}---\n${claim('[ReadWriteOncePod]')}`,
      findings: [{ line: 9, message: 'runs a Pod on every node but mounts ReadWriteOncePod claim "data", which only one Pod in the cluster may use', severity: 'error' }],
    },
    {
      name: 'two workloads mount one ReadWriteOnce claim',
      yaml: `${workload('Deployment', 'web', 1)}---\n${backupJob}---\n${claim('[ReadWriteOnce]')}`,
      findings: [{ line: 26, column: 3, message: 'ReadWriteOnce claim "data" is mounted by Deployment "web", CronJob "backup"' }],
    },
  ],
});
