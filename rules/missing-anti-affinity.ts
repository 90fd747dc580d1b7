import { REPLICATED_KINDS, autoscalersByTarget, defineRule, isPlainObject, lowestReplicas, podTemplateOf, replicasPath, selectorFromLabelSelector, selectorMatches, type PodTemplate } from '../src/rule-api.js';

interface Options {
  /** Workloads with at least this many replicas must spread them. */
  minReplicas: number;
}

export default defineRule<Options>({
  id: 'missing-anti-affinity',
  family: 'availability',
  severity: 'warning',
  presets: ['strict'],
  description: 'A multi-replica workload with no Pod anti-affinity or topology spread over its own Pods',
  docs: {
    why: 'The scheduler may put every replica on the same node or zone; losing that one node then takes down all of them, and the replicas protect nothing.',
    fix: 'Add a podAntiAffinity term (or a topologySpreadConstraint) whose labelSelector matches the Pod template\'s own labels, with topologyKey kubernetes.io/hostname or topology.kubernetes.io/zone.',
    bad: 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  replicas: 3\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec:\n      containers: [{name: web, image: registry.example.com/web:1.4.2}]\n',
    good: 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  replicas: 3\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec:\n      topologySpreadConstraints:\n      - maxSkew: 1\n        topologyKey: kubernetes.io/hostname\n        whenUnsatisfiable: ScheduleAnyway\n        labelSelector: {matchLabels: {app: web}}\n      containers: [{name: web, image: registry.example.com/web:1.4.2}]\n',
  },
  options: {
    type: 'object',
    properties: { minReplicas: { type: 'integer', minimum: 2, description: 'Fewest replicas from which spreading is expected' } },
    additionalProperties: false,
  },
  defaultOptions: { minReplicas: 2 },
  messages: {
    otherNamespaces: '{{kind}} "{{name}}" has anti-affinity only against Pods in namespaces [{{namespaces}}], not its own namespace "{{namespace}}", so its {{replicas}} replicas may share a node',
    termsMissOwnPods: '{{kind}} "{{name}}" runs {{replicas}} replicas but its podAntiAffinity terms do not select its own Pod labels, so they may all land on one node',
    noSpreading: '{{kind}} "{{name}}" runs {{replicas}} replicas but it sets no podAntiAffinity or topologySpreadConstraints, so they may all land on one node',
  },
  check({ objects, report, options }) {
    const autoscalers = autoscalersByTarget(objects);
    for (const obj of objects.ofKind(...REPLICATED_KINDS)) {
      const template = podTemplateOf(obj);
      const replicas = lowestReplicas(obj, autoscalers);
      // NaN or infinite replicas are no count (schema-violation reports them).
      if (!template || template.opaque || !Number.isFinite(replicas) || replicas < options.minReplicas) continue;
      const terms = antiAffinityTerms(template);
      if (terms.some((t) => t.coversOwnPods) || spreadsOwnPods(template)) continue;
      const data = { kind: obj.kind, name: obj.name, replicas };
      const elsewhere = terms.find((t) => t.otherNamespaces !== undefined);
      if (elsewhere?.otherNamespaces !== undefined) {
        report(obj, elsewhere.namespacesPath, 'otherNamespaces', { ...data, namespaces: elsewhere.otherNamespaces, namespace: template.namespace });
        continue;
      }
      if (terms.length) report(obj, `${template.specPath}.affinity.podAntiAffinity`, 'termsMissOwnPods', data);
      else report(obj, replicasPath(obj), 'noSpreading', data);
    }
  },
});

interface Term {
  coversOwnPods: boolean;
  /** Set when the term selects the right labels but only in other namespaces: those, comma-separated. */
  otherNamespaces?: string;
  namespacesPath: string;
}

function antiAffinityTerms(template: PodTemplate): Term[] {
  const affinity = template.spec.affinity;
  if (!isPlainObject(affinity) || !isPlainObject(affinity.podAntiAffinity)) return [];
  const anti = affinity.podAntiAffinity;
  const base = `${template.specPath}.affinity.podAntiAffinity`;
  const out: Term[] = [];
  const add = (term: unknown, path: string) => {
    if (!isPlainObject(term)) return;
    const selector = selectorFromLabelSelector(term.labelSelector);
    const matches = selector !== undefined && selectorMatches(selector, template.labels);
    // `namespaces` empty and no namespaceSelector: the term applies to the Pod's own namespace.
    const namespaces = Array.isArray(term.namespaces) ? term.namespaces.filter((n): n is string => typeof n === 'string') : [];
    const inOwn = namespaces.length === 0 || namespaces.includes(template.namespace) || isPlainObject(term.namespaceSelector);
    out.push({ coversOwnPods: matches && inOwn, otherNamespaces: matches && !inOwn ? namespaces.join(', ') : undefined, namespacesPath: `${path}.namespaces` });
  };
  const required = anti.requiredDuringSchedulingIgnoredDuringExecution;
  if (Array.isArray(required)) required.forEach((term, i) => add(term, `${base}.requiredDuringSchedulingIgnoredDuringExecution[${i}]`));
  const preferred = anti.preferredDuringSchedulingIgnoredDuringExecution;
  if (Array.isArray(preferred)) {
    preferred.forEach((weighted, i) => {
      if (isPlainObject(weighted)) add(weighted.podAffinityTerm, `${base}.preferredDuringSchedulingIgnoredDuringExecution[${i}].podAffinityTerm`);
    });
  }
  return out;
}

function spreadsOwnPods(template: PodTemplate): boolean {
  const constraints = template.spec.topologySpreadConstraints;
  if (!Array.isArray(constraints)) return false;
  return constraints.some((c) => {
    if (!isPlainObject(c)) return false;
    const selector = selectorFromLabelSelector(c.labelSelector);
    return selector !== undefined && selectorMatches(selector, template.labels);
  });
}
