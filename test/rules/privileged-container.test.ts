import { kubeLinterParity } from '../helpers/kube-linter.js';
import { singleContainerPod } from '../helpers/manifests.js';
import { ruleTester, yaml } from '../helpers/rule-tester.js';

const pod = (securityContext: string) => singleContainerPod(`securityContext: ${securityContext}`);

ruleTester('privileged-container', {
  valid: [
    { name: 'privileged: false', yaml: pod('{privileged: false}') },
    { name: 'no privileged field', yaml: pod('{runAsNonRoot: true}') },
  ],
  invalid: [
    { name: 'privileged: true', yaml: pod('{privileged: true}'), findings: [{ line: 8, column: 23, messageId: 'privileged', data: { container: 'container "app"' } }] },
    {
      name: 'an init container',
      yaml: yaml`
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: {name: agent}
        spec:
          selector: {matchLabels: {app: agent}}
          template:
            metadata: {labels: {app: agent}}
            spec:
              initContainers:
              - name: sysctl
                image: busybox:1.36
                securityContext:
                  privileged: true
              containers:
              - {name: agent, image: "agent:1.0"}
      `,
      findings: [{ line: 13, messageId: 'privileged', data: { container: 'init container "sysctl"' } }],
    },
  ],
});

kubeLinterParity('privileged-container', 'privileged-container');
