import { describe, expect, it } from 'vitest';
import { findRule, lint } from '../../src/index.js';
import { hasShared, SHARED_SKIP_REASON, sharedPath } from '../helpers/shared.js';

const certificate = 'apiVersion: cert-manager.io/v1\nkind: Certificate\nmetadata: {name: web}\nspec:\n  secretName: web-tls\n  issuerRef: {name: letsencrypt}\n  dnsNames: [web.example.com]\n  renewBefor: 360h\n';

describe.skipIf(!hasShared)(`--schema-location ${hasShared ? '' : SHARED_SKIP_REASON}`, () => {
  // The one-object inputs leave out the Issuer, Gateway and Service they name: the relationship rules'
  // findings on them are not what these tests are about, every other finding is.
  const lintText = async (text: string, schemaLocations: string[]) => {
    const result = await lint([], { inline: [{ file: 'cr.yaml', text }], schemaLocations });
    return { ...result, findings: result.findings.filter((f) => findRule(f.ruleId)?.family !== 'relationships') };
  };

  it('reads a CRDs-catalog folder ({group}/{kind}_{version}.json)', async () => {
    const { findings } = await lintText(certificate, [sharedPath('crds-catalog')]);
    expect(findings.map((f) => [f.ruleId, f.line, f.message])).toEqual([['schema-violation', 8, 'unknown field "renewBefor" in spec; did you mean "renewBefore"?']]);
  });

  it('evaluates the CEL rules of catalog schemas', async () => {
    const route = (value: string) => `apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata: {name: r}\nspec:\n  parentRefs: [{name: gw}]\n  rules:\n  - matches: [{path: {type: PathPrefix, value: ${value}}}]\n    backendRefs: [{name: api, port: 80}]\n`;
    expect((await lintText(route('/api'), [sharedPath('crds-catalog')])).findings).toEqual([]);
    const { findings } = await lintText(route('api'), [sharedPath('crds-catalog')]);
    expect(findings.map((f) => [f.ruleId, f.line, f.message])).toEqual([['schema-violation', 7, "value must be an absolute path and start with '/' when type one of ['Exact', 'PathPrefix']"]]);
  });

  it('expands kubeconform-style templates', async () => {
    const template = `${sharedPath('corpora/kubeconform/fixtures/registry')}/{{.ResourceKind}}{{.KindSuffix}}.json`;
    const text = 'apiVersion: sagemaker.aws.amazon.com/v1\nkind: TrainingJob\nmetadata: {name: t}\nspec:\n  region: 42\n';
    const withTemplate = await lintText(text, [template]);
    expect(new Set(withTemplate.findings.map((f) => f.ruleId))).toEqual(new Set(['schema-violation']));
    expect(withTemplate.findings.find((f) => f.line === 5)?.message).toBe('spec.region must be a string, found 42');
    const without = await lintText(text, []);
    expect(without.findings.map((f) => f.ruleId)).toEqual(['unknown-kind']);
  });

  it('refuses URLs (no network) and folders that do not exist', async () => {
    await expect(lintText(certificate, ['https://example.com/{{.Group}}.json'])).rejects.toThrow(/no network/);
    await expect(lintText(certificate, ['no/such/folder'])).rejects.toThrow(/no such folder/);
  });
});
