/**
 * CronJob schedules as Kubernetes reads them (github.com/robfig/cron/v3, `ParseStandard`): five
 * fields (minute, hour, day of month, month, day of week) of `*`, `?`, values, ranges and steps,
 * lists of those joined by commas, month and weekday names; or a descriptor (`@hourly`, `@every 5m`).
 * https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/#schedule-syntax
 */
const FIELDS = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day of month', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12, names: ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'], firstName: 1 },
  { name: 'day of week', min: 0, max: 6, names: ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'], firstName: 0 },
] as const;

const DESCRIPTORS: ReadonlySet<string> = new Set(['@yearly', '@annually', '@monthly', '@weekly', '@daily', '@midnight', '@hourly']);
/** Go's time.ParseDuration: a sequence of decimal numbers with units. */
const GO_DURATION = /^(?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|µs|ms|s|m|h)(?:(?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|µs|ms|s|m|h))*$/;

/** Why a schedule is not one Kubernetes accepts, or undefined when it is fine. */
export function cronScheduleProblem(schedule: string): string | undefined {
  if (schedule.includes('TZ')) return 'a schedule may not set TZ= or CRON_TZ=; use the CronJob\'s timeZone field instead';
  const text = schedule.trim();
  if (text.startsWith('@')) {
    if (DESCRIPTORS.has(text.toLowerCase())) return undefined;
    if (text.startsWith('@every ')) return GO_DURATION.test(text.slice(7).trim()) ? undefined : `"${text.slice(7).trim()}" is not a duration such as 5m or 1h30m`;
    return `unknown descriptor "${text}" (use @yearly, @monthly, @weekly, @daily, @hourly or @every <duration>)`;
  }
  const fields = text.split(/\s+/).filter(Boolean);
  if (fields.length !== 5) return `it has ${fields.length} field${fields.length === 1 ? '' : 's'}; a schedule has 5 (minute, hour, day of month, month, day of week)`;
  for (const [i, field] of fields.entries()) {
    const problem = fieldProblem(field, FIELDS[i]);
    if (problem) return `the ${FIELDS[i].name} field "${field}" ${problem}`;
  }
  return undefined;
}

type Field = (typeof FIELDS)[number];

function fieldProblem(text: string, field: Field): string | undefined {
  for (const part of text.split(',')) {
    const [range, step, extra] = part.split('/');
    if (extra !== undefined) return 'has more than one "/"';
    if (step !== undefined && (!/^\d+$/.test(step) || Number(step) === 0)) return `has a step "${step}" that is not a positive number`;
    if (range === '*' || range === '?') continue;
    const [low, high, more] = range.split('-');
    if (more !== undefined) return `has a range "${range}" with more than one "-"`;
    const start = value(low, field);
    if (start === undefined) return badValue(low, field);
    if (high === undefined) continue;
    const end = value(high, field);
    if (end === undefined) return badValue(high, field);
    if (start > end) return `has a range "${range}" whose start is after its end`;
  }
  return undefined;
}

function badValue(text: string, field: Field): string {
  return `has "${text}", outside ${field.min}–${field.max}${'names' in field ? ` and not a ${field.name} name` : ''}`;
}

function value(text: string, field: Field): number | undefined {
  if ('names' in field) {
    const index = (field.names as readonly string[]).indexOf(text.toLowerCase());
    if (index >= 0) return index + field.firstName;
  }
  if (!/^\d+$/.test(text)) return undefined;
  const n = Number(text);
  return n >= field.min && n <= field.max ? n : undefined;
}

/** Why a CronJob's timeZone is refused (it must name a zone of the IANA database, not "Local"), or undefined. */
export function timeZoneProblem(timeZone: string): string | undefined {
  if (timeZone === '') return 'is empty; omit it or name a zone such as "Europe/Berlin"';
  if (timeZone.toLowerCase() === 'local') return 'must name an IANA time zone such as "Europe/Berlin", not "Local"';
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return undefined;
  } catch {
    return 'is not a time zone of the IANA database (such as "Europe/Berlin" or "Etc/UTC")';
  }
}
