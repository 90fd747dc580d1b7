/** Small DOM helpers. Text always goes in through `textContent`, never as HTML. */

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`kubeknit diagram: #${id} is missing from the page`);
  return found as T;
}

/** The SVG group of a node or edge (Graphviz writes our keys as element ids). */
export function svgPart(key: string): SVGGElement | null {
  return document.getElementById(key) as SVGGElement | null;
}

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string | number | null, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  if (className) node.className = className;
  return node;
}
