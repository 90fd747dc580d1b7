import { defineRule, reportLoadProblems } from '../src/rule-api.js';

export default defineRule({
  id: 'kustomization-skipped',
  family: 'parse',
  severity: 'info',
  presets: ['recommended'],
  description: 'A kustomization.yaml was recognised and skipped',
  docs: {
    why: 'A kustomization describes how to assemble manifests (bases, patches, generators); the objects it produces only exist after kustomize builds them.',
    fix: 'Lint the built output: kustomize build overlays/prod | kubeknit lint - (or kubectl kustomize). Turn this notice off with --rule kustomization-skipped=off.',
  },
  check: reportLoadProblems('kustomization'),
});
