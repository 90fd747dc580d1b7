import { ruleTester } from '../helpers/rule-tester.js';

const svc = (name: string) => `apiVersion: v1\nkind: Service\nmetadata: {name: ${name}}\nspec:\n  selector: {app: web}\n  ports: [{port: 80}]\n---\n`;
const rollout = (strategy: string) => `apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata: {name: web}\nspec:\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec: {containers: [{name: web, image: "nginx:1.27"}]}\n  strategy:\n${strategy}`;
const template = (kind: string, name: string) => `apiVersion: argoproj.io/v1alpha1\nkind: ${kind}\nmetadata: {name: ${name}}\nspec:\n  metrics: [{name: ok, provider: {job: {spec: {template: {spec: {containers: [{name: ok, image: "alpine:3.20"}], restartPolicy: Never}}}}}}]\n---\n`;

ruleTester('dangling-rollout-reference', {
  valid: [
    { name: 'canary and stable Services', yaml: svc('web-canary') + svc('web-stable') + rollout('    canary: {canaryService: web-canary, stableService: web-stable}\n') },
    { name: 'active and preview Services', yaml: svc('web-active') + svc('web-preview') + rollout('    blueGreen: {activeService: web-active, previewService: web-preview}\n') },
    { name: 'analysis templates, namespaced and cluster-wide', yaml: template('AnalysisTemplate', 'success-rate') + template('ClusterAnalysisTemplate', 'always-pass') + rollout('    canary:\n      steps:\n      - analysis:\n          templates: [{templateName: success-rate}, {templateName: always-pass, clusterScope: true}]\n') },
    { name: 'a workloadRef to a Deployment', yaml: 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  replicas: 0\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec: {containers: [{name: web, image: "nginx:1.27"}]}\n---\napiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata: {name: web}\nspec:\n  workloadRef: {apiVersion: apps/v1, kind: Deployment, name: web}\n  strategy: {canary: {}}\n' },
  ],
  invalid: [
    {
      name: 'a canary Service missing',
      yaml: svc('web-stable') + rollout('    canary:\n      stableService: web-stable\n      canaryService: web-canary\n'),
      findings: [{ line: 19, column: 7, message: 'Rollout "web" names Service "web-canary" in namespace "default", which is not in the input' }],
    },
    {
      name: 'a preview Service missing',
      yaml: rollout('    blueGreen:\n      previewService: web-preview\n'),
      findings: [{ line: 11, message: 'Service "web-preview"' }],
    },
    {
      name: 'a cluster template named without clusterScope',
      yaml: template('ClusterAnalysisTemplate', 'always-pass') + rollout('    canary:\n      analysis:\n        templates:\n        - templateName: always-pass\n'),
      findings: [{ line: 19, message: 'AnalysisTemplate "always-pass" in namespace "default"' }],
    },
    {
      name: 'a workloadRef to a missing Deployment',
      yaml: 'apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata: {name: web}\nspec:\n  workloadRef:\n    apiVersion: apps/v1\n    kind: Deployment\n    name: web-v2\n',
      findings: [{ line: 8, message: 'Deployment "web-v2"' }],
    },
    {
      name: 'an Experiment analysis',
      yaml: 'apiVersion: argoproj.io/v1alpha1\nkind: Experiment\nmetadata: {name: exp}\nspec:\n  analyses:\n  - name: check\n    templateName: random-fail\n',
      findings: [{ line: 7, message: 'Experiment "exp" names AnalysisTemplate "random-fail"' }],
    },
  ],
});
