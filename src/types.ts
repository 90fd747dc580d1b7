import type { PendingFix } from './fix/resolve.js';

/** Shared data types of the pipeline: load → objects → graph → rules → findings → report. */

export type Severity = 'error' | 'warning' | 'info';

export const SEVERITY_ORDER: Record<Severity, number> = { error: 2, warning: 1, info: 0 };

/** 1-based line and column, as editors and CI annotations count them. */
export interface Position {
  line: number;
  column: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** A field path such as `spec.template.spec.containers[0].ports[1]`, or its segments. */
export type FieldPath = string | ReadonlyArray<string | number>;

export type JsonValue = string | number | boolean | null | JsonValue[] | JsonObject;
export interface JsonObject {
  [key: string]: JsonValue | undefined;
}

/** How other tools name an object (the `object` of a JSON finding). */
export interface ObjectRef {
  apiVersion: string;
  kind: string;
  namespace: string | null;
  name: string;
}

export interface ObjectSource {
  /** The path as the user gave it (or the stdin file name). */
  file: string;
  /** 0-based index of the YAML document in the file. */
  documentIndex: number;
  /** For objects expanded from a `kind: List`, the index in `items`. */
  itemIndex?: number;
  /** Where the whole object stands in the file. */
  range: Range;
  /**
   * The range of a field. When the path does not exist, the range of the deepest
   * existing part of it (so a "missing field" finding points at its parent).
   */
  locate(path: FieldPath): Range;
  /**
   * For objects a tool rendered (kustomize, Helm): where a field was written, which may be another
   * file than `file` (a patch entry in a kustomization). Findings are reported there.
   */
  locateSource?(path: FieldPath): { file: string; range: Range };
  /** Set for objects a tool rendered; findings on them carry it. */
  rendered?: RenderedBy;
}

/** Which tool rendered an object, and from what (the `rendered` of a JSON finding). */
export type RenderedBy = { by: 'kustomize'; kustomization: string } | { by: 'helm'; chart: string };

/** One Kubernetes object from the input, typed at the edge. */
export interface K8sObject {
  /** Unique within a run: `Kind/namespace/name` or `Kind/name` for cluster-scoped kinds. */
  id: string;
  apiVersion: string;
  /** API group, `""` for the core group. */
  group: string;
  version: string;
  kind: string;
  name: string;
  /** `default` when omitted for namespaced kinds; null for cluster-scoped kinds. */
  namespace: string | null;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  /** The object as parsed, untouched. */
  body: JsonObject;
  source: ObjectSource;
}

export interface RelatedLocation {
  file: string;
  line: number;
  column: number;
  message: string;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  object: ObjectRef | null;
  /** The field path the rule reported, when it reported one. */
  path?: string;
  /** The rule's repair, still at field paths of the object (`FileFixer` turns it into text edits). */
  fix?: PendingFix;
  /** The id of the rule's message template, for rules that declare `messages`. */
  messageId?: string;
  /** The values that filled the message template. */
  data?: Record<string, string | number>;
  /** Other places involved (the Service that selects nothing, the missing PVC's user…). */
  related?: RelatedLocation[];
  /** Set when the object was rendered by a tool and the finding mapped back to the files it read. */
  rendered?: RenderedBy;
}

export function objectRef(obj: K8sObject): ObjectRef {
  return { apiVersion: obj.apiVersion, kind: obj.kind, namespace: obj.namespace, name: obj.name };
}
