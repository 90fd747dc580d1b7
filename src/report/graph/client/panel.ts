/** The side panel: one object's details, findings and edges; clicking an edge selects its other end. */
import type { PageData, PageEdge, PageNode } from '../page-data.js';
import { byId, el, svgPart } from './dom.js';
import { namespaceLabel } from './filters.js';

export interface Panel {
  select(key: string): void;
}

export function setUpPanel(data: PageData): Panel {
  const panel = byId('kk-panel');
  const details = byId('kk-details');
  const nodeByKey = new Map<string, PageNode>();
  const edgesOf = new Map<string, { out: PageEdge[]; in: PageEdge[] }>();
  for (const n of data.nodes) {
    nodeByKey.set(n.key, n);
    edgesOf.set(n.key, { out: [], in: [] });
  }
  for (const e of data.edges) {
    edgesOf.get(e.from)?.out.push(e);
    edgesOf.get(e.to)?.in.push(e);
  }
  let selected: string | null = null;

  const describe = (key: string) => {
    const n = nodeByKey.get(key);
    return n ? `${n.kind} ${n.namespace ? `${n.namespace}/` : ''}${n.name}` : key;
  };

  const edgeList = (title: string, edges: PageEdge[], otherEnd: 'from' | 'to', arrow: string) => {
    if (!edges.length) return;
    details.appendChild(el('h3', `${title} (${edges.length})`));
    const ul = el('ul');
    for (const e of edges) {
      const li = el('li');
      li.appendChild(document.createTextNode(`${e.type}${e.count > 1 ? ` ×${e.count}` : ''} ${arrow} `));
      const link = el('button', describe(e[otherEnd]), 'kk-link');
      link.type = 'button';
      link.addEventListener('click', () => select(e[otherEnd]));
      li.appendChild(link);
      if (e.path) li.appendChild(el('span', ` (${e.path})`, 'kk-rule'));
      ul.appendChild(li);
    }
    details.appendChild(ul);
  };

  const findingList = (n: PageNode) => {
    details.appendChild(el('h3', n.findings.length ? `Findings (${n.findings.length})` : 'No findings'));
    if (!n.findings.length) return;
    const ul = el('ul', null, 'kk-findings');
    for (const f of n.findings) {
      const li = el('li', null, `kk-finding kk-finding-${f.severity}`);
      const severity = el('span', f.severity, 'kk-sev');
      severity.style.color = data.severityColors[f.severity];
      li.append(severity, el('span', f.message, 'kk-message'));
      li.appendChild(el('span', ` — ${f.ruleId}, ${f.file}:${f.line}${n.members ? `, ${f.objectId}` : ''}`, 'kk-rule'));
      ul.appendChild(li);
    }
    details.appendChild(ul);
  };

  const highlight = (key: string) => {
    if (selected) {
      svgPart(selected)?.classList.remove('kk-selected');
      for (const g of document.querySelectorAll('#kk-canvas .kk-active')) g.classList.remove('kk-active');
    }
    selected = key;
    svgPart(key)?.classList.add('kk-selected');
    const links = edgesOf.get(key);
    for (const e of links ? [...links.out, ...links.in] : []) svgPart(e.key)?.classList.add('kk-active');
  };

  function select(key: string): void {
    const n = nodeByKey.get(key);
    if (!n) return;
    highlight(key);
    details.textContent = '';
    details.appendChild(el('h2', `${n.kind} ${n.name}`));
    const dl = el('dl');
    const row = (term: string, value: string) => dl.append(el('dt', term), el('dd', value));
    row('Kind', n.kind);
    row('Namespace', namespaceLabel(n));
    row('Name', n.name);
    row('Id', n.id);
    if (n.file) row(n.implied ? 'Template in' : 'Defined in', `${n.file}:${n.line}`);
    if (n.implied) row('Note', 'created at run time by a controller, not in the input');
    if (n.missing) row('Note', 'referenced but missing from the input');
    details.appendChild(dl);
    findingList(n);
    const links = edgesOf.get(key);
    edgeList('Out', links?.out ?? [], 'to', '→');
    edgeList('In', links?.in ?? [], 'from', '←');
    if (n.members) {
      details.appendChild(el('h3', `Objects (${n.members.length})`));
      const members = el('ul');
      for (const m of n.members) members.appendChild(el('li', m));
      details.appendChild(members);
    }
    panel.hidden = false;
  }

  byId('kk-close').addEventListener('click', () => { panel.hidden = true; });
  // Nodes are reachable with the keyboard too.
  for (const n of data.nodes) {
    const g = svgPart(n.key);
    if (!g) continue;
    g.setAttribute('tabindex', '0');
    g.setAttribute('role', 'button');
    g.setAttribute('aria-label', `${n.kind} ${n.name}${n.findings.length ? `, ${n.findings.length} findings` : ''}`);
    g.addEventListener('keydown', (ev) => {
      if (ev.key === 'Enter' || ev.key === ' ') {
        ev.preventDefault();
        select(n.key);
      }
    });
  }
  return { select };
}
