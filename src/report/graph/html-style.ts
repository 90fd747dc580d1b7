/** The HTML diagram's style sheet, inlined into the page (its script is client/, bundled at build time). */

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
