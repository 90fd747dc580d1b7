import { containerLabel, defineRule, envVarsOf, podTemplateOf, type EnvVarRef } from '../src/rule-api.js';

export default defineRule({
  id: 'duplicate-env-var',
  family: 'hygiene',
  severity: 'warning',
  locality: 'object',
  presets: ['recommended'],
  description: 'A container that sets the same environment variable twice',
  docs: {
    why: 'When a name appears twice in env, the last entry wins without a word, so whoever edits the first one sees no effect. Tools that merge env lists (kubectl apply, kustomize) may also keep the other one.',
    fix: 'Keep one entry per name in each container\'s env.',
    bad: 'apiVersion: v1\nkind: Pod\nmetadata: {name: app}\nspec:\n  containers:\n  - name: app\n    image: registry.example.com/app:1.4.2\n    env:\n    - {name: PORT, value: "8080"}\n    - {name: PORT, value: "9090"}\n',
    good: 'apiVersion: v1\nkind: Pod\nmetadata: {name: app}\nspec:\n  containers:\n  - name: app\n    image: registry.example.com/app:1.4.2\n    env:\n    - {name: PORT, value: "9090"}\n',
  },
  messages: {
    repeated: '{{container}} sets {{name}} again (first at env[{{first}}]); the last value wins',
  },
  check({ objects, report }) {
    for (const obj of objects) {
      const template = podTemplateOf(obj);
      if (!template) continue;
      const seen = new Map<string, EnvVarRef>();
      for (const env of envVarsOf(template)) {
        const key = `${env.container.path}\u0000${env.name}`;
        const first = seen.get(key);
        if (!first) {
          seen.set(key, env);
          continue;
        }
        report(obj, `${env.path}.name`, 'repeated', { container: containerLabel(env.container), name: env.name, first: first.index });
      }
    }
  },
});
