import { defineRule, isPlainObject, workloadKind, workloadKindsWhere } from '../src/rule-api.js';

interface Options {
  /** Strategy types accepted besides RollingUpdate (e.g. Recreate for single-writer apps). */
  allowStrategies: string[];
}

/** Kinds with an update strategy; an omitted type means a rolling update for all of them. */
const UPDATING_KINDS = workloadKindsWhere((w) => w.updateStrategy !== undefined);

export default defineRule<Options>({
  id: 'no-rolling-update',
  family: 'availability',
  severity: 'warning',
  locality: 'object',
  presets: ['strict'],
  description: 'A Deployment, StatefulSet, DaemonSet or OpenShift DeploymentConfig that does not update its Pods by rolling update',
  docs: {
    why: 'Recreate stops every old Pod before starting new ones, so each rollout is an outage. OnDelete never replaces Pods at all until someone deletes them, so an applied change silently does not run.',
    fix: 'Use type: RollingUpdate (the default: omit the strategy), tuning maxSurge and maxUnavailable if needed. Apps that must never run two versions at once can list Recreate in allowStrategies.',
    bad: 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  strategy: {type: Recreate}\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec:\n      containers: [{name: web, image: registry.example.com/web:1.4.2}]\n',
    good: 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  strategy:\n    type: RollingUpdate\n    rollingUpdate: {maxUnavailable: 0, maxSurge: 1}\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec:\n      containers: [{name: web, image: registry.example.com/web:1.4.2}]\n',
  },
  options: {
    type: 'object',
    properties: { allowStrategies: { type: 'array', items: { type: 'string' }, description: 'Strategy types accepted besides RollingUpdate' } },
    additionalProperties: false,
  },
  defaultOptions: { allowStrategies: [] },
  messages: {
    recreate: '{{kind}} "{{name}}" updates its Pods with {{field}}.type {{type}}, not {{rolling}}: every rollout stops all Pods first',
    onDelete: '{{kind}} "{{name}}" updates its Pods with {{field}}.type {{type}}, not {{rolling}}: changes apply only when Pods are deleted by hand',
    other: '{{kind}} "{{name}}" updates its Pods with {{field}}.type {{type}}, not {{rolling}}',
  },
  check({ objects, report, options }) {
    for (const obj of objects.ofKind(...UPDATING_KINDS)) {
      const updateStrategy = workloadKind(obj.kind)?.updateStrategy;
      if (!updateStrategy) continue;
      const { field, rolling } = updateStrategy;
      const spec = obj.body.spec;
      const strategy = isPlainObject(spec) ? spec[field] : undefined;
      if (!isPlainObject(strategy) || typeof strategy.type !== 'string') continue;
      if (strategy.type === rolling || options.allowStrategies.includes(strategy.type)) continue;
      const message = strategy.type === 'Recreate' ? 'recreate' : strategy.type === 'OnDelete' ? 'onDelete' : 'other';
      report(obj, `spec.${field}.type`, message, { kind: obj.kind, name: obj.name, field, type: strategy.type, rolling });
    }
  },
});
