import { ruleTester, yaml } from '../helpers/rule-tester.js';

ruleTester('duplicate-container-port', {
  valid: [
    {
      name: 'same number, different protocols',
      yaml: yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: dns}
        spec:
          containers:
            - name: dns
              image: coredns/coredns:1.11.1
              ports: [{containerPort: 53, protocol: UDP}, {containerPort: 53, protocol: TCP}]
      `,
    },
  ],
  invalid: [
    {
      name: 'two containers of a Deployment declare one port',
      yaml: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          template:
            spec:
              containers:
                - name: web
                  image: nginx:1.27
                  ports: [{containerPort: 8080}]
                - name: metrics
                  image: exporter:1.0
                  ports:
                    - containerPort: 8080
      `,
      findings: [{ line: 14, column: 15, messageId: 'otherContainer', data: { port: 8080, protocol: 'TCP', container: 'metrics', first: 'web' } }],
    },
    {
      name: 'the same port twice in one container',
      yaml: 'apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec:\n  containers:\n    - name: a\n      image: a:1\n      ports:\n        - containerPort: 80\n        - containerPort: 80\n',
      findings: [{ line: 10, messageId: 'sameContainer', data: { port: 80, protocol: 'TCP', container: 'a' } }],
    },
    {
      name: 'hostile input: ports that are no integers are skipped, and unnamed containers are told apart by index',
      yaml: yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: a}
        spec:
          containers:
            - image: a:1
              ports: [{containerPort: .nan}, {containerPort: .nan}, {containerPort: 80.5}, {containerPort: 80.5}, {containerPort: abc}, {containerPort: abc}, {containerPort: 80}]
            - name: {toString: x}
              image: b:1
              ports: [{containerPort: 80, protocol: {a: 1}}]
      `,
      findings: [{ line: 10, message: 'port 80/TCP of container "#1" is already declared by container "#0"', messageId: 'otherContainer', data: { container: '#1', first: '#0' } }],
    },
  ],
});
