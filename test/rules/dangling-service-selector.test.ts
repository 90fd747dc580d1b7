import { ruleTester, yaml } from '../helpers/rule-tester.js';

const deployment = (namespace: string, app: string) => yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata: {name: web, namespace: ${namespace}}
  spec:
    selector: {matchLabels: {app: ${app}}}
    template:
      metadata: {labels: {app: ${app}, tier: front}}
      spec: {containers: [{name: web, image: nginx:1.27}]}
`;

ruleTester('dangling-service-selector', {
  valid: [
    {
      name: 'selector matches a Deployment template in the same namespace',
      yaml: `${deployment('shop', 'web')}---\napiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: shop}\nspec:\n  selector: {app: web}\n  ports: [{port: 80}]\n`,
    },
    {
      name: 'selector is a subset of the template labels (CronJob)',
      yaml: yaml`
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: report}
        spec:
          schedule: "* * * * *"
          jobTemplate:
            spec:
              template:
                metadata: {labels: {app: report, team: data}}
                spec: {restartPolicy: OnFailure, containers: [{name: r, image: busybox:1.36}]}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: report}
        spec: {selector: {team: data}, ports: [{port: 80}]}
      `,
    },
    { name: 'Service without a selector (endpoints managed by hand)', yaml: 'apiVersion: v1\nkind: Service\nmetadata: {name: external}\nspec:\n  ports: [{port: 5432}]\n' },
    { name: 'ExternalName Service', yaml: 'apiVersion: v1\nkind: Service\nmetadata: {name: ext}\nspec:\n  type: ExternalName\n  externalName: db.example.com\n  selector: {app: nothing}\n' },
  ],
  invalid: [
    {
      name: 'no template has the labels',
      yaml: `${deployment('shop', 'web')}---\napiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: shop}\nspec:\n  selector: {app: web-frontend}\n  ports: [{port: 80}]\n`,
      findings: [{ line: 14, column: 3, messageId: 'noPod', data: { name: 'web', namespace: 'shop', selector: 'app=web-frontend' } }],
    },
    {
      name: 'matching Pods live in another namespace',
      yaml: `${deployment('shop', 'web')}---\napiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: default}\nspec:\n  selector: {app: web}\n  ports: [{port: 80}]\n`,
      findings: [{ line: 14, messageId: 'noPod', data: { name: 'web', namespace: 'default', selector: 'app=web' } }],
    },
    {
      name: 'a custom resource of an unknown kind in the namespace may make the Pods (warning)',
      yaml: `${deployment('shop', 'web')}---\napiVersion: db.example.com/v1\nkind: PostgresCluster\nmetadata: {name: pg-main, namespace: shop}\n---\napiVersion: v1\nkind: Service\nmetadata: {name: pg-main-rw, namespace: shop}\nspec:\n  selector: {cluster: pg-main}\n`,
      findings: [{ line: 18, messageId: 'noPodUnknownMakers', data: { name: 'pg-main-rw', selector: 'cluster=pg-main', makers: 'PostgresCluster "pg-main"' }, severity: 'warning' }],
    },
    {
      // The API server rejects a mapping where a label value goes (schema-violation reports it): the
      // selector is not judged, so no finding shows the mapping; the Service next to it still is.
      name: 'a selector value that is a mapping is not judged',
      yaml: `${deployment('shop', 'web')}---\napiVersion: v1\nkind: Service\nmetadata: {name: odd, namespace: shop}\nspec:\n  selector: {app: {x: 1}}\n---\napiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: shop}\nspec:\n  selector: {app: web-frontend}\n`,
      findings: [{ line: 20, messageId: 'noPod', data: { name: 'web', selector: 'app=web-frontend' } }],
    },
  ],
});
