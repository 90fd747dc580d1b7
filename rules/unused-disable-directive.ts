import { defineRule, UNUSED_DIRECTIVE_MESSAGES } from '../src/rule-api.js';

export default defineRule({
  id: 'unused-disable-directive',
  family: 'hygiene',
  severity: 'warning',
  presets: [],
  description: 'A kubeknit-disable comment or kubeknit.io/ignore annotation that silences no finding',
  docs: {
    why: 'A suppression that silences nothing is left over from a fixed problem or names the wrong rule. It hides the next real finding of that rule at that place without anyone noticing. Turn this rule on with --report-unused-disable-directives (or in the config).',
    fix: 'Remove the comment or annotation, or correct the rule id it names.',
    bad: '# kubeknit-disable-next-line dangling-service-selector\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings}\n',
    good: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings}\n',
  },
  messages: UNUSED_DIRECTIVE_MESSAGES,
  // The suppression stage (src/engine/suppress.ts) reports these after every other rule has run:
  // only then is it known what each directive silenced.
  check() {},
});
