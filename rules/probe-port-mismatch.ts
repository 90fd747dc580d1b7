import { defineRule, isPlainObject, podTemplateOf, portsOf, runningContainers } from '../src/rule-api.js';

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
  check({ objects, report }) {
    for (const obj of objects) {
      const template = podTemplateOf(obj);
      if (!template) continue;
      for (const ref of runningContainers(template)) {
        const ports = portsOf(ref);
        const containerName = String(ref.container.name);
        for (const probeField of PROBES) {
          const probe = ref.container[probeField];
          if (!isPlainObject(probe)) continue;
          for (const handler of HANDLERS) {
            const action = probe[handler];
            if (!isPlainObject(action) || action.port === undefined || action.port === null) continue;
            const path = `${ref.path}.${probeField}.${handler}.port`;
            const target = action.port;
            if (typeof target === 'string') {
              const match = ports.find((p) => p.name === target);
              if (!match) {
                const names = ports.flatMap((p) => (p.name ? [p.name] : []));
                report(obj, path, `${probeField} of container "${containerName}" uses port "${target}", which the container does not declare (${names.length ? `declared names: ${names.join(', ')}` : 'it declares no named ports'})`);
              } else if (match.protocol !== 'TCP') {
                report(obj, path, `${probeField} of container "${containerName}" uses port "${target}", which is declared as ${match.protocol}; ${handler} probes connect over TCP`);
              }
            } else if (typeof target === 'number' && ports.length > 0) {
              if (ports.some((p) => p.containerPort === target && p.protocol === 'TCP')) continue;
              const declared = ports.flatMap((p) => (p.containerPort !== undefined ? [`${p.containerPort}/${p.protocol}`] : []));
              report(obj, path, `${probeField} of container "${containerName}" uses port ${target}, which the container does not declare as a TCP port (declared: ${declared.join(', ')})`, undefined, { severity: 'warning' });
            }
          }
        }
      }
    }
  },
});
