import { declaredPorts, defineRule, isPlainObject, isPortNumber, portNameProblem, protocolOf, type DeclaredPort, type GraphNode, type K8sObject, type MessageData, type PodTemplate, type Fix } from '../src/rule-api.js';

export default defineRule({
  id: 'service-target-port-mismatch',
  family: 'ports',
  severity: 'error',
  fixable: 'suggestion',
  presets: ['recommended'],
  description: 'A Service targetPort that no Pod it selects declares, or a port name that cannot be targeted',
  docs: {
    why: 'A Service forwards each port to targetPort on the Pods it selects. A named targetPort is resolved against the names of the Pods\' container ports: when no selected container declares that name, the port has no endpoints and every connection fails. A numeric targetPort works whenever the process listens there, but when the selected containers declare their ports and none is that number, it is usually a typo (a warning). Port names must also be valid IANA service names (at most 15 lowercase letters, digits and "-", with at least one letter) or the API server rejects the Service or the workload.',
    fix: 'Set targetPort to the name or number of a port the selected containers declare (spec.template.spec.containers[].ports), or declare the port on the container. Shorten or correct invalid port names. A Service port without targetPort targets its own port number.',
    bad: 'apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  selector: {app: web}\n  ports: [{port: 80, targetPort: http}]\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: web, labels: {app: web}}\nspec:\n  containers:\n  - name: web\n    image: registry.example.com/web:1.4.2\n    ports: [{name: web, containerPort: 8080}]\n',
    good: 'apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  selector: {app: web}\n  ports: [{port: 80, targetPort: http}]\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: web, labels: {app: web}}\nspec:\n  containers:\n  - name: web\n    image: registry.example.com/web:1.4.2\n    ports: [{name: http, containerPort: 8080}]\n',
  },
  messages: {
    invalidName: 'targetPort "{{port}}" is not a valid port name: {{problem}}',
    undeclaredName: 'targetPort "{{port}}" is not the name of a {{protocol}} port of any container the Service selects (declared names: {{names}})',
    noNamedPorts: 'targetPort "{{port}}" is not the name of a {{protocol}} port of any container the Service selects (they declare no named ports)',
    invalidNumber: 'targetPort {{port}} is not a port number: it must be between 1 and 65535',
    undeclaredNumber: 'targetPort {{port}}/{{protocol}} is not declared by any container the Service selects (declared: {{declared}})',
  },
  check({ objects, graph, report }) {
    for (const svc of objects.ofKind('Service')) {
      const spec = svc.body.spec;
      if (!isPlainObject(spec) || spec.type === 'ExternalName' || !Array.isArray(spec.ports)) continue;
      const templates = selectedTemplates(graph.targets(svc, 'selects'));
      const declared = templates.flatMap(declaredPorts);
      spec.ports.forEach((port, i) => {
        if (!isPlainObject(port)) return;
        const hasTarget = port.targetPort !== undefined && port.targetPort !== null;
        // an operator's Pods declare ports kubeknit cannot see
        const knownPods = templates.length > 0 && !templates.some((t) => t.opaque);
        const problem = targetPortProblem(hasTarget ? port.targetPort : port.port, protocolOf(port), knownPods, declared);
        if (!problem) return;
        const fix = knownPods ? onlyCandidateFix(declared, protocolOf(port), `spec.ports[${i}].targetPort`) : undefined;
        report(svc, `spec.ports[${i}].${hasTarget ? 'targetPort' : 'port'}`, problem.id, problem.data, { severity: problem.severity, related: relatedWorkloads(templates), fix });
      });
    }
    // Container port names that are not IANA service names: invalid-pod-spec reports them.
  },
});

/**
 * When the selected containers declare exactly one port of the Service port's protocol, the target
 * can only be that port: a suggestion to point targetPort at it (its name when it has one).
 */
function onlyCandidateFix(declared: readonly DeclaredPort[], protocol: string, path: string): Fix | undefined {
  const candidates = new Map(declared.filter((p) => p.protocol === protocol && p.containerPort !== undefined).map((p) => [`${p.containerPort}|${p.name ?? ''}`, p]));
  if (candidates.size !== 1) return undefined;
  const [only] = candidates.values();
  const value = only.name ?? only.containerPort!;
  return { type: 'suggestion', description: `Set targetPort to ${typeof value === 'string' ? `"${value}"` : value}, the one ${protocol} port the selected containers declare`, edits: [{ op: 'set', path, value }] };
}

/** What is wrong with a Service port's target (its targetPort, else its port), if anything. */
function targetPortProblem(target: unknown, protocol: string, selectsPods: boolean, declared: DeclaredPort[]): { id: string; data: MessageData; severity?: 'warning' } | undefined {
  // A quoted number is a string to the API, hence a name, and an invalid one.
  if (typeof target === 'string') {
    const problem = portNameProblem(target);
    if (problem) return { id: 'invalidName', data: { port: target, problem } };
    if (!selectsPods || declared.some((p) => p.name === target && p.protocol === protocol)) return undefined;
    const names = [...new Set(declared.flatMap((p) => (p.name ? [`${p.name} (${p.protocol})`] : [])))];
    if (names.length === 0) return { id: 'noNamedPorts', data: { port: target, protocol } };
    return { id: 'undeclaredName', data: { port: target, protocol, names: names.join(', ') } };
  }
  // NaN and infinities are no numbers a message can show (schema-violation reports them).
  if (typeof target !== 'number' || !Number.isFinite(target)) return undefined;
  if (!isPortNumber(target)) return { id: 'invalidNumber', data: { port: target } };
  // Declaring container ports is optional; with none declared there is nothing to compare.
  const numbers = [...new Set(declared.flatMap((p) => (p.containerPort !== undefined ? [`${p.containerPort}/${p.protocol}`] : [])))];
  if (numbers.length === 0 || declared.some((p) => p.containerPort === target && p.protocol === protocol)) return undefined;
  return { id: 'undeclaredNumber', data: { port: target, protocol, declared: numbers.join(', ') }, severity: 'warning' };
}

function selectedTemplates(pods: GraphNode[]): PodTemplate[] {
  const seen = new Set<K8sObject>();
  const out: PodTemplate[] = [];
  for (const pod of pods) {
    const template = pod.podTemplate;
    if (!template || seen.has(template.owner)) continue;
    seen.add(template.owner);
    out.push(template);
  }
  return out;
}

function relatedWorkloads(templates: PodTemplate[]) {
  return templates.slice(0, 5).map((t) => ({ object: t.owner, path: t.metadataPath, message: `${t.owner.kind} "${t.owner.name}" is selected` }));
}
