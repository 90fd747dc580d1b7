/**
 * The JSON the HTML diagram page embeds (`<script id="kk-data">`) and its browser script reads.
 * No imports: the browser code (client/, built with the DOM types) shares these types with the
 * reporter that writes the page.
 */
export type PageSeverity = 'error' | 'warning' | 'info';

export interface PageFinding {
  ruleId: string;
  severity: PageSeverity;
  message: string;
  file: string;
  line: number;
  objectId: string;
}

export interface PageNode {
  key: string;
  id: string;
  kind: string;
  namespace: string | null;
  name: string;
  implied: boolean;
  missing: boolean;
  file: string | null;
  line: number | null;
  findings: PageFinding[];
  /** The objects a group box stands for (large inputs only). */
  members?: string[];
}

export interface PageEdge {
  key: string;
  from: string;
  to: string;
  type: string;
  path: string;
  count: number;
}

export interface PageData {
  nodes: PageNode[];
  edges: PageEdge[];
  note: string | null;
  edgeTypes: readonly string[];
  edgeColors: Readonly<Record<string, string>>;
  severityColors: Readonly<Record<PageSeverity, string>>;
}
