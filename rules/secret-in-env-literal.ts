import { linearRegExpIgnoringCase, defineRule, describeContainer, envVarsOf, podTemplateOf } from '../src/rule-api.js';

interface Options {
  /** Regular expressions (case-insensitive) for names of variables that hold secrets. */
  namePatterns: string[];
  /** Regular expressions (case-insensitive) for names that match namePatterns but hold no secret. */
  ignoreNamePatterns: string[];
}

export default defineRule<Options>({
  id: 'secret-in-env-literal',
  family: 'security',
  severity: 'error',
  locality: 'object',
  presets: ['recommended'],
  description: 'An environment variable named like a secret (PASSWORD, TOKEN, SECRET, KEY) with a literal value in the manifest',
  docs: {
    why: 'A value written in the manifest is stored in Git, in the object (readable by anyone who can get the workload) and in every CI log that prints it. Rotating it means a new commit.',
    fix: 'Store the value in a Secret and read it with valueFrom.secretKeyRef (or mount the Secret as a file).',
    bad: 'apiVersion: v1\nkind: Pod\nmetadata: {name: app}\nspec:\n  containers:\n  - name: app\n    image: registry.example.com/app:1.4.2\n    env:\n    - name: DB_PASSWORD\n      value: hunter2\n',
    good: 'apiVersion: v1\nkind: Pod\nmetadata: {name: app}\nspec:\n  containers:\n  - name: app\n    image: registry.example.com/app:1.4.2\n    env:\n    - name: DB_PASSWORD\n      valueFrom:\n        secretKeyRef: {name: db, key: password}\n',
  },
  options: {
    type: 'object',
    properties: {
      namePatterns: { type: 'array', items: { type: 'string', format: 'regex' }, description: 'Case-insensitive regular expressions (RE2 syntax) for secret-like variable names' },
      ignoreNamePatterns: { type: 'array', items: { type: 'string', format: 'regex' }, description: 'Case-insensitive regular expressions (RE2 syntax) for names that are not secrets' },
    },
    additionalProperties: false,
  },
  defaultOptions: {
    namePatterns: ['PASSWORD', 'PASSWD', 'SECRET', 'TOKEN', 'CREDENTIAL', '(^|[_.-])(API|ACCESS|PRIVATE|SECRET|ENCRYPTION|SIGNING)?_?KEY([_.-]|$)'],
    // Names that say where a secret is or how it is handled, not what it is.
    ignoreNamePatterns: [
      '[_.-](FILE|PATH|DIR|NAME|REF|URL|URI|ENDPOINT|HOST|PORT|ID|TTL|TIMEOUT|EXPIRY|LENGTH|HEADER|TYPE|PREFIX|SUFFIX|AUDIENCE|ISSUER|ALGORITHM|FORMAT|SIZE|FIELD|PARAM|COLUMN)$',
      '(^|[_.-])(ALLOW|ENABLE|DISABLE|SKIP|REQUIRE|USE)[_.-]',
      // keys that are not secrets: public halves, and keys that address data (partition, sort, routing…)
      '(^|[_.-])PUBLIC[_.-]?KEY', '(^|[_.-])(PARTITION|SORT|ROUTING|PRIMARY|FOREIGN|CACHE|SHARD|HASH|LOOKUP|IDEMPOTENCY|DEDUP|GROUP|INDEX|SEARCH|MAP|REDIS)[_.-]?KEY([_.-]|$)',
    ],
  },
  messages: {
    literal: '{{container}} sets {{name}}, named like a secret, to a literal value in the manifest instead of reading it from a Secret',
  },
  check({ objects, report, options }) {
    const secret = options.namePatterns.map(linearRegExpIgnoringCase);
    const ignored = options.ignoreNamePatterns.map(linearRegExpIgnoringCase);
    for (const obj of objects) {
      const template = podTemplateOf(obj);
      if (!template) continue;
      for (const env of envVarsOf(template)) {
        const value = env.env.value;
        if (value === undefined || value === null || value === '') continue;
        // Only `$(OTHER_VAR)` references: Kubernetes expands them from other env vars, no secret is written here.
        if (typeof value === 'string' && /^(\$\([A-Za-z_][A-Za-z0-9_.-]*\))+$/.test(value)) continue;
        if (!secret.some((re) => re.test(env.name)) || ignored.some((re) => re.test(env.name))) continue;
        report(obj, `${env.path}.value`, 'literal', { container: describeContainer(env.container), name: env.name });
      }
    }
  },
});
