import { defineRule, isPlainObject } from '../src/rule-api.js';

export default defineRule({
  id: 'cronjob-missing-deadline',
  family: 'hygiene',
  severity: 'info',
  locality: 'object',
  presets: ['strict'],
  description: 'A CronJob without startingDeadlineSeconds',
  docs: {
    why: 'Without startingDeadlineSeconds, a CronJob that missed its schedule (controller down, cluster upgrade) starts late runs at any time afterwards, and after 100 missed schedules it stops scheduling altogether.',
    fix: 'Set spec.startingDeadlineSeconds to how late a run may still start, e.g. a fraction of the schedule interval.',
    bad: 'apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: report}\nspec:\n  schedule: "0 * * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: OnFailure\n          containers: [{name: report, image: registry.example.com/report:2.1.0}]\n',
    good: 'apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: report}\nspec:\n  schedule: "0 * * * *"\n  startingDeadlineSeconds: 600\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: OnFailure\n          containers: [{name: report, image: registry.example.com/report:2.1.0}]\n',
  },
  messages: {
    noDeadline: 'CronJob "{{name}}" sets no startingDeadlineSeconds, so missed runs may start at any time later',
  },
  check({ objects, report }) {
    for (const cron of objects.ofKind('CronJob')) {
      const spec = cron.body.spec;
      if (isPlainObject(spec) && typeof spec.startingDeadlineSeconds === 'number') continue;
      report(cron, 'spec', 'noDeadline', { name: cron.name });
    }
  },
});
