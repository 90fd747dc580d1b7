import { describe, expect, it } from 'vitest';
import { lint } from '../../src/index.js';

const pod = (labels: string) => `apiVersion: v1
kind: Pod
metadata: {name: web, namespace: shop, labels: ${labels}}
spec: {containers: [{name: c, image: nginx:1}]}
`;
const policy = (matchLabels: string) => `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: np, namespace: shop}
spec:
  podSelector: {matchLabels: ${matchLabels}}
  policyTypes: [Ingress]
`;

async function ruleIds(text: string, rule: string): Promise<string[]> {
  const result = await lint([], { rules: { [rule]: 'warning' }, inline: [{ file: 'in.yaml', text }] });
  return result.findings.filter((f) => f.ruleId === rule).map((f) => `${f.object?.kind}/${f.object?.name}`);
}

describe('selectors from the input', () => {
  it('a __proto__ key in a selector is a label to match, not an empty selector (which would select every Pod)', async () => {
    expect(await ruleIds(`${pod('{app: web}')}---\n${policy('{__proto__: x}')}`, 'missing-network-policy')).toEqual(['Pod/web']);
    // the real defect next to it: the same policy with a plain key that matches stays silent
    expect(await ruleIds(`${pod('{app: web}')}---\n${policy('{app: web}')}`, 'missing-network-policy')).toEqual([]);
  });

  it('a __proto__ label on a Pod is kept, so a selector can match it', async () => {
    expect(await ruleIds(`${pod('{__proto__: x}')}---\n${policy('{__proto__: x}')}`, 'missing-network-policy')).toEqual([]);
  });

  it('the label index tells the label {"a=b": "c"} from the selector {a: "b=c"}', async () => {
    const svc = `apiVersion: v1
kind: Service
metadata: {name: s, namespace: shop}
spec: {selector: {a: "b=c"}, ports: [{port: 80}]}
`;
    const result = await lint([], { inline: [{ file: 'in.yaml', text: `${pod('{"a=b": c}')}---\n${svc}` }] });
    const service = result.objects.find((o) => o.kind === 'Service')!;
    expect(result.graph.targets(service, 'selects')).toEqual([]);
  });

  it('a mapping as a selector value is shown as JSON and matches no label', async () => {
    const svc = `apiVersion: v1
kind: Service
metadata: {name: s, namespace: shop}
spec: {selector: {app: {toString: x}}, ports: [{port: 80}]}
`;
    const result = await lint([], { preset: 'all', inline: [{ file: 'in.yaml', text: `${pod('{app: web}')}---\n${svc}` }] });
    expect(result.findings.map((f) => f.message).join('\n')).not.toContain('[object Object]');
    expect(result.findings.some((f) => f.ruleId === 'internal-error')).toBe(false);
  });
});
