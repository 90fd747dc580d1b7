import { cronScheduleProblem, defineRule, isPlainObject, timeZoneProblem, type JsonObject, type K8sObject } from '../src/rule-api.js';

/**
 * What Kubernetes' Job and CronJob validation (k8s.io/kubernetes/pkg/apis/batch/validation)
 * rejects beyond the OpenAPI schema.
 */
export default defineRule({
  id: 'invalid-job-spec',
  family: 'schema',
  severity: 'error',
  presets: ['recommended'],
  description: 'A Job or CronJob the API server rejects: a Job selector without manualSelector: true, a CronJob schedule that is not valid cron, a timeZone that is not an IANA zone',
  messages: {
    selector: '{{what}} sets a selector but not manualSelector: true; the API server generates a Job\'s selector itself and rejects one written by hand ("`selector` not auto-generated")',
    schedule: 'schedule "{{schedule}}" is not valid: {{problem}}',
    timeZone: 'timeZone "{{timeZone}}" {{problem}}',
  },
  docs: {
    why: 'The API server picks a Job\'s selector (a controller-uid label) and refuses one written by hand unless manualSelector is true. A CronJob schedule must be standard cron: five fields (minute 0–59, hour 0–23, day of month 1–31, month 1–12 or JAN–DEC, day of week 0–6 or SUN–SAT) with *, lists, ranges and steps, or a descriptor such as @hourly. A time zone goes in the timeZone field, not as TZ= in the schedule.',
    fix: 'Remove the Job\'s selector (labels in the Pod template are enough); fix the schedule (crontab.guru helps); set timeZone to an IANA name such as "Europe/Berlin".',
    bad: 'apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: report}\nspec:\n  schedule: "CRON_TZ=Europe/Berlin 0 25 * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: Never\n          containers: [{name: report, image: report:1.0}]\n',
    good: 'apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: report}\nspec:\n  schedule: "0 23 * * *"\n  timeZone: Europe/Berlin\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: Never\n          containers: [{name: report, image: report:1.0}]\n',
  },
  check({ objects, report }) {
    for (const job of objects.ofKind('Job')) {
      if (isPlainObject(job.body.spec)) checkSelector(job, job.body.spec, 'spec', `Job "${job.name}"`, report);
    }
    for (const cron of objects.ofKind('CronJob')) {
      const spec = cron.body.spec;
      if (!isPlainObject(spec)) continue;
      if (typeof spec.schedule === 'string') {
        const problem = cronScheduleProblem(spec.schedule);
        if (problem) report(cron, 'spec.schedule', 'schedule', { schedule: spec.schedule, problem });
      }
      if (typeof spec.timeZone === 'string') {
        const problem = timeZoneProblem(spec.timeZone);
        if (problem) report(cron, 'spec.timeZone', 'timeZone', { timeZone: spec.timeZone, problem });
      }
      const jobSpec = isPlainObject(spec.jobTemplate) ? spec.jobTemplate.spec : undefined;
      if (isPlainObject(jobSpec)) checkSelector(cron, jobSpec, 'spec.jobTemplate.spec', `the Job template of CronJob "${cron.name}"`, report);
    }
  },
});

function checkSelector(obj: K8sObject, spec: JsonObject, path: string, what: string, report: (obj: K8sObject, path: string, message: string, data: Record<string, string>) => void): void {
  if (spec.selector === undefined || spec.selector === null || spec.manualSelector === true) return;
  report(obj, `${path}.selector`, 'selector', { what });
}
