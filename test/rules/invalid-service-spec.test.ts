import { ruleTester } from '../helpers/rule-tester.js';

const service = (spec: string) => `apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  selector: {app: web}\n${spec}`;

// Invalid cases after the API server's errors, e.g.
//   spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'
//   spec.clusterIP: Invalid value: "None": may not be set to 'None' for NodePort services
ruleTester('invalid-service-spec', {
  valid: [
    { name: 'a NodePort Service with a nodePort', yaml: service('  type: NodePort\n  ports: [{name: http, port: 80, nodePort: 30080}]\n') },
    { name: 'a LoadBalancer Service', yaml: service('  type: LoadBalancer\n  ports: [{port: 443, nodePort: 31443}]\n') },
    { name: 'a headless ClusterIP Service', yaml: service('  clusterIP: None\n  ports: [{name: grpc-web, port: 8080}]\n') },
  ],
  invalid: [
    { name: 'a nodePort on a ClusterIP Service (the default type)', yaml: service('  ports: [{port: 80, nodePort: 30080}]\n'), findings: [{ line: 6, message: 'spec.ports[0] sets nodePort 30080, but a Service of type ClusterIP has no node ports' }] },
    { name: 'clusterIP: None with type NodePort', yaml: service('  type: NodePort\n  clusterIP: None\n  ports: [{port: 80}]\n'), findings: [{ line: 7, message: 'Service "web" of type NodePort sets clusterIP: None' }] },
    { name: 'a port out of range and a port name with capitals', yaml: service('  ports:\n  - {name: HTTP, port: 80}\n  - {name: big, port: 70000}\n'), findings: [{ line: 7, message: 'port name "HTTP" of Service "web" is not a DNS-1123 label' }, { line: 8, message: 'port 70000 of Service "web" is not a valid port number' }] },
  ],
});
