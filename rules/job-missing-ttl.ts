import { defineRule, isPlainObject } from '../src/rule-api.js';

export default defineRule({
  id: 'job-missing-ttl',
  family: 'hygiene',
  severity: 'info',
  locality: 'object',
  presets: ['strict'],
  description: 'A standalone Job without ttlSecondsAfterFinished',
  docs: {
    why: 'A finished Job and its Pods stay in the cluster until someone deletes them. They pile up, slow down list calls, and re-applying the same Job fails because its template is immutable.',
    fix: 'Set spec.ttlSecondsAfterFinished so Kubernetes deletes the Job some time after it finishes. Jobs a CronJob creates are cleaned up by its history limits instead.',
    bad: 'apiVersion: batch/v1\nkind: Job\nmetadata: {name: migrate}\nspec:\n  template:\n    spec:\n      restartPolicy: Never\n      containers: [{name: migrate, image: registry.example.com/app:1.2.0}]\n',
    good: 'apiVersion: batch/v1\nkind: Job\nmetadata: {name: migrate}\nspec:\n  ttlSecondsAfterFinished: 86400\n  template:\n    spec:\n      restartPolicy: Never\n      containers: [{name: migrate, image: registry.example.com/app:1.2.0}]\n',
  },
  messages: {
    noTtl: 'Job "{{name}}" sets no ttlSecondsAfterFinished, so it and its Pods stay in the cluster after it finishes',
  },
  check({ objects, report }) {
    for (const job of objects.ofKind('Job')) {
      const metadata = job.body.metadata;
      // A Job with an owner (a CronJob, a workflow engine) is cleaned up by that owner.
      if (isPlainObject(metadata) && Array.isArray(metadata.ownerReferences) && metadata.ownerReferences.length > 0) continue;
      const spec = job.body.spec;
      if (isPlainObject(spec) && typeof spec.ttlSecondsAfterFinished === 'number') continue;
      report(job, 'spec', 'noTtl', { name: job.name });
    }
  },
});
