import { ASSUME_EXISTING_SCHEMA, assumedToExist, defineRule, GATEWAY_API_GROUP, gatewayListeners, gatewayRoutes, isGatewayApi, listenerAllowsNamespace, routeParentRefs, type AssumeExistingOptions } from '../src/rule-api.js';

export default defineRule<AssumeExistingOptions>({
  id: 'dangling-route-parent',
  family: 'relationships',
  severity: 'error',
  presets: ['recommended'],
  description: 'A Gateway API route attaches to a Gateway that is not in the input, to a listener (sectionName or port) that Gateway does not have, or to listeners that do not admit routes of its namespace',
  messages: {
    noGateway: '{{kind}} "{{route}}" attaches to Gateway "{{gateway}}", which is not in namespace "{{namespace}}" of the input',
    noService: '{{kind}} "{{route}}" attaches to Service "{{gateway}}", which is not in namespace "{{namespace}}" of the input',
    noListener: '{{kind}} "{{route}}" attaches to listener "{{section}}" of Gateway "{{gateway}}", which has no such listener (its listeners: {{listeners}})',
    noPort: '{{kind}} "{{route}}" attaches to port {{port}} of Gateway "{{gateway}}", which has no listener on that port (its listeners: {{listeners}})',
    notAllowed: '{{kind}} "{{route}}" in namespace "{{routeNamespace}}" attaches to Gateway "{{gateway}}" (namespace "{{namespace}}"), whose listeners {{listeners}} do not admit routes from that namespace (allowedRoutes.namespaces)',
  },
  docs: {
    why: 'A route is only served once a Gateway accepts it. A parentRef to a Gateway that does not exist, to a sectionName or port no listener has, or to listeners whose `allowedRoutes.namespaces` leave out the route\'s namespace, leaves the route unattached (Accepted: False) and its traffic unrouted.',
    fix: 'Correct the parentRef\'s name, namespace, sectionName or port, or let the listener admit the route\'s namespace (`allowedRoutes.namespaces.from: All` or a `Selector`). Gateways made outside these manifests can be listed in the `assumeExisting` option.',
    bad: 'apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata: {name: public}\nspec:\n  gatewayClassName: example\n  listeners:\n  - {name: http, protocol: HTTP, port: 80}\n---\napiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata: {name: web}\nspec:\n  parentRefs:\n  - {name: public, sectionName: https}\n',
    good: 'apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata: {name: public}\nspec:\n  gatewayClassName: example\n  listeners:\n  - {name: http, protocol: HTTP, port: 80}\n---\napiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata: {name: web}\nspec:\n  parentRefs:\n  - {name: public, sectionName: http}\n',
  },
  options: ASSUME_EXISTING_SCHEMA,
  defaultOptions: { assumeExisting: [] },
  check({ objects, options, report }) {
    for (const route of gatewayRoutes(objects)) {
      for (const ref of routeParentRefs(route)) {
        const data = { kind: route.kind, route: route.name, gateway: ref.name, namespace: ref.namespace };
        if (ref.group === '' && ref.kind === 'Service') {
          if (!objects.find('Service', ref.namespace, ref.name) && !assumedToExist(options.assumeExisting, ref.namespace, ref.name)) report(route, ref.namePath, 'noService', data);
          continue;
        }
        if (ref.group !== GATEWAY_API_GROUP || ref.kind !== 'Gateway') continue;
        const gateway = objects.find('Gateway', ref.namespace, ref.name);
        if (!gateway || !isGatewayApi(gateway)) {
          if (!assumedToExist(options.assumeExisting, ref.namespace, ref.name)) report(route, ref.namePath, 'noGateway', data);
          continue;
        }
        const listeners = gatewayListeners(gateway);
        const names = listeners.map((l) => (l.port === undefined ? l.name : `${l.name} (${l.port})`)).join(', ') || 'none';
        const related = [{ object: gateway, path: 'spec.listeners', message: `Gateway "${gateway.name}" listeners` }];
        let chosen = listeners;
        if (ref.sectionName !== undefined) {
          chosen = chosen.filter((l) => l.name === ref.sectionName);
          if (!chosen.length) {
            report(route, `${ref.path}.sectionName`, 'noListener', { ...data, section: ref.sectionName, listeners: names }, { related });
            continue;
          }
        }
        if (ref.port !== undefined) {
          chosen = chosen.filter((l) => l.port === ref.port);
          if (!chosen.length) {
            report(route, `${ref.path}.port`, 'noPort', { ...data, port: ref.port, listeners: names }, { related });
            continue;
          }
        }
        const routeNamespace = route.namespace ?? '';
        if (chosen.length && !chosen.some((l) => listenerAllowsNamespace(l, gateway, routeNamespace, objects))) {
          report(route, ref.path, 'notAllowed', { ...data, routeNamespace, listeners: chosen.map((l) => `"${l.name}"`).join(', ') }, { related });
        }
      }
    }
  },
});
