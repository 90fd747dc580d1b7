import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { convertOpenApiDir } from '../../src/schema/convert-openapi.js';
import { bundleVersions, EMBEDDED_SCHEMA_DIR, readBundle, readServedTable, bundleFile } from '../../src/schema/store.js';
import { runCli } from '../helpers/cli.js';

/** A two-kind OpenAPI v3 folder in the shape Kubernetes serves, small enough to read in the test. */
function writeOpenApiFolder(): string {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), 'kk-openapi-')), '1.31');
  mkdirSync(path.join(dir, 'apis/apps'), { recursive: true });
  const ref = (name: string) => ({ allOf: [{ $ref: `#/components/schemas/${name}` }], default: {}, description: 'prose' });
  const schemas = {
    'io.k8s.api.apps.v1.Widget': {
      description: 'A widget.', type: 'object',
      properties: { apiVersion: { type: 'string' }, kind: { type: 'string' }, metadata: ref('io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta'), spec: ref('io.k8s.api.apps.v1.WidgetSpec') },
      'x-kubernetes-group-version-kind': [{ group: 'apps', version: 'v1', kind: 'Widget' }],
    },
    'io.k8s.api.apps.v1.WidgetSpec': {
      type: 'object', required: ['port'],
      properties: {
        port: ref('io.k8s.apimachinery.pkg.util.intstr.IntOrString'),
        memory: ref('io.k8s.apimachinery.pkg.api.resource.Quantity'),
        items: { type: 'array', items: ref('io.k8s.api.apps.v1.Item'), 'x-kubernetes-list-type': 'map', 'x-kubernetes-list-map-keys': ['name', 'protocol'] },
        free: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
      },
    },
    'io.k8s.api.apps.v1.Item': { type: 'object', required: ['name'], properties: { name: { type: 'string' }, protocol: { type: 'string', default: 'TCP' } } },
    'io.k8s.api.apps.v1.WidgetList': { type: 'object', properties: { items: { type: 'array' } }, 'x-kubernetes-group-version-kind': [{ group: 'apps', version: 'v1', kind: 'WidgetList' }] },
    'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta': { type: 'object', properties: { name: { type: 'string' } } },
    'io.k8s.apimachinery.pkg.util.intstr.IntOrString': { type: 'string', format: 'int-or-string' },
    'io.k8s.apimachinery.pkg.api.resource.Quantity': { oneOf: [{ type: 'string' }, { type: 'number' }] },
  };
  writeFileSync(path.join(dir, 'apis/apps/v1.json'), JSON.stringify({ openapi: '3.0.0', components: { schemas }, paths: {} }));
  return dir;
}

describe('OpenAPI v3 → strict JSON schema converter', () => {
  const bundle = convertOpenApiDir(writeOpenApiFolder(), '1.31');
  const defs = bundle.definitions;

  it('indexes served kinds (not lists) and fixes their apiVersion and kind', () => {
    expect(bundle.kinds).toEqual({ 'apps/v1/Widget': 'io.k8s.api.apps.v1.Widget' });
    const props = defs['io.k8s.api.apps.v1.Widget'].properties as Record<string, unknown>;
    expect(props.apiVersion).toEqual({ type: 'string', enum: ['apps/v1'] });
    expect(props.kind).toEqual({ type: 'string', enum: ['Widget'] });
  });

  it('resolves references into definitions, drops prose, closes objects and lets optional fields be null', () => {
    const widget = defs['io.k8s.api.apps.v1.Widget'];
    expect(JSON.stringify(defs)).not.toContain('description');
    expect(widget.additionalProperties).toBe(false);
    expect((widget.properties as Record<string, unknown>).metadata).toEqual({ if: { type: 'null' }, else: { $ref: '#/definitions/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta' } });
    const spec = defs['io.k8s.api.apps.v1.WidgetSpec'].properties as Record<string, Record<string, unknown>>;
    expect(spec.port).toEqual({ $ref: '#/definitions/io.k8s.apimachinery.pkg.util.intstr.IntOrString' }); // required: no null
    expect(spec.free.additionalProperties).toBeUndefined();
  });

  it('accepts int-or-string and quantities as the API does, and keeps list-map keys with their defaults', () => {
    expect(defs['io.k8s.apimachinery.pkg.util.intstr.IntOrString'].type).toEqual(['integer', 'string']);
    expect(defs['io.k8s.apimachinery.pkg.api.resource.Quantity'].type).toEqual(['string', 'number']);
    const items = (defs['io.k8s.api.apps.v1.WidgetSpec'].properties as Record<string, Record<string, unknown>>).items;
    expect(items['x-kubernetes-list-map-keys']).toEqual(['name', 'protocol']);
    expect(items['x-kubernetes-list-map-defaults']).toEqual({ protocol: 'TCP' });
  });
});

describe('embedded schemas', () => {
  it('cover 1.23–1.35 with a served-kinds table, and merge the enum table', () => {
    expect(bundleVersions(EMBEDDED_SCHEMA_DIR)).toEqual(['1.23', '1.24', '1.25', '1.26', '1.27', '1.28', '1.29', '1.30', '1.31', '1.32', '1.33', '1.34', '1.35']);
    const served = readServedTable(EMBEDDED_SCHEMA_DIR);
    expect(served['1.24']['policy/v1beta1']).toContain('PodSecurityPolicy');
    expect(served['1.25']['policy/v1beta1']).toBeUndefined();
    const port = readBundle(bundleFile(EMBEDDED_SCHEMA_DIR, '1.35')).definitions['io.k8s.api.core.v1.ContainerPort'].properties as Record<string, { enum?: unknown[] }>;
    expect(port.protocol.enum).toEqual(['TCP', 'UDP', 'SCTP', null]);
  });
});

describe('kubeknit schemas import (built CLI)', () => {
  it('writes <version>.json.gz and served.json that lint can use through --schema-location', () => {
    const out = mkdtempSync(path.join(tmpdir(), 'kk-schemas-'));
    const run = runCli(['schemas', 'import', writeOpenApiFolder(), '--out', out]);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('Kubernetes 1.31, 1 kinds');
    expect(readServedTable(out)['1.31']).toEqual({ 'apps/v1': ['Widget'] });
    const lintRun = runCli(['lint', '-', '--kube-version', '1.31', '--schema-location', out, '--format', 'json'], {
      input: 'apiVersion: apps/v1\nkind: Widget\nmetadata: {name: w}\nspec:\n  port: http\n  items: [{name: a}, {name: a, protocol: TCP}]\n',
    });
    const findings = JSON.parse(lintRun.stdout).findings as Array<{ ruleId: string; line: number; message: string }>;
    expect(findings.map((f) => [f.ruleId, f.line])).toEqual([['schema-violation', 6]]);
    expect(findings[0].message).toContain('repeats the key name="a", protocol="TCP"');
  });

  it('documents the schema options in --help', () => {
    expect(runCli(['lint', '--help']).stdout).toMatch(/--kube-version[\s\S]*--schema-location[\s\S]*--ignore-missing-schemas/);
    const help = runCli(['schemas', '--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('kubeknit schemas import <dir...>');
  });

  it('a version without schemas is a usage error naming the available ones', () => {
    const run = runCli(['lint', '-', '--kube-version', '1.19'], { input: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n' });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('no schemas for Kubernetes 1.19');
  });
});
