import { ASSUME_EXISTING_SCHEMA, existsOutside, defineRule, describeResources, isPlainObject, likelyMaker, podTemplateOf, serviceMentions, type AssumeExistingOptions, type K8sObject } from '../src/rule-api.js';

/** Services every cluster has: the API server's and (in kubeadm and most distributions) cluster DNS. */
const CLUSTER_SERVICES = new Set(['default/kubernetes', 'kube-system/kube-dns']);

/** `REDIS_SERVICE_HOST`, `REDIS_SERVICE_PORT`: a variable the kubelet sets, not a DNS name. */
const SERVICE_VARIABLE = /_SERVICE_(?:HOST|PORT)$/;

/** Why Kubernetes sets no `<SVC>_SERVICE_HOST` variables for a Service: it has no cluster IP to put in them. */
function noClusterIp(service: K8sObject): string | undefined {
  const spec = isPlainObject(service.body.spec) ? service.body.spec : {};
  if (spec.type === 'ExternalName') return 'of type ExternalName';
  if (spec.clusterIP === 'None') return 'headless (clusterIP: None)';
  return undefined;
}

export default defineRule<AssumeExistingOptions>({
  id: 'dangling-service-reference',
  family: 'relationships',
  severity: 'warning',
  presets: ['recommended'],
  description: 'A container names a Service by cluster DNS name (or reads its _SERVICE_HOST variable) that is not in the input',
  docs: {
    why: 'Applications find each other by Service DNS names (`redis.cache.svc.cluster.local:6379`) or by the `REDIS_SERVICE_HOST` variables Kubernetes injects. When no such Service exists, lookups fail at run time (the variable is simply unset), typically after a rename or a namespace move. The variables are also never set for a headless or ExternalName Service (they carry a cluster IP, which those lack), nor in a Pod with enableServiceLinks: false. Only clear cluster DNS names (`*.svc`, `*.svc.cluster.local`) and `_SERVICE_HOST`/`_SERVICE_PORT` variables are checked, in env values, command, args and the data of ConfigMaps the Pod uses.',
    fix: 'Correct the host name (service.namespace.svc…) or add the Service. Services made outside these manifests can be listed in the `assumeExisting` option as "namespace/name".',
    bad: 'apiVersion: v1\nkind: Pod\nmetadata: {name: api, namespace: shop}\nspec:\n  containers:\n  - name: api\n    image: registry.example.com/api:3.0.1\n    env: [{name: CACHE_URL, value: "redis://redis-master.cache.svc.cluster.local:6379"}]\n',
    good: 'apiVersion: v1\nkind: Service\nmetadata: {name: redis-master, namespace: cache}\nspec:\n  selector: {app: redis}\n  ports: [{port: 6379}]\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: api, namespace: shop}\nspec:\n  containers:\n  - name: api\n    image: registry.example.com/api:3.0.1\n    env: [{name: CACHE_URL, value: "redis://redis-master.cache.svc.cluster.local:6379"}]\n',
  },
  messages: {
    serviceMissing: '"{{written}}" names Service "{{service}}" in namespace "{{namespace}}", which is not in the input',
    serviceMissingMaybeMade: '"{{written}}" names Service "{{service}}" in namespace "{{namespace}}", which is not in the input; {{makers}}, a custom resource kubeknit does not know, may make it',
    variableNeverSet: '"{{written}}" is never set: Service "{{service}}" is {{why}}, and Kubernetes sets service variables only for Services with a cluster IP',
    serviceLinksDisabled: '"{{written}}" is never set: the Pod sets enableServiceLinks: false, so Kubernetes sets no service variables',
  },
  options: ASSUME_EXISTING_SCHEMA,
  defaultOptions: { assumeExisting: [] },
  check({ objects, options, settings, report }) {
    const reported = new Set<string>();
    for (const obj of objects) {
      const template = podTemplateOf(obj);
      if (!template) continue;
      const linksDisabled = template.spec.enableServiceLinks === false;
      for (const mention of serviceMentions(template, objects)) {
        if (!mention.clear) continue;
        const service = objects.find('Service', mention.namespace, mention.name);
        const variable = SERVICE_VARIABLE.test(mention.written);
        const why = variable && service ? noClusterIp(service) : undefined;
        const unset = variable && (linksDisabled || why !== undefined);
        if (!unset && (service || CLUSTER_SERVICES.has(`${mention.namespace}/${mention.name}`) || existsOutside({ options, settings }, 'Service', mention.namespace, mention.name))) continue;
        // a ConfigMap that several Pods read is reported once
        const key = `${mention.object.id}|${mention.path}|${mention.namespace}/${mention.name}`;
        if (reported.has(key)) continue;
        reported.add(key);
        const data = { written: mention.written, service: mention.name, namespace: mention.namespace };
        if (unset && linksDisabled) report(mention.object, mention.path, 'serviceLinksDisabled', data);
        else if (unset && why) report(mention.object, mention.path, 'variableNeverSet', { ...data, why });
        else {
          const maker = likelyMaker(objects, mention.namespace, mention.name);
          if (maker) report(mention.object, mention.path, 'serviceMissingMaybeMade', { ...data, makers: describeResources([maker]) }, { severity: 'info' });
          else report(mention.object, mention.path, 'serviceMissing', data);
        }
      }
    }
  },
});
