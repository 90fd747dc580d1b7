import { defineRule, type Rule } from '../engine/rule.js';
import { formatFieldPath } from '../load/field-path.js';
import type { K8sObject } from '../types.js';
import { describeSchemaError, usefulSchemaErrors, type ValidateFunction } from './ajv.js';
import type { CustomRuleConfig } from './types.js';

/** Turns a `customRules[]` entry into a rule: matching objects must satisfy its schema. */
export function customRule(config: CustomRuleConfig, validate: ValidateFunction, configFile: string): Rule {
  return defineRule({
    id: config.id,
    family: 'hygiene',
    severity: config.severity ?? 'warning',
    presets: ['recommended'],
    description: config.description ?? config.message,
    docs: {
      why: config.message,
      fix: `Change the object so it satisfies the schema of custom rule "${config.id}" in ${configFile}.`,
    },
    messages: { schemaFailure: '{{message}}: {{where}}: {{problem}}' },
    check({ objects, report }) {
      for (const obj of objects) {
        if (!matches(config.match, obj) || validate(obj.body)) continue;
        for (const error of usefulSchemaErrors(validate.errors ?? [])) {
          const { segments, text } = describeSchemaError(error);
          const where = segments.length ? formatFieldPath(segments) : 'the object';
          report(obj, segments, 'schemaFailure', { message: config.message, where, problem: text });
        }
      }
    },
  });
}

function matches(match: CustomRuleConfig['match'], obj: K8sObject): boolean {
  if (!match) return true;
  if (match.kinds?.length && !match.kinds.includes(obj.kind)) return false;
  if (match.namespaces?.length && (obj.namespace === null || !match.namespaces.includes(obj.namespace))) return false;
  for (const [key, value] of Object.entries(match.labels ?? {})) if (obj.labels[key] !== value) return false;
  return true;
}
