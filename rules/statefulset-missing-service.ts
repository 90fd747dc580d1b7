import { ASSUME_EXISTING_SCHEMA, existsOutside, defineRule, isPlainObject, type AssumeExistingOptions } from '../src/rule-api.js';

export default defineRule<AssumeExistingOptions>({
  id: 'statefulset-missing-service',
  family: 'relationships',
  severity: 'error',
  presets: ['recommended'],
  description: 'A StatefulSet\'s serviceName names a Service that is missing or not headless',
  docs: {
    why: 'A StatefulSet\'s Pods get stable DNS names (`<pod>.<serviceName>.<namespace>.svc`) from the headless Service its spec.serviceName names. Without that Service, or when it has a cluster IP, those names do not resolve, and peers that find each other by them (databases, queues) never form a cluster.',
    fix: 'Add a Service with `clusterIP: None` whose name is spec.serviceName and whose selector matches the StatefulSet\'s Pods, or correct serviceName. Services made outside these manifests can be listed in the `assumeExisting` option.',
    bad: 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: db}\nspec:\n  serviceName: db\n  selector: {matchLabels: {app: db}}\n  template:\n    metadata: {labels: {app: db}}\n    spec:\n      containers: [{name: db, image: postgres:16.4}]\n---\napiVersion: v1\nkind: Service\nmetadata: {name: db}\nspec:\n  selector: {app: db}\n  ports: [{port: 5432}]\n',
    good: 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: db}\nspec:\n  serviceName: db\n  selector: {matchLabels: {app: db}}\n  template:\n    metadata: {labels: {app: db}}\n    spec:\n      containers: [{name: db, image: postgres:16.4}]\n---\napiVersion: v1\nkind: Service\nmetadata: {name: db}\nspec:\n  clusterIP: None\n  selector: {app: db}\n  ports: [{port: 5432}]\n',
  },
  messages: {
    serviceMissing: 'StatefulSet "{{name}}" names Service "{{service}}", which is not in namespace "{{namespace}}" of the input, so its Pods get no DNS names',
    notHeadless: 'StatefulSet "{{name}}" names Service "{{service}}", which is not headless (it has no clusterIP: None), so its Pods get no DNS names of their own',
  },
  options: ASSUME_EXISTING_SCHEMA,
  defaultOptions: { assumeExisting: [] },
  check({ objects, options, settings, report }) {
    for (const sts of objects.ofKind('StatefulSet')) {
      const spec = sts.body.spec;
      if (!isPlainObject(spec) || typeof spec.serviceName !== 'string' || !spec.serviceName) continue;
      const name = spec.serviceName;
      const svc = objects.find('Service', sts.namespace, name);
      if (!svc) {
        if (!existsOutside({ options, settings }, 'Service', sts.namespace, name)) {
          report(sts, 'spec.serviceName', 'serviceMissing', { name: sts.name, service: name, namespace: sts.namespace ?? '' });
        }
        continue;
      }
      const svcSpec = svc.body.spec;
      if (isPlainObject(svcSpec) && svcSpec.clusterIP === 'None') continue;
      report(sts, 'spec.serviceName', 'notHeadless', { name: sts.name, service: name }, {
        related: [{ object: svc, path: 'spec', message: `Service "${name}" is here` }],
      });
    }
  },
});
