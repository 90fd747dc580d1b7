/** The workload hygiene rules of issue 6, with the presets their ids promise (a contract). */
export const OPS_RULE_PRESETS: Record<string, 'recommended' | 'strict'> = {
  'default-service-account': 'strict',
  'cluster-admin-binding': 'recommended',
  'wildcard-rbac-rules': 'strict',
  'secrets-access': 'strict',
  'automount-service-account-token': 'strict',
  'secret-in-env-literal': 'recommended',
  'duplicate-env-var': 'recommended',
  'single-replica': 'strict',
  'missing-pdb': 'strict',
  'pdb-blocks-eviction': 'strict',
  'missing-anti-affinity': 'strict',
  'no-rolling-update': 'strict',
  'hpa-replicas-conflict': 'strict',
  'job-missing-ttl': 'strict',
  'cronjob-missing-deadline': 'strict',
  'invalid-restart-policy': 'recommended',
  'missing-namespace': 'strict',
  'missing-network-policy': 'strict',
};

export const OPS_RULES = Object.keys(OPS_RULE_PRESETS);
