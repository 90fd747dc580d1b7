import { defineRule, GATEWAY_API_GROUP, gatewayCertificateRefs, gatewayRoutes, gatewaysOf, referenceGrantAllows, routeBackendRefs, type GatewayApiRef, type K8sObject } from '../src/rule-api.js';

export default defineRule({
  id: 'missing-reference-grant',
  family: 'relationships',
  severity: 'error',
  presets: ['recommended'],
  description: 'A Gateway API route or Gateway refers to an object in another namespace that no ReferenceGrant of that namespace allows',
  messages: {
    noGrant: '{{kind}} "{{name}}" in namespace "{{from}}" refers to {{targetKind}} "{{target}}" in namespace "{{to}}", and no ReferenceGrant in "{{to}}" allows {{kind}}s from "{{from}}" to refer to it',
  },
  docs: {
    why: 'The Gateway API refuses a backendRef or certificateRef to another namespace unless that namespace has a ReferenceGrant for it (the reference fails with RefNotPermitted): the backend gets no traffic, the listener no certificate.',
    fix: 'Add a ReferenceGrant in the target\'s namespace whose `from` names the referring kind and namespace and whose `to` names the target kind (and, optionally, name), or move the objects into one namespace.',
    bad: 'apiVersion: v1\nkind: Service\nmetadata: {name: api, namespace: backend}\nspec:\n  selector: {app: api}\n  ports: [{port: 80}]\n---\napiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata: {name: api, namespace: frontend}\nspec:\n  rules:\n  - backendRefs:\n    - {name: api, namespace: backend, port: 80}\n',
    good: 'apiVersion: v1\nkind: Service\nmetadata: {name: api, namespace: backend}\nspec:\n  selector: {app: api}\n  ports: [{port: 80}]\n---\napiVersion: gateway.networking.k8s.io/v1beta1\nkind: ReferenceGrant\nmetadata: {name: frontend-routes, namespace: backend}\nspec:\n  from:\n  - {group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: frontend}\n  to:\n  - {group: "", kind: Service}\n---\napiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata: {name: api, namespace: frontend}\nspec:\n  rules:\n  - backendRefs:\n    - {name: api, namespace: backend, port: 80}\n',
  },
  check({ objects, report }) {
    const check = (owner: K8sObject, ref: GatewayApiRef) => {
      if (!ref.crossNamespace || owner.namespace === null) return;
      // A missing target is the dangling-* rules' finding; its namespace's grants may be elsewhere too.
      if (!objects.find(ref.kind, ref.namespace, ref.name)) return;
      if (referenceGrantAllows(objects, { group: GATEWAY_API_GROUP, kind: owner.kind, namespace: owner.namespace }, ref)) return;
      report(owner, ref.path, 'noGrant', { kind: owner.kind, name: owner.name, from: owner.namespace, targetKind: ref.kind, target: ref.name, to: ref.namespace });
    };
    for (const route of gatewayRoutes(objects)) for (const ref of routeBackendRefs(route)) check(route, ref);
    for (const gateway of gatewaysOf(objects)) for (const ref of gatewayCertificateRefs(gateway)) check(gateway, ref);
  },
});
