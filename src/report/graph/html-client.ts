/**
 * The style and script of the HTML diagram, inlined into the page. The script runs in the
 * browser: it only reads the page's JSON data and writes text with `textContent`, never HTML.
 */

export const HTML_STYLE = `
*{box-sizing:border-box}
html,body{margin:0;height:100%;font:13px/1.4 system-ui,-apple-system,"Segoe UI",Helvetica,Arial,sans-serif;color:#0f172a;background:#fff}
body{display:flex;flex-direction:column}
#kk-toolbar{display:flex;flex-wrap:wrap;gap:8px;align-items:center;padding:6px 10px;border-bottom:1px solid #e2e8f0;background:#f8fafc}
#kk-toolbar input,#kk-toolbar select,#kk-toolbar button{font:inherit;padding:2px 6px}
#kk-search{min-width:14em}
#kk-edge-types label{margin-right:6px;white-space:nowrap}
#kk-edge-types .kk-swatch{display:inline-block;width:14px;height:3px;vertical-align:middle;margin:0 3px}
#kk-count{color:#475569}
#kk-note{margin:0;padding:6px 10px;background:#fef9c3;border-bottom:1px solid #fde68a}
main{flex:1;display:flex;min-height:0}
#kk-canvas{flex:1;overflow:hidden;cursor:grab;touch-action:none}
#kk-canvas.kk-dragging{cursor:grabbing}
#kk-canvas svg{width:100%;height:100%;display:block;user-select:none}
#kk-canvas .node{cursor:pointer}
#kk-canvas .kk-faded{opacity:.12}
#kk-canvas .kk-hidden{display:none}
#kk-canvas .kk-selected polygon,#kk-canvas .kk-selected ellipse,#kk-canvas .kk-selected path{stroke-width:4px}
#kk-canvas .kk-active path{stroke-width:3px}
#kk-panel{width:26em;max-width:45%;overflow:auto;border-left:1px solid #e2e8f0;padding:10px 12px;position:relative;background:#fff}
#kk-close{position:absolute;top:6px;right:8px;border:0;background:none;font-size:18px;cursor:pointer}
#kk-details h2{font-size:15px;margin:0 24px 8px 0;word-break:break-all}
#kk-details h3{font-size:13px;margin:12px 0 4px}
#kk-details dl{display:grid;grid-template-columns:auto 1fr;gap:2px 10px;margin:0}
#kk-details dt{color:#475569}
#kk-details dd{margin:0;word-break:break-all}
#kk-details ul{margin:0;padding-left:18px}
#kk-details li{margin:2px 0;word-break:break-word}
#kk-details .kk-sev{font-weight:600;text-transform:uppercase;font-size:11px;margin-right:4px}
#kk-details .kk-rule{color:#475569}
#kk-details button.kk-link{border:0;background:none;padding:0;color:#1d4ed8;cursor:pointer;text-align:left;font:inherit;text-decoration:underline}
`;

