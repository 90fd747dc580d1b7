import { defineRule, isPlainObject } from '../src/rule-api.js';

/** Built-in kinds a HorizontalPodAutoscaler scales, and the apiVersion that serves them. */
const SCALABLE: Readonly<Record<string, string>> = { Deployment: 'apps/v1', StatefulSet: 'apps/v1', ReplicaSet: 'apps/v1', ReplicationController: 'v1' };

export default defineRule({
  id: 'invalid-hpa-target',
  family: 'schema',
  severity: 'error',
  presets: ['recommended'],
  description: 'A HorizontalPodAutoscaler whose scaleTargetRef has no apiVersion, or one that does not serve the kind',
  messages: {
    missing: 'scaleTargetRef of HorizontalPodAutoscaler "{{name}}" has no apiVersion; the autoscaler cannot find the {{kind}} to scale (FailedGetScale); set apiVersion: {{expected}}',
    wrong: 'scaleTargetRef of HorizontalPodAutoscaler "{{name}}" names {{kind}} in {{apiVersion}}, which does not serve it; the autoscaler cannot find the {{kind}} to scale (FailedGetScale); set apiVersion: {{expected}}',
  },
  docs: {
    why: 'The autoscaler looks the target up by apiVersion and kind. Without apiVersion, or with a group that does not serve the kind (extensions/v1beta1 Deployment, v1 Deployment), it finds no scale subresource, reports FailedGetScale, and the workload is never scaled.',
    fix: 'Set scaleTargetRef.apiVersion to the apiVersion of the target: apps/v1 for Deployments, StatefulSets and ReplicaSets, v1 for ReplicationControllers.',
    bad: 'apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: web}\nspec:\n  scaleTargetRef: {kind: Deployment, name: web}\n  minReplicas: 2\n  maxReplicas: 5\n',
    good: 'apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: web}\nspec:\n  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}\n  minReplicas: 2\n  maxReplicas: 5\n',
  },
  check({ objects, report }) {
    for (const hpa of objects.ofKind('HorizontalPodAutoscaler')) {
      const spec = hpa.body.spec;
      const ref = isPlainObject(spec) ? spec.scaleTargetRef : undefined;
      if (!isPlainObject(ref) || typeof ref.kind !== 'string' || !Object.hasOwn(SCALABLE, ref.kind)) continue;
      const expected = SCALABLE[ref.kind];
      const data = { name: hpa.name, kind: ref.kind, expected };
      if (ref.apiVersion === undefined || ref.apiVersion === null || ref.apiVersion === '') report(hpa, 'spec.scaleTargetRef', 'missing', data);
      else if (typeof ref.apiVersion === 'string' && ref.apiVersion !== expected) report(hpa, 'spec.scaleTargetRef.apiVersion', 'wrong', { ...data, apiVersion: ref.apiVersion });
    }
  },
});
