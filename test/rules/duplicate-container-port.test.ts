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
      findings: [{ line: 14, column: 15, message: 'port 8080/TCP of container "metrics" is already declared by container "web"' }],
    },
    {
      name: 'the same port twice in one container',
      yaml: 'apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec:\n  containers:\n    - name: a\n      image: a:1\n      ports:\n        - containerPort: 80\n        - containerPort: 80\n',
      findings: [{ line: 10, message: 'earlier in the same container' }],
    },
  ],
});
