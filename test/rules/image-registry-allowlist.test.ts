import { ruleTester, yaml } from '../helpers/rule-tester.js';

const pod = (...images: string[]) => yaml`
  apiVersion: v1
  kind: Pod
  metadata: {name: web}
  spec:
    containers:
${images.map((image, i) => `    - {name: c${i}, image: "${image}"}`).join('\n')}
`;

const registries = ['registry.example.com', 'ghcr.io/acme', '*.pkg.dev', 'localhost:5000'];

ruleTester('image-registry-allowlist', {
  valid: [
    { name: 'no registries configured: the rule is off', yaml: pod('nginx:1.27', 'quay.io/x/y:1') },
    { name: 'an allowed host', yaml: pod('registry.example.com/team/app:1.0'), options: { registries } },
    { name: 'an allowed host and path prefix', yaml: pod('ghcr.io/acme/tool:2'), options: { registries } },
    { name: 'a wildcard host', yaml: pod('us-docker.pkg.dev/proj/repo/app:1'), options: { registries } },
    { name: 'a host with a port', yaml: pod('localhost:5000/app:1'), options: { registries } },
    { name: 'Docker Hub official images under docker.io/library', yaml: pod('nginx:1.27', 'docker.io/library/redis:7'), options: { registries: ['docker.io/library'] } },
    { name: 'hosts compare without case', yaml: pod('Registry.Example.COM/app:1'), options: { registries } },
  ],
  invalid: [
    {
      name: 'an image without a registry comes from docker.io',
      yaml: pod('nginx:1.27'),
      options: { registries },
      findings: [{ line: 6, messageId: 'notAllowedDefault', data: { image: 'nginx:1.27', registry: 'docker.io' } }],
    },
    {
      name: 'a path prefix must match whole segments',
      yaml: pod('ghcr.io/acme-evil/tool:1', 'ghcr.io/acme/tool:1'),
      options: { registries },
      findings: [{ line: 6, messageId: 'notAllowed', data: { container: 'container "c0"', image: 'ghcr.io/acme-evil/tool:1', registry: 'ghcr.io' } }],
    },
    {
      name: 'a wildcard needs a subdomain',
      yaml: pod('evilpkg.dev/app:1'),
      options: { registries },
      findings: [{ line: 6 }],
    },
    {
      name: 'a Docker Hub user image is not under library/',
      yaml: pod('bitnami/redis:7'),
      options: { registries: ['docker.io/library'] },
      findings: [{ line: 6, messageId: 'notAllowedDefault', data: { registry: 'docker.io' } }],
    },
  ],
});
