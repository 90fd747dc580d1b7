import { loadInputs, ObjectSet } from '../../src/load/index.js';
import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../src/graph/build.js';
import { yaml } from '../helpers/rule-tester.js';
import { edgesOf, graphOf } from './build-graph.js';

describe('owns: controllers and what they create', () => {
  it('StatefulSet → implied Pod and one implied PVC per claim template; its Pods mount them', () => {
    const graph = graphOf(yaml`
      apiVersion: apps/v1
      kind: StatefulSet
      metadata: {name: db, namespace: data}
      spec:
        serviceName: db
        template:
          spec:
            containers: [{name: pg, image: postgres:16, volumeMounts: [{name: pgdata, mountPath: /var/lib/postgresql}]}]
        volumeClaimTemplates:
        - metadata: {name: pgdata}
          spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}
    `);
    expect(edgesOf(graph, 'owns')).toEqual([
      'StatefulSet/data/db -> StatefulSet/data/db#PersistentVolumeClaim/pgdata @ spec.volumeClaimTemplates[0]',
      'StatefulSet/data/db -> StatefulSet/data/db#Pod @ spec.template',
    ]);
    const claim = graph.node('StatefulSet/data/db#PersistentVolumeClaim/pgdata');
    expect(claim).toMatchObject({ kind: 'PersistentVolumeClaim', namespace: 'data', name: 'pgdata-db-*', implied: true, missing: false });
    expect(edgesOf(graph, 'mounts')).toEqual(['StatefulSet/data/db#Pod -> StatefulSet/data/db#PersistentVolumeClaim/pgdata @ spec.template.spec.containers[0].volumeMounts[0]']);
  });

  it('ReplicationController and DeploymentConfig are controllers too', () => {
    const graph = graphOf('apiVersion: v1\nkind: ReplicationController\nmetadata: {name: rc}\nspec:\n  template: {metadata: {labels: {app: rc}}}\n---\napiVersion: apps.openshift.io/v1\nkind: DeploymentConfig\nmetadata: {name: dc}\nspec:\n  template: {metadata: {labels: {app: dc}}}\n');
    expect(edgesOf(graph, 'owns')).toEqual([
      'DeploymentConfig/default/dc -> DeploymentConfig/default/dc#ReplicationController @ spec',
      'DeploymentConfig/default/dc#ReplicationController -> DeploymentConfig/default/dc#Pod @ spec.template',
      'ReplicationController/default/rc -> ReplicationController/default/rc#Pod @ spec.template',
    ]);
  });
});

describe('selects: NetworkPolicy and PodDisruptionBudget', () => {
  const pods = 'apiVersion: v1\nkind: Pod\nmetadata: {name: api, namespace: shop, labels: {app: api}}\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: db, namespace: shop, labels: {app: db}}\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: api, namespace: blog, labels: {app: api}}\n---\napiVersion: v1\nkind: Namespace\nmetadata: {name: blog, labels: {team: web}}\n---\n';

  it('a policy selects its Pods and its peers\' Pods, in its namespace unless a namespaceSelector says otherwise', () => {
    const graph = graphOf(`${pods}apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: db, namespace: shop}\nspec:\n  podSelector: {matchLabels: {app: db}}\n  ingress:\n  - from:\n    - podSelector: {matchLabels: {app: api}}\n    - namespaceSelector: {matchLabels: {team: web}}\n      podSelector: {matchExpressions: [{key: app, operator: Exists}]}\n`);
    expect(edgesOf(graph, 'selects')).toEqual([
      'NetworkPolicy/shop/db -> Pod/blog/api @ spec.ingress[0].from[1].podSelector',
      'NetworkPolicy/shop/db -> Pod/shop/api @ spec.ingress[0].from[0].podSelector',
      'NetworkPolicy/shop/db -> Pod/shop/db @ spec.podSelector',
    ]);
  });

  it('a PodDisruptionBudget selects only in its namespace; an empty selector selects all of them, a missing one none', () => {
    const graph = graphOf(`${pods}apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: api, namespace: blog}\nspec: {minAvailable: 1, selector: {matchLabels: {app: api}}}\n---\napiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: all, namespace: shop}\nspec: {minAvailable: 1, selector: {}}\n---\napiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: none, namespace: shop}\nspec: {minAvailable: 1}\n`);
    expect(edgesOf(graph, 'selects')).toEqual([
      'PodDisruptionBudget/blog/api -> Pod/blog/api @ spec.selector',
      'PodDisruptionBudget/shop/all -> Pod/shop/api @ spec.selector',
      'PodDisruptionBudget/shop/all -> Pod/shop/db @ spec.selector',
    ]);
  });
});

