import { containersOf, defineRule, describeContainer, isPlainObject, scalarText, type ContainerRef, type K8sObject, type RelatedObject } from '../src/rule-api.js';

interface Options {
  ignoreContainers: string[];
}

export default defineRule<Options>({
  id: 'missing-readiness-probe',
  family: 'hygiene',
  severity: 'warning',
  presets: ['recommended'],
  description: 'A container that serves a Service\'s traffic has no readiness probe',
  docs: {
    why: 'A Service sends traffic to every ready Pod it selects, and without a readiness probe a container is ready as soon as its process starts. Requests then reach Pods that are still starting, and keep reaching Pods that are overloaded or shutting down. Pods no Service selects (workers, Jobs) are not checked: nothing routes to them. Only the containers that declare a port a Service targets are checked (a metrics sidecar is not); when no container declares one, the Pod is flagged only if none of its containers has a readiness probe. Services with publishNotReadyAddresses: true do not wait for readiness and are ignored.',
    fix: 'Add a readinessProbe that answers only when the container can serve (an HTTP endpoint or a TCP port). Containers that serve nothing (a log shipper) can be named in the ignoreContainers option.',
    bad: 'apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  selector: {app: web}\n  ports: [{port: 80}]\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: web, labels: {app: web}}\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27.3\n    ports: [{containerPort: 80}]\n',
    good: 'apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  selector: {app: web}\n  ports: [{port: 80}]\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: web, labels: {app: web}}\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27.3\n    ports: [{containerPort: 80}]\n    readinessProbe:\n      httpGet: {path: /healthz, port: 80}\n',
  },
  messages: {
    noProbe: '{{container}} has no readinessProbe, yet Service {{services}} sends it traffic: it counts as ready as soon as it starts, before it can serve',
    noProbeServices: '{{container}} has no readinessProbe, yet Services {{services}} send it traffic: it counts as ready as soon as it starts, before it can serve',
  },
  options: {
    type: 'object',
    properties: {
      ignoreContainers: { type: 'array', items: { type: 'string' }, description: 'Container names that serve no traffic and need no readiness probe.' },
    },
    additionalProperties: false,
  },
  defaultOptions: { ignoreContainers: [] },
  check({ graph, report, options }) {
    const ignored = new Set(options.ignoreContainers);
    const seen = new Set<K8sObject>();
    for (const pod of graph.pods()) {
      if (seen.has(pod.owner)) continue;
      // NetworkPolicies and PodDisruptionBudgets select Pods too, but send them no traffic.
      const services = [...new Set(graph.inEdges(pod.nodeId, 'selects').map((e) => graph.node(e.from)?.object))]
        .filter((s): s is K8sObject => s?.kind === 'Service' && !publishesNotReady(s));
      if (!services.length) continue;
      seen.add(pod.owner);
      const names = services.slice(0, 3).map((s) => `"${s.name}"`).join(', ') + (services.length > 3 ? ` and ${services.length - 3} more` : '');
      const messageId = services.length > 1 ? 'noProbeServices' : 'noProbe';
      const related: RelatedObject[] = services.map((s) => ({ object: s, path: 'spec.selector', message: `Service "${s.name}" selects these Pods` }));
      for (const ref of servingContainers(containersOf(pod, ['containers']), services)) {
        if (hasProbe(ref)) continue;
        if (typeof ref.container.name === 'string' && ignored.has(ref.container.name)) continue;
        report(pod.owner, `${ref.path}.readinessProbe`, messageId, { container: describeContainer(ref), services: names }, { related });
      }
    }
  },
});

function hasProbe(ref: ContainerRef): boolean {
  return ref.container.readinessProbe !== undefined && ref.container.readinessProbe !== null;
}

/** A Service that publishes not-ready Pods (publishNotReadyAddresses) does not wait for readiness. */
function publishesNotReady(service: K8sObject): boolean {
  return isPlainObject(service.body.spec) && service.body.spec.publishNotReadyAddresses === true;
}

/**
 * The containers that receive the Services' traffic: those declaring a port a Service targets
 * (by number or name; targetPort defaults to port). When none declares it, a numeric targetPort
 * reaches the Pod's only container; with several, which one listens is unknown and none is reported.
 * Probes apply to regular containers; init containers have none (sidecars may, but are optional).
 */
function servingContainers(containers: readonly ContainerRef[], services: readonly K8sObject[]): readonly ContainerRef[] {
  const targets = new Set<string>();
  for (const svc of services) {
    const ports = isPlainObject(svc.body.spec) ? svc.body.spec.ports : undefined;
    if (!Array.isArray(ports)) continue;
    for (const port of ports) {
      const target = isPlainObject(port) ? scalarText(port.targetPort ?? port.port) : undefined;
      if (target !== undefined) targets.add(target);
    }
  }
  const serving = containers.filter(({ container }) => Array.isArray(container.ports) && container.ports.some((p) => isPlainObject(p) && (targets.has(scalarText(p.containerPort) ?? '') || (typeof p.name === 'string' && targets.has(p.name)))));
  if (serving.length) return serving;
  // No container declares a targeted port. A named targetPort then reaches no container (another
  // rule's finding); a numeric one reaches whichever container listens, known only when there is one.
  const numeric = [...targets].some((t) => /^\d+$/.test(t));
  return numeric && containers.length === 1 ? containers : [];
}
