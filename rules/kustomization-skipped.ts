import { defineRule, loadProblemRule } from '../src/rule-api.js';

export default defineRule({
  id: 'kustomization-skipped',
  family: 'parse',
  severity: 'info',
  presets: ['recommended'],
  description: 'A kustomization.yaml was not built (--kustomize skip, no kustomize found, or it names a remote resource)',
  docs: {
    why: 'A kustomization describes how to assemble manifests (bases, patches, generators); the objects it produces only exist after kustomize builds them. kubeknit builds kustomizations with kustomize or kubectl when one is on PATH; when neither is, or with --kustomize skip, their files are linted as they are and this notice says so. A kustomization that names a remote resource (a git or http URL) is not built unless --kustomize render is given, because building it would fetch from the network.',
    fix: 'Install kustomize or kubectl (or name one with --kustomize-command), or lint the built output: kustomize build overlays/prod | kubeknit lint -. Turn this notice off with --rule kustomization-skipped=off.',
  },
  ...loadProblemRule('kustomization'),
});
