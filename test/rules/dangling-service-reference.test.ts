import { ruleTester } from '../helpers/rule-tester.js';

const deployment = (env: string, ns = 'shop') => `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api, namespace: ${ns}}\nspec:\n  template:\n    spec:\n      containers:\n      - name: api\n        image: api:1.0\n${env}`;
const headless = (name: string) => `apiVersion: v1\nkind: Service\nmetadata: {name: ${name}, namespace: shop}\nspec: {clusterIP: None, ports: [{port: 5432}]}\n---\n`;
const service = (name: string, ns: string) => `apiVersion: v1\nkind: Service\nmetadata: {name: ${name}, namespace: ${ns}}\nspec: {ports: [{port: 6379}]}\n---\n`;

ruleTester('dangling-service-reference', {
  valid: [
    { name: 'full cluster DNS name of a Service in the input', yaml: service('redis', 'cache') + deployment('        env: [{name: REDIS_URL, value: "redis://redis.cache.svc.cluster.local:6379/0"}]\n') },
    { name: 'bare names and svc.ns without a Service are not checked', yaml: deployment('        env: [{name: A, value: "cartservice:7070"}, {name: B, value: "example.com"}]\n') },
    { name: '_SERVICE_HOST of a Service in the namespace', yaml: service('redis-master', 'shop') + deployment('        args: ["--redis=$(REDIS_MASTER_SERVICE_HOST):$(REDIS_MASTER_SERVICE_PORT)"]\n') },
    { name: 'the DNS name of a headless Service resolves (only its variables are missing)', yaml: headless('db') + deployment('        env: [{name: DB, value: "db.shop.svc.cluster.local:5432"}]\n') },
    { name: 'enableServiceLinks: false with DNS names only', yaml: service('redis', 'shop') + deployment('        env: [{name: R, value: "redis.shop.svc:6379"}]\n      enableServiceLinks: false\n') },
    { name: 'a _SERVICE_HOST variable the container sets itself', yaml: deployment('        env: [{name: DB_SERVICE_HOST, value: db.example.com}]\n        args: ["--db=$(DB_SERVICE_HOST)"]\n') },
    { name: 'the API server Service is always there', yaml: deployment('        env: [{name: K, value: "https://kubernetes.default.svc"}]\n') },
    { name: 'assumed to exist', yaml: deployment('        env: [{name: M, value: "http://prometheus.monitoring.svc:9090"}]\n'), options: { assumeExisting: ['monitoring/*'] } },
  ],
  invalid: [
    {
      name: 'Service in another namespace than the DNS name says',
      yaml: service('redis', 'cache') + deployment('        env:\n        - name: REDIS_URL\n          value: "redis://redis.shop.svc.cluster.local:6379"\n'),
      findings: [{ line: 17, column: 11, messageId: 'serviceMissing', data: { written: 'redis.shop.svc.cluster.local', service: 'redis', namespace: 'shop' } }],
    },
    {
      name: 'the variables of a headless Service are never set',
      yaml: headless('db') + deployment('        args: ["--db=$(DB_SERVICE_HOST)"]\n'),
      findings: [{ line: 15, messageId: 'variableNeverSet', data: { written: 'DB_SERVICE_HOST', service: 'db', why: 'headless (clusterIP: None)' } }],
    },
    {
      name: 'nor those of an ExternalName Service',
      yaml: 'apiVersion: v1\nkind: Service\nmetadata: {name: payments, namespace: shop}\nspec: {type: ExternalName, externalName: pay.example.com}\n---\n' + deployment('        env: [{name: P, value: "$(PAYMENTS_SERVICE_HOST)"}]\n'),
      findings: [{ line: 15, messageId: 'variableNeverSet', data: { service: 'payments', why: 'of type ExternalName' } }],
    },
    {
      name: 'enableServiceLinks: false: no Service gets variables, though the Service exists',
      yaml: service('redis-master', 'shop') + deployment('        args: ["--redis=$(REDIS_MASTER_SERVICE_HOST)"]\n      enableServiceLinks: false\n'),
      findings: [{ line: 15, messageId: 'serviceLinksDisabled', data: { written: 'REDIS_MASTER_SERVICE_HOST', service: 'redis-master' } }],
    },
    {
      name: '_SERVICE_HOST variable of no Service, in command',
      yaml: deployment('        command: [sh, -c, "exec app --db=$POSTGRES_SERVICE_HOST"]\n'),
      findings: [{ line: 10, messageId: 'serviceMissing', data: { written: 'POSTGRES_SERVICE_HOST', service: 'postgres', namespace: 'shop' } }],
    },
    {
      name: 'a custom resource of an unknown kind may make the Service (info)',
      yaml: 'apiVersion: db.example.com/v1\nkind: PostgresCluster\nmetadata: {name: pg-main, namespace: shop}\n---\n' + deployment('        env: [{name: DB, value: "pg-main-rw.shop.svc:5432"}]\n'),
      findings: [{ line: 14, messageId: 'serviceMissingMaybeMade', data: { written: 'pg-main-rw.shop.svc', service: 'pg-main-rw', makers: 'PostgresCluster "pg-main"' }, severity: 'info' }],
    },
    {
      name: 'DNS name in a mounted ConfigMap (reported on the ConfigMap)',
      yaml: `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cfg, namespace: shop}\ndata:\n  app.yaml: |\n    cache: memcached.cache.svc:11211\n---\n${deployment('      volumes: [{name: cfg, configMap: {name: cfg}}]\n')}`,
      findings: [{ line: 5, messageId: 'serviceMissing', data: { written: 'memcached.cache.svc', service: 'memcached', namespace: 'cache' } }],
    },
  ],
});
