/** Search, namespace, kind and edge-type filters: fade what does not match, hide unchecked edge types. */
import type { PageData, PageNode } from '../page-data.js';
import { byId, el, svgPart } from './dom.js';

const CLUSTER_SCOPED = '(cluster-scoped)';

export const namespaceLabel = (n: PageNode): string => n.namespace ?? CLUSTER_SCOPED;

export function matchesSearch(n: PageNode, query: string): boolean {
  if (!query) return true;
  const text = `${n.name} ${n.id} ${(n.members ?? []).join(' ')}`.toLowerCase();
  return text.includes(query);
}

function uniqueSorted(values: string[]): string[] {
  return [...new Set(values)].sort();
}

function fillSelect(select: HTMLSelectElement, values: string[]): void {
  for (const value of uniqueSorted(values)) {
    const option = el('option', value);
    option.value = value;
    select.appendChild(option);
  }
}

export function setUpFilters(data: PageData, onEnter: (n: PageNode) => void): void {
  const search = byId<HTMLInputElement>('kk-search');
  const nsSelect = byId<HTMLSelectElement>('kk-namespace');
  const kindSelect = byId<HTMLSelectElement>('kk-kind');
  const typeBox = byId('kk-edge-types');
  const count = byId('kk-count');

  fillSelect(nsSelect, data.nodes.map(namespaceLabel));
  fillSelect(kindSelect, data.nodes.map((n) => n.kind));
  const presentTypes = new Set(data.edges.map((e) => e.type));
  for (const type of data.edgeTypes) {
    if (!presentTypes.has(type)) continue;
    const label = el('label');
    const box = el('input');
    box.type = 'checkbox';
    box.checked = true;
    box.value = type;
    box.dataset.edgeType = type;
    const swatch = el('span', null, 'kk-swatch');
    swatch.style.background = data.edgeColors[type] ?? '';
    label.append(box, swatch, document.createTextNode(type));
    typeBox.appendChild(label);
  }

  const query = () => search.value.trim().toLowerCase();
  const apply = () => {
    const q = query();
    const ns = nsSelect.value;
    const kind = kindSelect.value;
    const types = new Set(Array.from(typeBox.querySelectorAll<HTMLInputElement>('input:checked'), (b) => b.value));
    const visible = new Set<string>();
    for (const n of data.nodes) {
      const show = (!ns || namespaceLabel(n) === ns) && (!kind || n.kind === kind) && matchesSearch(n, q);
      if (show) visible.add(n.key);
      svgPart(n.key)?.classList.toggle('kk-faded', !show);
    }
    for (const e of data.edges) {
      const g = svgPart(e.key);
      if (!g) continue;
      g.classList.toggle('kk-hidden', !types.has(e.type));
      g.classList.toggle('kk-faded', !(visible.has(e.from) && visible.has(e.to)));
    }
    count.textContent = `${visible.size} of ${data.nodes.length} shown`;
  };

  for (const control of [search, nsSelect, kindSelect]) control.addEventListener('input', apply);
  typeBox.addEventListener('change', apply);
  search.addEventListener('keydown', (ev) => {
    if (ev.key !== 'Enter') return;
    const first = data.nodes.find((n) => matchesSearch(n, query()));
    if (first) onEnter(first);
  });
  apply();
}
