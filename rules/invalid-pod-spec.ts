import { containersOf, defineRule, dns1123Label, isPlainObject, parseQuantity, podTemplateOf, portNameProblem, type JsonObject, type PodTemplate } from '../src/rule-api.js';

/** Volume sources whose files take a `defaultMode`, and whose `items` take a `mode`. */
const MODE_SOURCES = ['configMap', 'secret', 'downwardAPI', 'projected'] as const;
/** 0777: the API server accepts file modes from 0 to 0777. */
const MAX_MODE = 0o777;

type Report = (path: string, message: string, data: Record<string, string | number>) => void;

/**
 * What Kubernetes' Pod validation (k8s.io/kubernetes/pkg/apis/core/validation, ValidatePodSpec)
 * rejects beyond the OpenAPI schema, wherever a Pod template appears.
 */
export default defineRule({
  id: 'invalid-pod-spec',
  family: 'schema',
  severity: 'error',
  presets: ['recommended'],
  description: 'A Pod spec (of a Pod or any workload template) the API server rejects: a container without image, duplicate or invalid container and volume names, invalid port names or numbers, file modes above 0777, resource quantities that do not parse',
  messages: {
    imageRequired: 'container "{{container}}" has no image; the API server requires one ("Required value")',
    duplicateContainer: 'container name "{{container}}" is already used by {{first}}; names must be unique across initContainers, containers and ephemeralContainers ("Duplicate value")',
    containerName: 'container name "{{container}}" {{problem}}',
    portName: 'port name "{{port}}" of container "{{container}}" is not a valid IANA service name: {{problem}}',
    portNumber: '{{field}} {{value}} of container "{{container}}" is not a valid port number: it must be between {{min}} and 65535',
    duplicateVolume: 'volume name "{{volume}}" is already used by volume {{first}}; volume names must be unique ("Duplicate value")',
    volumeName: 'volume name "{{volume}}" {{problem}}',
    fileMode: '{{field}} {{value}} (octal {{octal}}) is not a file mode: it must be between 0 and 0777 (octal); write it as 0644 in YAML or 420 in decimal',
    quantity: '{{kind}}.{{resource}} "{{value}}" of container "{{container}}" is not a resource quantity (a number with an optional suffix such as 500m, 1.5, 128Mi, 2Gi)',
  },
  docs: {
    why: 'The OpenAPI schema only checks types. The API server also runs its own Pod validation, and refuses the object (or, for a workload, its template) when a container has no image, two containers or two volumes share a name, a container name is not a DNS-1123 label, a port name is not an IANA service name (at most 15 characters, with a letter), a port is outside 1–65535, a file mode is above 0777 (a decimal 644 is 01204 octal), or a resource quantity does not parse (1GB is not a quantity; 1G or 1Gi is).',
    fix: 'Give every container an image; rename duplicates; use lowercase names with digits and "-"; write file modes in octal with a leading 0 (0644) or as their decimal value (420); write quantities such as 500m, 512Mi or 2Gi.',
    bad: 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec:\n      containers:\n      - name: web\n        image: nginx:1.27\n        resources: {limits: {memory: 1GB}}\n      volumes:\n      - name: config\n        configMap: {name: web, defaultMode: 644}\n',
    good: 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec:\n      containers:\n      - name: web\n        image: nginx:1.27\n        resources: {limits: {memory: 1Gi}}\n      volumes:\n      - name: config\n        configMap: {name: web, defaultMode: 0644}\n',
  },
  check({ objects, report }) {
    for (const obj of objects) {
      const template = podTemplateOf(obj);
      if (!template) continue;
      const at: Report = (path, message, data) => report(obj, path, message, data);
      checkContainers(template, at);
      checkVolumes(template, at);
    }
  },
});

