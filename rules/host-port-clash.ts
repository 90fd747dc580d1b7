import { declaredPorts, defineRule, isEmptySelector, isPlainObject, podTemplateOf, selectorFromLabelSelector, selectorMatches, type DeclaredPort, type PodTemplate } from '../src/rule-api.js';

interface HostPortUse {
  template: PodTemplate;
  port: DeclaredPort;
  hostPort: number;
  /** The field that claims the host port (`hostPort`, or `containerPort` under hostNetwork). */
  path: string;
}

const ANY_ADDRESS = new Set(['', '0.0.0.0', '::']);

export default defineRule({
  id: 'host-port-clash',
  family: 'ports',
  severity: 'warning',
  presets: ['strict'],
  description: 'Workloads whose Pods could share a node claim the same host port, or a multi-replica Deployment claims a host port',
  docs: {
    why: 'A hostPort (or any container port of a Pod with hostNetwork: true) is bound on the node itself, so only one Pod per node can hold a given port, protocol and host IP. The scheduler keeps such Pods apart; when two workloads want the same port, each node can run only one of them and the other stays Pending once nodes run out. With a DaemonSet on one side, the other workload cannot run on any node the DaemonSet covers (reported as an error). A Deployment with a hostPort needs a free node per replica, and during a rolling update the surge Pods need further nodes, so rollouts stall on small clusters.',
    fix: 'Avoid hostPort: expose the workload with a Service (NodePort or LoadBalancer) instead. When a host port is really needed, give each workload its own port, pin them to disjoint nodes (nodeSelector), or run one replica per node with a DaemonSet.',
    bad: 'apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: agent}\nspec:\n  selector: {matchLabels: {app: agent}}\n  template:\n    metadata: {labels: {app: agent}}\n    spec:\n      containers:\n      - name: agent\n        image: registry.example.com/agent:2.0.0\n        ports: [{containerPort: 9100, hostPort: 9100}]\n---\napiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: node-exporter}\nspec:\n  selector: {matchLabels: {app: node-exporter}}\n  template:\n    metadata: {labels: {app: node-exporter}}\n    spec:\n      containers:\n      - name: exporter\n        image: quay.io/prometheus/node-exporter:v1.8.2\n        ports: [{containerPort: 9100, hostPort: 9100}]\n',
    good: 'apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: agent}\nspec:\n  selector: {matchLabels: {app: agent}}\n  template:\n    metadata: {labels: {app: agent}}\n    spec:\n      containers:\n      - name: agent\n        image: registry.example.com/agent:2.0.0\n        ports: [{containerPort: 9101, hostPort: 9101}]\n---\napiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: node-exporter}\nspec:\n  selector: {matchLabels: {app: node-exporter}}\n  template:\n    metadata: {labels: {app: node-exporter}}\n    spec:\n      containers:\n      - name: exporter\n        image: quay.io/prometheus/node-exporter:v1.8.2\n        ports: [{containerPort: 9100, hostPort: 9100}]\n',
  },
  messages: {
    replicas: 'Deployment "{{name}}" has {{replicas}} replicas and binds host port {{port}}/{{protocol}}: each replica needs a node of its own, and rolling updates need more',
    samePod: 'host port {{port}}/{{protocol}} is also claimed by another container port of the same Pod; Pods that could land on one node cannot both bind it',
    samePodDaemonSet: 'host port {{port}}/{{protocol}} is also claimed by another container port of the same Pod; Pods that could land on one node cannot both bind it, and a DaemonSet runs on every node',
    otherPod: 'host port {{port}}/{{protocol}} is also claimed by {{other}}; Pods that could land on one node cannot both bind it',
    otherPodDaemonSet: 'host port {{port}}/{{protocol}} is also claimed by {{other}}; Pods that could land on one node cannot both bind it, and a DaemonSet runs on every node',
  },
  check({ objects, report }) {
    const byKey = new Map<string, HostPortUse[]>();
    for (const obj of objects) {
      if (obj.kind === 'PodTemplate') continue; // a template runs nothing by itself
      const template = podTemplateOf(obj);
      if (!template) continue;
      const uses = hostPortUses(template);
      for (const use of uses) {
        const key = `${use.hostPort}/${use.port.protocol}`;
        const earlier = byKey.get(key) ?? [];
        const clash = earlier.find((other) => addressesOverlap(other, use) && couldShareNode(other.template, template));
        if (clash) reportClash(clash, use);
        earlier.push(use);
        byKey.set(key, earlier);
      }
      if (obj.kind === 'Deployment' && template.replicas > 1 && uses.length > 0 && !onePodPerNodeThroughout(obj.body.spec, template)) {
        const use = uses[0];
        report(obj, use.path, 'replicas', { name: obj.name, replicas: template.replicas, port: use.hostPort, protocol: use.port.protocol });
      }
    }

    function reportClash(first: HostPortUse, second: HostPortUse): void {
      const owner = first.template.owner;
      const samePod = owner === second.template.owner;
      const daemon = owner.kind === 'DaemonSet' || second.template.owner.kind === 'DaemonSet';
      const data = { port: second.hostPort, protocol: second.port.protocol };
      const other = `${owner.kind} "${owner.name}"${owner.namespace === second.template.owner.namespace ? '' : ` in namespace "${owner.namespace}"`}`;
      const message = samePod ? (daemon ? 'samePodDaemonSet' : 'samePod') : daemon ? 'otherPodDaemonSet' : 'otherPod';
      report(second.template.owner, second.path, message, samePod ? data : { ...data, other }, {
        severity: daemon || samePod ? 'error' : undefined,
        related: [{ object: owner, path: first.path, message: 'the other claim on the host port' }],
      });
    }
  },
});

