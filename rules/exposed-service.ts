import { defineRule, isPlainObject } from '../src/rule-api.js';

export default defineRule({
  id: 'exposed-service',
  family: 'security',
  severity: 'info',
  presets: ['strict'],
  description: 'A Service of type NodePort or LoadBalancer exposes Pods outside the cluster',
  messages: { exposed: 'Service "{{name}}" is of type {{type}}, so its Pods can be reached from outside the cluster' },
  docs: {
    why: 'A NodePort Service opens its ports on every node; a LoadBalancer Service also gets an outside address. Each is an entry point to review (authentication, TLS, source ranges), and often an Ingress or Gateway in front of a ClusterIP Service is what was meant.',
    fix: 'Use type ClusterIP behind an Ingress or Gateway, or keep the exposure and limit it (`loadBalancerSourceRanges`, an internal load balancer annotation), then silence this finding for that Service.',
    bad: 'apiVersion: v1\nkind: Service\nmetadata: {name: admin}\nspec:\n  type: LoadBalancer\n  selector: {app: admin}\n  ports: [{port: 443}]\n',
    good: 'apiVersion: v1\nkind: Service\nmetadata: {name: admin}\nspec:\n  selector: {app: admin}\n  ports: [{port: 443}]\n',
  },
  check({ objects, report }) {
    for (const svc of objects.ofKind('Service')) {
      const spec = svc.body.spec;
      if (!isPlainObject(spec) || (spec.type !== 'NodePort' && spec.type !== 'LoadBalancer')) continue;
      report(svc, 'spec.type', 'exposed', { name: svc.name, type: spec.type });
    }
  },
});
