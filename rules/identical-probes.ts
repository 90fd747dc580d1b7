import { defineRule, describeContainer, isPlainObject, workloadContainers, type JsonObject, type JsonValue } from '../src/rule-api.js';

interface Options {
  handlerOnly: boolean;
}

/** Timing fields of a probe and the values Kubernetes uses when they are omitted. */
const PROBE_DEFAULTS: Record<string, number> = { initialDelaySeconds: 0, periodSeconds: 10, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3 };

export default defineRule<Options>({
  id: 'identical-probes',
  family: 'hygiene',
  severity: 'warning',
  locality: 'object',
  presets: ['strict'],
  description: 'A container\'s liveness probe is the same as its readiness probe',
  docs: {
    why: 'A readiness probe takes a busy container out of traffic; a liveness probe restarts it. When both are the same check with the same thresholds, they fail together: an overloaded container is restarted instead of being given time, which spreads the load to the others and can restart them all in turn. Omitted timing fields count as their defaults.',
    fix: 'Give the liveness probe more tolerance (a higher failureThreshold or periodSeconds), or point it at a cheaper endpoint that fails only when the process is stuck. The handlerOnly option also flags probes that differ only in timing.',
    bad: 'apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n  containers:\n  - name: web\n    image: registry.example.com/web:1.4.2\n    readinessProbe:\n      httpGet: {path: /healthz, port: 8080}\n    livenessProbe:\n      httpGet: {path: /healthz, port: 8080}\n',
    good: 'apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n  containers:\n  - name: web\n    image: registry.example.com/web:1.4.2\n    readinessProbe:\n      httpGet: {path: /healthz, port: 8080}\n    livenessProbe:\n      httpGet: {path: /healthz, port: 8080}\n      failureThreshold: 6\n',
  },
  messages: {
    sameProbe: '{{container}}\'s livenessProbe is the same as its readinessProbe, so a container too busy to be ready is also restarted',
    sameHandler: '{{container}}\'s livenessProbe checks the same thing as its readinessProbe, so a container too busy to be ready is also restarted',
  },
  options: {
    type: 'object',
    properties: {
      handlerOnly: { type: 'boolean', description: 'Compare only what the probes check (httpGet, tcpSocket, grpc, exec), not their timing.' },
    },
    additionalProperties: false,
  },
  defaultOptions: { handlerOnly: false },
  check({ objects, report, options }) {
    for (const ref of workloadContainers(objects, ['initContainers', 'containers'])) {
      const { livenessProbe: liveness, readinessProbe: readiness } = ref.container;
      if (!isPlainObject(liveness) || !isPlainObject(readiness)) continue;
      if (canonicalProbe(liveness, options.handlerOnly) !== canonicalProbe(readiness, options.handlerOnly)) continue;
      report(ref.object, `${ref.path}.livenessProbe`, options.handlerOnly ? 'sameHandler' : 'sameProbe', { container: describeContainer(ref) }, {
        related: [{ object: ref.object, path: `${ref.path}.readinessProbe`, message: 'the readiness probe' }],
      });
    }
  },
});

/** A probe as a string that is equal for equal probes: keys sorted, omitted timings at their defaults. */
function canonicalProbe(probe: JsonObject, handlerOnly: boolean): string {
  const filled: JsonObject = handlerOnly ? {} : { ...PROBE_DEFAULTS };
  for (const [key, value] of Object.entries(probe)) {
    if (handlerOnly && (key in PROBE_DEFAULTS || key === 'terminationGracePeriodSeconds')) continue;
    if (value !== undefined && value !== null) filled[key] = value;
  }
  return stableStringify(filled);
}

function stableStringify(value: JsonValue | undefined): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  if (isPlainObject(value)) return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${stableStringify(value[k])}`).join(',')}}`;
  return JSON.stringify(value ?? null);
}
