import { containerName, defineRule, podTemplateOf, portsOf, runningContainers, type ContainerRef } from '../src/rule-api.js';

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
  messages: {
    sameContainer: 'port {{port}}/{{protocol}} of container "{{container}}" is already declared earlier in the same container; containers of a Pod share one network namespace, so only one can bind it',
    otherContainer: 'port {{port}}/{{protocol}} of container "{{container}}" is already declared by container "{{first}}"; containers of a Pod share one network namespace, so only one can bind it',
  },
  check({ objects, report }) {
    for (const obj of objects) {
      const template = podTemplateOf(obj);
      if (!template) continue;
      const seen = new Map<string, ContainerRef>();
      // Init containers run to completion before the others start, except sidecars (restartPolicy: Always).
      for (const ref of runningContainers(template)) {
        for (const { containerPort, protocol, path } of portsOf(ref)) {
          if (containerPort === undefined) continue;
          const key = `${containerPort}/${protocol}`;
          const first = seen.get(key);
          if (first === undefined) {
            seen.set(key, ref);
            continue;
          }
          const data = { port: containerPort, protocol, container: containerName(ref) };
          if (first.path === ref.path) report(obj, `${path}.containerPort`, 'sameContainer', data);
          else report(obj, `${path}.containerPort`, 'otherContainer', { ...data, first: containerName(first) });
        }
      }
    }
  },
});
