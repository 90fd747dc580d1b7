import { createHash } from 'node:crypto';
import type { Rule } from '../engine/rule.js';
import { findingFingerprint } from '../pr/fingerprint.js';
import type { Finding, Severity } from '../types.js';
import { rootRelativePath } from './paths.js';
import type { Reporter } from './types.js';
import { escapeSarifText } from './escape.js';
import { SarifFixes } from './sarif-fixes.js';

export const KUBEKNIT_HOMEPAGE = 'https://github.com/kubeknit/kubeknit';
const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const FINGERPRINT_KEY = 'kubeknitFinding/v1';
/** The fingerprint `kubeknit baseline` writes (file-independent, see src/pr/fingerprint.ts). */
const BASELINE_FINGERPRINT_KEY = 'kubeknitBaseline/v1';
const LEVELS: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/** SARIF 2.1.0, as GitHub code scanning reads it: one run, every rule described, paths relative to %SRCROOT%. */
export const sarif: Reporter = (input, options) => {
  const rules = [...(input.rules ?? [])];
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const descriptors: RuleDescriptor[] = rules.map(ruleDescriptor);
  for (const f of input.findings) {
    if (index.has(f.ruleId)) continue;
    index.set(f.ruleId, descriptors.length);
    descriptors.push({ id: f.ruleId, shortDescription: { text: f.ruleId }, defaultConfiguration: { level: LEVELS[f.severity] } });
  }
  const occurrences = new Map<string, number>();
  const fixes = new SarifFixes(input.texts);
  const rootDir = options.rootDir ?? options.cwd ?? process.cwd();
  // With a baseline, its findings are listed too, as unchanged and suppressed, so code scanning keeps them closed.
  const baselined = new Set(input.baselined ?? []);
  const all = input.baselined ? [...input.findings, ...input.baselined] : input.findings;
  const results = all.map((f) => {
    const uri = rootRelativePath(f.file, options);
    const key = fingerprintKey(f, uri);
    const n = occurrences.get(key) ?? 0;
    occurrences.set(key, n + 1);
    return {
      ruleId: f.ruleId,
      ruleIndex: index.get(f.ruleId),
      level: LEVELS[f.severity],
      message: { text: escapeSarifText(f.message) },
      locations: [location(uri, f)],
      ...(f.related?.length ? {
        relatedLocations: f.related.map((r, id) => ({
          id, message: { text: escapeSarifText(r.message) },
          physicalLocation: { artifactLocation: { uri: encodeUri(rootRelativePath(r.file, options)), uriBaseId: '%SRCROOT%' }, region: { startLine: r.line, startColumn: r.column } },
        })),
      } : {}),
      ...fixes.of(f, { uri: encodeUri(uri), uriBaseId: '%SRCROOT%' }),
      partialFingerprints: {
        [FINGERPRINT_KEY]: createHash('sha256').update(`${key}\u0000${n}`).digest('hex').slice(0, 32),
        [BASELINE_FINGERPRINT_KEY]: findingFingerprint(f, rootDir),
      },
      ...(input.baselined ? { baselineState: baselined.has(f) ? 'unchanged' : 'new' } : {}),
      ...(baselined.has(f) ? { suppressions: [{ kind: 'external', justification: 'in the kubeknit baseline' }] } : {}),
    };
  });
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'kubeknit', version: options.toolVersion ?? '0.0.0', informationUri: KUBEKNIT_HOMEPAGE, rules: descriptors } },
      columnKind: 'utf16CodeUnits',
      results,
    }],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};

interface RuleDescriptor {
  id: string;
  shortDescription: { text: string };
  fullDescription?: { text: string };
  help?: { text: string; markdown: string };
  defaultConfiguration: { level: string };
  properties?: Record<string, unknown>;
}

function ruleDescriptor(rule: Rule): RuleDescriptor {
  const example = (title: string, yaml: string | undefined) => (yaml ? `\n\n${title}:\n\n\`\`\`yaml\n${yaml.trimEnd()}\n\`\`\`` : '');
  return {
    id: rule.id,
    shortDescription: { text: rule.description },
    fullDescription: { text: rule.docs.why },
    help: {
      text: `${rule.docs.fix}`,
      markdown: `${rule.docs.why}\n\n**How to fix:** ${rule.docs.fix}${example('Fails', rule.docs.bad)}${example('Passes', rule.docs.good)}`,
    },
    defaultConfiguration: { level: LEVELS[rule.severity] },
    properties: { tags: [rule.family], presets: rule.presets },
  };
}

function location(uri: string, f: Finding) {
  return {
    physicalLocation: {
      artifactLocation: { uri: encodeUri(uri), uriBaseId: '%SRCROOT%' },
      region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
    },
  };
}

/**
 * What identifies a finding across commits: rule, file, object and field (never line numbers, so
 * an edit elsewhere in the file keeps the alert). Findings without a field fall back on the
 * message with its numbers masked.
 */
function fingerprintKey(f: Finding, uri: string): string {
  const object = f.object ? `${f.object.kind}/${f.object.namespace ?? ''}/${f.object.name}` : '';
  return [f.ruleId, uri, object, f.path ?? f.message.replace(/\d+/g, '#')].join('\u0000');
}

/** A relative path as a URI reference: each segment percent-encoded. */
function encodeUri(relative: string): string {
  return relative.split('/').map(encodeURIComponent).join('/');
}
