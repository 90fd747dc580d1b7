import { defineRule, isPlainObject, protocolOf, type K8sObject } from '../src/rule-api.js';

interface Options {
  /** The cluster's --service-node-port-range, as `first-last`. */
  range: string;
}

interface NodePortUse {
  svc: K8sObject;
  index: number;
  protocol: string;
}

export default defineRule<Options>({
  id: 'node-port-clash',
  family: 'ports',
  severity: 'error',
  presets: ['recommended'],
  description: 'Two Services ask for one nodePort, or a nodePort lies outside the node port range',
  docs: {
    why: 'A nodePort is opened on every node of the cluster, so it is allocated once cluster-wide: the API server refuses the second Service that asks for a port already taken, and any nodePort outside the range the API server is configured with (30000-32767 unless --service-node-port-range says otherwise).',
    fix: 'Give each Service its own nodePort inside the range, or leave nodePort out and let the API server pick a free one. Set the rule option "range" when your cluster uses another range.',
    bad: 'apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec: {type: NodePort, selector: {app: web}, ports: [{port: 80, nodePort: 30080}]}\n---\napiVersion: v1\nkind: Service\nmetadata: {name: admin}\nspec: {type: NodePort, selector: {app: admin}, ports: [{port: 80, nodePort: 30080}]}\n',
    good: 'apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec: {type: NodePort, selector: {app: web}, ports: [{port: 80, nodePort: 30080}]}\n---\napiVersion: v1\nkind: Service\nmetadata: {name: admin}\nspec: {type: NodePort, selector: {app: admin}, ports: [{port: 80, nodePort: 30081}]}\n',
  },
  options: {
    type: 'object',
    properties: { range: { type: 'string', pattern: '^\\d+-\\d+$', description: 'The node port range of the cluster, "first-last".' } },
    additionalProperties: false,
  },
  defaultOptions: { range: '30000-32767' },
  messages: {
    outOfRange: 'nodePort {{nodePort}} is outside the node port range {{low}}-{{high}}',
    takenHere: 'nodePort {{nodePort}} is already taken by spec.ports[{{first}}] of this Service; node ports are allocated once for the whole cluster',
    takenBy: 'nodePort {{nodePort}} is already taken by Service "{{service}}"; node ports are allocated once for the whole cluster',
    takenInNamespace: 'nodePort {{nodePort}} is already taken by Service "{{service}}" in namespace "{{namespace}}"; node ports are allocated once for the whole cluster',
  },
  check({ objects, report, options }) {
    const [low, high] = options.range.split('-').map(Number);
    const taken = new Map<number, NodePortUse>();
    for (const svc of objects.ofKind('Service')) {
      const spec = svc.body.spec;
      if (!isPlainObject(spec) || !Array.isArray(spec.ports)) continue;
      spec.ports.forEach((port, index) => {
        // nodePort 0 means unset: the API server picks a free port. A float, NaN or infinity is no port (schema-violation reports it).
        if (!isPlainObject(port) || !Number.isInteger(port.nodePort) || port.nodePort === 0) return;
        const nodePort = port.nodePort as number;
        const path = `spec.ports[${index}].nodePort`;
        if (nodePort < low || nodePort > high) report(svc, path, 'outOfRange', { nodePort, low, high });
        const protocol = protocolOf(port);
        const first = taken.get(nodePort);
        if (!first) {
          taken.set(nodePort, { svc, index, protocol });
          return;
        }
        // One Service may reuse a nodePort for the same port number over another protocol.
        if (first.svc === svc && first.protocol !== protocol) return;
        const related = { related: [{ object: first.svc, path: `spec.ports[${first.index}].nodePort`, message: 'first use of the node port' }] };
        if (first.svc === svc) report(svc, path, 'takenHere', { nodePort, first: first.index }, related);
        else if (first.svc.namespace === svc.namespace) report(svc, path, 'takenBy', { nodePort, service: first.svc.name }, related);
        else report(svc, path, 'takenInNamespace', { nodePort, service: first.svc.name, namespace: first.svc.namespace ?? '' }, related);
      });
    }
  },
});