describe('routes, references, scales, grants, headless-service', () => {
  it('Ingress → Services of its namespace (default backend and rules), IngressClass and TLS Secret; missing ones become missing nodes', () => {
    const graph = graphOf(yaml`
      apiVersion: v1
      kind: Service
      metadata: {name: web, namespace: shop}
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: api, namespace: blog}
      ---
      apiVersion: networking.k8s.io/v1
      kind: Ingress
      metadata: {name: web, namespace: shop}
      spec:
        ingressClassName: nginx
        defaultBackend: {service: {name: web, port: {number: 80}}}
        tls: [{secretName: web-tls}]
        rules:
        - http:
            paths:
            - {path: /api, pathType: Prefix, backend: {service: {name: api, port: {number: 80}}}}
    `);
    expect(edgesOf(graph, 'routes')).toEqual([
      'Ingress/shop/web -> IngressClass/nginx @ spec.ingressClassName',
      'Ingress/shop/web -> Secret/shop/web-tls @ spec.tls[0].secretName',
      'Ingress/shop/web -> Service/shop/api @ spec.rules[0].http.paths[0].backend',
      'Ingress/shop/web -> Service/shop/web @ spec.defaultBackend',
    ]);
    expect(graph.node('Service/shop/api')).toMatchObject({ missing: true, kind: 'Service', namespace: 'shop', name: 'api' });
    expect(graph.node('Service/shop/web')?.missing).toBe(false);
  });

  it('a Pod template references ConfigMaps, Secrets, PVCs, its ServiceAccount and PriorityClass, from the Pod node', () => {
    const graph = graphOf(yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: api, namespace: shop}
      spec:
        template:
          spec:
            serviceAccountName: api
            priorityClassName: high
            imagePullSecrets: [{name: regcred}]
            containers:
            - name: api
              envFrom: [{configMapRef: {name: settings}}]
              env: [{name: PW, valueFrom: {secretKeyRef: {name: db, key: pw}}}]
            volumes:
            - {name: data, persistentVolumeClaim: {claimName: uploads}}
            - {name: all, projected: {sources: [{secret: {name: certs}}]}}
      ---
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: settings, namespace: shop}
    `);
    const pod = 'Deployment/shop/api#Pod';
    expect(edgesOf(graph, 'references')).toEqual([
      `${pod} -> ConfigMap/shop/settings @ spec.template.spec.containers[0].envFrom[0].configMapRef.name`,
      `${pod} -> PriorityClass/high @ spec.template.spec.priorityClassName`,
      `${pod} -> Secret/shop/db @ spec.template.spec.containers[0].env[0].valueFrom.secretKeyRef.name`,
      `${pod} -> Secret/shop/regcred @ spec.template.spec.imagePullSecrets[0].name`,
      `${pod} -> ServiceAccount/shop/api @ spec.template.spec.serviceAccountName`,
    ]);
    expect(edgesOf(graph, 'mounts')).toEqual([
      `${pod} -> PersistentVolumeClaim/shop/uploads @ spec.template.spec.volumes[0].persistentVolumeClaim.claimName`,
      `${pod} -> Secret/shop/certs @ spec.template.spec.volumes[1].projected.sources[0].secret.name`,
    ]);
    expect(graph.nodes().filter((n) => n.missing).map((n) => n.id).sort()).toEqual(['PersistentVolumeClaim/shop/uploads', 'PriorityClass/high', 'Secret/shop/certs', 'Secret/shop/db', 'Secret/shop/regcred', 'ServiceAccount/shop/api']);
  });

  it('the default ServiceAccount is not a missing node', () => {
    const graph = graphOf('apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  serviceAccountName: default\n  containers: [{name: c}]\n');
    expect(edgesOf(graph, 'references')).toEqual([]);
  });

  it('HPA → scale target, bindings → role and ServiceAccount subjects, StatefulSet → serviceName', () => {
    const graph = graphOf(yaml`
      apiVersion: autoscaling/v2
      kind: HorizontalPodAutoscaler
      metadata: {name: api, namespace: shop}
      spec: {scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: api}, maxReplicas: 3}
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: RoleBinding
      metadata: {name: read, namespace: shop}
      roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: reader}
      subjects: [{kind: ServiceAccount, name: api}, {kind: User, name: jane}]
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRoleBinding
      metadata: {name: view}
      roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}
      subjects: [{kind: ServiceAccount, name: api, namespace: shop}]
      ---
      apiVersion: apps/v1
      kind: StatefulSet
      metadata: {name: db, namespace: shop}
      spec: {serviceName: db-headless, template: {metadata: {labels: {app: db}}}}
    `);
    expect(edgesOf(graph, 'scales')).toEqual(['HorizontalPodAutoscaler/shop/api -> Deployment/shop/api @ spec.scaleTargetRef']);
    expect(edgesOf(graph, 'grants')).toEqual([
      'ClusterRoleBinding/view -> ClusterRole/view @ roleRef',
      'ClusterRoleBinding/view -> ServiceAccount/shop/api @ subjects[0]',
      'RoleBinding/shop/read -> Role/shop/reader @ roleRef',
      'RoleBinding/shop/read -> ServiceAccount/shop/api @ subjects[0]',
    ]);
    expect(edgesOf(graph, 'headless-service')).toEqual(['StatefulSet/shop/db -> Service/shop/db-headless @ spec.serviceName']);
    expect(graph.node('Deployment/shop/api')?.missing).toBe(true);
  });
});

describe('connects: which application talks to which Service', () => {
  const services = 'apiVersion: v1\nkind: Service\nmetadata: {name: redis, namespace: cache}\n---\napiVersion: v1\nkind: Service\nmetadata: {name: cartservice, namespace: shop}\n---\napiVersion: v1\nkind: Service\nmetadata: {name: postgres, namespace: shop}\n---\n';

  it('finds DNS names, host:port, _SERVICE_HOST variables and names in mounted ConfigMaps; bare words only for existing Services', () => {
    const graph = graphOf(`${services}${yaml`
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: cfg, namespace: shop}
      data: {app.ini: "[db]\\nhost = postgres\\nqueue = amqp://guest@rabbit.queue.svc.cluster.local:5672/"}
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: front, namespace: shop}
      spec:
        template:
          spec:
            containers:
            - name: front
              env:
              - {name: CACHE, value: "redis://redis.cache.svc.cluster.local:6379"}
              - {name: CART, value: "cartservice:7070"}
              - {name: OTHER, value: "checkout:5050"}
              - {name: LEVEL, value: "info"}
              args: ["--db=$(POSTGRES_SERVICE_HOST)"]
            volumes: [{name: cfg, configMap: {name: cfg}}]
    `}`);
    const pod = 'Deployment/shop/front#Pod';
    expect(edgesOf(graph, 'connects')).toEqual([
      `${pod} -> Service/cache/redis @ spec.template.spec.containers[0].env[0].value`,
      `${pod} -> Service/queue/rabbit @ spec.template.spec.volumes[0].configMap`,
      `${pod} -> Service/shop/cartservice @ spec.template.spec.containers[0].env[1].value`,
      `${pod} -> Service/shop/postgres @ spec.template.spec.containers[0].args[0]`,
    ]);
    expect(graph.node('Service/queue/rabbit')?.missing).toBe(true);
    expect(graph.node('Service/shop/checkout')).toBeUndefined();
  });

  it('a bare name never crosses namespaces', () => {
    const graph = graphOf(`${services}apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: blog}\nspec:\n  containers: [{name: c, env: [{name: R, value: "redis:6379"}]}]\n`);
    expect(edgesOf(graph, 'connects')).toEqual([]);
  });
});

describe('duplicate objects', () => {
  it('a repeated object counts once: one node, its edges not multiplied', () => {
    const app = 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  template: {metadata: {labels: {app: web}}}\n---\napiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec: {selector: {app: web}}\n---\n';
    const objects = new ObjectSet(loadInputs([], { inline: [{ file: 'a.yaml', text: app + app }] }).objects);
    const graph = buildGraph(objects);
    expect(graph.nodes().filter((n) => n.kind === 'Service').map((n) => n.id)).toEqual(['Service/default/web']);
    expect(objects.withDuplicates.filter((o) => o.kind === 'Service').map((o) => o.source.documentIndex)).toEqual([1, 3]);
    expect(graph.edges().filter((e) => e.type === 'selects').map((e) => `${e.from} -> ${e.to}`)).toEqual(['Service/default/web -> Deployment/default/web#Pod']);
  });
});

describe('namespaces are respected everywhere', () => {
  it('no selector or reference of one namespace reaches an object of another', () => {
    const shop = yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: api, namespace: NS}
      spec:
        selector: {matchLabels: {app: api}}
        template:
          metadata: {labels: {app: api}}
          spec: {serviceAccountName: api, containers: [{name: api, envFrom: [{configMapRef: {name: api}}]}]}
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: api, namespace: NS}
      spec: {selector: {app: api}}
      ---
      apiVersion: policy/v1
      kind: PodDisruptionBudget
      metadata: {name: api, namespace: NS}
      spec: {minAvailable: 1, selector: {matchLabels: {app: api}}}
      ---
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: api, namespace: NS}
      spec: {podSelector: {matchLabels: {app: api}}}
      ---
      apiVersion: v1
      kind: ServiceAccount
      metadata: {name: api, namespace: NS}
      ---
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: api, namespace: NS}
    `;
    const graph = graphOf(`${shop.replace(/NS/g, 'a')}\n---\n${shop.replace(/NS/g, 'b')}`);
    const crossing = graph.edges().filter((e) => {
      const from = graph.node(e.from);
      const to = graph.node(e.to);
      return from?.namespace !== to?.namespace;
    });
    expect(graph.edges().length).toBeGreaterThan(10);
    expect(crossing).toEqual([]);
    expect(graph.nodes().filter((n) => n.missing)).toEqual([]);
  });
});
