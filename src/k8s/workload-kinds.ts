/**
 * The one table of kinds that run Pods: where each keeps its Pod template, how it selects its Pods,
 * what it creates on the way to them, how many run, which restartPolicy it accepts and how it updates.
 */
export interface WorkloadKind {
  /** Path from the object to the template of the Pods it makes (empty for a Pod itself). */
  templatePath: readonly string[];
  /** How `spec.selector` is written: a `metav1.LabelSelector`, an equality map (`{app: web}`), or not at all. */
  selector?: 'labelSelector' | 'map';
  /** What the controller creates at run time, between it and its Pods. */
  creates?: readonly string[];
  /** How many Pods run at once: `spec.replicas`, a Job's `parallelism`, one per node, or one. */
  replicas: 'replicas' | 'parallelism' | 'perNode' | 'one';
  /** The template restartPolicy values the API server accepts (bare Pods and unchecked kinds: undefined). */
  restartPolicies?: readonly string[];
  /** Where the kind keeps its update strategy, and what its rolling strategy is called. */
  updateStrategy?: { field: string; rolling: string };
  /**
   * Pods an operator makes from a custom resource that holds no Pod template: the labels it puts on
   * them (over those of `templatePath`'s `metadata`, e.g. the Prometheus operator's `spec.podMetadata`).
   */
  operatorLabels?: (name: string) => Record<string, string>;
}

const LONG_RUNNING = ['Always'] as const;
const RUN_TO_COMPLETION = ['OnFailure', 'Never'] as const;
const TEMPLATE = ['spec', 'template'] as const;

const WORKLOAD_KINDS: ReadonlyMap<string, WorkloadKind> = new Map<string, WorkloadKind>([
  ['Pod', { templatePath: [], replicas: 'one' }],
  ['Deployment', { templatePath: TEMPLATE, selector: 'labelSelector', creates: ['ReplicaSet', 'Pod'], replicas: 'replicas', restartPolicies: LONG_RUNNING, updateStrategy: { field: 'strategy', rolling: 'RollingUpdate' } }],
  ['StatefulSet', { templatePath: TEMPLATE, selector: 'labelSelector', creates: ['Pod'], replicas: 'replicas', restartPolicies: LONG_RUNNING, updateStrategy: { field: 'updateStrategy', rolling: 'RollingUpdate' } }],
  ['ReplicaSet', { templatePath: TEMPLATE, selector: 'labelSelector', creates: ['Pod'], replicas: 'replicas', restartPolicies: LONG_RUNNING }],
  ['ReplicationController', { templatePath: TEMPLATE, selector: 'map', creates: ['Pod'], replicas: 'replicas', restartPolicies: LONG_RUNNING }],
  ['DaemonSet', { templatePath: TEMPLATE, selector: 'labelSelector', creates: ['Pod'], replicas: 'perNode', restartPolicies: LONG_RUNNING, updateStrategy: { field: 'updateStrategy', rolling: 'RollingUpdate' } }],
  ['Job', { templatePath: TEMPLATE, selector: 'labelSelector', creates: ['Pod'], replicas: 'parallelism', restartPolicies: RUN_TO_COMPLETION }],
  ['CronJob', { templatePath: ['spec', 'jobTemplate', 'spec', 'template'], creates: ['Job', 'Pod'], replicas: 'parallelism', restartPolicies: RUN_TO_COMPLETION }],
  ['PodTemplate', { templatePath: ['template'], replicas: 'one' }],
  // OpenShift's DeploymentConfig (apps.openshift.io) makes ReplicationControllers as a Deployment makes ReplicaSets.
  // Argo Rollouts (argoproj.io): a Deployment-like workload; a Rollout with spec.workloadRef runs a Deployment's template instead.
  ['Rollout', { templatePath: TEMPLATE, selector: 'labelSelector', creates: ['ReplicaSet', 'Pod'], replicas: 'replicas', restartPolicies: LONG_RUNNING }],
  // The Prometheus operator (monitoring.coreos.com) runs these as StatefulSets whose Pods carry its own labels.
  ['Prometheus', operatorWorkload('prometheus', (name) => ({ prometheus: name, 'operator.prometheus.io/name': name, 'operator.prometheus.io/shard': '0' }))],
  ['Alertmanager', operatorWorkload('alertmanager', (name) => ({ alertmanager: name }))],
  ['ThanosRuler', operatorWorkload('thanos-ruler', (name) => ({ 'thanos-ruler': name }))],
  ['DeploymentConfig', { templatePath: TEMPLATE, selector: 'map', creates: ['ReplicationController', 'Pod'], replicas: 'replicas', updateStrategy: { field: 'strategy', rolling: 'Rolling' } }],
]);

/** A Prometheus-operator resource: Pods labelled by the operator, plus `spec.podMetadata.labels`. */
function operatorWorkload(appName: string, own: (name: string) => Record<string, string>): WorkloadKind {
  return {
    templatePath: ['spec', 'podMetadata'], creates: ['StatefulSet', 'Pod'], replicas: 'replicas',
    operatorLabels: (name) => ({
      'app.kubernetes.io/name': appName, 'app.kubernetes.io/instance': name, 'app.kubernetes.io/managed-by': 'prometheus-operator', ...own(name),
    }),
  };
}

/** What kubeknit knows of a kind that runs Pods, or undefined for any other kind. */
export function workloadKind(kind: string): WorkloadKind | undefined {
  return WORKLOAD_KINDS.get(kind);
}

/** The kinds whose entry passes `test`, in table order. */
export function workloadKindsWhere(test: (workload: WorkloadKind) => boolean): string[] {
  return [...WORKLOAD_KINDS].filter(([, workload]) => test(workload)).map(([kind]) => kind);
}

/** Kinds whose `spec.replicas` sets how many identical Pods run. */
export const REPLICATED_KINDS: readonly string[] = workloadKindsWhere((w) => w.replicas === 'replicas');
