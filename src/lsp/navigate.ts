import type { GraphEdge, GraphNode, KnitGraph } from '../graph/graph.js';
import { formatFieldPath, parseFieldPath, type PathSegment } from '../load/field-path.js';
import type { K8sObject, Range } from '../types.js';
import type { PathAtOffset } from './path-at-offset.js';

/** One object a reference under the cursor leads to (or comes from). */
export interface NavigationTarget {
  /** `selects`, `mounts`… for what the field points at; `selected by`… for what points at it. */
  relation: string;
  node: GraphNode;
  /** Where the target is written; absent for objects not in the workspace. */
  file?: string;
  range?: Range;
}

/** The object a cursor position falls in, and the field path inside that object. */
export function objectAtPath(objects: readonly K8sObject[], at: PathAtOffset): { object: K8sObject; path: PathSegment[] } | undefined {
  const inDocument = objects.filter((o) => o.source.documentIndex === at.documentIndex);
  const [first, second, ...rest] = at.path;
  if (first === 'items' && typeof second === 'number') {
    const item = inDocument.find((o) => o.source.itemIndex === second);
    if (item) return { object: item, path: rest };
  }
  const object = inDocument.find((o) => o.source.itemIndex === undefined);
  return object ? { object, path: at.path } : undefined;
}

/**
 * What the field at `path` of `object` refers to, read from the graph: edges that leave the object
 * (or the Pods it implies) from that field or a field containing it. On `metadata.name`, and on a
 * Pod template's labels, it also lists what points at the object.
 */
export function navigationTargets(graph: KnitGraph, object: K8sObject, path: readonly PathSegment[]): NavigationTarget[] {
  const own = nodesOf(graph, object);
  const targets = new Map<string, NavigationTarget>();
  // Only the edges of the most specific field: on a configMapKeyRef, not those of its whole container.
  let matched: GraphEdge[] = [];
  let depth = -1;
  for (const node of own) {
    for (const edge of graph.outEdges(node.id)) {
      const edgePath = parseFieldPath(edge.path);
      if (!isPrefix(edgePath, path) || edgePath.length < depth) continue;
      if (graph.node(edge.to)?.impliedBy === object) continue; // the object's own ReplicaSets and Pods
      if (edgePath.length > depth) [matched, depth] = [[], edgePath.length];
      matched.push(edge);
    }
  }
  for (const edge of matched) {
    const target = graph.node(edge.to);
    if (target && !targets.has(target.id)) targets.set(target.id, { relation: edge.type, node: target, ...whereIs(target) });
  }
  const pathText = formatFieldPath(path);
  for (const node of own) {
    const templateLabels = node.podTemplate && node.implied ? `${node.podTemplate.metadataPath}.labels` : undefined;
    const onName = pathText === 'metadata.name' || (!node.implied && node.kind === 'Pod' && pathText.startsWith('metadata.labels'));
    if (!onName && !(templateLabels && (pathText === templateLabels || pathText.startsWith(`${templateLabels}.`) || pathText.startsWith(`${templateLabels}[`)))) continue;
    for (const edge of graph.inEdges(node.id)) {
      if (edge.type === 'owns') continue;
      const source = graph.node(edge.from);
      if (source && !targets.has(source.id)) targets.set(source.id, { relation: `${edge.type} (from)`, node: source, ...whereEdgeStarts(source, edge) });
    }
  }
  return [...targets.values()];
}

/** The object's own node and the nodes it implies (a Deployment's ReplicaSet and Pods). */
function nodesOf(graph: KnitGraph, object: K8sObject): GraphNode[] {
  const own = graph.nodeOf(object);
  if (!own) return [];
  const implied = graph.nodes().filter((n) => n.impliedBy === object);
  return [own, ...implied];
}

function isPrefix(prefix: readonly PathSegment[], path: readonly PathSegment[]): boolean {
  if (prefix.length > path.length) return false;
  return prefix.every((seg, i) => String(seg) === String(path[i]));
}

function whereIs(node: GraphNode): { file?: string; range?: Range } {
  if (node.object) return { file: node.object.source.file, range: node.object.source.locate('metadata.name') };
  if (node.impliedBy) {
    const at = node.podTemplate ? node.impliedBy.source.locate(node.podTemplate.metadataPath) : node.impliedBy.source.range;
    return { file: node.impliedBy.source.file, range: at };
  }
  return {};
}

function whereEdgeStarts(node: GraphNode, edge: GraphEdge): { file?: string; range?: Range } {
  const object = node.object ?? node.impliedBy;
  return object ? { file: object.source.file, range: object.source.locate(edge.path) } : {};
}

/** How a hover names a node: `Deployment shop/web`, `Pods of Deployment shop/web`. */
export function describeNode(node: GraphNode): string {
  const name = (n: { namespace: string | null; name: string }) => (n.namespace === null ? n.name : `${n.namespace}/${n.name}`);
  if (node.impliedBy) return `${node.kind}s of ${node.impliedBy.kind} ${name(node.impliedBy)}`;
  return `${node.kind} ${name(node)}`;
}
