import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint, type Finding, type LintOptions } from '../../src/index.js';
import { hasShared, REPO_ROOT, SHARED_SKIP_REASON, sharedPath } from '../helpers/shared.js';

const SCHEMA_RULES = new Set(['schema-violation', 'removed-api', 'unknown-kind']);
/** kubeconform's verdict covers parsing and schema: these rules make a fixture invalid for us. */
const VERDICT_RULES = new Set([...SCHEMA_RULES, 'invalid-yaml', 'invalid-object']);

const filesWith = (findings: readonly Finding[], ruleId: string, root: string) =>
  [...new Set(findings.filter((f) => f.ruleId === ruleId).map((f) => path.relative(root, f.file)))].sort();

describe.skipIf(!hasShared)(`k8s-website-examples ${hasShared ? '' : SHARED_SKIP_REASON}`, () => {
  const root = sharedPath('corpora/k8s-website-examples/content/en/examples');
  const run = (kubernetesVersion: string) => lint([root], { kubernetesVersion, preset: 'all' });
  /**
   * Files that pass upstream's check only because it decodes leniently (unknown fields dropped);
   * the API server's strict field validation rejects them.
   */
  const NOT_STRICTLY_VALID = [
    'access/validating-admission-policy-audit-annotation.yaml', // `key` belongs to auditAnnotations, not validations
  ];
  /**
   * spec.ipFamily was removed in 1.20 (ipFamilies replaced it). Its Service "my-service" repeats one
   * of an earlier file, and a repeated object gets duplicate-object and nothing else (issue 16), so
   * it is reported only when the file is linted on its own.
   */
  const DUAL_STACK = 'service/networking/dual-stack-ipv6-svc.yaml';
  /** The corpus tracks Kubernetes 1.28: these files use fields added after 1.24, so 1.24 rejects them. */
  const NEWER_THAN_1_24 = [
    'application/deployment-sidecar.yaml', 'application/job/job-sidecar.yaml', // initContainers[].restartPolicy, 1.28
    'controllers/job-backoff-limit-per-index-example.yaml', // backoffLimitPerIndex, 1.28
    'controllers/job-pod-failure-policy-config-issue.yaml', 'controllers/job-pod-failure-policy-example.yaml', // podFailurePolicy, 1.25
    'controllers/job-pod-failure-policy-failjob.yaml', 'controllers/job-pod-failure-policy-ignore.yaml',
    'pods/pod-with-scheduling-gates.yaml', // schedulingGates, 1.26
    'pods/user-namespaces-stateless.yaml', // hostUsers, 1.25
  ];

  it('on 1.28 (the release the corpus tracks) only the files not strictly API-valid get schema-violation', async () => {
    const result = await run('1.28');
    expect(filesWith(result.findings, 'schema-violation', root)).toEqual(NOT_STRICTLY_VALID);
    const alone = await lint([path.join(root, DUAL_STACK)], { kubernetesVersion: '1.28' });
    expect(alone.findings.filter((f) => f.ruleId === 'schema-violation').map((f) => f.message)).toEqual(['unknown field "ipFamily" in spec']);
  });

  it('on 1.24: no schema-violation beyond those and the files using newer fields, which only miss fields; PSPs are served', async () => {
    const result = await run('1.24');
    const expected = [...NEWER_THAN_1_24].sort(); // the admission policy's v1alpha1 is not served by 1.24
    expect(filesWith(result.findings, 'schema-violation', root)).toEqual(expected);
    const newer = result.findings.filter((f) => f.ruleId === 'schema-violation' && NEWER_THAN_1_24.includes(path.relative(root, f.file)));
    for (const f of newer) expect(f.message).toMatch(/^unknown field "(restartPolicy|backoffLimitPerIndex|maxFailedIndexes|podFailurePolicy|schedulingGates|hostUsers)"/);
    expect(filesWith(result.findings, 'removed-api', root)).toEqual([]);
  });

  it('on 1.35 the PodSecurityPolicy examples get removed-api', async () => {
    const result = await run('1.35');
    const psp = result.findings.filter((f) => f.ruleId === 'removed-api' && f.message.startsWith('policy/v1beta1 PodSecurityPolicy'));
    expect(psp.map((f) => path.relative(root, f.file)).sort()).toEqual(['policy/baseline-psp.yaml', 'policy/example-psp.yaml', 'policy/privileged-psp.yaml', 'policy/restricted-psp.yaml']);
    expect(psp[0].message).toContain('removed in 1.25');
  });
});

describe.skipIf(!hasShared)(`kubeconform fixtures against fixture-verdicts.tsv ${hasShared ? '' : SHARED_SKIP_REASON}`, () => {
  const dir = sharedPath('corpora/kubeconform');
  // The describe body runs even when skipped: read the table only where ../shared exists.
  const rows = (hasShared ? readFileSync(path.join(dir, 'fixture-verdicts.tsv'), 'utf8') : '').trim().split('\n').slice(1).map((line) => line.split('\t'));
  /** kubeconform's verdicts by flags for each fixture present here (valid_large.yaml is not). */
  const cases = rows.flatMap(([fixture, , expectations]) => {
    const verdicts = [...expectations.matchAll(/kubeconform\[([^\]]*)\]=(valid|invalid)/g)].map((m) => ({ flags: m[1], verdict: m[2] }));
    return verdicts.length && !expectations.includes('NOT in this copy') ? [{ fixture, verdicts }] : [];
  });

  it('has fixtures with verdicts to compare', () => expect(cases.length).toBeGreaterThan(20));

  // The fixtures ran with -strict mostly against 1.20; 1.23 is our oldest embedded release and serves every kind they use.
  // Where a fixture has a strict and a lenient verdict we match the strict one (kubeknit is always strict);
  // -ignore-missing-schemas maps to our option of the same name. Nothing else differs.
  for (const { fixture, verdicts } of cases) {
    const strict = verdicts.find((v) => v.flags.includes('-strict')) ?? verdicts.find((v) => !v.flags.includes('-ignore-missing-schemas')) ?? verdicts[0];
    const wanted = [strict, ...verdicts.filter((v) => v.flags.includes('-ignore-missing-schemas'))];
    for (const v of wanted) {
      it(`${fixture} [${v.flags}] is ${v.verdict}`, async () => {
        const options: LintOptions = { kubernetesVersion: '1.23', ignoreMissingSchemas: v.flags.includes('-ignore-missing-schemas') };
        const result = await lint([path.join(dir, fixture)], options);
        const problems = result.findings.filter((f) => VERDICT_RULES.has(f.ruleId));
        expect(problems.length ? 'invalid' : 'valid', problems.map((f) => `${f.line}: ${f.message}`).join('\n')).toBe(v.verdict);
      });
    }
  }
});

describe.skipIf(!hasShared)(`real manifests stay free of schema findings ${hasShared ? '' : SHARED_SKIP_REASON}`, () => {
  it('microservices-demo and examples/ (whose deliberate mistakes are not schema problems)', async () => {
    const result = await lint([sharedPath('corpora/microservices-demo/release/kubernetes-manifests.yaml'), path.join(REPO_ROOT, 'examples')]);
    expect(result.objects.length).toBeGreaterThan(40);
    expect(result.findings.filter((f) => SCHEMA_RULES.has(f.ruleId))).toEqual([]);
  });
});
