import { Graph } from '@dagrejs/graphlib';
import type { EdgeType, GraphNode, KnitGraph } from '../graph/graph.js';
import type { ObjectChange } from './changes.js';

/** A node as diffs name it: an input object or a missing reference (implied nodes fold into their owner). */
export interface RelationNode {
  id: string;
  kind: string;
  namespace: string | null;
  name: string;
  missing: boolean;
}

/** An edge between owners: a Service selects a Deployment (not the Pods the Deployment implies). */
export interface Relation {
  from: string;
  to: string;
  type: EdgeType;
}

export interface RelationChange extends Relation {
  change: 'added' | 'removed';
  /** A sentence a reviewer reads, e.g. `Service web no longer selects Deployment web (labels changed)`. */
  sentence: string;
}

/** The graph's edges between owners, once per (from, type, to), without an object's edges to its own implied nodes. */
export function relationsOf(graph: KnitGraph): { nodes: Map<string, RelationNode>; relations: Map<string, Relation> } {
  const nodes = new Map<string, RelationNode>();
  const ownerOf = (node: GraphNode): string => {
    const id = node.impliedBy?.id ?? node.id;
    if (!nodes.has(id)) {
      const owner = node.impliedBy ?? node;
      nodes.set(id, { id, kind: owner.kind, namespace: owner.namespace, name: owner.name, missing: node.missing });
    }
    return id;
  };
  for (const node of graph.nodes()) ownerOf(node);
  const relations = new Map<string, Relation>();
  for (const edge of graph.edges()) {
    const fromNode = graph.node(edge.from);
    const toNode = graph.node(edge.to);
    if (!fromNode || !toNode) continue;
    const from = ownerOf(fromNode);
    const to = ownerOf(toNode);
    if (from === to) continue;
    relations.set(relationKey({ from, to, type: edge.type }), { from, to, type: edge.type });
  }
  return { nodes, relations };
}

export function relationKey(r: Relation): string {
  return `${r.from}\u0000${r.type}\u0000${r.to}`;
}

const VERBS: Record<EdgeType, string> = {
  owns: 'owns', selects: 'selects', routes: 'routes to', mounts: 'mounts', references: 'references', binds: 'binds',
  provisions: 'is provisioned by', scales: 'scales', grants: 'grants', 'headless-service': 'uses as its headless Service', connects: 'connects to', produces: 'produces',
};

/** Relations added and removed between two revisions, with sentences; sorted added first, then by sentence. */
export function relationChanges(
  base: ReturnType<typeof relationsOf>, head: ReturnType<typeof relationsOf>, objects: readonly ObjectChange[],
): RelationChange[] {
  const byId = new Map(objects.map((c) => [c.id, c]));
  const label = (id: string) => nodeLabel(head.nodes.get(id) ?? base.nodes.get(id), id);
  const out: RelationChange[] = [];
  const describe = (r: Relation, change: 'added' | 'removed'): RelationChange => {
    const subject = r.type === 'grants' && (head.nodes.get(r.to) ?? base.nodes.get(r.to))?.kind === 'ServiceAccount';
    const verb = `${change === 'added' ? 'now' : 'no longer'} ${subject ? 'grants its role to' : VERBS[r.type]}`;
    const why = reason(r, byId, label);
    return { ...r, change, sentence: `${label(r.from)} ${verb} ${label(r.to)}${why ? ` (${why})` : ''}` };
  };
  for (const [key, r] of head.relations) if (!base.relations.has(key)) out.push(describe(r, 'added'));
  for (const [key, r] of base.relations) if (!head.relations.has(key)) out.push(describe(r, 'removed'));
  return out.sort((a, b) => (a.change === b.change ? (a.sentence < b.sentence ? -1 : a.sentence > b.sentence ? 1 : 0) : a.change === 'added' ? -1 : 1));
}

/** `Kind name`, with the namespace when it is not `default`: `Service shop/web`. */
export function nodeLabel(node: RelationNode | undefined, id: string): string {
  if (!node) return id;
  const where = node.namespace && node.namespace !== 'default' ? `${node.namespace}/` : '';
  return `${node.kind} ${where}${node.name}`;
}

/** Why a relation came or went: an end added or removed, or the fields that changed on either end. */
function reason(r: Relation, changes: Map<string, ObjectChange>, label: (id: string) => string): string {
  const causes: string[] = [];
  for (const [id, side] of [[r.from, 'from'], [r.to, 'to']] as const) {
    const change = changes.get(id);
    if (!change) continue;
    if (change.change !== 'changed') {
      // "RoleBinding ci now grants …" needs no "(RoleBinding ci added)".
      if (side === 'to') causes.push(`${label(id)} ${change.change}`);
      continue;
    }
    const fields = change.fields;
    if (fields.some((f) => f.endsWith('labels')) && side === 'to') causes.push('labels changed');
    else if (fields.some((f) => /(^|\.)selector(\.|$)/.test(f)) && side === 'from') causes.push('selector changed');
    else if (r.type === 'grants' && fields.some((f) => f.startsWith('roleRef') || f.startsWith('subjects'))) causes.push(`${f0(fields)} changed`);
    else causes.push(`${label(id)} changed ${f0(fields)}`);
  }
  return [...new Set(causes)].join('; ');
}

function f0(fields: readonly string[]): string {
  return fields.length > 2 ? `${fields.slice(0, 2).join(', ')}…` : fields.join(', ');
}

export interface Neighbourhood {
  nodes: RelationNode[];
  edges: Array<Relation & { change: 'added' | 'removed' | 'same' }>;
  /** Unchanged neighbours left out to keep the picture readable. */
  omitted: number;
}

const MAX_NEIGHBOURS = 30;

/**
 * The changed part of the union of both graphs: changed objects, ends of changed relations and
 * their direct neighbours (graphlib's `neighbors`), with every relation among them.
 */
export function changedNeighbourhood(
  base: ReturnType<typeof relationsOf>, head: ReturnType<typeof relationsOf>, objects: readonly ObjectChange[], relations: readonly RelationChange[],
): Neighbourhood {
  const union = new Graph({ directed: true, multigraph: true });
  const status = new Map<string, 'added' | 'removed' | 'same'>();
  for (const [key] of base.relations) status.set(key, head.relations.has(key) ? 'same' : 'removed');
  for (const [key] of head.relations) if (!status.has(key)) status.set(key, 'added');
  for (const [key, r] of [...base.relations, ...head.relations]) union.setEdge(r.from, r.to, r, key);
  const changed = new Set([...objects.map((c) => c.id), ...relations.flatMap((r) => [r.from, r.to])]);
  for (const id of changed) if (!union.hasNode(id)) union.setNode(id);
  const neighbours = new Set<string>();
  for (const id of changed) for (const n of union.neighbors(id) ?? []) if (!changed.has(n)) neighbours.add(n);
  const shown = [...neighbours].sort().slice(0, MAX_NEIGHBOURS);
  const keep = new Set([...changed, ...shown]);
  const nodes = [...keep].sort().map((id) => head.nodes.get(id) ?? base.nodes.get(id) ?? { id, kind: '?', namespace: null, name: id, missing: true });
  const edges: Neighbourhood['edges'] = [];
  for (const [key, change] of status) {
    const r = head.relations.get(key) ?? base.relations.get(key);
    if (r && keep.has(r.from) && keep.has(r.to)) edges.push({ ...r, change });
  }
  edges.sort((a, b) => (relationKey(a) < relationKey(b) ? -1 : 1));
  return { nodes, edges, omitted: neighbours.size - shown.length };
}
