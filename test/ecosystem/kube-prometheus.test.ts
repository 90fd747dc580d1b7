import { describe, expect, it } from 'vitest';
import { lint } from '../../src/index.js';
import { hasShared, SHARED_SKIP_REASON, sharedPath } from '../helpers/shared.js';

const RULE_IDS = ['dangling-servicemonitor-selector', 'servicemonitor-port-mismatch', 'dangling-podmonitor-selector'];

describe.skipIf(!hasShared)(hasShared ? 'kube-prometheus manifests' : `kube-prometheus manifests (${SHARED_SKIP_REASON})`, () => {
  it('every ServiceMonitor selects its Services; the control plane\'s, whose Services the cluster makes, select none and are not reported', async () => {
    const result = await lint([sharedPath('corpora/kube-prometheus/manifests')], { preset: 'all' });
    const monitors = result.objects.filter((o) => o.kind === 'ServiceMonitor');
    expect(monitors.length).toBeGreaterThan(10);
    const selected = (id: string) => result.graph.outEdges(id, 'selects').map((e) => e.to);
    const withoutServices = monitors.filter((m) => !selected(m.id).length).map((m) => m.name).sort();
    // kubelet, apiserver, coredns… live in kube-system/default: the input has none of their Services.
    expect(withoutServices).toEqual(['coredns', 'kube-apiserver', 'kube-controller-manager', 'kube-scheduler', 'kubelet']);
    for (const monitor of monitors.filter((m) => selected(m.id).length)) {
      for (const to of selected(monitor.id)) expect(to.startsWith('Service/monitoring/'), `${monitor.name} -> ${to}`).toBe(true);
    }
    expect(selected('ServiceMonitor/monitoring/node-exporter')).toEqual(['Service/monitoring/node-exporter']);
    expect(result.findings.filter((f) => RULE_IDS.includes(f.ruleId)).map((f) => `${f.ruleId} ${f.message}`)).toEqual([]);
    // The Prometheus loads every ServiceMonitor (serviceMonitorSelector: {} and an empty namespace selector).
    expect(result.graph.outEdges('Prometheus/monitoring/k8s', 'selects').filter((e) => e.to.startsWith('ServiceMonitor/')).length).toBe(monitors.length);
  });
});
