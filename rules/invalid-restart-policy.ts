import { defineRule, podTemplateOf, workloadKind } from '../src/rule-api.js';

export default defineRule({
  id: 'invalid-restart-policy',
  family: 'hygiene',
  severity: 'error',
  locality: 'object',
  presets: ['recommended'],
  description: 'A Pod template restartPolicy the workload kind does not accept (Always for long-running controllers, OnFailure or Never for Jobs)',
  docs: {
    why: 'Controllers that keep Pods running need them restarted, so the API server only accepts Always for them; a Job\'s Pods must be able to finish, so it rejects Always (the default) there. Either way the object is refused at apply time.',
    fix: 'Omit restartPolicy (or set Always) in Deployments, StatefulSets, DaemonSets and ReplicaSets; set OnFailure or Never in Jobs and CronJobs.',
    bad: 'apiVersion: batch/v1\nkind: Job\nmetadata: {name: migrate}\nspec:\n  template:\n    spec:\n      containers: [{name: migrate, image: registry.example.com/app:1.2.0}]\n',
    good: 'apiVersion: batch/v1\nkind: Job\nmetadata: {name: migrate}\nspec:\n  template:\n    spec:\n      restartPolicy: Never\n      containers: [{name: migrate, image: registry.example.com/app:1.2.0}]\n',
  },
  messages: {
    defaultAlways: '{{kind}} "{{name}}" sets no restartPolicy, which defaults to "Always"; a {{kind}} accepts only {{accepted}}',
    notAccepted: '{{kind}} "{{name}}" sets restartPolicy "{{policy}}"; a {{kind}} accepts only {{accepted}}',
  },
  check({ objects, report }) {
    for (const obj of objects) {
      // What the API server accepts in the template's restartPolicy (bare Pods accept all three).
      const allowed = workloadKind(obj.kind)?.restartPolicies;
      const template = allowed && podTemplateOf(obj);
      if (!template) continue;
      const policy = template.spec.restartPolicy;
      const data = { kind: obj.kind, name: obj.name, accepted: allowed.map((p) => `"${p}"`).join(' or ') };
      if (policy === undefined || policy === null) {
        // Omitted means Always, which only long-running controllers accept.
        if (!allowed.includes('Always')) report(obj, template.specPath, 'defaultAlways', data);
        continue;
      }
      // A mapping or list is no policy at all; schema-violation reports its type.
      if (typeof policy === 'object') continue;
      if (!allowed.includes(String(policy))) report(obj, `${template.specPath}.restartPolicy`, 'notAccepted', { ...data, policy: String(policy) });
    }
  },
});
