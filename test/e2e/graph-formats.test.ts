import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

describe('kubeknit graph --format mermaid|dot (built CLI)', () => {
  it('prints a Mermaid flowchart of the examples, with the focus filter applied', () => {
    const run = runCli(['graph', 'examples/', '--format', 'mermaid', '--focus', 'Deployment/shop/web', '--depth', '1']);
    expect(run.status).toBe(0);
    expect(run.stdout.startsWith('flowchart LR\n')).toBe(true);
    expect(run.stdout).toContain('subgraph ns0["namespace shop"]');
    expect(run.stdout).toContain('["Deployment<br/>web"]');
    expect(run.stdout).not.toContain('StatefulSet');
  });

  it('prints a Graphviz digraph', () => {
    const run = runCli(['graph', 'examples/', '-f', 'dot', '--kind', 'Ingress,IngressClass,Service']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^digraph kubeknit \{\n/);
    expect(run.stdout).toContain('"Ingress/shop/web" -> "Service/shop/web" [label="routes"];');
    expect(run.stdout).toContain('"IngressClass/nginx" [label="IngressClass (missing)\\nnginx"');
  });
});
