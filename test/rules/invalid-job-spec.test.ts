import { describe, expect, it } from 'vitest';
import { cronScheduleProblem } from '../../src/rule-helpers/cron.js';
import { ruleTester } from '../helpers/rule-tester.js';

const cronjob = (schedule: string, extra = '') => `apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: c}\nspec:\n  schedule: "${schedule}"\n${extra}  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: Never\n          containers: [{name: job, image: job:1.0}]\n`;
const job = (spec: string) => `apiVersion: batch/v1\nkind: Job\nmetadata: {name: j}\nspec:\n${spec}  template:\n    metadata: {labels: {app: j}}\n    spec:\n      restartPolicy: Never\n      containers: [{name: job, image: job:1.0}]\n`;

// Invalid cases after the API server's errors, e.g.
//   spec.selector: Invalid value: ...: `selector` not auto-generated
//   spec.schedule: Invalid value: "0 25 * * *": end of range (25) above maximum (23): 25
//   spec.schedule: Invalid value: "TZ=UTC 0 0 * * *": cannot use TZ or CRON_TZ in schedule, use timeZone field instead
ruleTester('invalid-job-spec', {
  valid: [
    { name: 'a plain schedule', yaml: cronjob('*/15 2-6 * * MON-FRI') },
    { name: 'a descriptor', yaml: cronjob('@hourly') },
    { name: 'names, lists, steps and a time zone', yaml: cronjob('0 0,12 1 jan,jul sun', '  timeZone: Europe/Berlin\n') },
    { name: 'a Job without selector', yaml: job('  backoffLimit: 2\n') },
    { name: 'a Job selector with manualSelector: true', yaml: job('  manualSelector: true\n  selector: {matchLabels: {app: j}}\n') },
  ],
  invalid: [
    { name: 'a Job selector without manualSelector', yaml: job('  selector: {matchLabels: {app: j}}\n'), findings: [{ line: 5, message: 'Job "j" sets a selector but not manualSelector: true' }] },
    { name: 'an hour out of range', yaml: cronjob('0 25 * * *'), findings: [{ line: 5, message: 'schedule "0 25 * * *" is not valid: the hour field "25" has "25", outside 0–23' }] },
    { name: 'six fields (seconds are not supported)', yaml: cronjob('0 0 0 * * *'), findings: [{ line: 5, message: 'it has 6 fields; a schedule has 5' }] },
    { name: 'TZ in the schedule', yaml: cronjob('CRON_TZ=UTC 0 0 * * *'), findings: [{ line: 5, message: 'use the CronJob\'s timeZone field instead' }] },
    { name: 'an unknown time zone', yaml: cronjob('@daily', '  timeZone: Mars/Olympus\n'), findings: [{ line: 6, message: 'timeZone "Mars/Olympus" is not a time zone of the IANA database' }] },
    { name: 'a zero step and a backwards range', yaml: `${cronjob('*/0 * * * *')}---\n${cronjob('0 0 * * 5-1').replace('name: c', 'name: d')}`, findings: [{ line: 5, message: 'not a positive number' }, { line: 17, message: 'whose start is after its end' }] },
  ],
});

describe('cron schedules', () => {
  it.each([
    ['0 0 * * 7', 'outside 0–6 and not a day of week name'], ['@weekly', undefined], ['@every 1h30m', undefined], ['@every soon', 'not a duration'], ['@reboot', 'unknown descriptor'],
    ['1-2-3 * * * *', 'more than one "-"'], ['1/2/3 * * * *', 'more than one "/"'], ['* * 0 * *', 'outside 1–31'], ['* * * 13 *', 'outside 1–12 and not a month name'], ['0 0 ? * *', undefined], ['5/10 * * * *', undefined], ['0 0 1,,2 * *', 'has ""'],
  ])('%s', (schedule, problem) => {
    const got = cronScheduleProblem(schedule);
    if (problem === undefined) expect(got).toBeUndefined();
    else expect(got).toContain(problem);
  });
});
