import { ruleTester } from '../helpers/rule-tester.js';

const widget = 'apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\n';

ruleTester('unknown-kind', {
  valid: [
    { name: 'a built-in kind', yaml: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n' },
    { name: '--ignore-missing-schemas silences it', yaml: widget, run: { ignoreMissingSchemas: true } },
    {
      name: 'a custom resource whose CRD is in the input',
      yaml: `apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata: {name: widgets.example.com}\nspec:\n  group: example.com\n  scope: Namespaced\n  names: {kind: Widget, plural: widgets}\n  versions: [{name: v1, served: true, storage: true, schema: {openAPIV3Schema: {type: object}}}]\n---\n${widget}`,
    },
  ],
  invalid: [
    { name: 'a custom resource without schema', yaml: widget, findings: [{ line: 2, severity: 'warning', messageId: 'noSchema', data: { apiVersion: 'example.com/v1', kind: 'Widget', version: '1.35' } }] },
    { name: 'a misspelt kind in a built-in group is an error with a suggestion', yaml: 'apiVersion: apps/v1\nkind: Deploymnet\nmetadata: {name: d}\n', findings: [{ line: 2, severity: 'error', messageId: 'notInBuiltInGroupDidYouMean', data: { apiVersion: 'apps/v1', kind: 'Deploymnet', version: '1.35', suggestion: 'Deployment' } }] },
    { name: 'a kind written in lower case in the core group', yaml: 'apiVersion: v1\nkind: configmap\nmetadata: {name: c}\n', findings: [{ line: 2, severity: 'error', messageId: 'notInBuiltInGroupDidYouMean', data: { kind: 'configmap', suggestion: 'ConfigMap' } }] },
    { name: 'a kind no built-in group has, in batch/v1', yaml: 'apiVersion: batch/v1\nkind: Workflow\nmetadata: {name: w}\n', findings: [{ line: 2, severity: 'error', messageId: 'notInBuiltInGroup', data: { apiVersion: 'batch/v1', kind: 'Workflow' } }] },
    {
      name: 'a custom resource whose CRD schema cannot be compiled is checked without it (a warning, no crash)',
      yaml: `apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata: {name: widgets.example.com}\nspec:\n  group: example.com\n  scope: Namespaced\n  names: {kind: Widget, plural: widgets}\n  versions: [{name: v1, served: true, storage: true, schema: {openAPIV3Schema: {type: object, properties: {spec: {type: strign}}}}}]\n---\n${widget}`,
      findings: [{ line: 10, severity: 'warning', messageId: 'crdSchemaBroken', data: { crd: 'widgets.example.com', kind: 'Widget', name: 'w' } }],
    },
    {
      name: 'an apiVersion the target version does not serve yet',
      yaml: 'apiVersion: resource.k8s.io/v1\nkind: DeviceClass\nmetadata: {name: gpu}\nspec: {}\n',
      run: { kubernetesVersion: '1.30' },
      findings: [{ line: 1, messageId: 'notYetServed', data: { apiVersion: 'resource.k8s.io/v1', kind: 'DeviceClass', version: '1.30', firstServed: '1.34' } }],
    },
    {
      name: 'a version the CRD in the input does not serve',
      yaml: `apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata: {name: widgets.example.com}\nspec:\n  group: example.com\n  scope: Namespaced\n  names: {kind: Widget, plural: widgets}\n  versions: [{name: v2, served: true, storage: true, schema: {openAPIV3Schema: {type: object}}}]\n---\n${widget}`,
      findings: [{ line: 10, messageId: 'crdVersionNotServed', data: { crd: 'widgets.example.com', requestedVersion: 'v1', kind: 'Widget', served: 'v2' } }],
    },
    {
      name: 'a CRD in the input that serves no version at all',
      yaml: `apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata: {name: widgets.example.com}\nspec:\n  group: example.com\n  scope: Namespaced\n  names: {kind: Widget, plural: widgets}\n  versions: [{name: v1, served: false, storage: true, schema: {openAPIV3Schema: {type: object}}}]\n---\n${widget}`,
      findings: [{ line: 10, messageId: 'crdServesNoVersion', data: { crd: 'widgets.example.com', requestedVersion: 'v1', kind: 'Widget' } }],
    },
  ],
});
