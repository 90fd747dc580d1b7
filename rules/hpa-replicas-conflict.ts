import { autoscalersByTarget, declaredReplicas, defineRule } from '../src/rule-api.js';

export default defineRule({
  id: 'hpa-replicas-conflict',
  family: 'availability',
  severity: 'warning',
  presets: ['strict'],
  description: 'A workload that fixes spec.replicas while a HorizontalPodAutoscaler scales it',
  docs: {
    why: 'The autoscaler writes spec.replicas. Each time the manifest is applied, the fixed value overwrites it, so the workload jumps back to that count (often scaling down under load) until the autoscaler corrects it again.',
    fix: 'Remove spec.replicas from the manifest of a workload an autoscaler scales.',
    bad: 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  replicas: 3\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec:\n      containers: [{name: web, image: registry.example.com/web:1.4.2}]\n---\napiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: web}\nspec:\n  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}\n  minReplicas: 3\n  maxReplicas: 10\n',
    good: 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec:\n      containers: [{name: web, image: registry.example.com/web:1.4.2}]\n---\napiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: web}\nspec:\n  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}\n  minReplicas: 3\n  maxReplicas: 10\n',
  },
  messages: {
    fixedReplicas: '{{kind}} "{{name}}" fixes replicas: {{replicas}}, but {{scalerKind}} "{{scaler}}" scales it; each apply resets the count the autoscaler chose',
  },
  check({ objects, report }) {
    const autoscalers = autoscalersByTarget(objects);
    for (const [id, scalers] of autoscalers) {
      const workload = objects.get(id);
      if (!workload) continue;
      const replicas = declaredReplicas(workload);
      if (replicas === undefined) continue;
      const scaler = scalers[0];
      const data = { kind: workload.kind, name: workload.name, replicas, scalerKind: scaler.object.kind, scaler: scaler.object.name };
      report(workload, 'spec.replicas', 'fixedReplicas', data, {
        related: [{ object: scaler.object, path: 'spec.scaleTargetRef', message: `${scaler.object.kind} "${scaler.object.name}" scales ${workload.kind} "${workload.name}"` }],
      });
    }
  },
});
