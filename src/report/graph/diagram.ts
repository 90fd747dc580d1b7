import type { EdgeType, GraphNode } from '../../graph/graph.js';
import type { GraphView } from '../../graph/view.js';
import { SEVERITY_ORDER, type Finding, type Severity } from '../../types.js';
import { objectId } from '../../k8s/object-id.js';
import { own } from '../../own.js';

/** Kinds drawn alike: one shape and colour per family. */
export type KindFamily = 'workload' | 'pod' | 'networking' | 'mesh' | 'monitoring' | 'certificates' | 'storage' | 'config' | 'rbac' | 'group' | 'other';

const FAMILY_OF_KIND: Record<string, KindFamily> = {
  Deployment: 'workload', StatefulSet: 'workload', DaemonSet: 'workload', ReplicaSet: 'workload',
  Job: 'workload', CronJob: 'workload', ReplicationController: 'workload', HorizontalPodAutoscaler: 'workload',
  Pod: 'pod',
  Service: 'networking', Ingress: 'networking', IngressClass: 'networking', NetworkPolicy: 'networking',
  EndpointSlice: 'networking', Endpoints: 'networking', Gateway: 'networking', GatewayClass: 'networking',
  HTTPRoute: 'networking', GRPCRoute: 'networking', TCPRoute: 'networking', TLSRoute: 'networking', UDPRoute: 'networking', ReferenceGrant: 'networking',
  VirtualService: 'mesh', DestinationRule: 'mesh', ServiceEntry: 'mesh', Sidecar: 'mesh', PeerAuthentication: 'mesh', AuthorizationPolicy: 'mesh',
  ServiceMonitor: 'monitoring', PodMonitor: 'monitoring', Probe: 'monitoring', Prometheus: 'monitoring', PrometheusAgent: 'monitoring', PrometheusRule: 'monitoring', Alertmanager: 'monitoring', AlertmanagerConfig: 'monitoring', ThanosRuler: 'monitoring',
  Certificate: 'certificates', CertificateRequest: 'certificates', Issuer: 'certificates', ClusterIssuer: 'certificates',
  Rollout: 'workload', AnalysisTemplate: 'workload', ClusterAnalysisTemplate: 'workload', Experiment: 'workload',
  PersistentVolumeClaim: 'storage', PersistentVolume: 'storage', StorageClass: 'storage', VolumeAttachment: 'storage', CSIDriver: 'storage',
  ConfigMap: 'config', Secret: 'config',
  ServiceAccount: 'rbac', Role: 'rbac', ClusterRole: 'rbac', RoleBinding: 'rbac', ClusterRoleBinding: 'rbac',
};

export function kindFamily(kind: string): KindFamily {
  return own(FAMILY_OF_KIND, kind) ?? 'other';
}

export interface DiagramFinding {
  ruleId: string;
  severity: Severity;
  message: string;
  file: string;
  line: number;
  /** The graph node id of the object the finding is about. */
  objectId: string;
}

/** One box of the picture: an object, or (for large inputs) a group of objects. */
export interface DiagramNode {
  /** Short, safe id used in DOT and SVG (`n0`, `n1`…). */
  key: string;
  /** The graph node id (`Kind/ns/name`), or `group:…` for a group. */
  id: string;
  kind: string;
  namespace: string | null;
  name: string;
  family: KindFamily;
  implied: boolean;
  missing: boolean;
  file: string | null;
  line: number | null;
  /** For an object a tool rendered (kustomize): the file it came from, shown on the node. */
  renderedFrom?: string;
  findings: DiagramFinding[];
  worst: Severity | null;
  /** For a group: the ids of the objects it stands for. */
  members?: string[];
}

export interface DiagramEdge {
  key: string;
  from: string;
  to: string;
  type: EdgeType;
  path: string;
  /** How many object edges a group edge stands for (1 for object edges). */
  count: number;
}

export interface Diagram {
  nodes: DiagramNode[];
  edges: DiagramEdge[];
  /** Said on the picture, e.g. that objects were grouped. */
  note: string | null;
}

export interface DiagramOptions {
  /** Above this many nodes, objects are grouped per application label or namespace. */
  groupAbove?: number;
}

export const DEFAULT_GROUP_ABOVE = 300;

/** The application labels large diagrams group by, most specific first. */
export const APP_LABELS = ['app.kubernetes.io/name', 'app'] as const;

/** `Kind/ns/name` (or `Kind/name`): how the graph names the object a finding is about. */
export function findingNodeId(finding: Finding): string | null {
  const o = finding.object;
  if (!o) return null;
  return objectId(o.kind, o.namespace, o.name);
}

