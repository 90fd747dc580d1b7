import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** A `<g>` of Graphviz's SVG: a node, an edge or a cluster, with its classes and text lines. */
export interface SvgGroup {
  id: string;
  classes: string[];
  texts: string[];
  /** `fill`/`stroke` of its shapes, and `stroke-dasharray` where dashed. */
  fills: string[];
  strokes: string[];
  dashed: boolean;
}

type XmlNode = { [key: string]: XmlValue };
type XmlValue = string | number | boolean | XmlNode | XmlValue[];

/** Throws unless the text is well-formed XML. */
export function assertWellFormed(xml: string): void {
  const result = XMLValidator.validate(xml);
  if (result !== true) throw new Error(`not well-formed XML: ${result.err.msg} at line ${result.err.line}`);
}

/** Every `<g>` with an id, by id, read from the SVG's structure (not its bytes). */
export function svgGroups(svg: string): Map<string, SvgGroup> {
  assertWellFormed(svg);
  const doc = new XMLParser({ ignoreAttributes: false, htmlEntities: true, attributeNamePrefix: '@_' }).parse(svg) as XmlNode;
  const groups = new Map<string, SvgGroup>();
  const visit = (value: XmlValue, owner: SvgGroup | null): void => {
    if (Array.isArray(value)) return value.forEach((v) => visit(v, owner));
    if (typeof value !== 'object') return;
    let current = owner;
    const id = value['@_id'];
    if (typeof id === 'string' && typeof value['@_class'] === 'string') {
      current = { id, classes: value['@_class'].split(/\s+/), texts: [], fills: [], strokes: [], dashed: false };
      groups.set(id, current);
    }
    for (const [key, child] of Object.entries(value)) {
      if (key === 'text' && current) for (const t of [child].flat()) current.texts.push(String(typeof t === 'object' && !Array.isArray(t) ? t['#text'] ?? '' : t));
      if (['path', 'polygon', 'ellipse', 'polyline'].includes(key) && current) {
        for (const shape of [child].flat()) {
          if (typeof shape !== 'object' || Array.isArray(shape)) continue;
          if (typeof shape['@_fill'] === 'string') current.fills.push(shape['@_fill']);
          if (typeof shape['@_stroke'] === 'string') current.strokes.push(shape['@_stroke']);
          if (shape['@_stroke-dasharray'] !== undefined) current.dashed = true;
        }
      }
      if (!key.startsWith('@_')) visit(child, current);
    }
  };
  visit(doc, null);
  return groups;
}
