import { containersOf, defineRule, isPlainObject, podTemplateOf } from '../src/rule-api.js';

export default defineRule({
  id: 'duplicate-container-port',
  family: 'ports',
  severity: 'error',
  locality: 'object',
  presets: ['recommended'],
  description: 'The same containerPort and protocol declared twice in one Pod',
  docs: {
    why: 'All containers of a Pod share one network namespace and one IP address, so two of them cannot listen on the same port and protocol. The API server rejects a duplicate within one container; across containers, the second process fails to bind at run time.',
    fix: 'Give each container its own port, or remove the duplicate declaration.',
    bad: 'apiVersion: v1\nkind: Pod\nmetadata: {name: app}\nspec:\n  containers:\n  - name: app\n    image: registry.example.com/app:1.4.2\n    ports: [{containerPort: 8080}]\n  - name: metrics\n    image: registry.example.com/exporter:0.9.0\n    ports: [{containerPort: 8080}]\n',
    good: 'apiVersion: v1\nkind: Pod\nmetadata: {name: app}\nspec:\n  containers:\n  - name: app\n    image: registry.example.com/app:1.4.2\n    ports: [{containerPort: 8080}]\n  - name: metrics\n    image: registry.example.com/exporter:0.9.0\n    ports: [{containerPort: 9090}]\n',
  },
  check({ objects, report }) {
    for (const obj of objects) {
      const template = podTemplateOf(obj);
      if (!template) continue;
      const seen = new Map<string, string>();
      // Init containers run to completion before the others start, except sidecars (restartPolicy: Always).
      const running = containersOf(template).filter((c) => c.list === 'containers' || (c.list === 'initContainers' && c.container.restartPolicy === 'Always'));
      for (const { container, path } of running) {
        if (!Array.isArray(container.ports)) continue;
        container.ports.forEach((port, i) => {
          if (!isPlainObject(port) || typeof port.containerPort !== 'number') return;
          const protocol = typeof port.protocol === 'string' ? port.protocol : 'TCP';
          const key = `${port.containerPort}/${protocol}`;
          const owner = `container "${String(container.name)}"`;
          const first = seen.get(key);
          if (first === undefined) {
            seen.set(key, owner);
            return;
          }
          const where = first === owner ? 'earlier in the same container' : `by ${first}`;
          report(obj, `${path}.ports[${i}].containerPort`, `port ${key} of ${owner} is already declared ${where}; containers of a Pod share one network namespace, so only one can bind it`);
        });
      }
    }
  },
});
