import { kubeLinterParity } from '../helpers/kube-linter.js';
import { ruleTester, yaml } from '../helpers/rule-tester.js';

const withEnv = (env: string) => yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata: {name: api}
  spec:
    template:
      spec:
        containers:
        - name: api
          image: api:2.0
          env:
          - {name: LOG_LEVEL, value: debug}
          - ${env}
`;

ruleTester('secret-in-env-literal', {
  valid: [
    { name: 'secret read from a Secret', yaml: withEnv('{name: DB_PASSWORD, valueFrom: {secretKeyRef: {name: db, key: password}}}') },
    { name: 'empty value', yaml: withEnv('{name: API_TOKEN, value: ""}') },
    { name: 'names where a secret is, not the secret', yaml: withEnv('{name: TOKEN_FILE, value: /var/run/token}') },
    { name: 'a reference to another variable', yaml: withEnv('{name: DB_PASSWORD, value: "$(POSTGRES_PASSWORD)"}') },
    { name: 'a switch about passwords, not a password', yaml: withEnv('{name: MYSQL_ALLOW_EMPTY_PASSWORD, value: "1"}') },
    { name: 'a key prefix is not a key', yaml: withEnv('{name: CACHE_KEY_PREFIX, value: "shop:"}') },
    { name: 'a partition key names a field', yaml: withEnv('{name: PARTITION_KEY, value: tenantId}') },
    { name: 'a token audience is not a token', yaml: withEnv('{name: TOKEN_AUDIENCE, value: api.example.com}') },
    { name: 'a public key is public', yaml: withEnv('{name: JWT_PUBLIC_KEY, value: "-----BEGIN PUBLIC KEY-----"}') },
    { name: 'KEY inside a longer word', yaml: withEnv('{name: MONKEY_MODE, value: "on"}') },
    { name: 'pattern turned off by option', yaml: withEnv('{name: CACHE_KEY, value: v1}'), options: { namePatterns: ['PASSWORD'] } },
  ],
  invalid: [
    { name: 'the private half of a key pair', yaml: withEnv('{name: JWT_PRIVATE_KEY, value: "-----BEGIN PRIVATE KEY-----"}'), findings: [{ line: 12, messageId: 'literal', data: { name: 'JWT_PRIVATE_KEY' } }] },
    { name: 'password literal', yaml: withEnv('{name: DB_PASSWORD, value: hunter2}'), findings: [{ line: 12, messageId: 'literal', data: { container: 'container "api"', name: 'DB_PASSWORD' } }] },
    { name: 'API key literal', yaml: withEnv('{name: STRIPE_API_KEY, value: sk_live_123}'), findings: [{ line: 12, messageId: 'literal', data: { name: 'STRIPE_API_KEY' } }] },
    { name: 'a literal around a reference', yaml: withEnv('{name: AUTH_TOKEN, value: "Bearer abc$(X)"}'), findings: [{ line: 12 }] },
    { name: 'lower-case token', yaml: withEnv('{name: github_token, value: ghp_123}'), findings: [{ line: 12 }] },
    { name: 'a team\'s own pattern', yaml: withEnv('{name: DSN, value: "postgres://u:p@db"}'), options: { namePatterns: ['^DSN$'] }, findings: [{ line: 12, messageId: 'literal', data: { name: 'DSN' } }] },
    {
      name: 'hostile input: a container without a name is named by its index',
      yaml: withEnv('{name: DB_PASSWORD, value: hunter2}').replace('- name: api\n', '- name: [api]\n'),
      findings: [{ line: 12, message: 'container "#0" sets DB_PASSWORD', messageId: 'literal', data: { container: 'container "#0"' } }],
    },
  ],
});

kubeLinterParity('env-var-secret', 'secret-in-env-literal');
