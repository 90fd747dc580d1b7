import { defineRule, dns1123Label, isPlainObject } from '../src/rule-api.js';

/** Service types that open node ports. */
const NODE_PORT_TYPES: ReadonlySet<string> = new Set(['NodePort', 'LoadBalancer']);

/**
 * What Kubernetes' Service validation (k8s.io/kubernetes/pkg/apis/core/validation, ValidateService)
 * rejects beyond the OpenAPI schema. Unnamed ports among several, repeated ports and names are
 * duplicate-service-port's; nodePort ranges and clashes node-port-clash's.
 */
export default defineRule({
  id: 'invalid-service-spec',
  family: 'ports',
  severity: 'error',
  presets: ['recommended'],
  description: 'A Service the API server rejects: a nodePort on a type without node ports, clusterIP: None with NodePort or LoadBalancer, a port outside 1–65535, a port name that is not a DNS-1123 label',
  messages: {
    nodePortType: 'spec.ports[{{index}}] sets nodePort {{nodePort}}, but a Service of type {{type}} has no node ports; only NodePort and LoadBalancer Services may set one ("Forbidden")',
    headlessNodePort: 'Service "{{name}}" of type {{type}} sets clusterIP: None; a headless Service cannot be {{type}} ("may not be set to \'None\' for {{type}} services")',
    port: 'port {{value}} of Service "{{name}}" is not a valid port number: it must be between 1 and 65535',
    portName: 'port name "{{port}}" of Service "{{name}}" {{problem}}',
  },
  docs: {
    why: 'Node ports exist only on NodePort and LoadBalancer Services, which also need a cluster IP to forward to; the API server refuses a nodePort on a ClusterIP Service and clusterIP: None on a NodePort one. A Service port must be 1–65535 and its name a DNS-1123 label.',
    fix: 'Set type: NodePort (or LoadBalancer) when you want a node port, or drop nodePort; drop clusterIP: None from a NodePort or LoadBalancer Service (or make it a ClusterIP Service); use a port number between 1 and 65535 and a lowercase port name.',
    bad: 'apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  selector: {app: web}\n  ports: [{port: 80, nodePort: 30080}]\n',
    good: 'apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  type: NodePort\n  selector: {app: web}\n  ports: [{port: 80, nodePort: 30080}]\n',
  },
  check({ objects, report }) {
    for (const svc of objects.ofKind('Service')) {
      const spec = svc.body.spec;
      if (!isPlainObject(spec)) continue;
      const type = typeof spec.type === 'string' ? spec.type : 'ClusterIP';
      if (spec.clusterIP === 'None' && NODE_PORT_TYPES.has(type)) report(svc, 'spec.clusterIP', 'headlessNodePort', { name: svc.name, type });
      if (!Array.isArray(spec.ports)) continue;
      spec.ports.forEach((port, index) => {
        if (!isPlainObject(port)) return;
        const at = `spec.ports[${index}]`;
        // nodePort 0 means "allocate one" and is accepted everywhere
        if (typeof port.nodePort === 'number' && port.nodePort !== 0 && !NODE_PORT_TYPES.has(type)) report(svc, `${at}.nodePort`, 'nodePortType', { index, nodePort: port.nodePort, type });
        if (typeof port.port === 'number' && !(Number.isInteger(port.port) && port.port >= 1 && port.port <= 65535)) report(svc, `${at}.port`, 'port', { value: port.port, name: svc.name });
        if (typeof port.name === 'string' && port.name !== '') {
          const problem = dns1123Label(port.name);
          if (problem) report(svc, `${at}.name`, 'portName', { port: port.name, name: svc.name, problem });
        }
      });
    }
  },
});
