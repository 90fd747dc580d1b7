import { describe, expect, it } from 'vitest';
import { REPLICATED_KINDS, workloadKind, workloadKindsWhere } from '../../src/k8s/workload-kinds.js';

describe('workload kinds table', () => {
  it('gives each kind that runs Pods its template path', () => {
    expect(workloadKind('Pod')?.templatePath).toEqual([]);
    expect(workloadKind('Deployment')?.templatePath).toEqual(['spec', 'template']);
    expect(workloadKind('CronJob')?.templatePath).toEqual(['spec', 'jobTemplate', 'spec', 'template']);
    expect(workloadKind('PodTemplate')?.templatePath).toEqual(['template']);
  });

  it('knows no other kinds, prototype names included', () => {
    for (const kind of ['Service', 'ConfigMap', 'constructor', '__proto__', 'toString']) expect(workloadKind(kind), kind).toBeUndefined();
  });

  it('derives the replicated kinds and the kinds with an update strategy from the one table', () => {
    expect(REPLICATED_KINDS).toEqual(['Deployment', 'StatefulSet', 'ReplicaSet', 'ReplicationController', 'Rollout', 'Prometheus', 'Alertmanager', 'ThanosRuler', 'DeploymentConfig']);
    expect(workloadKindsWhere((w) => w.updateStrategy !== undefined)).toEqual(['Deployment', 'StatefulSet', 'DaemonSet', 'DeploymentConfig']);
    expect(workloadKind('DeploymentConfig')?.updateStrategy?.rolling).toBe('Rolling');
  });
});