function hostPortUses(template: PodTemplate): HostPortUse[] {
  const hostNetwork = template.spec.hostNetwork === true;
  const uses: HostPortUse[] = [];
  for (const port of declaredPorts(template)) {
    // Under hostNetwork every container port is a port of the node.
    if (port.hostPort !== undefined) uses.push({ template, port, hostPort: port.hostPort, path: `${port.path}.hostPort` });
    else if (hostNetwork && port.containerPort !== undefined) uses.push({ template, port, hostPort: port.containerPort, path: `${port.path}.containerPort` });
  }
  return uses;
}

function addressesOverlap(a: HostPortUse, b: HostPortUse): boolean {
  const ipA = a.port.hostIP ?? '';
  const ipB = b.port.hostIP ?? '';
  return ipA === ipB || ANY_ADDRESS.has(ipA) || ANY_ADDRESS.has(ipB);
}

/** False only when both templates pin nodes by one nodeSelector key with different values. */
function couldShareNode(a: PodTemplate, b: PodTemplate): boolean {
  const selA = a.spec.nodeSelector;
  const selB = b.spec.nodeSelector;
  if (!isPlainObject(selA) || !isPlainObject(selB)) return true;
  return Object.entries(selA).every(([key, value]) => !(key in selB) || selB[key] === value);
}

/**
 * A Deployment that surges no Pod (`maxSurge: 0`, or Recreate) and requires its Pods on distinct
 * hostnames already plans one node per replica: its host port cannot clash with itself.
 */
function onePodPerNodeThroughout(spec: unknown, template: PodTemplate): boolean {
  if (!isPlainObject(spec)) return false;
  const strategy = isPlainObject(spec.strategy) ? spec.strategy : {};
  const rolling = isPlainObject(strategy.rollingUpdate) ? strategy.rollingUpdate : {};
  const noSurge = strategy.type === 'Recreate' || rolling.maxSurge === 0 || rolling.maxSurge === '0' || rolling.maxSurge === '0%';
  if (!noSurge) return false;
  const affinity = isPlainObject(template.spec.affinity) ? template.spec.affinity : {};
  const anti = isPlainObject(affinity.podAntiAffinity) ? affinity.podAntiAffinity : {};
  const required = anti.requiredDuringSchedulingIgnoredDuringExecution;
  return Array.isArray(required) && required.some((term) => isPlainObject(term) && term.topologyKey === 'kubernetes.io/hostname' && selectsOwnPods(term.labelSelector, template.labels));
}

function selectsOwnPods(labelSelector: unknown, labels: Readonly<Record<string, string>>): boolean {
  const selector = selectorFromLabelSelector(labelSelector);
  return selector !== undefined && !isEmptySelector(selector) && selectorMatches(selector, labels);
}
