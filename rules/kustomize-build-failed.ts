import { defineRule, loadProblemRule } from '../src/rule-api.js';

export default defineRule({
  id: 'kustomize-build-failed',
  family: 'parse',
  severity: 'error',
  presets: ['recommended'],
  description: 'kustomize could not build a kustomization',
  docs: {
    why: 'The objects of a kustomization exist only once kustomize builds it; when the build fails, nothing of it can be deployed or linted. kubeknit reports kustomize\'s own message at the kustomization file.',
    fix: 'Run kustomize build (or kubectl kustomize) on the folder and fix what it names: a missing resource or patch file, a patch whose target matches nothing, a malformed entry.',
  },
  ...loadProblemRule('kustomize-failed'),
});
