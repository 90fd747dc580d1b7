import { defineRule, describeContainer, workloadContainers } from '../src/rule-api.js';

interface Options {
  checkJobs: boolean;
  ignoreContainers: string[];
}

const BATCH_KINDS = new Set(['Job', 'CronJob']);

export default defineRule<Options>({
  id: 'missing-liveness-probe',
  family: 'hygiene',
  severity: 'warning',
  locality: 'object',
  presets: ['strict'],
  description: 'A long-running container has no liveness probe',
  docs: {
    why: 'Without a liveness probe the kubelet restarts a container only when its process exits. A process that deadlocks or hangs keeps running, and its Pod stays broken until someone notices. Jobs and CronJobs are skipped by default: they end on their own (set activeDeadlineSeconds against hangs).',
    fix: 'Add a livenessProbe that fails only when the process cannot recover by itself, with more tolerance than the readiness probe (a higher failureThreshold), so a busy container is taken out of traffic rather than restarted.',
    bad: 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec:\n      containers: [{name: web, image: nginx:1.27.3}]\n',
    good: 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec:\n      containers:\n      - name: web\n        image: nginx:1.27.3\n        livenessProbe:\n          httpGet: {path: /livez, port: 80}\n          failureThreshold: 6\n',
  },
  messages: {
    noProbe: '{{container}} has no livenessProbe: if it hangs without exiting, the kubelet never restarts it',
  },
  options: {
    type: 'object',
    properties: {
      checkJobs: { type: 'boolean', description: 'Also check the containers of Jobs and CronJobs.' },
      ignoreContainers: { type: 'array', items: { type: 'string' }, description: 'Container names that need no liveness probe.' },
    },
    additionalProperties: false,
  },
  defaultOptions: { checkJobs: false, ignoreContainers: [] },
  check({ objects, report, options }) {
    const ignored = new Set(options.ignoreContainers);
    // Probes apply to regular containers only; init containers run to completion.
    for (const ref of workloadContainers(objects, ['containers'])) {
      if (!options.checkJobs && BATCH_KINDS.has(ref.object.kind)) continue;
      if (ref.container.livenessProbe !== undefined && ref.container.livenessProbe !== null) continue;
      if (typeof ref.container.name === 'string' && ignored.has(ref.container.name)) continue;
      report(ref.object, `${ref.path}.livenessProbe`, 'noProbe', { container: describeContainer(ref) });
    }
  },
});
