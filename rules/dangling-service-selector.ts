import { defineRule, describeResources, podMakersIn, formatSelector, isPlainObject, selectorFromMap } from '../src/rule-api.js';

export default defineRule({
  id: 'dangling-service-selector',
  family: 'relationships',
  severity: 'error',
  presets: ['recommended'],
  description: 'A Service whose selector matches no Pod template in its namespace',
  docs: {
    why: 'A Service sends traffic only to Pods whose labels match its selector in the same namespace. With no match it has no endpoints, and every connection to it fails or hangs.',
    fix: 'Make the selector equal to labels of the workload\'s Pod template (spec.template.metadata.labels), or put the Service in the workload\'s namespace. A Service meant to have no selector (endpoints managed by hand) should omit spec.selector.',
    bad: 'apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  selector: {app: web-frontend}\n  ports: [{port: 80}]\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: web, labels: {app: web}}\nspec:\n  containers: [{name: web, image: nginx:1.27.3}]\n',
    good: 'apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  selector: {app: web}\n  ports: [{port: 80}]\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: web, labels: {app: web}}\nspec:\n  containers: [{name: web, image: nginx:1.27.3}]\n',
  },
  messages: {
    noPod: 'Service "{{name}}" selects no Pod in namespace "{{namespace}}": no Pod template has the labels {{selector}}',
    noPodUnknownMakers: 'Service "{{name}}" selects no Pod in namespace "{{namespace}}": no Pod template has the labels {{selector}}; custom resources of kinds kubeknit does not know may make Pods there: {{makers}}',
  },
  check({ objects, graph, settings, report }) {
    for (const svc of objects.ofKind('Service')) {
      const spec = svc.body.spec;
      if (!isPlainObject(spec) || spec.type === 'ExternalName') continue;
      const selector = selectorFromMap(spec.selector);
      if (!selector || selector.malformed || Object.keys(selector.matchLabels).length === 0) continue;
      if (graph.targets(svc, 'selects').length > 0) continue;
      const makers = podMakersIn(objects, svc.namespace, settings.cluster);
      if (makers.declared) continue;
      const data = { name: svc.name, namespace: svc.namespace ?? '', selector: formatSelector(selector) };
      if (makers.unknown.length) report(svc, 'spec.selector', 'noPodUnknownMakers', { ...data, makers: describeResources(makers.unknown) }, { severity: 'warning' });
      else report(svc, 'spec.selector', 'noPod', data);
    }
  },
});
