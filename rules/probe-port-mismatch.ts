import { containerName, defineRule, isPlainObject, podTemplateOf, portsOf, runningContainers } from '../src/rule-api.js';

const PROBES = ['livenessProbe', 'readinessProbe', 'startupProbe'] as const;
/** Probe handlers that name a port; all of them connect over TCP. */
const HANDLERS = ['httpGet', 'tcpSocket', 'grpc'] as const;

export default defineRule({
  id: 'probe-port-mismatch',
  family: 'ports',
  severity: 'error',
  presets: ['recommended'],
  description: 'A liveness, readiness or startup probe aims at a port the container does not declare',
  docs: {
    why: 'The kubelet resolves a probe\'s named port against the container\'s own ports. A name the container does not declare cannot be resolved, so the probe fails: the container never becomes ready (readiness, startup) or is restarted forever (liveness). A numeric port does not need declaring, so an undeclared number is a warning, and only when the container declares other ports (the number is then most likely a typo or a stale value). Probes connect over TCP, so a name that resolves to a UDP or SCTP port probes a port nothing listens on with TCP.',
    fix: 'Point the probe at a port the container declares (by name or number), or declare the port in the container\'s ports with a name and TCP.',
    bad: 'apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n  containers:\n  - name: web\n    image: registry.example.com/web:1.4.2\n    ports: [{name: http, containerPort: 8080}]\n    readinessProbe:\n      httpGet: {path: /healthz, port: web}\n',
    good: 'apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n  containers:\n  - name: web\n    image: registry.example.com/web:1.4.2\n    ports: [{name: http, containerPort: 8080}]\n    readinessProbe:\n      httpGet: {path: /healthz, port: http}\n',
  },
  messages: {
    undeclaredName: '{{probe}} of container "{{container}}" uses port "{{port}}", which the container does not declare (declared names: {{names}})',
    noNamedPorts: '{{probe}} of container "{{container}}" uses port "{{port}}", which the container does not declare (it declares no named ports)',
    notTcp: '{{probe}} of container "{{container}}" uses port "{{port}}", which is declared as {{protocol}}; {{handler}} probes connect over TCP',
    undeclaredNumber: '{{probe}} of container "{{container}}" uses port {{port}}, which the container does not declare as a TCP port (declared: {{declared}})',
  },
  check({ objects, report }) {
    for (const obj of objects) {
      const template = podTemplateOf(obj);
      if (!template) continue;
      for (const ref of runningContainers(template)) {
        const ports = portsOf(ref);
        const declared = ports.flatMap((p) => (p.containerPort !== undefined ? [`${p.containerPort}/${p.protocol}`] : []));
        for (const probe of PROBES) {
          const probeSpec = ref.container[probe];
          if (!isPlainObject(probeSpec)) continue;
          for (const handler of HANDLERS) {
            const action = probeSpec[handler];
            if (!isPlainObject(action)) continue;
            const path = `${ref.path}.${probe}.${handler}.port`;
            const port = action.port;
            const data = { probe, container: containerName(ref) };
            if (typeof port === 'string') {
              const match = ports.find((p) => p.name === port);
              if (!match) {
                const names = ports.flatMap((p) => (p.name ? [p.name] : []));
                if (names.length) report(obj, path, 'undeclaredName', { ...data, port, names: names.join(', ') });
                else report(obj, path, 'noNamedPorts', { ...data, port });
              } else if (match.protocol !== 'TCP') {
                report(obj, path, 'notTcp', { ...data, port, protocol: match.protocol, handler });
              }
              // A float, NaN or infinity is no port (schema-violation reports it); declaring ports is optional.
            } else if (Number.isInteger(port) && declared.length > 0) {
              if (ports.some((p) => p.containerPort === port && p.protocol === 'TCP')) continue;
              report(obj, path, 'undeclaredNumber', { ...data, port: port as number, declared: declared.join(', ') }, { severity: 'warning' });
            }
          }
        }
      }
    }
  },
});
