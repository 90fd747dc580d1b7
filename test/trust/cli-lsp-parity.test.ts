import { describe, expect, it } from 'vitest';
import { lint } from '../../src/index.js';
import { Workspace } from '../../src/lsp/workspace.js';
import { hasShared, SHARED_SKIP_REASON, sharedPath } from '../helpers/shared.js';

const CORPORA = ['kube-prometheus/manifests', 'argo-rollouts-examples/examples', 'microservices-demo', 'k8s-website-examples', 'k8s-website-examples-extras', 'kube-linter', 'kubeconform'];

const key = (f: { ruleId: string; file: string; line: number; column: number; message: string }, root: string) =>
  `${f.file.startsWith(root) ? f.file.slice(root.length + 1) : f.file}:${f.line}:${f.column} ${f.ruleId} ${f.message}`;

describe.skipIf(!hasShared)(`the editor and the CLI give the same findings ${hasShared ? '' : SHARED_SKIP_REASON}`, () => {
  for (const corpus of CORPORA) {
    it(corpus, async () => {
      const root = sharedPath('corpora', corpus);
      const cli = (await lint([root])).findings.map((f) => key(f, root)).sort();
      const workspace = new Workspace();
      workspace.addRoot(root);
      await workspace.buildKustomizations(); // as the server does at start
      // the workspace reports paths as the files were found; compare relative to the folder
      const editor = workspace.analyze().findings.map((f) => key(f, root)).sort();
      expect(editor).toEqual(cli);
    }, 60_000);
  }
});
