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
    bad: 'env:\n- {name: PORT, value: "8080"}\n- {name: PORT, value: "9090"}\n',
    good: 'env:\n- {name: PORT, value: "9090"}\n',
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
        report(obj, `${env.path}.name`, `${containerLabel(env.container)} sets ${env.name} again (first at env[${first.index}]); the last value wins`);
      }
    }
  },
});