export const HTML_CLIENT_SCRIPT = `
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('kk-data').textContent);
  var svg = document.querySelector('#kk-canvas svg');
  var canvas = document.getElementById('kk-canvas');
  var panel = document.getElementById('kk-panel');
  var details = document.getElementById('kk-details');
  var search = document.getElementById('kk-search');
  var nsSelect = document.getElementById('kk-namespace');
  var kindSelect = document.getElementById('kk-kind');
  var typeBox = document.getElementById('kk-edge-types');
  var count = document.getElementById('kk-count');
  var nodeByKey = new Map();
  var edgesOf = new Map();
  data.nodes.forEach(function (n) { nodeByKey.set(n.key, n); edgesOf.set(n.key, { out: [], in: [] }); });
  data.edges.forEach(function (e) {
    if (edgesOf.has(e.from)) edgesOf.get(e.from).out.push(e);
    if (edgesOf.has(e.to)) edgesOf.get(e.to).in.push(e);
  });
  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (cls) node.className = cls;
    return node;
  }
  function svgEl(key) { return document.getElementById(key); }

  // Filters: namespace, kind, edge type, search by name.
  function uniqueSorted(values) { return Array.from(new Set(values)).sort(); }
  uniqueSorted(data.nodes.map(function (n) { return n.namespace === null ? '(cluster-scoped)' : n.namespace; }))
    .forEach(function (ns) { var o = el('option', ns); o.value = ns; nsSelect.appendChild(o); });
  uniqueSorted(data.nodes.map(function (n) { return n.kind; }))
    .forEach(function (k) { var o = el('option', k); o.value = k; kindSelect.appendChild(o); });
  var presentTypes = new Set(data.edges.map(function (e) { return e.type; }));
  data.edgeTypes.forEach(function (t) {
    if (!presentTypes.has(t)) return;
    var label = el('label');
    var box = el('input');
    box.type = 'checkbox'; box.checked = true; box.value = t; box.dataset.edgeType = t;
    var swatch = el('span', null, 'kk-swatch');
    swatch.style.background = data.edgeColors[t];
    label.appendChild(box); label.appendChild(swatch); label.appendChild(document.createTextNode(t));
    typeBox.appendChild(label);
  });
  function nsOf(n) { return n.namespace === null ? '(cluster-scoped)' : n.namespace; }
  function matchesSearch(n, q) {
    if (!q) return true;
    var text = (n.name + ' ' + n.id + ' ' + (n.members || []).join(' ')).toLowerCase();
    return text.indexOf(q) !== -1;
  }
  function applyFilters() {
    var q = search.value.trim().toLowerCase();
    var ns = nsSelect.value;
    var kind = kindSelect.value;
    var types = new Set(Array.prototype.map.call(typeBox.querySelectorAll('input:checked'), function (b) { return b.value; }));
    var visible = new Set();
    data.nodes.forEach(function (n) {
      var show = (!ns || nsOf(n) === ns) && (!kind || n.kind === kind) && matchesSearch(n, q);
      if (show) visible.add(n.key);
      var g = svgEl(n.key);
      if (g) g.classList.toggle('kk-faded', !show);
    });
    data.edges.forEach(function (e) {
      var g = svgEl(e.key);
      if (!g) return;
      g.classList.toggle('kk-hidden', !types.has(e.type));
      g.classList.toggle('kk-faded', !(visible.has(e.from) && visible.has(e.to)));
    });
    count.textContent = visible.size + ' of ' + data.nodes.length + ' shown';
  }
  [search, nsSelect, kindSelect].forEach(function (c) { c.addEventListener('input', applyFilters); });
  typeBox.addEventListener('change', applyFilters);
  search.addEventListener('keydown', function (ev) {
    if (ev.key !== 'Enter') return;
    var q = search.value.trim().toLowerCase();
    var first = data.nodes.find(function (n) { return matchesSearch(n, q); });
    if (first) select(first.key);
  });

  // Side panel.
  var selected = null;
  function describe(key) {
    var n = nodeByKey.get(key);
    return n ? n.kind + ' ' + (n.namespace ? n.namespace + '/' : '') + n.name : key;
  }
  function edgeList(title, edges, otherEnd, arrow) {
    if (!edges.length) return;
    details.appendChild(el('h3', title + ' (' + edges.length + ')'));
    var ul = el('ul');
    edges.forEach(function (e) {
      var li = el('li');
      li.appendChild(document.createTextNode(e.type + (e.count > 1 ? ' ×' + e.count : '') + ' ' + arrow + ' '));
      var link = el('button', describe(e[otherEnd]), 'kk-link');
      link.type = 'button';
      link.addEventListener('click', function () { select(e[otherEnd]); });
      li.appendChild(link);
      if (e.path) li.appendChild(el('span', ' (' + e.path + ')', 'kk-rule'));
      ul.appendChild(li);
    });
    details.appendChild(ul);
  }
  function select(key) {
    var n = nodeByKey.get(key);
    if (!n) return;
    if (selected) {
      var old = svgEl(selected);
      if (old) old.classList.remove('kk-selected');
      document.querySelectorAll('#kk-canvas .kk-active').forEach(function (g) { g.classList.remove('kk-active'); });
    }
    selected = key;
    var g = svgEl(key);
    if (g) g.classList.add('kk-selected');
    var links = edgesOf.get(key);
    links.out.concat(links.in).forEach(function (e) { var eg = svgEl(e.key); if (eg) eg.classList.add('kk-active'); });
    details.textContent = '';
    details.appendChild(el('h2', n.kind + ' ' + n.name));
    var dl = el('dl');
    function row(term, value) { dl.appendChild(el('dt', term)); dl.appendChild(el('dd', value)); }
    row('Kind', n.kind);
    row('Namespace', n.namespace === null ? '(cluster-scoped)' : n.namespace);
    row('Name', n.name);
    row('Id', n.id);
    if (n.file) row(n.implied ? 'Template in' : 'Defined in', n.file + ':' + n.line);
    if (n.implied) row('Note', 'created at run time by a controller, not in the input');
    if (n.missing) row('Note', 'referenced but missing from the input');
    details.appendChild(dl);
    details.appendChild(el('h3', n.findings.length ? 'Findings (' + n.findings.length + ')' : 'No findings'));
    if (n.findings.length) {
      var ul = el('ul', null, 'kk-findings');
      n.findings.forEach(function (f) {
        var li = el('li', null, 'kk-finding kk-finding-' + f.severity);
        var sev = el('span', f.severity, 'kk-sev');
        sev.style.color = data.severityColors[f.severity];
        li.appendChild(sev);
        li.appendChild(el('span', f.message, 'kk-message'));
        li.appendChild(el('span', ' — ' + f.ruleId + ', ' + f.file + ':' + f.line + (n.members ? ', ' + f.objectId : ''), 'kk-rule'));
        ul.appendChild(li);
      });
      details.appendChild(ul);
    }
    edgeList('Out', links.out, 'to', '→');
    edgeList('In', links.in, 'from', '←');
    if (n.members) {
      details.appendChild(el('h3', 'Objects (' + n.members.length + ')'));
      var members = el('ul');
      n.members.forEach(function (m) { members.appendChild(el('li', m)); });
      details.appendChild(members);
    }
    panel.hidden = false;
  }
  document.getElementById('kk-close').addEventListener('click', function () { panel.hidden = true; });
  // Nodes are reachable with the keyboard too.
  data.nodes.forEach(function (n) {
    var g = svgEl(n.key);
    if (!g) return;
    g.setAttribute('tabindex', '0');
    g.setAttribute('role', 'button');
    g.setAttribute('aria-label', n.kind + ' ' + n.name + (n.findings.length ? ', ' + n.findings.length + ' findings' : ''));
    g.addEventListener('keydown', function (ev) {
      if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); select(n.key); }
    });
  });

  // Pan and zoom by moving the SVG viewBox.
  svg.removeAttribute('width');
  svg.removeAttribute('height');
  var base = svg.viewBox.baseVal;
  var home = { x: base.x, y: base.y, w: base.width, h: base.height };
  var view = { x: home.x, y: home.y, w: home.w, h: home.h };
  function show() { svg.setAttribute('viewBox', view.x + ' ' + view.y + ' ' + view.w + ' ' + view.h); }
  function toSvg(clientX, clientY) {
    var m = svg.getScreenCTM();
    if (!m) return { x: view.x + view.w / 2, y: view.y + view.h / 2 };
    var p = new DOMPoint(clientX, clientY).matrixTransform(m.inverse());
    return { x: p.x, y: p.y };
  }
  function zoom(factor, at) {
    var w = view.w * factor;
    if (w < home.w / 50 || w > home.w * 20) return;
    view.x = at.x - (at.x - view.x) * factor;
    view.y = at.y - (at.y - view.y) * factor;
    view.w = w;
    view.h = view.h * factor;
    show();
  }
  function centre() { return { x: view.x + view.w / 2, y: view.y + view.h / 2 }; }
  canvas.addEventListener('wheel', function (ev) {
    ev.preventDefault();
    zoom(ev.deltaY < 0 ? 0.85 : 1 / 0.85, toSvg(ev.clientX, ev.clientY));
  }, { passive: false });
  document.getElementById('kk-zoom-in').addEventListener('click', function () { zoom(0.8, centre()); });
  document.getElementById('kk-zoom-out').addEventListener('click', function () { zoom(1.25, centre()); });
  document.getElementById('kk-fit').addEventListener('click', function () { view = { x: home.x, y: home.y, w: home.w, h: home.h }; show(); });
  var drag = null;
  canvas.addEventListener('pointerdown', function (ev) {
    if (ev.button !== 0) return;
    drag = { x: ev.clientX, y: ev.clientY, moved: 0, target: ev.target };
  });
  canvas.addEventListener('pointermove', function (ev) {
    if (!drag) return;
    var m = svg.getScreenCTM();
    var scale = m ? m.a : 1;
    var dx = ev.clientX - drag.x;
    var dy = ev.clientY - drag.y;
    drag.moved += Math.abs(dx) + Math.abs(dy);
    if (drag.moved > 3) canvas.classList.add('kk-dragging');
    view.x -= dx / scale;
    view.y -= dy / scale;
    drag.x = ev.clientX;
    drag.y = ev.clientY;
    show();
  });
  function endDrag() {
    if (!drag) return;
    var wasClick = drag.moved <= 3;
    var target = drag.target;
    drag = null;
    canvas.classList.remove('kk-dragging');
    if (!wasClick || !target || !target.closest) return;
    var g = target.closest('g.node');
    if (g && nodeByKey.has(g.id)) select(g.id);
  }
  canvas.addEventListener('pointerup', endDrag);
  canvas.addEventListener('pointerleave', function () { drag = null; canvas.classList.remove('kk-dragging'); });
  applyFilters();
})();
`;