function checkContainers(template: PodTemplate, report: Report): void {
  const firstByName = new Map<string, string>();
  for (const ref of containersOf(template)) {
    const { container, path } = ref;
    const name = typeof container.name === 'string' ? container.name : undefined;
    const label = name ?? `${ref.list}[${ref.index}]`;
    if (container.image === undefined || container.image === null || container.image === '') report(path, 'imageRequired', { container: label });
    if (name !== undefined) {
      const first = firstByName.get(name);
      if (first !== undefined) report(`${path}.name`, 'duplicateContainer', { container: name, first });
      else firstByName.set(name, `${ref.list}[${ref.index}]`);
      const problem = dns1123Label(name);
      if (problem) report(`${path}.name`, 'containerName', { container: name, problem });
    }
    checkPorts(container, path, label, report);
    checkQuantities(container, path, label, report);
  }
}

function checkPorts(container: JsonObject, path: string, label: string, report: Report): void {
  if (!Array.isArray(container.ports)) return;
  container.ports.forEach((port, i) => {
    if (!isPlainObject(port)) return;
    const at = `${path}.ports[${i}]`;
    if (typeof port.name === 'string') {
      const problem = portNameProblem(port.name);
      if (problem) report(`${at}.name`, 'portName', { port: port.name, container: label, problem });
    }
    if (typeof port.containerPort === 'number' && !validPort(port.containerPort, 1)) report(`${at}.containerPort`, 'portNumber', { field: 'containerPort', value: port.containerPort, container: label, min: 1 });
    // hostPort 0 means none
    if (typeof port.hostPort === 'number' && !validPort(port.hostPort, 0)) report(`${at}.hostPort`, 'portNumber', { field: 'hostPort', value: port.hostPort, container: label, min: 1 });
  });
}

function validPort(value: number, min: number): boolean {
  return Number.isInteger(value) && value >= min && value <= 65535;
}

function checkQuantities(container: JsonObject, path: string, label: string, report: Report): void {
  const resources = container.resources;
  if (!isPlainObject(resources)) return;
  for (const kind of ['requests', 'limits'] as const) {
    const values = resources[kind];
    if (!isPlainObject(values)) continue;
    for (const [resource, value] of Object.entries(values)) {
      // numbers are quantities; other types are the schema's to report
      if (typeof value === 'string' && parseQuantity(value) === undefined) report(`${path}.resources.${kind}[${JSON.stringify(resource)}]`, 'quantity', { kind, resource, value, container: label });
    }
  }
}

function checkVolumes(template: PodTemplate, report: Report): void {
  const volumes = template.spec.volumes;
  if (!Array.isArray(volumes)) return;
  const firstByName = new Map<string, number>();
  volumes.forEach((volume, i) => {
    if (!isPlainObject(volume)) return;
    const path = `${template.specPath}.volumes[${i}]`;
    if (typeof volume.name === 'string') {
      const first = firstByName.get(volume.name);
      if (first !== undefined) report(`${path}.name`, 'duplicateVolume', { volume: volume.name, first: `volumes[${first}]` });
      else firstByName.set(volume.name, i);
      const problem = dns1123Label(volume.name);
      if (problem) report(`${path}.name`, 'volumeName', { volume: volume.name, problem });
    }
    for (const source of MODE_SOURCES) if (isPlainObject(volume[source])) checkModes(volume[source], `${path}.${source}`, report);
  });
}

/** `defaultMode`, and the `mode` of each item, also inside a projected volume's sources. */
function checkModes(source: JsonObject, path: string, report: Report): void {
  checkMode(source.defaultMode, `${path}.defaultMode`, 'defaultMode', report);
  if (Array.isArray(source.items)) source.items.forEach((item, i) => isPlainObject(item) && checkMode(item.mode, `${path}.items[${i}].mode`, 'mode', report));
  if (Array.isArray(source.sources)) {
    source.sources.forEach((projection, i) => {
      if (!isPlainObject(projection)) return;
      for (const kind of ['configMap', 'secret', 'downwardAPI'] as const) if (isPlainObject(projection[kind])) checkModes(projection[kind], `${path}.sources[${i}].${kind}`, report);
    });
  }
}

function checkMode(value: unknown, path: string, field: string, report: Report): void {
  if (typeof value !== 'number' || !Number.isInteger(value) || (value >= 0 && value <= MAX_MODE)) return;
  report(path, 'fileMode', { field, value, octal: value >= 0 ? `0${value.toString(8)}` : `-0${(-value).toString(8)}` });
}
