import { defineRule, own, dns1035Label, dns1123Label, dns1123Subdomain, isPlainObject, labelValue, pathSegment, qualifiedName, withMaxLength, type K8sObject, type MessageData, type NameCheck } from '../src/rule-api.js';

/** Name rules of the kinds that differ from the usual DNS-1123 subdomain. */
const NAME_RULES: Record<string, { check: NameCheck; why: string }> = {
  Service: { check: dns1035Label, why: 'a Service name becomes a DNS label' },
  Namespace: { check: dns1123Label, why: 'a Namespace name becomes a DNS label' },
  CronJob: { check: withMaxLength(dns1123Subdomain, 52), why: 'the CronJob controller appends 11 characters for its Jobs' },
  Role: { check: pathSegment, why: 'RBAC names only have to fit in a URL path' },
  ClusterRole: { check: pathSegment, why: 'RBAC names only have to fit in a URL path' },
  RoleBinding: { check: pathSegment, why: 'RBAC names only have to fit in a URL path' },
  ClusterRoleBinding: { check: pathSegment, why: 'RBAC names only have to fit in a URL path' },
};
const BUILT_IN_GROUP = /^$|\.k8s\.io$|^(apps|batch|autoscaling|policy|extensions)$/;
const ANNOTATIONS_LIMIT = 256 * 1024;

export default defineRule({
  id: 'invalid-metadata',
  family: 'schema',
  severity: 'error',
  locality: 'object',
  presets: ['recommended'],
  description: 'An object name, namespace, label or annotation the API server rejects (DNS-1123 syntax, lengths, key format)',
  docs: {
    why: 'The API server validates names, label keys and values and annotation keys beyond the JSON schema; kubectl apply fails with "Invalid value" at deploy time.',
    fix: 'Use lowercase letters, digits and "-" (and "." where the kind allows it) in names; keep label values at most 63 characters of letters, digits, "-", "_" and "."; write keys as an optional DNS prefix, "/", and a name.',
    bad: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: My_App\n  labels: {app: "web frontend"}\n',
    good: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: my-app\n  labels: {app: web-frontend}\n',
  },
  messages: {
    badName: '{{kind}} name "{{name}}" {{problem}}',
    badNameForKind: '{{kind}} name "{{name}}" {{problem}} ({{reason}})',
    badGenerateName: '{{kind}} generateName "{{prefix}}" plus 5 random characters {{problem}}',
    badGenerateNameForKind: '{{kind}} generateName "{{prefix}}" plus 5 random characters {{problem}} ({{reason}})',
    badNamespace: 'metadata.namespace "{{namespace}}" {{problem}}',
    badLabelKey: 'label key "{{key}}" {{problem}}',
    badLabelValue: 'label value of "{{key}}" {{problem}}',
    badAnnotationKey: 'annotation key "{{key}}" {{problem}}',
    annotationsTooLarge: 'annotations total {{size}} bytes, above the API\'s limit of 262144 (256 KiB)',
  },
  check({ objects, report }) {
    for (const obj of objects) {
      const metadata = obj.body.metadata;
      if (!isPlainObject(metadata)) continue;
      checkName(obj, metadata, report);
      if (typeof metadata.namespace === 'string' && metadata.namespace) {
        const bad = dns1123Label(metadata.namespace);
        if (bad) report(obj, 'metadata.namespace', 'badNamespace', { namespace: metadata.namespace, problem: bad });
      }
      if (isPlainObject(metadata.labels)) {
        for (const [key, value] of Object.entries(metadata.labels)) {
          const badKey = qualifiedName(key);
          if (badKey) report(obj, ['metadata', 'labels', key], 'badLabelKey', { key, problem: badKey });
          const badValue = typeof value === 'string' ? labelValue(value) : undefined;
          if (badValue) report(obj, ['metadata', 'labels', key], 'badLabelValue', { key, problem: badValue });
        }
      }
      if (isPlainObject(metadata.annotations)) {
        let size = 0;
        for (const [key, value] of Object.entries(metadata.annotations)) {
          size += key.length + (typeof value === 'string' ? value.length : 0);
          const badKey = qualifiedName(key.toLowerCase());
          if (badKey) report(obj, ['metadata', 'annotations', key], 'badAnnotationKey', { key, problem: badKey });
        }
        if (size > ANNOTATIONS_LIMIT) report(obj, 'metadata.annotations', 'annotationsTooLarge', { size });
      }
    }
  },
});

function checkName(obj: K8sObject, metadata: Record<string, unknown>, report: (o: K8sObject, path: string, messageId: string, data: MessageData) => void): void {
  const rule = own(NAME_RULES, obj.kind) ?? (BUILT_IN_GROUP.test(obj.group) ? { check: dns1123Subdomain, why: '' } : { check: pathSegment, why: '' });
  const withReason = (data: { kind: string; problem: string; name?: string; prefix?: string }): MessageData => (rule.why ? { ...data, reason: rule.why } : data);
  if (typeof metadata.name === 'string' && metadata.name) {
    const bad = rule.check(metadata.name);
    if (bad) report(obj, 'metadata.name', rule.why ? 'badNameForKind' : 'badName', withReason({ kind: obj.kind, name: metadata.name, problem: bad }));
  } else if (typeof metadata.generateName === 'string' && metadata.generateName) {
    // the API server appends 5 random characters to the prefix
    const bad = rule.check(`${metadata.generateName}abcde`);
    if (bad) report(obj, 'metadata.generateName', rule.why ? 'badGenerateNameForKind' : 'badGenerateName', withReason({ kind: obj.kind, prefix: metadata.generateName, problem: bad }));
  }
}