/** Findings per graph node id. */
export function findingsByNode(findings: readonly Finding[]): Map<string, DiagramFinding[]> {
  const byNode = new Map<string, DiagramFinding[]>();
  for (const f of findings) {
    const id = findingNodeId(f);
    if (id === null) continue;
    const list = byNode.get(id) ?? [];
    list.push({ ruleId: f.ruleId, severity: f.severity, message: f.message, file: f.file, line: f.line, objectId: id });
    byNode.set(id, list);
  }
  return byNode;
}

export function worstSeverity(findings: readonly DiagramFinding[]): Severity | null {
  let worst: Severity | null = null;
  for (const f of findings) if (worst === null || SEVERITY_ORDER[f.severity] > SEVERITY_ORDER[worst]) worst = f.severity;
  return worst;
}

/** What a diagram draws: the view's objects with their findings, grouped when there are too many. */
export function buildDiagram(view: GraphView, findings: readonly Finding[], options: DiagramOptions = {}): Diagram {
  const byNode = findingsByNode(findings);
  const nodes = view.nodes.map((n, i) => objectNode(n, `n${i}`, byNode.get(n.id) ?? []));
  const keyOf = new Map(nodes.map((n) => [n.id, n.key]));
  const edges: DiagramEdge[] = view.edges.map((e, i) => ({ key: `e${i}`, from: keyOf.get(e.from) ?? '', to: keyOf.get(e.to) ?? '', type: e.type, path: e.path, count: 1 }));
  const limit = options.groupAbove ?? DEFAULT_GROUP_ABOVE;
  if (nodes.length <= limit) return { nodes, edges, note: null };
  const byApp = groupDiagram(view, nodes, edges, limit, true);
  // Too many applications to draw: one box per namespace instead.
  return byApp.nodes.length <= limit ? byApp : groupDiagram(view, nodes, edges, limit, false);
}

function objectNode(n: GraphNode, key: string, findings: DiagramFinding[]): DiagramNode {
  const source = n.object?.source ?? n.impliedBy?.source;
  return {
    key, id: n.id, kind: n.kind, namespace: n.namespace, name: n.name, family: kindFamily(n.kind),
    implied: n.implied, missing: n.missing,
    file: source?.file ?? null, line: source ? source.range.start.line : null,
    ...(n.object?.source.rendered ? { renderedFrom: n.object.source.file } : {}),
    findings, worst: worstSeverity(findings),
  };
}

/** The application an object belongs to, read from its own labels or its controller's. */
function appOf(n: GraphNode): string | undefined {
  const labels = n.object?.labels ?? n.impliedBy?.labels ?? {};
  for (const label of APP_LABELS) if (labels[label]) return labels[label];
  return undefined;
}

function groupDiagram(view: GraphView, objects: DiagramNode[], objectEdges: DiagramEdge[], limit: number, byApp: boolean): Diagram {
  const groups = new Map<string, DiagramNode>();
  const groupKeyOf = new Map<string, string>();
  view.nodes.forEach((n, i) => {
    const app = byApp ? appOf(n) : undefined;
    const id = `group:${n.namespace ?? ''}/${app ?? ''}`;
    let group = groups.get(id);
    if (!group) {
      group = {
        key: `g${groups.size}`, id, kind: app ? 'application' : n.namespace === null ? 'cluster-scoped' : 'namespace', namespace: n.namespace,
        name: app ?? n.namespace ?? 'no namespace', family: 'group', implied: false, missing: false,
        file: null, line: null, findings: [], worst: null, members: [],
      };
      groups.set(id, group);
    }
    group.members?.push(n.id);
    group.findings.push(...objects[i].findings);
    groupKeyOf.set(objects[i].key, group.key);
  });
  for (const g of groups.values()) g.worst = worstSeverity(g.findings);

  const merged = new Map<string, DiagramEdge>();
  for (const e of objectEdges) {
    const from = groupKeyOf.get(e.from);
    const to = groupKeyOf.get(e.to);
    if (!from || !to || from === to) continue;
    const id = `${from}|${to}|${e.type}`;
    const edge = merged.get(id);
    if (edge) edge.count++;
    else merged.set(id, { key: `e${merged.size}`, from, to, type: e.type, path: '', count: 1 });
  }
  const how = byApp ? `per application label (${APP_LABELS.join(', ')}) or, without one, per namespace` : 'per namespace';
  const note = `${objects.length} objects (more than ${limit}): grouped ${how}. Use --namespace, --kind or --focus to see single objects.`;
  return { nodes: [...groups.values()], edges: [...merged.values()], note };
}
